// Property tests of the pure merge (sync/PROTOCOL.md §5.7): random op sets written by simulated devices that see
// each other's ops only now and then; any grouping, order and duplication gives the same state hash, and no edit
// is lost.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "merge/merge_state.h"
#include "merge/state_hash.h"
#include "op_builders.h"

using namespace abri;
using merge::AdmittedChangeSet;
using merge::MergeState;
using merge::RemoteOp;

namespace {

const std::vector<std::string> kFields{"person.children", "person.gender", "person.estimated_age"};

struct GenDevice {
    std::string id;
    std::int64_t skewMinutes = 0;
    journal::Hlc lastHlc = 0;
    journal::Hlc lastEff = 0;
    MergeState view;
};

// Writes random change-sets: each device edits from what it has seen (its parents are its view's heads).
std::vector<AdmittedChangeSet> generate(std::mt19937_64& rng, int steps) {
    std::vector<GenDevice> devices(3);
    for (std::size_t i = 0; i < devices.size(); ++i) devices[i].id = test::fakeId(0xd0 + i);
    devices[2].skewMinutes = 60 * 24 * 200;  // a clock far ahead: the hub clamps it
    std::vector<AdmittedChangeSet> all;
    std::vector<std::string> caseIds;
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    for (int step = 0; step < steps; ++step) {
        GenDevice& d = devices[pick(devices.size())];
        if (pick(4) == 0 && !all.empty()) {  // sync: see a random subset of what exists
            for (const auto& cs : all)
                if (pick(2) == 0) {
                    d.view.add(cs);
                    for (const auto& op : cs.ops) d.lastHlc = std::max(d.lastHlc, op.effHlc);
                }
            continue;
        }
        const auto wall = test::at(static_cast<std::uint64_t>(step + d.skewMinutes));
        auto stamp = [&] { return d.lastHlc = std::max(d.lastHlc + 1, wall); };
        AdmittedChangeSet cs;
        cs.device = d.id;
        const auto known = d.view.caseIds();
        if (known.empty() || pick(6) == 0) {
            cs.caseId = test::fakeId(0xc000 + caseIds.size());
            caseIds.push_back(cs.caseId);
            cs.ops.push_back(test::caseCreate(cs.caseId, stamp(), d.id));
        } else {
            cs.caseId = known[pick(known.size())];
            const auto* e = d.view.find(cs.caseId);
            const int opCount = 1 + static_cast<int>(pick(3));
            for (int i = 0; i < opCount; ++i) {
                const std::string& field = kFields[pick(kFields.size())];
                journal::Version base = e != nullptr && e->create() ? e->create()->identity() : journal::Version{};
                std::vector<journal::Version> heads;
                if (e != nullptr)
                    if (auto f = e->fields.find(field); f != e->fields.end())
                        for (const auto* h : f->second.heads()) heads.push_back(h->identity());
                if (!heads.empty()) base = heads.front();
                const std::string value = std::to_string(pick(50));
                auto op = test::fieldSet(cs.caseId, cs.caseId, field, value, base, stamp(), d.id);
                const auto roll = pick(20);
                if (roll == 0) {
                    op = test::entityDelete(cs.caseId, cs.caseId, op.hlc, d.id);
                } else if (roll < 4 && heads.size() >= 2) {
                    op.kind = journal::OpKind::Resolve;
                    op.parents = heads;
                }
                cs.ops.push_back(op);
            }
            if (pick(10) == 0) cs.excluded.push_back({0, merge::ExclusionReason::InvalidValue});
        }
        // The hub's clamp for a clock more than five minutes ahead of "now".
        const auto hubNow = test::at(static_cast<std::uint64_t>(step));
        const auto ceiling = journal::makeHlc(journal::hlcPhysicalMs(hubNow) + 300'000, 0);
        if (cs.ops.back().hlc > ceiling) cs.clamp = {ceiling, d.lastEff};
        merge::assignEffectiveHlcs(cs);
        d.lastEff = std::max(d.lastEff, cs.ops.back().effHlc);
        d.view.add(cs);
        all.push_back(cs);
    }
    return all;
}

MergeState build(const std::vector<AdmittedChangeSet>& sets) {
    MergeState state;
    for (const auto& cs : sets) state.add(cs);
    return state;
}

}  // namespace

TEST_CASE("merge is commutative, associative and idempotent, no edit is lost", "[merge][property]") {
    for (const auto seed : test::testSeeds(300, 1)) {
        INFO("seed " << seed << " (replay: ABRI_SIM_SEED=" << seed << ")");
        std::mt19937_64 rng(seed);
        const auto sets = generate(rng, 60);
        const MergeState reference = build(sets);
        const auto expected = merge::stateHash(reference);

        // Any order, with duplicates.
        auto shuffled = sets;
        for (std::size_t i = 0; i < sets.size() / 3; ++i) shuffled.push_back(sets[rng() % sets.size()]);
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        const MergeState reordered = build(shuffled);
        REQUIRE(merge::stateHash(reordered) == expected);

        // Any grouping: (A ∪ B) ∪ C == A ∪ (B ∪ C), A ∪ B == B ∪ A, A ∪ A == A.
        std::vector<AdmittedChangeSet> parts[3];
        for (const auto& cs : shuffled) parts[rng() % 3].push_back(cs);
        const MergeState a = build(parts[0]), b = build(parts[1]), c = build(parts[2]);
        MergeState left = a;
        left.merge(b);
        MergeState ab = left;
        left.merge(c);
        MergeState bc = b;
        bc.merge(c);
        MergeState right = a;
        right.merge(bc);
        MergeState ba = b;
        ba.merge(a);
        MergeState twice = left;
        twice.merge(left);
        REQUIRE(merge::stateHash(left) == expected);
        REQUIRE(merge::stateHash(right) == expected);
        REQUIRE(merge::stateHash(ab) == merge::stateHash(ba));
        REQUIRE(merge::stateHash(twice) == expected);

        // No lost edit: every op is current, an open conflict, an ancestor of a head, a create, a delete or
        // excluded with a reason.
        for (const auto& cs : sets)
            for (const auto& op : cs.ops) {
                const auto standing = reference.standing(op.identity());
                INFO("op " << op.hlc << " standing " << merge::standingName(standing));
                REQUIRE(standing != merge::Standing::Missing);
            }
    }
}
