// The conflicts view (merge/conflicts_view.h): who may see which value of an open conflict, and the audit of a
// reveal. Conflicts are made as a sync makes them (tests/support/conflicts.h).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "cases/case_repository.h"
#include "common/error.h"
#include "core/cases/repository_fixture.h"
#include "merge/conflicts_view.h"
#include "support/conflicts.h"

using namespace abri;
using test::RepositoryFixture;

namespace {

// A case with two open conflicts: the family name (sensitive) and the number of children (not sensitive).
struct ConflictFixture : RepositoryFixture {
    std::string caseId;
    ConflictFixture() {
        login("super", test::kSupervisorPassword);
        caseId = repo().createCase({{"person", {{"given_name", "Testname Alpha"}}}});
        test::makeConflict(*vault, caseId, "person.family_name", "Localname", "Remotename");
        test::makeConflict(*vault, caseId, "person.children", 1, 3);
        REQUIRE(merge::openConflicts(*vault).size() == 2);
    }
    const merge::ConflictView& viewOf(const std::vector<merge::ConflictView>& views, const std::string& field) {
        auto found = std::find_if(views.begin(), views.end(),
                                  [&](const merge::ConflictView& v) { return v.conflict.field == field; });
        REQUIRE(found != views.end());
        return *found;
    }
    int revealsAudited() {
        login("super", test::kSupervisorPassword);
        int count = 0;
        for (const auto& entry : repo().history(caseId)) count += entry.what == "sensitive_revealed" ? 1 : 0;
        return count;
    }
};

std::string dumped(const merge::ConflictView& view) {
    return view.winning.value.dump() + " " + view.losing.value.dump();
}

}  // namespace

TEST_CASE("sensitive conflict values are masked for every role that does not ask to reveal", "[merge][conflicts]") {
    ConflictFixture f;
    const int auditedBefore = f.revealsAudited();
    for (const auto& [user, password] : {std::pair{"worker", test::kWorkerPassword},
                                         std::pair{"super", test::kSupervisorPassword},
                                         std::pair{"admin", test::kAdminPassword}}) {
        INFO(user);
        f.login(user, password);
        const auto views = merge::viewOpenConflicts(*f.vault);
        REQUIRE(views.size() == 2);
        const auto& name = f.viewOf(views, "person.family_name");
        CHECK(name.sensitive);
        CHECK(name.masked);
        CHECK(name.revealable);
        CHECK(name.exists);
        CHECK(name.caseId == f.caseId);
        CHECK_FALSE(name.caseCode.empty());
        CHECK(name.losing.withheld);
        CHECK(name.losing.value.is_null());
        CHECK(name.winning.withheld);
        CHECK(name.winning.value.is_null());
        CHECK(dumped(name).find("name") == std::string::npos);
        CHECK(name.winning.version.device != f.vault->deviceId());  // who and when stay visible
        CHECK(name.losing.version.device == f.vault->deviceId());
        // Not sensitive: both values for everyone.
        const auto& children = f.viewOf(views, "person.children");
        CHECK_FALSE(children.masked);
        CHECK(children.winning.value == 3);
        CHECK(children.losing.value == 1);
    }
    CHECK(f.revealsAudited() == auditedBefore);  // nothing was revealed, nothing audited
}

TEST_CASE("an administrator cannot reveal a conflict's sensitive value", "[merge][conflicts]") {
    ConflictFixture f;
    const int auditedBefore = f.revealsAudited();
    f.login("admin", test::kAdminPassword);
    const auto nameId = f.viewOf(merge::viewOpenConflicts(*f.vault), "person.family_name").conflict.id;
    const merge::ConflictReveal everything{.all = true};
    const merge::ConflictReveal thisOne{.ids = {nameId}};
    for (const merge::ConflictReveal* reveal : {&everything, &thisOne}) {
        try {
            merge::viewOpenConflicts(*f.vault, *reveal);
            FAIL("an administrator's reveal must be refused");
        } catch (const Error& error) {
            CHECK(error.code() == ErrorCode::PermissionDenied);
        }
    }
    CHECK(f.revealsAudited() == auditedBefore);
}

TEST_CASE("a supervisor's reveal shows both values and is audited once per conflict shown", "[merge][conflicts]") {
    ConflictFixture f;
    const int auditedBefore = f.revealsAudited();
    f.login("super", test::kSupervisorPassword);
    const auto nameId = f.viewOf(merge::viewOpenConflicts(*f.vault), "person.family_name").conflict.id;
    const auto views = merge::viewOpenConflicts(*f.vault, {.ids = {nameId}});
    const auto& name = f.viewOf(views, "person.family_name");
    CHECK_FALSE(name.masked);
    CHECK_FALSE(name.losing.withheld);
    CHECK(name.winning.value == "Remotename");
    CHECK(name.losing.value == "Localname");
    CHECK(name.losing.author == f.vault->currentUser().id);  // the local edit is in this vault's journal
    CHECK(f.revealsAudited() == auditedBefore + 1);          // the non-sensitive conflict needs no audit
}

TEST_CASE("a conflict is resolved by side, so a masked value can be kept without being revealed",
          "[merge][conflicts]") {
    ConflictFixture f;
    f.login("worker", test::kWorkerPassword);
    const auto nameId = f.viewOf(merge::viewOpenConflicts(*f.vault), "person.family_name").conflict.id;
    try {
        merge::resolveOpenConflict(*f.vault, nameId, merge::KeptValue::Losing);
        FAIL("a caseworker must not resolve conflicts");
    } catch (const Error& error) {
        CHECK(error.code() == ErrorCode::PermissionDenied);
    }
    const int auditedBefore = f.revealsAudited();
    f.login("super", test::kSupervisorPassword);
    merge::resolveOpenConflict(*f.vault, nameId, merge::KeptValue::Losing);
    CHECK(merge::openConflicts(*f.vault).size() == 1);
    CHECK_THROWS_AS(merge::resolveOpenConflict(*f.vault, nameId, merge::KeptValue::Winning), Error);  // closed
    const auto childrenId = merge::openConflicts(*f.vault).front().id;
    merge::resolveOpenConflict(*f.vault, childrenId, merge::KeptValue::Winning);
    CHECK(merge::openConflicts(*f.vault).empty());
    CHECK(f.revealsAudited() == auditedBefore);
    CHECK(f.repo().load(f.caseId)->doc["person"]["children"] == 3);
    CHECK(f.repo().reveal(f.caseId, "person.family_name") == "Localname");
}
