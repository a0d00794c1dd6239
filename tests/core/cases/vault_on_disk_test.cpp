// What an attacker with the disk sees: neither the vault, its WAL nor the key-slot file may contain any name or
// note text, while the vault is open or after it is closed; and a writer killed mid-transaction, or one that runs
// out of disk, leaves a vault that opens with the old or the new state, never a mix.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>


#include "audit/audit_log.h"
#include "common/error.h"
#include "journal/journal.h"
#include "repository_fixture.h"

using namespace abri;
using cases::Json;

namespace {

// Filters read best as "where status is X": a small builder instead of designated initializers.
template <typename Set>
cases::CaseFilter where(Set&& set) {
    cases::CaseFilter f;
    set(f);
    return f;
}

[[maybe_unused]] cases::CaseQuery query(cases::CaseFilter filter, int limit = 50) {
    cases::CaseQuery q;
    q.filter = std::move(filter);
    q.limit = limit;
    return q;
}

const std::vector<std::string> kMarkers = {"Zorblaxmarker", "Quibbletonfake", "Snorkelwitz-Alias",
                                           "Marker note text xylophone 4471", "zorblax@fake.invalid",
                                           "worker-password-123"};

Json markedCase() {
    return Json{{"person",
                 {{"given_name", "Zorblaxmarker"},
                  {"family_name", "Quibbletonfake"},
                  {"aliases", {"Snorkelwitz-Alias"}},
                  {"gender", "male"},
                  {"contacts", {{{"type", "email"}, {"value", "zorblax@fake.invalid"}}}}}},
                {"items", {{{"kind", "note"}, {"text", "Marker note text xylophone 4471"}}}}};
}

void expectNoMarkers(const std::filesystem::path& dir) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        INFO("file " << entry.path().filename().string());
        for (const auto& marker : kMarkers) {
            INFO("marker " << marker);
            CHECK_FALSE(test::fileContains(entry.path(), marker));
        }
    }
}

}  // namespace

TEST_CASE("no name, note or password is readable in any vault file, open or closed", "[cases][disk]") {
    test::RepositoryFixture f;
    auto repo = f.repo();
    for (int i = 0; i < 20; ++i) repo.createCase(markedCase());
    auto id = repo.createCase(markedCase());
    repo.updateField(id, "person.family_name", "Quibbletonfake");  // no-op, nothing new
    repo.addItem(id, model::Entity::Note, {{"text", "Marker note text xylophone 4471"}});
    // While open: the WAL holds the recent pages.
    REQUIRE(std::filesystem::exists(f.vaultPath.string() + "-wal"));
    expectNoMarkers(f.dir.path());
    f.vault->lock();
    expectNoMarkers(f.dir.path());
    // And the data is really there.
    f.login("worker", test::kWorkerPassword);
    CHECK(f.repo().count(where([](auto& w) { w.text = "Zorblaxmarker"; })) == 21);
}

TEST_CASE("a writer killed mid-transaction leaves the old or the new state", "[cases][disk]") {
    test::RepositoryFixture f;
    f.vault->lock();
    f.vault.reset();
    constexpr std::size_t kBatch = 4000;

    // Round 0 and 1: the child is killed inside its import transaction (after 1000 and 3000 cases were written
    // to the WAL); round 2: it is allowed to finish. The child reports progress through a pipe, so the kill lands
    // mid-transaction on any machine, fast or slow.
    std::int64_t expected = 0;
    for (int round = 0; round < 3; ++round) {
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            close(fds[0]);
            try {
                auto v = vault::Vault::unlock(f.vaultPath, "worker", test::kWorkerPassword);
                cases::CaseRepository repo(*v);
                std::vector<Json> docs(kBatch, markedCase());
                repo.importCases(docs, [&](std::size_t done, std::size_t) {
                    const char mark = static_cast<char>('0' + done / 1000);
                    if (write(fds[1], &mark, 1) != 1) _exit(4);
                });
                _exit(0);
            } catch (...) {
                _exit(3);
            }
        }
        close(fds[1]);
        const char killAt = round == 0 ? '1' : round == 1 ? '3' : 0;
        char mark = 0;
        while (killAt != 0 && read(fds[0], &mark, 1) == 1 && mark != killAt) {
        }
        if (killAt != 0) kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        close(fds[0]);
        if (killAt != 0) {
            CHECK(WIFSIGNALED(status));
        } else {
            REQUIRE(WIFEXITED(status));
            CHECK(WEXITSTATUS(status) == 0);
            expected += kBatch;
        }

        f.login("worker", test::kWorkerPassword);
        auto repo = f.repo();
        INFO("round " << round);
        CHECK(repo.count({}) == expected);
        CHECK(f.vault->journal().unshippedCount() == expected * 2);  // every case has its note: two ops each
        CHECK(f.vault->audit().verify().ok);
        f.vault->lock();
        f.vault.reset();
    }
}

TEST_CASE("a full disk during a write fails cleanly and leaves the old state", "[cases][disk]") {
    test::RepositoryFixture f;
    f.repo().createCase(markedCase());
    f.vault->lock();
    f.vault.reset();

    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // A file-size limit makes every write past 512 KiB fail, as a full disk would (EFBIG instead of ENOSPC).
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit limit{512 * 1024, 512 * 1024};
        setrlimit(RLIMIT_FSIZE, &limit);
        try {
            auto v = vault::Vault::unlock(f.vaultPath, "worker", test::kWorkerPassword);
            cases::CaseRepository repo(*v);
            repo.importCases(std::vector<Json>(4000, markedCase()));
            _exit(0);
        } catch (const Error& e) {
            _exit(e.code() == ErrorCode::DiskFull || e.code() == ErrorCode::IoError ? 10 : 11);
        } catch (...) {
            _exit(12);
        }
    }
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 10);  // a typed disk error, not a crash

    f.login("worker", test::kWorkerPassword);
    auto repo = f.repo();
    CHECK(repo.count({}) == 1);
    CHECK(f.vault->journal().unshippedCount() == 2);
    CHECK(f.vault->audit().verify().ok);
    repo.createCase(markedCase());  // and the vault still takes writes
    CHECK(repo.count({}) == 2);
}
