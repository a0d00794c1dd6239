// Damaged, missing, foreign or newer files: each gives its own typed error naming the file, and nothing is
// written to the files while reporting it.
#include <catch2/catch.hpp>

#include <fstream>

#include "crypto/primitives.h"
#include "storage/database.h"
#include "vault/key_slot_file.h"
#include "vault/vault.h"
#include "vault_test_support.h"

using namespace abri;
using namespace abri::vault;
using test::errorOf;
using test::hasCode;

namespace {

struct Fixture {
    test::TempDir dir;
    test::TestClock clock;
    std::filesystem::path path = dir / "v.abri";
    std::filesystem::path keys = keySlotPath(path);
    crypto::SecureBuffer recovery;
    Fixture() {
        auto v = Vault::create(test::createOptions(path, clock), recovery);
        // Enough data for the file to span many pages.
        v->db().exec("CREATE TABLE filler (x TEXT)");
        storage::Transaction tx(v->db());
        for (int i = 0; i < 400; ++i) {
            v->db().prepare("INSERT INTO filler (x) VALUES (?)").bind(1, std::string(500, 'f')).run();
        }
        tx.commit();
    }
    std::optional<Error> unlockError() {
        return errorOf([&] { Vault::unlock(path, test::kAdminName, test::kAdminPassword, test::unlockOptions(clock)); });
    }
};

void truncateTo(const std::filesystem::path& file, std::uintmax_t size) { std::filesystem::resize_file(file, size); }

void flipByte(const std::filesystem::path& file, std::size_t at) {
    std::fstream io(file, std::ios::binary | std::ios::in | std::ios::out);
    io.seekg(static_cast<std::streamoff>(at));
    char c = 0;
    io.get(c);
    io.seekp(static_cast<std::streamoff>(at));
    io.put(static_cast<char>(c ^ 0x04));
}

}  // namespace

TEST_CASE("a missing vault or key-slot file is reported as missing", "[vault][files]") {
    Fixture f;
    auto e = errorOf([&] { Vault::unlock(f.dir / "other.abri", test::kAdminName, test::kAdminPassword); });
    REQUIRE(hasCode(e, ErrorCode::VaultNotFound));
    CHECK(e->subject() == (f.dir / "other.abri").string());
    CHECK(hasCode(errorOf([&] { Vault::usernames(f.dir / "other.abri"); }), ErrorCode::VaultNotFound));

    const auto vaultBefore = test::fileHash(f.path);
    std::filesystem::remove(f.keys);
    e = f.unlockError();
    REQUIRE(hasCode(e, ErrorCode::KeySlotFileMissing));
    CHECK(e->subject() == f.keys.string());
    CHECK(hasCode(errorOf([&] { Vault::unlockWithRecoveryKey(f.path, std::string(f.recovery.view())); }),
                  ErrorCode::KeySlotFileMissing));
    CHECK(hasCode(errorOf([&] { Vault::usernames(f.path); }), ErrorCode::KeySlotFileMissing));
    CHECK(test::fileHash(f.path) == vaultBefore);
    CHECK_FALSE(std::filesystem::exists(f.keys));
}

TEST_CASE("a truncated or altered key-slot file is corrupted, not a wrong password", "[vault][files]") {
    Fixture f;
    const auto size = std::filesystem::file_size(f.keys);
    auto damage = GENERATE(as<std::string>{}, "truncated-half", "truncated-empty", "truncated-one-byte",
                           "flipped-middle", "flipped-last", "flipped-magic");
    if (damage == "truncated-half") truncateTo(f.keys, size / 2);
    if (damage == "truncated-empty") truncateTo(f.keys, 0);
    if (damage == "truncated-one-byte") truncateTo(f.keys, size - 1);
    if (damage == "flipped-middle") flipByte(f.keys, static_cast<std::size_t>(size / 2));
    if (damage == "flipped-last") flipByte(f.keys, static_cast<std::size_t>(size - 1));
    if (damage == "flipped-magic") flipByte(f.keys, 1);
    INFO(damage);
    const auto vaultBefore = test::fileHash(f.path);
    const auto keysBefore = test::fileHash(f.keys);

    auto e = f.unlockError();
    REQUIRE(hasCode(e, ErrorCode::KeySlotFileCorrupted));
    CHECK(e->subject() == f.keys.string());
    CHECK(hasCode(errorOf([&] { Vault::unlockWithRecoveryKey(f.path, std::string(f.recovery.view())); }),
                  ErrorCode::KeySlotFileCorrupted));
    CHECK(hasCode(errorOf([&] { Vault::usernames(f.path); }), ErrorCode::KeySlotFileCorrupted));
    CHECK(test::fileHash(f.path) == vaultBefore);
    CHECK(test::fileHash(f.keys) == keysBefore);
}

TEST_CASE("a damaged vault file is reported as corrupted and left as it is", "[vault][files]") {
    Fixture f;
    const auto size = std::filesystem::file_size(f.path);
    REQUIRE(size > 20 * 4096);
    auto damage = GENERATE(as<std::string>{}, "truncated-half", "truncated-one-page", "truncated-mid-page",
                           "garbage", "empty");
    if (damage == "truncated-half") truncateTo(f.path, size / 2);
    if (damage == "truncated-one-page") truncateTo(f.path, 4096);
    if (damage == "truncated-mid-page") truncateTo(f.path, 4096 + 1000);
    if (damage == "garbage") {
        auto noise = crypto::randomBytes(64 * 1024);
        std::ofstream(f.path, std::ios::binary | std::ios::trunc)
            .write(reinterpret_cast<const char*>(noise.data()), static_cast<std::streamsize>(noise.size()));
    }
    if (damage == "empty") truncateTo(f.path, 0);
    INFO(damage);
    const auto vaultBefore = test::fileHash(f.path);
    const auto keysBefore = test::fileHash(f.keys);

    auto e = f.unlockError();
    REQUIRE(hasCode(e, ErrorCode::VaultCorrupted));
    CHECK(e->subject() == f.path.string());
    CHECK(test::fileHash(f.path) == vaultBefore);
    CHECK(test::fileHash(f.keys) == keysBefore);  // the password was right: no failed attempt recorded
}

TEST_CASE("a key-slot file from another vault does not open this one", "[vault][files]") {
    Fixture f;
    Fixture other;
    std::filesystem::copy_file(other.keys, f.keys, std::filesystem::copy_options::overwrite_existing);
    const auto vaultBefore = test::fileHash(f.path);
    // The slot opens (same password) but yields the other vault's key: the database refuses it.
    auto e = f.unlockError();
    REQUIRE(e.has_value());
    CHECK((e->code() == ErrorCode::VaultCorrupted || e->code() == ErrorCode::KeySlotFileCorrupted));
    CHECK(test::fileHash(f.path) == vaultBefore);
}

TEST_CASE("a vault from a newer schema is refused and not modified", "[vault][files]") {
    Fixture f;
    {
        auto v = Vault::unlock(f.path, test::kAdminName, test::kAdminPassword, test::unlockOptions(f.clock));
        v->db().exec("UPDATE schema_version SET version = 99");
    }
    const auto vaultBefore = test::fileHash(f.path);
    const auto keysBefore = test::fileHash(f.keys);
    auto e = f.unlockError();
    REQUIRE(hasCode(e, ErrorCode::VaultFromNewerVersion));
    CHECK(e->subject() == f.path.string());
    CHECK(hasCode(errorOf([&] {
                      Vault::unlockWithRecoveryKey(f.path, std::string(f.recovery.view()), test::unlockOptions(f.clock));
                  }),
                  ErrorCode::VaultFromNewerVersion));
    CHECK(test::fileHash(f.path) == vaultBefore);
    CHECK(test::fileHash(f.keys) == keysBefore);
    CHECK_FALSE(std::filesystem::exists(f.dir / "v.abri-wal"));
}
