// A process killed with SIGKILL in the middle of a write must leave a vault that opens and shows either the
// state before the transaction or the state after it, never a mix.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "audit/audit_log.h"
#include "storage/database.h"
#include "vault/vault.h"
#include "vault_test_support.h"

using namespace abri;
using namespace abri::vault;

namespace {

constexpr int kInitialRows = 10;
constexpr int kBatchRows = 6000;  // ~6 MB: more than SQLite's page cache, so frames spill into the WAL mid-way
constexpr char kMidway = 'm';
constexpr char kCommitted = 'c';

enum class KillAt {
    FrozenMidway,   // the child stops half-way through the transaction (part of it already spilled to the WAL)
    RacingMidway,   // the child keeps writing; the kill lands wherever it lands
    AfterCommit,
};

// Child: unlock, write a big batch in one transaction, report progress on `out`, then wait to be killed.
[[noreturn]] void writeUntilKilled(const std::filesystem::path& path, const test::TestClock& clock, int out,
                                   KillAt killAt) {
    try {
        auto v = Vault::unlock(path, test::kAdminName, test::kAdminPassword, test::unlockOptions(clock));
        auto& db = v->db();
        // A small page cache makes SQLite spill the open transaction's pages to the WAL early, which is the case
        // this test is about (the vault's usual 64 MiB cache would keep this batch in memory).
        db.exec("PRAGMA cache_size = 64;");
        storage::Transaction tx(db);
        const std::string payload(1000, 'n');
        for (int i = 0; i < kBatchRows; ++i) {
            db.cached("INSERT INTO batch (x) VALUES (?)").bind(1, payload).run();
            if (i == kBatchRows / 2) {
                if (::write(out, &kMidway, 1) != 1) ::_exit(4);
                if (killAt == KillAt::FrozenMidway) {
                    for (;;) ::pause();
                }
            }
        }
        tx.commit();
        if (::write(out, &kCommitted, 1) != 1) ::_exit(4);
        for (;;) ::pause();
    } catch (...) {
        ::_exit(3);
    }
}

}  // namespace

TEST_CASE("SIGKILL during a large write transaction leaves the old or the new state", "[vault][crash]") {
    const KillAt killAt = GENERATE(KillAt::FrozenMidway, KillAt::RacingMidway, KillAt::AfterCommit);
    const char waitFor = killAt == KillAt::AfterCommit ? kCommitted : kMidway;
    test::TempDir dir;
    test::TestClock clock;
    const auto path = dir / "v.abri";
    crypto::SecureBuffer recovery;
    {
        auto v = Vault::create(test::createOptions(path, clock), recovery);
        v->db().exec("CREATE TABLE batch (x TEXT)");
        for (int i = 0; i < kInitialRows; ++i) v->db().exec("INSERT INTO batch (x) VALUES ('initial')");
    }

    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::close(fds[0]);
        writeUntilKilled(path, clock, fds[1], killAt);
    }
    ::close(fds[1]);
    char got = 0;
    while (got != waitFor) {
        const ssize_t n = ::read(fds[0], &got, 1);
        if (n != 1) break;  // the child died early: fall through and report
    }
    if (killAt == KillAt::FrozenMidway && got == waitFor) {
        // The scenario is real: uncommitted pages of the batch already sit in the WAL when the process dies.
        CHECK(std::filesystem::file_size(dir / "v.abri-wal") > 1024 * 1024);
    }
    ::kill(child, SIGKILL);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    ::close(fds[0]);
    REQUIRE(got == waitFor);
    CHECK(WIFSIGNALED(status));

    auto v = Vault::unlock(path, test::kAdminName, test::kAdminPassword, test::unlockOptions(clock));
    CHECK(v->db().queryText("PRAGMA integrity_check;") == "ok");
    const auto rows = v->db().queryInt64("SELECT count(*) FROM batch").value_or(-1);
    switch (killAt) {
    case KillAt::FrozenMidway: CHECK(rows == kInitialRows); break;  // nothing of the batch survives
    case KillAt::RacingMidway: CHECK((rows == kInitialRows || rows == kInitialRows + kBatchRows)); break;
    case KillAt::AfterCommit: CHECK(rows == kInitialRows + kBatchRows); break;
    }
    CHECK(v->db().queryInt64("SELECT count(*) FROM batch WHERE x = 'initial'") == kInitialRows);
    CHECK(v->audit().verify().ok);
}
