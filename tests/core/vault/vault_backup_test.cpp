// Backups of a vault (vault/vault_backup.h): as unreadable as the vault, consistent while the vault is in use,
// never overwriting anything, and a restore that refuses damaged, foreign or unopenable backups with the current
// vault left byte for byte as it was.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <fstream>

#include "audit/audit_log.h"
#include "storage/database.h"
#include "storage/meta.h"
#include "vault/vault.h"
#include "vault/vault_backup.h"
#include "vault_test_support.h"

using namespace abri;
using namespace abri::vault;
using test::errorOf;
using test::hasCode;

namespace {

// A synthetic, obviously fake name: it must never appear in a backup's bytes.
const std::string kMarker = "Zorbaline-Fakename-Quixwell";

struct Fixture {
    test::TempDir dir;
    test::TestClock clock;
    std::filesystem::path path = dir / "v.abri";
    crypto::SecureBuffer recovery;
    Fixture() {
        auto v = Vault::create(test::createOptions(path, clock), recovery);
        v->db().exec("CREATE TABLE filler (x TEXT)");
        storage::Transaction tx(v->db());
        for (int i = 0; i < 200; ++i) {
            v->db().prepare("INSERT INTO filler (x) VALUES (?)").bind(1, kMarker + std::to_string(i)).run();
        }
        tx.commit();
    }
    std::unique_ptr<Vault> unlock() {
        return Vault::unlock(path, test::kAdminName, test::kAdminPassword, test::unlockOptions(clock));
    }
    std::int64_t rows() { return unlock()->db().queryInt64("SELECT count(*) FROM filler").value_or(-1); }
    RestoreOptions restoreFrom(const std::filesystem::path& backup) {
        RestoreOptions o;
        o.backup = backup;
        o.vaultPath = path;
        o.username = std::string(test::kAdminName);
        o.password = test::kAdminPassword;
        o.clock = clock.fn();
        return o;
    }
    // The vault's two files, to show a refused restore changed nothing.
    std::string fingerprint() { return test::fileHash(path) + test::fileHash(keySlotPath(path)); }
};

std::size_t entriesNamed(const std::filesystem::path& folder, const std::string& prefix) {
    std::size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(folder))
        if (e.path().filename().string().rfind(prefix, 0) == 0) ++n;
    return n;
}

void flipByte(const std::filesystem::path& file, std::size_t at) {
    std::fstream io(file, std::ios::binary | std::ios::in | std::ios::out);
    io.seekg(static_cast<std::streamoff>(at));
    char c = 0;
    io.get(c);
    io.seekp(static_cast<std::streamoff>(at));
    io.put(static_cast<char>(c ^ 0x10));
}

}  // namespace

TEST_CASE("a backup holds no plaintext and restores the vault as it was") {
    Fixture f;
    const auto backup = f.dir / "v.abribackup";
    BackupInfo info;
    {
        auto v = f.unlock();
        info = backupVault(*v, backup);
        CHECK(info.vaultId == v->vaultId());
        CHECK(storage::readMeta(v->db(), kLastBackupMetaKey) == std::to_string(test::kFixedNowMs));
        CHECK(v->audit().page(0, 1).front().action == audit::Action::VaultBackedUp);
    }
    CHECK(info.bytes == std::filesystem::file_size(backup));
    CHECK_FALSE(test::fileContains(backup, kMarker));
    CHECK_FALSE(test::fileContains(backup, "SQLite format 3"));
    CHECK(test::fileContains(f.path, kMarker) == false);  // the vault itself, for comparison
    CHECK(entriesNamed(f.dir.path(), ".tmp-") == 0);
    CHECK(inspectBackup(backup).vaultId == info.vaultId);

    {
        auto v = f.unlock();
        v->db().exec("DELETE FROM filler WHERE rowid > 50");
    }
    REQUIRE(f.rows() == 50);
    const auto restored = restoreVault(f.restoreFrom(backup));
    CHECK(restored.takenMs == test::kFixedNowMs);
    CHECK(f.rows() == 200);
    auto v = f.unlock();
    bool sawRestore = false;
    for (const auto& e : v->audit().page(0, 10)) sawRestore = sawRestore || e.action == audit::Action::VaultRestored;
    CHECK(sawRestore);
    CHECK(v->audit().verify().ok);
    CHECK(entriesNamed(f.dir.path(), ".tmp-") == 0);
}

TEST_CASE("a backup is a consistent snapshot while another connection writes") {
    Fixture f;
    auto reader = f.unlock();
    auto writer = f.unlock();
    const auto copy = f.dir / "snapshot.db";
    {
        storage::Transaction tx(writer->db());
        writer->db().exec("DELETE FROM filler");
        reader->copyDatabaseTo(copy);  // the uncommitted delete is not in the copy
    }
    writer.reset();
    reader.reset();
    const auto backup = f.dir / "v.abribackup";
    backupVault(*f.unlock(), backup);
    f.unlock()->db().exec("DELETE FROM filler");
    restoreVault(f.restoreFrom(backup));
    CHECK(f.rows() == 200);
}

TEST_CASE("a backup destination that exists or cannot be written is refused, nothing left behind") {
    Fixture f;
    auto v = f.unlock();
    const auto existing = f.dir / "taken.abribackup";
    { std::ofstream(existing) << "someone else's file"; }
    const auto before = test::fileHash(existing);
    CHECK(hasCode(errorOf([&] { backupVault(*v, existing); }), ErrorCode::BackupDestinationExists));
    CHECK(test::fileHash(existing) == before);

    CHECK(hasCode(errorOf([&] { backupVault(*v, f.dir / "no-such-folder" / "b.abribackup"); }), ErrorCode::IoError));
    if (::geteuid() != 0) {  // root writes anywhere
        const auto readOnly = f.dir / "read-only";
        std::filesystem::create_directory(readOnly);
        std::filesystem::permissions(readOnly, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
        CHECK(hasCode(errorOf([&] { backupVault(*v, readOnly / "b.abribackup"); }), ErrorCode::IoError));
        std::filesystem::permissions(readOnly, std::filesystem::perms::owner_all);
        CHECK(std::filesystem::is_empty(readOnly));
    }
    CHECK(entriesNamed(f.dir.path(), ".tmp-") == 0);
    CHECK_FALSE(storage::readMeta(v->db(), kLastBackupMetaKey).has_value());
}

TEST_CASE("a damaged, foreign or unopenable backup is refused and the vault is untouched") {
    Fixture f;
    const auto backup = f.dir / "v.abribackup";
    backupVault(*f.unlock(), backup);
    f.unlock()->db().exec("DELETE FROM filler WHERE rowid > 10");
    const auto before = f.fingerprint();

    SECTION("damaged: a flipped byte in the database part") {
        flipByte(backup, static_cast<std::size_t>(std::filesystem::file_size(backup) / 2));
        CHECK(hasCode(errorOf([&] { restoreVault(f.restoreFrom(backup)); }), ErrorCode::BackupCorrupted));
    }
    SECTION("damaged: truncated") {
        std::filesystem::resize_file(backup, std::filesystem::file_size(backup) - 100);
        CHECK(hasCode(errorOf([&] { restoreVault(f.restoreFrom(backup)); }), ErrorCode::BackupCorrupted));
    }
    SECTION("not a backup at all") {
        std::filesystem::remove(backup);
        { std::ofstream(backup) << "just some text that is long enough to be checked as a backup file, surely"; }
        CHECK(hasCode(errorOf([&] { restoreVault(f.restoreFrom(backup)); }), ErrorCode::BackupCorrupted));
    }
    SECTION("another vault's backup") {
        crypto::SecureBuffer otherRecovery;
        const auto otherPath = f.dir / "other.abri";
        auto other = Vault::create(test::createOptions(otherPath, f.clock), otherRecovery);
        const auto otherBackup = f.dir / "other.abribackup";
        backupVault(*other, otherBackup);
        CHECK(hasCode(errorOf([&] { restoreVault(f.restoreFrom(otherBackup)); }), ErrorCode::BackupOfAnotherVault));
    }
    SECTION("wrong password") {
        auto options = f.restoreFrom(backup);
        options.password = "Not-The-Password-123";
        CHECK(hasCode(errorOf([&] { restoreVault(options); }), ErrorCode::WrongPassword));
    }
    CHECK(f.fingerprint() == before);
    CHECK(f.rows() == 10);
    CHECK(entriesNamed(f.dir.path(), ".tmp-") == 0);
}

TEST_CASE("a backup restores where no vault is left") {
    Fixture f;
    const auto backup = f.dir / "v.abribackup";
    backupVault(*f.unlock(), backup);
    std::filesystem::remove(f.path);
    std::filesystem::remove(keySlotPath(f.path));
    restoreVault(f.restoreFrom(backup));
    CHECK(f.rows() == 200);
}
