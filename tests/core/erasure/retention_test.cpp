// Retention: off by default, set by an administrator within bounds, and then closed cases past the period are
// purged (and nothing else).
#include <catch2/catch.hpp>

#include "attachment_fixture.h"
#include "audit/audit_log.h"
#include "erasure/case_purge.h"
#include "erasure/retention_policy.h"
#include "journal/journal.h"
#include "vault_scan.h"

using namespace abri;

namespace {

const std::string kMarker = "Snorkelretentionmarker";

// The fixture's clock says 2026-05-28.
std::string closedCase(cases::CaseRepository& repo, const std::string& name, const std::string& registered,
                       const std::string& closed) {
    return repo.createCase({{"person", {{"given_name", name}, {"gender", "female"}}},
                            {"registered_on", registered},
                            {"status", "closed"},
                            {"closure_reason", "other"},
                            {"closed_on", closed}});
}

}  // namespace

TEST_CASE("retention purges closed cases past the period, and only those", "[erasure][retention]") {
    test::AttachmentFixture f;  // its own case is open
    cases::CaseRepository repo(*f.vault);
    const auto oldClosed = closedCase(repo, kMarker, "2018-01-10", "2019-03-01");
    const auto edgeClosed = closedCase(repo, "Testname Edge", "2020-01-10", "2021-05-28");  // exactly 5 years
    const auto recentClosed = closedCase(repo, "Testname Recent", "2022-01-10", "2024-02-01");
    const auto oldOpen = repo.createCase({{"person", {{"given_name", "Testname Open"}}}, {"registered_on", "2015-01-10"}});

    // Off by default: nothing happens.
    CHECK_FALSE(erasure::retentionYears(f.vault->db()));
    CHECK(erasure::applyRetention(*f.vault).purged == 0);

    f.login("admin", test::kAdminPassword);
    erasure::setRetentionYears(*f.vault, 5);
    CHECK(erasure::retentionYears(f.vault->db()) == 5);
    const auto run = erasure::applyRetention(*f.vault);
    CHECK(run.purged == 2);
    CHECK(erasure::isPurged(f.vault->db(), oldClosed));
    CHECK(erasure::isPurged(f.vault->db(), edgeClosed));
    CHECK_FALSE(erasure::isPurged(f.vault->db(), recentClosed));
    CHECK_FALSE(erasure::isPurged(f.vault->db(), oldOpen));
    CHECK_FALSE(erasure::isPurged(f.vault->db(), f.caseId));
    CHECK(erasure::findPurged(f.vault->db(), oldClosed)->reason == erasure::PurgeReason::Retention);
    CHECK(test::tablesHolding(f.vault->db(), kMarker).empty());
    // A retention purge is local: no op is journalled for sync.
    CHECK(f.vault->journal().entriesForCase(oldClosed).empty());
    const auto audit = f.vault->audit().entriesFor(oldClosed);
    REQUIRE_FALSE(audit.empty());
    CHECK(audit.back().action == audit::Action::CasePurgedByRetention);
    CHECK(audit.back().detail == "years=5");
    // Applying again finds nothing more.
    CHECK(erasure::applyRetention(*f.vault).purged == 0);
}

TEST_CASE("retention refusals: who may set it, and the floor", "[erasure][retention]") {
    test::AttachmentFixture f;
    SECTION("a caseworker may not") {
        CHECK_THROWS_AS(erasure::setRetentionYears(*f.vault, 10), Error);
    }
    SECTION("below the floor or above the ceiling") {
        f.login("admin", test::kAdminPassword);
        for (int years : {0, -1, erasure::kMaxRetentionYears + 1}) {
            try {
                erasure::setRetentionYears(*f.vault, years);
                FAIL("accepted " << years);
            } catch (const Error& e) {
                CHECK(e.code() == ErrorCode::ValueOutOfRange);
                CHECK(e.subject() == "retention_years");
            }
        }
        erasure::setRetentionYears(*f.vault, erasure::kMinRetentionYears);
        CHECK(erasure::retentionYears(f.vault->db()) == erasure::kMinRetentionYears);
        erasure::setRetentionYears(*f.vault, std::nullopt);
    }
    CHECK_FALSE(erasure::retentionYears(f.vault->db()));
}
