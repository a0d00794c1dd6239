// Creating, unlocking and locking vaults; passwords, the recovery key and what lands on disk.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "audit/audit_log.h"
#include "journal/hlc.h"
#include "journal/journal.h"
#include "storage/database.h"
#include "storage/schema.h"
#include "vault/key_slot_file.h"
#include "vault/vault.h"
#include "vault_test_support.h"

using namespace abri;
using namespace abri::vault;
using test::errorOf;
using test::hasCode;

namespace {

bool hasAction(const std::vector<audit::Entry>& entries, audit::Action action) {
    return std::any_of(entries.begin(), entries.end(), [&](const audit::Entry& e) { return e.action == action; });
}

std::string printed(const crypto::SecureBuffer& b) { return std::string(b.view()); }

}  // namespace

TEST_CASE("create, lock and unlock round-trip", "[vault]") {
    test::TempDir dir;
    test::TestClock clock;
    const auto path = dir / "office.abri";
    crypto::SecureBuffer recovery;
    std::string deviceId;
    {
        auto v = Vault::create(test::createOptions(path, clock), recovery);
        REQUIRE_FALSE(v->isLocked());
        CHECK(v->currentUser().username == test::kAdminName);
        CHECK(v->currentUser().displayName == "Testname Alpha");
        CHECK(v->currentUser().role == Role::Administrator);
        CHECK(v->currentUser().createdMs == test::kFixedNowMs);
        CHECK_FALSE(v->isRecoverySession());
        CHECK(v->office() == "TST-ONE");
        deviceId = v->deviceId();
        CHECK(deviceId.size() == 32);
        CHECK(v->nowMs() == test::kFixedNowMs);
        CHECK(v->today() == "2024-03-05");
        CHECK_FALSE(v->db().queryText("PRAGMA cipher_version;").value_or("").empty());
        CHECK(storage::schemaVersion(v->db()) == storage::kSchemaVersion);
        CHECK(recovery.size() == 65);
        CHECK(std::filesystem::exists(keySlotPath(path)));
        CHECK(keySlotPath(path) == dir / "office.abri.keys");
        v->db().exec("INSERT INTO meta (key, value) VALUES ('test_marker', 'kept')");
        v->lock();
        CHECK(v->isLocked());
    }
    CHECK(Vault::usernames(path) == std::vector<std::string>{std::string(test::kAdminName)});

    *clock.ms += 24 * 3600 * 1000;
    auto v = Vault::unlock(path, test::kAdminName, test::kAdminPassword, test::unlockOptions(clock));
    CHECK(v->currentUser().username == test::kAdminName);
    CHECK(v->deviceId() == deviceId);
    CHECK(v->today() == "2024-03-06");
    CHECK(v->db().queryText("SELECT value FROM meta WHERE key = 'test_marker'") == "kept");
    const auto entries = v->audit().page(0, 100);
    CHECK(hasAction(entries, audit::Action::UserAdded));
    CHECK(hasAction(entries, audit::Action::Unlock));
    CHECK(hasAction(entries, audit::Action::Lock));
    CHECK(entries.front().action == audit::Action::Unlock);  // newest first: this session's unlock
    CHECK(entries.front().atMs == *clock.ms);
    CHECK(v->audit().verify().ok);
}

TEST_CASE("the clock is restored after lock and never goes backwards", "[vault]") {
    test::TempDir dir;
    test::TestClock clock;
    const auto path = dir / "v.abri";
    crypto::SecureBuffer recovery;
    journal::Hlc issued = 0;
    {
        auto v = Vault::create(test::createOptions(path, clock), recovery);
        issued = v->clock().now();
        issued = v->clock().now();
    }  // the destructor locks
    *clock.ms -= 60 * 1000;  // the wall clock steps back one minute
    auto v = Vault::unlock(path, test::kAdminName, test::kAdminPassword, test::unlockOptions(clock));
    CHECK(v->clock().now() > issued);
}

TEST_CASE("create refuses existing files, weak passwords and bad names without leaving files", "[vault]") {
    test::TempDir dir;
    test::TestClock clock;
    crypto::SecureBuffer recovery;
    const auto path = dir / "v.abri";

    auto weak = test::createOptions(path, clock);
    weak.adminPassword = "too-short";
    CHECK(hasCode(errorOf([&] { Vault::create(weak, recovery); }), ErrorCode::WeakPassword));
    auto badName = test::createOptions(path, clock);
    badName.adminUsername = " padded";
    CHECK(hasCode(errorOf([&] { Vault::create(badName, recovery); }), ErrorCode::InvalidValue));
    auto badOffice = test::createOptions(path, clock);
    badOffice.office = "";
    CHECK(hasCode(errorOf([&] { Vault::create(badOffice, recovery); }), ErrorCode::InvalidValue));
    CHECK(std::filesystem::is_empty(dir.path()));
    CHECK(recovery.empty());

    { std::ofstream(keySlotPath(path)) << "left over"; }
    auto e = errorOf([&] { Vault::create(test::createOptions(path, clock), recovery); });
    REQUIRE(hasCode(e, ErrorCode::VaultAlreadyExists));
    CHECK(e->subject() == keySlotPath(path).string());
    CHECK_FALSE(std::filesystem::exists(path));
    std::filesystem::remove(keySlotPath(path));

    Vault::create(test::createOptions(path, clock), recovery);
    const auto before = test::fileHash(path);
    e = errorOf([&] { Vault::create(test::createOptions(path, clock), recovery); });
    REQUIRE(hasCode(e, ErrorCode::VaultAlreadyExists));
    CHECK(e->subject() == path.string());
    CHECK(test::fileHash(path) == before);
}

TEST_CASE("new vaults use the moderate Argon2id parameters by default", "[vault][slow]") {
    test::TempDir dir;
    test::TestClock clock;
    auto options = test::createOptions(dir / "v.abri", clock);
    options.kdf = CreateOptions{}.kdf;
    crypto::SecureBuffer recovery;
    Vault::create(options, recovery);
    const auto file = readKeySlotFile(keySlotPath(dir / "v.abri"));
    const KeySlot* slot = file.findUserByName(test::kAdminName);
    REQUIRE(slot != nullptr);
    CHECK(slot->kdf.opsLimit == crypto::KdfParams::moderate().opsLimit);
    CHECK(slot->kdf.memLimitBytes == crypto::KdfParams::moderate().memLimitBytes);
}

TEST_CASE("a wrong password changes nothing but is recorded and later audited", "[vault]") {
    test::TempDir dir;
    test::TestClock clock;
    const auto path = dir / "v.abri";
    crypto::SecureBuffer recovery;
    std::string adminId;
    {
        auto v = Vault::create(test::createOptions(path, clock), recovery);
        adminId = v->currentUser().id;
    }
    const auto vaultBefore = test::fileHash(path);
    const auto slotsBefore = readKeySlotFile(keySlotPath(path));

    *clock.ms += 5000;
    const std::int64_t failedAt = *clock.ms;
    auto e = errorOf([&] { Vault::unlock(path, test::kAdminName, "Testpass-Alpha-4418", test::unlockOptions(clock)); });
    REQUIRE(hasCode(e, ErrorCode::WrongPassword));
    CHECK(e->subject() == test::kAdminName);
    CHECK(hasCode(errorOf([&] { Vault::unlock(path, "nobody.here", "Testpass-Alpha-4417"); }),
                  ErrorCode::UnknownUser));

    // The database was not touched; the key slots are byte-for-byte the same. The sidecar gained only the record
    // of the failed attempt (the locked database cannot hold it).
    CHECK(test::fileHash(path) == vaultBefore);
    const auto slotsAfter = readKeySlotFile(keySlotPath(path));
    REQUIRE(slotsAfter.slots.size() == slotsBefore.slots.size());
    for (std::size_t i = 0; i < slotsAfter.slots.size(); ++i) {
        CHECK(slotsAfter.slots[i].sealedKey == slotsBefore.slots[i].sealedKey);
        CHECK(slotsAfter.slots[i].salt == slotsBefore.slots[i].salt);
        CHECK(slotsAfter.slots[i].username == slotsBefore.slots[i].username);
    }
    REQUIRE(slotsAfter.failedUnlocks.size() == 1);
    CHECK(slotsAfter.failedUnlocks[0].atMs == failedAt);
    CHECK(slotsAfter.failedUnlocks[0].username == test::kAdminName);
    CHECK_FALSE(test::fileContains(keySlotPath(path), "Testpass-Alpha-4418"));

    *clock.ms += 5000;
    {
        auto v = Vault::unlock(path, test::kAdminName, test::kAdminPassword, test::unlockOptions(clock));
        const auto entries = v->audit().entriesFor(adminId);
        auto failed = std::find_if(entries.begin(), entries.end(),
                                   [](const audit::Entry& x) { return x.action == audit::Action::UnlockFailed; });
        REQUIRE(failed != entries.end());
        CHECK(failed->atMs == failedAt);
        CHECK(failed->detail == "password");
        CHECK(v->audit().verify().ok);
    }
    // Moved, not copied: the sidecar no longer lists it, and a later unlock does not audit it again.
    CHECK(readKeySlotFile(keySlotPath(path)).failedUnlocks.empty());
    auto v = Vault::unlock(path, test::kAdminName, test::kAdminPassword, test::unlockOptions(clock));
    const auto entries = v->audit().entriesFor(adminId);
    CHECK(std::count_if(entries.begin(), entries.end(), [](const audit::Entry& x) {
              return x.action == audit::Action::UnlockFailed;
          }) == 1);
}

TEST_CASE("a failed attempt whose sidecar was not cleared is audited only once", "[vault]") {
    test::TempDir dir;
    test::TestClock clock;
    const auto path = dir / "v.abri";
    crypto::SecureBuffer recovery;
    Vault::create(test::createOptions(path, clock), recovery);
    CHECK_THROWS_AS(Vault::unlock(path, test::kAdminName, "Wrong-password-000", test::unlockOptions(clock)), Error);
    const auto withFailure = test::readFileBytes(keySlotPath(path));
    Vault::unlock(path, test::kAdminName, test::kAdminPassword, test::unlockOptions(clock));
    // Simulate a crash right after the import: the old sidecar (still listing the attempt) comes back.
    std::ofstream(keySlotPath(path), std::ios::binary | std::ios::trunc)
        .write(withFailure.data(), static_cast<std::streamsize>(withFailure.size()));
    auto v = Vault::unlock(path, test::kAdminName, test::kAdminPassword, test::unlockOptions(clock));
    const auto entries = v->audit().page(0, 100);
    CHECK(std::count_if(entries.begin(), entries.end(), [](const audit::Entry& x) {
              return x.action == audit::Action::UnlockFailed;
          }) == 1);
}

TEST_CASE("changing a password rewraps one slot and does not rekey the database", "[vault]") {
    test::TempDir dir;
    test::TestClock clock;
    const auto path = dir / "v.abri";
    crypto::SecureBuffer recovery;
    {
        auto v = Vault::create(test::createOptions(path, clock), recovery);
        v->db().exec("INSERT INTO meta (key, value) VALUES ('before_change', 'still here')");
    }
    const auto oldDatabase = test::readFileBytes(path);
    {
        auto v = Vault::unlock(path, test::kAdminName, test::kAdminPassword, test::unlockOptions(clock));
        CHECK(hasCode(errorOf([&] {
                          v->changeOwnPassword("not-the-password", "Newpass-Alpha-9931", crypto::KdfParams::minimum());
                      }),
                      ErrorCode::WrongPassword));
        CHECK(hasCode(errorOf([&] { v->changeOwnPassword(test::kAdminPassword, "short", crypto::KdfParams::minimum()); }),
                      ErrorCode::WeakPassword));
        v->changeOwnPassword(test::kAdminPassword, "Newpass-Alpha-9931", crypto::KdfParams::minimum());
        CHECK(hasAction(v->audit().page(0, 10), audit::Action::PasswordChanged));
    }
    CHECK(hasCode(errorOf([&] { Vault::unlock(path, test::kAdminName, test::kAdminPassword); }),
                  ErrorCode::WrongPassword));
    {
        auto v = Vault::unlock(path, test::kAdminName, "Newpass-Alpha-9931", test::unlockOptions(clock));
        CHECK(v->db().queryText("SELECT value FROM meta WHERE key = 'before_change'") == "still here");
    }
    // SQLCipher's per-file salt (first 16 bytes) is unchanged: no rekey happened.
    const auto newDatabase = test::readFileBytes(path);
    REQUIRE(newDatabase.size() >= 16);
    CHECK(std::equal(oldDatabase.begin(), oldDatabase.begin() + 16, newDatabase.begin()));
    // Stronger: the database file as it was before the change opens with the new password (same data key).
    test::TempDir other;
    std::filesystem::copy_file(dir / "v.abri.keys", other / "v.abri.keys");
    std::ofstream(other / "v.abri", std::ios::binary)
        .write(oldDatabase.data(), static_cast<std::streamsize>(oldDatabase.size()));
    auto old = Vault::unlock(other / "v.abri", test::kAdminName, "Newpass-Alpha-9931", test::unlockOptions(clock));
    CHECK(old->db().queryText("SELECT value FROM meta WHERE key = 'before_change'") == "still here");
}

TEST_CASE("the recovery key opens a user-management session and can reset a password", "[vault][recovery]") {
    test::TempDir dir;
    test::TestClock clock;
    const auto path = dir / "v.abri";
    crypto::SecureBuffer recovery;
    Vault::create(test::createOptions(path, clock), recovery);

    // As typed from paper: lower case, spaces instead of dashes.
    std::string typed = printed(recovery);
    std::transform(typed.begin(), typed.end(), typed.begin(),
                   [](char c) { return c == '-' ? ' ' : static_cast<char>(std::tolower(c)); });
    {
        auto v = Vault::unlockWithRecoveryKey(path, typed, test::unlockOptions(clock));
        CHECK(v->isRecoverySession());
        CHECK(v->can(Permission::ManageUsers));
        for (auto p : {Permission::ViewCases, Permission::EditCases, Permission::RevealSensitive,
                       Permission::DeleteCases, Permission::ResolveConflicts, Permission::ExportData,
                       Permission::ViewAudit}) {
            CHECK_FALSE(v->can(p));
        }
        auto e = errorOf([&] { v->require(Permission::RevealSensitive); });
        REQUIRE(hasCode(e, ErrorCode::PermissionDenied));
        CHECK(e->subject() == "reveal_sensitive");
        CHECK(hasCode(errorOf([&] {
                          v->changeOwnPassword("x", "Whatever-pass-1", crypto::KdfParams::minimum());
                      }),
                      ErrorCode::PermissionDenied));
        v->resetPassword(test::kAdminName, "Resetpass-Alpha-5150", crypto::KdfParams::minimum());
        CHECK(hasAction(v->audit().page(0, 10), audit::Action::PasswordReset));
        CHECK(hasAction(v->audit().page(0, 10), audit::Action::RecoveryUnlock));
    }
    CHECK(hasCode(errorOf([&] { Vault::unlock(path, test::kAdminName, test::kAdminPassword); }),
                  ErrorCode::WrongPassword));
    auto v = Vault::unlock(path, test::kAdminName, "Resetpass-Alpha-5150", test::unlockOptions(clock));
    CHECK_FALSE(v->isRecoverySession());

    // A regenerated key replaces the old one.
    crypto::SecureBuffer fresh;
    v->regenerateRecoveryKey(fresh);
    CHECK(fresh.size() == 65);
    CHECK_FALSE(fresh.equals(recovery));
    v->lock();
    auto e = errorOf([&] { Vault::unlockWithRecoveryKey(path, printed(recovery)); });
    REQUIRE(hasCode(e, ErrorCode::InvalidRecoveryKey));
    CHECK(Vault::unlockWithRecoveryKey(path, printed(fresh), test::unlockOptions(clock))->isRecoverySession());
}

TEST_CASE("a mistyped recovery key is refused and changes nothing", "[vault][recovery]") {
    test::TempDir dir;
    test::TestClock clock;
    const auto path = dir / "v.abri";
    crypto::SecureBuffer recovery;
    Vault::create(test::createOptions(path, clock), recovery);
    const auto vaultBefore = test::fileHash(path);
    const auto slotsBefore = test::fileHash(keySlotPath(path));

    std::string typo = printed(recovery);
    typo[3] = typo[3] == 'A' ? 'B' : 'A';
    CHECK(hasCode(errorOf([&] { Vault::unlockWithRecoveryKey(path, typo); }), ErrorCode::InvalidRecoveryKey));
    CHECK(hasCode(errorOf([&] { Vault::unlockWithRecoveryKey(path, printed(recovery).substr(6)); }),
                  ErrorCode::InvalidRecoveryKey));
    CHECK(hasCode(errorOf([&] { Vault::unlockWithRecoveryKey(path, test::kAdminPassword); }),
                  ErrorCode::InvalidRecoveryKey));
    // A typo is not an attack: it is not even recorded.
    CHECK(test::fileHash(path) == vaultBefore);
    CHECK(test::fileHash(keySlotPath(path)) == slotsBefore);
}

TEST_CASE("markers written into the vault and passwords never reach the files in clear", "[vault][disk]") {
    test::TempDir dir;
    test::TestClock clock;
    const auto path = dir / "v.abri";
    const auto wal = dir / "v.abri-wal";
    const auto keys = keySlotPath(path);
    crypto::SecureBuffer recovery;
    const std::vector<std::string> secrets = {"ZEBRA-MARKER-4411", "QUOKKA-MARKER-9902", std::string(test::kAdminPassword),
                                              "Casepass-Bravo-987", "Testname Alpha", "Fakeperson Bravo"};
    auto checkFiles = [&](const char* when) {
        for (const auto& file : {path, wal, keys}) {
            for (const auto& secret : secrets) {
                INFO(when << ": " << file.filename().string() << " must not contain " << secret);
                CHECK_FALSE(test::fileContains(file, secret));
            }
            INFO(when << ": " << file.filename().string() << " must not contain the recovery key");
            CHECK_FALSE(test::fileContains(file, printed(recovery)));
        }
    };
    {
        auto v = Vault::create(test::createOptions(path, clock), recovery);
        v->addUser("casey.bravo", "Fakeperson Bravo", Role::Caseworker, "Casepass-Bravo-987",
                   crypto::KdfParams::minimum());
        v->db().prepare("INSERT INTO meta (key, value) VALUES ('marker', ?)").bind(1, "ZEBRA-MARKER-4411").run();
        v->db().exec("CREATE TABLE scratch (x TEXT)");
        storage::Transaction tx(v->db());
        for (int i = 0; i < 300; ++i) {
            v->db().prepare("INSERT INTO scratch (x) VALUES (?)").bind(1, "QUOKKA-MARKER-9902 " + std::to_string(i)).run();
        }
        tx.commit();
        REQUIRE(std::filesystem::exists(wal));
        REQUIRE(std::filesystem::file_size(wal) > 0);
        checkFiles("while open");
        v->lock();
        checkFiles("after lock");
    }
    checkFiles("after close");
    // The markers are really in there (the scan is not vacuous).
    auto v = Vault::unlock(path, "casey.bravo", "Casepass-Bravo-987", test::unlockOptions(clock));
    CHECK(v->db().queryText("SELECT value FROM meta WHERE key = 'marker'") == "ZEBRA-MARKER-4411");
    CHECK(v->db().queryInt64("SELECT count(*) FROM scratch WHERE x LIKE 'QUOKKA-MARKER-9902%'") == 300);
}

TEST_CASE("after lock every accessor throws VaultLocked", "[vault]") {
    test::TempDir dir;
    test::TestClock clock;
    crypto::SecureBuffer recovery;
    auto v = Vault::create(test::createOptions(dir / "v.abri", clock), recovery);
    v->lock();
    v->lock();  // idempotent
    CHECK(v->isLocked());
    CHECK(v->path() == dir / "v.abri");
    const auto kdf = crypto::KdfParams::minimum();
    auto locked = [](auto&& f) { return hasCode(errorOf(f), ErrorCode::VaultLocked); };
    CHECK(locked([&] { v->currentUser(); }));
    CHECK(locked([&] { v->can(Permission::ViewCases); }));
    CHECK(locked([&] { v->require(Permission::ViewCases); }));
    CHECK(locked([&] { v->deviceId(); }));
    CHECK(locked([&] { v->office(); }));
    CHECK(locked([&] { v->nowMs(); }));
    CHECK(locked([&] { v->today(); }));
    CHECK(locked([&] { v->db(); }));
    CHECK(locked([&] { v->clock(); }));
    CHECK(locked([&] { v->journal(); }));
    CHECK(locked([&] { v->audit(); }));
    CHECK(locked([&] { v->persistClock(); }));
    CHECK(locked([&] { v->users(); }));
    CHECK(locked([&] { v->findUser(test::kAdminName); }));
    CHECK(locked([&] { v->addUser("new.user", "Testname New", Role::Caseworker, "Newuser-pass-123", kdf); }));
    CHECK(locked([&] { v->changeOwnPassword(test::kAdminPassword, "Other-pass-12345", kdf); }));
    CHECK(locked([&] { v->resetPassword(test::kAdminName, "Other-pass-12345", kdf); }));
    CHECK(locked([&] { v->setUserActive(test::kAdminName, false); }));
    CHECK(locked([&] {
        crypto::SecureBuffer key;
        v->regenerateRecoveryKey(key);
    }));
}
