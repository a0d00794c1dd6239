// Reports count a merged person once (sync/PROTOCOL.md §6.4): of two cases of one person, the one the hub retired
// (duplicate_of set, or closed as `duplicate_case`) has no statistics facts, at the hub (MergedFacts) as in a vault.
#include <catch2/catch.hpp>

#include "merge/merge_state.h"
#include "op_builders.h"
#include "reports/builtin_reports.h"
#include "reports/merged_facts.h"
#include "reports/report_engine.h"

using namespace abri;

namespace {

const std::string kDev = test::fakeId(0xd1);

std::string caseDoc(const std::string& code, const std::string& office) {
    return R"({"case_code":")" + code + R"(","office":")" + office +
           R"(","status":"registered","registered_on":"2026-01-05","person":{"gender":"male","estimated_age":34}})";
}

std::int64_t persons(const merge::MergeState& state) {
    reports::MergedFacts facts;
    facts.add(state);
    return reports::countReport(facts.db(), reports::builtinReports().front()).grandTotal;
}

}  // namespace

TEST_CASE("a merged pair counts as one person in the hub's reports", "[reports][duplicates]") {
    const std::string a = test::fakeId(0xa1);
    const std::string b = test::fakeId(0xb1);
    const std::string c = test::fakeId(0xc1);
    merge::MergeState state;
    const auto createA = test::caseCreate(a, test::at(1), kDev, caseDoc("TST-AAA-26-AAAAAA", "TST-AAA"));
    const auto createB = test::caseCreate(b, test::at(2), kDev, caseDoc("TST-BBB-26-BBBBBB", "TST-BBB"));
    state.add(createA);
    state.add(createB);
    state.add(test::caseCreate(c, test::at(3), kDev, caseDoc("TST-AAA-26-CCCCCC", "TST-AAA")));
    REQUIRE(persons(state) == 3);

    SECTION("the retired case points to the surviving one") {
        merge::MergeState linked = state;
        linked.add(test::fieldSet(b, b, "duplicate_of", R"("TST-AAA-26-AAAAAA")", createB.identity(), test::at(4),
                                  kDev));
        linked.add(test::fieldSet(a, a, "same_person_as", R"(["TST-BBB-26-BBBBBB"])", createA.identity(),
                                  test::at(5), kDev));
        CHECK(persons(linked) == 2);
    }
    SECTION("the retired case is closed as a duplicate") {
        merge::MergeState closed = state;
        closed.add(test::fieldSet(b, b, "status", R"("closed")", createB.identity(), test::at(4), kDev));
        closed.add(test::fieldSet(b, b, "closure_reason", R"("duplicate_case")", createB.identity(), test::at(5), kDev));
        closed.add(test::fieldSet(b, b, "closed_on", R"("2026-02-01")", createB.identity(), test::at(6), kDev));
        CHECK(persons(closed) == 2);
    }
    SECTION("a case closed for another reason still counts") {
        merge::MergeState closed = state;
        closed.add(test::fieldSet(b, b, "status", R"("closed")", createB.identity(), test::at(4), kDev));
        closed.add(test::fieldSet(b, b, "closure_reason", R"("assistance_completed")", createB.identity(),
                                  test::at(5), kDev));
        closed.add(test::fieldSet(b, b, "closed_on", R"("2026-02-01")", createB.identity(), test::at(6), kDev));
        CHECK(persons(closed) == 3);
    }
}
