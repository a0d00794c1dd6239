#include "vault/key_slot_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>

#include "common/atomic_file.h"
#include "common/error.h"

namespace abri::vault {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::array<std::uint8_t, 8> kMagic = {'A', 'B', 'R', 'I', 'K', 'E', 'Y', 'S'};
constexpr std::size_t kHeaderBytes = 16;
constexpr std::size_t kMaxFileBytes = 4u << 20;  // a real file is a few KiB; refuse to parse anything huge
constexpr std::size_t kSealedKeyBytes = crypto::kNonceBytes + crypto::kKeyBytes + crypto::kTagBytes;
// Bounds for the stored Argon2id parameters: an edited file must not make unlock allocate 1 TiB or spin for hours.
constexpr std::uint64_t kMaxOpsLimit = 64;
constexpr std::uint64_t kMaxMemLimit = std::uint64_t{4} << 30;

[[noreturn]] void corrupted(const fs::path& path, const char* why) {
    throw Error(ErrorCode::KeySlotFileCorrupted, path.string(), why);
}

void putU32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
std::uint32_t getU32(std::span<const std::uint8_t> in) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | in[static_cast<std::size_t>(i)];
    return v;
}

bool isHexId(const std::string& s) {
    crypto::Bytes raw;
    return s.size() == 32 && crypto::fromHex(s, raw);
}

crypto::Bytes hexField(const json& j, const char* name, std::size_t expectedBytes, const fs::path& path) {
    crypto::Bytes out;
    if (!crypto::fromHex(j.at(name).get<std::string>(), out) || out.size() != expectedBytes) {
        corrupted(path, "bad binary field");
    }
    return out;
}

json slotToJson(const KeySlot& slot) {
    const bool user = slot.kind == SlotKind::User;
    return json{{"kind", user ? "user" : "recovery"},
                {"user_id", slot.userId},
                {"username", slot.username},
                {"kdf", user ? "argon2id13" : "blake2b-keyed"},
                {"ops_limit", slot.kdf.opsLimit},
                {"mem_limit", slot.kdf.memLimitBytes},
                {"salt", crypto::toHex(slot.salt)},
                {"sealed_key", crypto::toHex(slot.sealedKey)}};
}

KeySlot slotFromJson(const json& j, const fs::path& path) {
    KeySlot slot;
    const auto kind = j.at("kind").get<std::string>();
    const auto kdf = j.at("kdf").get<std::string>();
    slot.userId = j.at("user_id").get<std::string>();
    slot.username = j.at("username").get<std::string>();
    slot.kdf.opsLimit = j.at("ops_limit").get<std::uint64_t>();
    slot.kdf.memLimitBytes = j.at("mem_limit").get<std::uint64_t>();
    slot.salt = hexField(j, "salt", crypto::kSaltBytes, path);
    slot.sealedKey = hexField(j, "sealed_key", kSealedKeyBytes, path);
    if (kind == "user") {
        slot.kind = SlotKind::User;
        const auto minimum = crypto::KdfParams::minimum();
        if (kdf != "argon2id13" || !isHexId(slot.userId) || slot.username.empty() ||
            slot.kdf.opsLimit < minimum.opsLimit || slot.kdf.opsLimit > kMaxOpsLimit ||
            slot.kdf.memLimitBytes < minimum.memLimitBytes || slot.kdf.memLimitBytes > kMaxMemLimit) {
            corrupted(path, "bad user slot");
        }
    } else if (kind == "recovery") {
        slot.kind = SlotKind::Recovery;
        if (kdf != "blake2b-keyed" || !slot.userId.empty() || !slot.username.empty()) {
            corrupted(path, "bad recovery slot");
        }
    } else {
        corrupted(path, "unknown slot kind");
    }
    return slot;
}

KeySlotFile bodyFromJson(const json& body, const fs::path& path) {
    KeySlotFile file;
    file.vaultId = body.at("vault_id").get<std::string>();
    if (!isHexId(file.vaultId)) corrupted(path, "bad vault id");
    int recoverySlots = 0;
    for (const auto& j : body.at("slots")) {
        KeySlot slot = slotFromJson(j, path);
        if (slot.kind == SlotKind::Recovery) {
            ++recoverySlots;
        } else if (file.findUserByName(slot.username) != nullptr || file.findUserById(slot.userId) != nullptr) {
            corrupted(path, "duplicate user slot");
        }
        file.slots.push_back(std::move(slot));
    }
    if (recoverySlots > 1) corrupted(path, "several recovery slots");
    for (const auto& j : body.at("disabled_users")) {
        DisabledUser d{j.at("user_id").get<std::string>(), j.at("username").get<std::string>()};
        if (!isHexId(d.userId)) corrupted(path, "bad disabled user");
        file.disabledUsers.push_back(std::move(d));
    }
    for (const auto& j : body.at("failed_unlocks")) {
        FailedUnlock f;
        f.seq = j.at("seq").get<std::int64_t>();
        f.username = j.at("username").get<std::string>();
        f.method = j.at("method").get<std::string>();
        f.atMs = j.at("at_ms").get<std::int64_t>();
        if (f.method != "password" && f.method != "recovery_key") corrupted(path, "bad failed-unlock record");
        file.failedUnlocks.push_back(std::move(f));
    }
    file.nextFailureSeq = body.at("next_failure_seq").get<std::int64_t>();
    file.droppedFailures = body.at("dropped_failures").get<std::int64_t>();
    if (file.nextFailureSeq < 1 || file.droppedFailures < 0) corrupted(path, "bad counters");
    return file;
}

}  // namespace

// ---- KeySlotFile ----

const KeySlot* KeySlotFile::findUserByName(std::string_view username) const {
    for (const auto& s : slots)
        if (s.kind == SlotKind::User && s.username == username) return &s;
    return nullptr;
}

const KeySlot* KeySlotFile::findUserById(std::string_view userId) const {
    for (const auto& s : slots)
        if (s.kind == SlotKind::User && s.userId == userId) return &s;
    return nullptr;
}

const KeySlot* KeySlotFile::recoverySlot() const {
    for (const auto& s : slots)
        if (s.kind == SlotKind::Recovery) return &s;
    return nullptr;
}

bool KeySlotFile::isDisabled(std::string_view username) const {
    return std::any_of(disabledUsers.begin(), disabledUsers.end(),
                       [&](const DisabledUser& d) { return d.username == username; });
}

void KeySlotFile::putSlot(KeySlot slot) {
    auto same = [&](const KeySlot& s) {
        if (s.kind != slot.kind) return false;
        // A user is identified by id; an orphan slot left with the same name (crash while adding) is replaced too.
        return s.kind == SlotKind::Recovery || s.userId == slot.userId || s.username == slot.username;
    };
    slots.erase(std::remove_if(slots.begin(), slots.end(), same), slots.end());
    std::erase_if(disabledUsers, [&](const DisabledUser& d) { return d.userId == slot.userId; });
    slots.push_back(std::move(slot));
}

void KeySlotFile::removeUserSlot(std::string_view userId) {
    std::erase_if(slots, [&](const KeySlot& s) { return s.kind == SlotKind::User && s.userId == userId; });
}

void KeySlotFile::recordFailedUnlock(std::string_view username, std::string_view method, std::int64_t atMs) {
    if (failedUnlocks.size() >= kMaxFailedUnlockRecords) {
        ++droppedFailures;
        return;
    }
    failedUnlocks.push_back(FailedUnlock{nextFailureSeq++, std::string(username), std::string(method), atMs});
}

// ---- encoding ----

std::vector<std::uint8_t> encodeKeySlotFile(const KeySlotFile& file) {
    json slots = json::array();
    for (const auto& s : file.slots) slots.push_back(slotToJson(s));
    json disabled = json::array();
    for (const auto& d : file.disabledUsers) disabled.push_back({{"user_id", d.userId}, {"username", d.username}});
    json failures = json::array();
    for (const auto& f : file.failedUnlocks) {
        failures.push_back({{"seq", f.seq}, {"username", f.username}, {"method", f.method}, {"at_ms", f.atMs}});
    }
    const json body = {{"vault_id", file.vaultId},           {"slots", slots},
                       {"disabled_users", disabled},         {"failed_unlocks", failures},
                       {"next_failure_seq", file.nextFailureSeq}, {"dropped_failures", file.droppedFailures}};
    const std::string text = body.dump(1);

    std::vector<std::uint8_t> out(kMagic.begin(), kMagic.end());
    putU32(out, kKeySlotFormatVersion);
    putU32(out, static_cast<std::uint32_t>(text.size()));
    out.insert(out.end(), text.begin(), text.end());
    const auto sum = crypto::blake2b({out});
    out.insert(out.end(), sum.begin(), sum.end());
    return out;
}

KeySlotFile decodeKeySlotFile(std::span<const std::uint8_t> bytes, const fs::path& path) {
    if (bytes.size() < kHeaderBytes + crypto::kHashBytes) corrupted(path, "too short");
    if (!std::equal(kMagic.begin(), kMagic.end(), bytes.begin())) corrupted(path, "not a key-slot file");
    const std::uint32_t version = getU32(bytes.subspan(8, 4));
    const std::uint32_t bodyLength = getU32(bytes.subspan(12, 4));
    if (std::size_t{bodyLength} + kHeaderBytes + crypto::kHashBytes != bytes.size()) corrupted(path, "bad length");
    const auto covered = bytes.first(kHeaderBytes + bodyLength);
    const auto sum = crypto::blake2b({covered});
    if (!crypto::constantTimeEqual(sum, bytes.subspan(covered.size()))) corrupted(path, "checksum mismatch");
    // Checked after the checksum: an intact file from a newer Abri is not "damaged", it is too new.
    if (version > kKeySlotFormatVersion) {
        throw Error(ErrorCode::VaultFromNewerVersion, path.string(), "key-slot format " + std::to_string(version));
    }
    if (version != kKeySlotFormatVersion) corrupted(path, "unknown format version");

    const auto body = bytes.subspan(kHeaderBytes, bodyLength);
    const json parsed = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded() || !parsed.is_object()) corrupted(path, "body is not JSON");
    try {
        return bodyFromJson(parsed, path);
    } catch (const json::exception&) {
        corrupted(path, "malformed body");
    }
}

// ---- files ----

KeySlotFile readKeySlotFile(const fs::path& path) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status)) throw Error(ErrorCode::KeySlotFileMissing, path.string());
    if (!fs::is_regular_file(status)) corrupted(path, "not a regular file");
    const auto size = fs::file_size(path, ec);
    if (ec) throw Error(ErrorCode::IoError, path.string(), ec.message());
    if (size > kMaxFileBytes) corrupted(path, "too large");

    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::IoError, path.string(), "cannot open");
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error(ErrorCode::IoError, path.string(), "read failed");
    return decodeKeySlotFile(bytes, path);
}

void writeKeySlotFile(const fs::path& path, const KeySlotFile& file) {
    writeFileAtomically(path, encodeKeySlotFile(file));
}

}  // namespace abri::vault
