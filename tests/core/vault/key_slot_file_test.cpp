#include <catch2/catch.hpp>

#include <fstream>

#include "common/error.h"
#include "crypto/primitives.h"
#include "support/temp_dir.h"
#include "vault/key_slot_file.h"
#include "vault/key_wrap.h"

using namespace abri;
using namespace abri::vault;

namespace {

KeySlotFile sampleFile(const crypto::SecureBuffer& dataKey) {
    KeySlotFile file;
    file.vaultId = crypto::randomId();
    file.putSlot(wrapForUser(file.vaultId, crypto::randomId(), "user.one", "Testpass-One-111",
                             crypto::KdfParams::minimum(), dataKey));
    file.putSlot(wrapForUser(file.vaultId, crypto::randomId(), "user.two", "Testpass-Two-222",
                             crypto::KdfParams::minimum(), dataKey));
    auto recovery = crypto::randomKey();
    file.putSlot(wrapForRecovery(file.vaultId, recovery, dataKey));
    file.recordFailedUnlock("user.one", "password", 1234);
    return file;
}

bool sameSlot(const KeySlot& a, const KeySlot& b) {
    return a.kind == b.kind && a.userId == b.userId && a.username == b.username && a.salt == b.salt &&
           a.sealedKey == b.sealedKey && a.kdf.opsLimit == b.kdf.opsLimit && a.kdf.memLimitBytes == b.kdf.memLimitBytes;
}

ErrorCode decodeError(const std::vector<std::uint8_t>& bytes) {
    try {
        decodeKeySlotFile(bytes, "x.keys");
    } catch (const Error& e) {
        CHECK(e.subject() == "x.keys");
        return e.code();
    }
    return ErrorCode::Internal;
}

}  // namespace

TEST_CASE("a key-slot file round-trips through its encoding and through disk", "[vault][keyslots]") {
    test::TempDir dir;
    auto dataKey = crypto::randomKey();
    const auto file = sampleFile(dataKey);
    writeKeySlotFile(dir / "v.keys", file);
    const auto back = readKeySlotFile(dir / "v.keys");
    CHECK(back.vaultId == file.vaultId);
    REQUIRE(back.slots.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(sameSlot(back.slots[i], file.slots[i]));
    REQUIRE(back.failedUnlocks.size() == 1);
    CHECK(back.failedUnlocks[0].atMs == 1234);
    CHECK(back.nextFailureSeq == 2);
    // Atomic write leaves no temporary file behind, and the file is private to its owner.
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()) == 1);
    const auto perms = std::filesystem::status(dir / "v.keys").permissions();
    CHECK((perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all)) ==
          std::filesystem::perms::none);
    // The plaintext data key appears nowhere in the file.
    const auto bytes = test::readFileBytes(dir / "v.keys");
    const std::string keyHex = crypto::toHex(dataKey.bytes());
    CHECK_FALSE(test::fileContains(dir / "v.keys", keyHex));
    CHECK(std::search(bytes.begin(), bytes.end(), dataKey.data(), dataKey.data() + dataKey.size()) == bytes.end());
}

TEST_CASE("slots open with the right secret only, and only where they belong", "[vault][keyslots]") {
    auto dataKey = crypto::randomKey();
    const auto file = sampleFile(dataKey);
    const KeySlot* one = file.findUserByName("user.one");
    REQUIRE(one != nullptr);
    crypto::SecureBuffer out;
    CHECK(unwrapUserSlot(file.vaultId, *one, "Testpass-One-111", out));
    CHECK(out.equals(dataKey));
    CHECK_FALSE(unwrapUserSlot(file.vaultId, *one, "Testpass-One-112", out));
    CHECK(out.empty());
    // Associated data: another vault id, another user name or user id, other KDF parameters all fail.
    CHECK_FALSE(unwrapUserSlot(crypto::randomId(), *one, "Testpass-One-111", out));
    KeySlot renamed = *one;
    renamed.username = "user.two";
    CHECK_FALSE(unwrapUserSlot(file.vaultId, renamed, "Testpass-One-111", out));
    KeySlot otherId = *one;
    otherId.userId = file.findUserByName("user.two")->userId;
    CHECK_FALSE(unwrapUserSlot(file.vaultId, otherId, "Testpass-One-111", out));
    KeySlot tampered = *one;
    tampered.sealedKey[30] ^= 0x01;
    CHECK_FALSE(unwrapUserSlot(file.vaultId, tampered, "Testpass-One-111", out));
}

TEST_CASE("damaged key-slot files are reported as corrupted, never parsed", "[vault][keyslots]") {
    auto dataKey = crypto::randomKey();
    const auto bytes = encodeKeySlotFile(sampleFile(dataKey));
    CHECK_NOTHROW(decodeKeySlotFile(bytes, "x.keys"));

    for (std::size_t cut : {std::size_t{0}, std::size_t{10}, bytes.size() / 2, bytes.size() - 1}) {
        INFO("truncated to " << cut);
        CHECK(decodeError(std::vector<std::uint8_t>(bytes.begin(), bytes.begin() + static_cast<long>(cut))) ==
              ErrorCode::KeySlotFileCorrupted);
    }
    for (std::size_t at : {std::size_t{0}, std::size_t{9}, std::size_t{13}, std::size_t{40}, bytes.size() / 2,
                           bytes.size() - 1}) {
        INFO("flipped byte " << at);
        auto flipped = bytes;
        flipped[at] ^= 0x20;
        CHECK(decodeError(flipped) == ErrorCode::KeySlotFileCorrupted);
    }
    auto extended = bytes;
    extended.push_back(0);
    CHECK(decodeError(extended) == ErrorCode::KeySlotFileCorrupted);
}

TEST_CASE("a key-slot file from a newer Abri is refused as newer, not as damaged", "[vault][keyslots]") {
    auto dataKey = crypto::randomKey();
    auto bytes = encodeKeySlotFile(sampleFile(dataKey));
    bytes[8] = 2;  // format version
    // Re-seal the checksum so the file is intact.
    const std::size_t covered = bytes.size() - crypto::kHashBytes;
    const auto sum = crypto::blake2b({std::span<const std::uint8_t>(bytes.data(), covered)});
    std::copy(sum.begin(), sum.end(), bytes.begin() + static_cast<long>(covered));
    CHECK(decodeError(bytes) == ErrorCode::VaultFromNewerVersion);
}

TEST_CASE("a missing key-slot file is reported as missing", "[vault][keyslots]") {
    test::TempDir dir;
    try {
        readKeySlotFile(dir / "none.keys");
        FAIL("read a missing file");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::KeySlotFileMissing);
        CHECK(e.subject() == (dir / "none.keys").string());
    }
}

TEST_CASE("failed unlock records are capped", "[vault][keyslots]") {
    KeySlotFile file;
    for (int i = 0; i < 150; ++i) file.recordFailedUnlock("user.one", "password", i);
    CHECK(file.failedUnlocks.size() == kMaxFailedUnlockRecords);
    CHECK(file.droppedFailures == 50);
}
