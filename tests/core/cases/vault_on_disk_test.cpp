// What an attacker with the disk sees: neither the vault, its WAL nor the key-slot file may contain any name or
// note text, while the vault is open or after it is closed; and a writer killed mid-transaction leaves a vault
// that opens with the old or the new state, never a mix.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "audit/audit_log.h"
#include "repository_fixture.h"

using namespace abri;
using cases::Json;

namespace {

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
    CHECK(f.repo().count({.text = "Zorblaxmarker"}) == 21);
}

TEST_CASE("a writer killed mid-transaction leaves the old or the new state", "[cases][disk]") {
    test::RepositoryFixture f;
    const auto before = f.repo().count({});
    f.vault->lock();
    f.vault.reset();

    for (int round = 0; round < 3; ++round) {
        pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            // The child imports a large batch in one transaction; the parent kills it part-way.
            try {
                vault::UnlockOptions options;
                auto v = vault::Vault::unlock(f.vaultPath, "worker", test::kWorkerPassword, options);
                cases::CaseRepository repo(*v);
                std::vector<Json> docs(4000, markedCase());
                repo.importCases(docs);
                _exit(0);
            } catch (...) {
                _exit(3);
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(150 + 250 * round));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);

        f.login("worker", test::kWorkerPassword);
        auto repo = f.repo();
        const auto count = repo.count({});
        const bool finished = WIFEXITED(status) && WEXITSTATUS(status) == 0;
        INFO("round " << round << " count " << count << " finished " << finished);
        CHECK((count - before) % 4000 == 0);  // all of a batch or none of it
        CHECK(f.vault->journal().unshippedCount() == count * 2);  // every case has its note: two ops each
        CHECK(f.vault->audit().verify().ok);
        f.vault->lock();
        f.vault.reset();
    }
}
