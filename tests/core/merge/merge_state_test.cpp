#include <catch2/catch.hpp>

#include "merge/merge_state.h"
#include "merge/state_hash.h"
#include "op_builders.h"

using namespace abri;
using merge::MergeState;
using merge::Standing;
using test::at;
using test::fakeId;

namespace {
const std::string kCase = fakeId(0xc1);
const std::string kDevA = fakeId(0xd1);
const std::string kDevB = fakeId(0xd2);
}  // namespace

TEST_CASE("effective HLCs follow the clamp formula of 5.1", "[merge]") {
    const std::vector<journal::Hlc> hlcs{at(100), at(200), at(300)};
    CHECK(merge::effectiveHlcs(hlcs, {}) == hlcs);

    merge::Clamp clamp{at(150), at(10)};
    const auto eff = merge::effectiveHlcs(hlcs, clamp);
    REQUIRE(eff.size() == 3);
    CHECK(eff[0] == at(100));           // below the ceiling: unchanged
    CHECK(eff[1] == at(150));           // clamped to the ceiling
    CHECK(eff[2] == at(150) + 1);       // the device's own order is kept
    // A floor above the op keeps the device's effective clock increasing across change-sets.
    const auto floored = merge::effectiveHlcs(hlcs, merge::Clamp{at(150), at(400)});
    CHECK(floored[0] == at(400) + 1);
    CHECK(floored[1] == at(400) + 2);
}

TEST_CASE("concurrent edits of one field keep the loser as an open conflict until resolved", "[merge]") {
    MergeState state;
    const auto create = test::caseCreate(kCase, at(1), kDevA);
    state.add(create);
    const auto a = test::fieldSet(kCase, kCase, "person.gender", R"("female")", create.identity(), at(5), kDevA);
    const auto b = test::fieldSet(kCase, kCase, "person.gender", R"("male")", create.identity(), at(6), kDevB);
    state.add(b);
    state.add(a);
    const auto* e = state.find(kCase);
    REQUIRE(e != nullptr);
    const auto& reg = e->fields.at("person.gender");
    REQUIRE(reg.heads().size() == 2);
    CHECK(reg.winner()->identity() == b.identity());
    CHECK(e->document()["person"]["gender"] == "male");
    CHECK(state.standing(b.identity()) == Standing::Current);
    CHECK(state.standing(a.identity()) == Standing::OpenConflict);

    // An edit that saw the winner replaces it; the concurrent loser stays open.
    const auto c = test::fieldSet(kCase, kCase, "person.gender", R"("unknown")", b.identity(), at(7), kDevA);
    state.add(c);
    CHECK(e->fields.at("person.gender").heads().size() == 2);
    CHECK(state.standing(b.identity()) == Standing::Ancestor);

    // A resolve naming both heads closes the conflict.
    auto r = test::fieldSet(kCase, kCase, "person.gender", R"("female")", c.identity(), at(8), kDevB);
    r.kind = journal::OpKind::Resolve;
    r.parents = {c.identity(), a.identity()};
    state.add(r);
    const auto heads = e->fields.at("person.gender").heads();
    REQUIRE(heads.size() == 1);
    CHECK(heads.front()->identity() == r.identity());
    CHECK(state.standing(a.identity()) == Standing::Ancestor);
    CHECK(e->document()["person"]["gender"] == "female");
}

TEST_CASE("a clamped op orders by its effective HLC, not its raw one", "[merge]") {
    MergeState state;
    const auto create = test::caseCreate(kCase, at(1), kDevA);
    state.add(create);
    auto ahead = test::fieldSet(kCase, kCase, "person.children", "3", create.identity(), at(60 * 24 * 365 * 5), kDevA);
    ahead.effHlc = at(10);  // the hub clamped a clock five years ahead to its own time
    const auto later = test::fieldSet(kCase, kCase, "person.children", "4", create.identity(), at(11), kDevB);
    state.add(ahead);
    state.add(later);
    CHECK(state.find(kCase)->fields.at("person.children").winner()->identity() == later.identity());
}

TEST_CASE("delete is a tombstone that wins, edits after it are kept but listed", "[merge]") {
    MergeState state;
    const auto create = test::caseCreate(kCase, at(1), kDevA);
    const auto del = test::entityDelete(kCase, kCase, at(3), kDevB);
    const auto set = test::fieldSet(kCase, kCase, "person.children", "2", create.identity(), at(4), kDevA);
    state.add(del);
    state.add(set);
    state.add(create);
    const auto* e = state.find(kCase);
    REQUIRE(e->deleted());
    CHECK(e->tombstone()->identity() == del.identity());
    REQUIRE(e->editedAfterDeletion().size() == 1);
    CHECK(state.standing(set.identity()) == Standing::Current);
    CHECK(state.standing(del.identity()) == Standing::Delete);
}

TEST_CASE("the create with the least order key is the entity's create", "[merge]") {
    MergeState state;
    state.add(test::caseCreate(kCase, at(2), kDevA, R"({"office":"TST-A","status":"follow_up"})"));
    state.add(test::caseCreate(kCase, at(2), kDevB, R"({"office":"TST-A","status":"registered"})"));
    CHECK(state.find(kCase)->create()->device == kDevA);
    CHECK(state.find(kCase)->document()["status"] == "follow_up");
}

TEST_CASE("a parent cycle from a broken device still gives one head", "[merge]") {
    MergeState state;
    auto x = test::fieldSet(kCase, kCase, "person.children", "1", {at(6), kDevB}, at(5), kDevA);
    auto y = test::fieldSet(kCase, kCase, "person.children", "2", {at(5), kDevA}, at(6), kDevB);
    state.add(x);
    state.add(y);
    const auto heads = state.find(kCase)->fields.at("person.children").heads();
    REQUIRE(heads.size() == 1);
    CHECK(heads.front()->identity() == y.identity());
}

TEST_CASE("the state hash depends on the op set only", "[merge]") {
    const auto create = test::caseCreate(kCase, at(1), kDevA);
    const auto a = test::fieldSet(kCase, kCase, "person.children", "1", create.identity(), at(2), kDevA);
    const auto b = test::fieldSet(kCase, kCase, "person.children", "2", create.identity(), at(3), kDevB);
    MergeState one;
    one.add(create);
    one.add(a);
    one.add(b);
    MergeState two;
    two.add(b);
    two.add(a);
    two.add(a);
    two.add(create);
    CHECK(merge::stateHash(one) == merge::stateHash(two));

    MergeState three;
    three.add(create);
    three.add(a);
    CHECK(merge::stateHash(one) != merge::stateHash(three));
    CHECK(merge::stateHash(one, std::set<std::string>{}) == merge::stateHash(MergeState{}));
}

TEST_CASE("an excluded op never enters the state and is accounted for", "[merge]") {
    merge::AdmittedChangeSet cs;
    cs.device = kDevA;
    cs.caseId = kCase;
    cs.ops.push_back(test::caseCreate(kCase, at(1), kDevA));
    cs.ops.push_back(test::fieldSet(kCase, kCase, "case_code", R"("X")", cs.ops[0].identity(), at(2), kDevA));
    cs.excluded.push_back({1, merge::ExclusionReason::NotEditable});
    merge::assignEffectiveHlcs(cs);
    MergeState state;
    CHECK(state.add(cs) == 1);
    CHECK(state.standing(cs.ops[1].identity()) == Standing::Excluded);
    CHECK(state.find(kCase)->fields.empty());
}
