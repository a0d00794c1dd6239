// The stored form of a merge state (core/merge/merge_state_codec.h): decoding gives back exactly the encoded state,
// the bytes depend on the contents only (not on the order ops arrived in), and damaged bytes are refused with a
// typed error.
#include <catch2/catch.hpp>

#include "common/error.h"
#include "merge/merge_state_codec.h"
#include "merge/state_hash.h"
#include "op_builders.h"

using namespace abri;
using merge::MergeState;
using test::at;
using test::fakeId;

namespace {

const std::string kCase = fakeId(0xc1);
const std::string kItem = fakeId(0x17);
const std::string kDevA = fakeId(0xd1);
const std::string kDevB = fakeId(0xd2);

// A case with an item, a field in open conflict, a resolved field, a deleted item and an excluded op.
std::vector<merge::RemoteOp> sampleOps() {
    const auto create = test::caseCreate(kCase, at(1), kDevA);
    merge::RemoteOp item = test::caseCreate(kItem, at(2), kDevA, R"({"kind":"note","doc":{"text":"Synthetic"}})");
    item.entity = merge::EntityKind::Item;
    item.caseId = kCase;
    const auto a = test::fieldSet(kCase, kCase, "person.gender", R"("female")", create.identity(), at(5), kDevA);
    const auto b = test::fieldSet(kCase, kCase, "person.gender", R"("male")", create.identity(), at(6), kDevB);
    const auto c = test::fieldSet(kCase, kCase, "status", R"("open")", create.identity(), at(7), kDevA);
    auto resolve = test::fieldSet(kCase, kCase, "status", R"("closed")", c.identity(), at(8), kDevB);
    resolve.kind = merge::OpKind::Resolve;
    const auto gone = test::entityDelete(kItem, kCase, at(9), kDevB);
    return {create, item, a, b, c, resolve, gone};
}

MergeState sampleState(bool reversed) {
    auto ops = sampleOps();
    if (reversed) std::reverse(ops.begin(), ops.end());
    MergeState state;
    for (const auto& op : ops) state.add(op);
    state.recordExclusion({at(10), kDevB}, merge::ExclusionReason::ForbiddenRole);
    return state;
}

void checkRefused(const std::vector<std::uint8_t>& bytes) {
    try {
        (void)merge::decodeMergeState(bytes, "test");
        FAIL("damaged bytes must be refused");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::VaultCorrupted);
        CHECK(e.subject() == "test");
    }
}

}  // namespace

TEST_CASE("a decoded merge state is the encoded one: ops, conflicts, exclusions and state hash", "[merge][codec]") {
    const auto state = sampleState(false);
    const auto bytes = merge::encodeMergeState(state);
    const auto decoded = merge::decodeMergeState(bytes, "test");
    CHECK(decoded.opCount() == state.opCount());
    CHECK(decoded.excluded() == state.excluded());
    CHECK(merge::stateHash(decoded) == merge::stateHash(state));
    CHECK(merge::encodeMergeState(decoded) == bytes);
    REQUIRE(decoded.find(kCase) != nullptr);
    CHECK(decoded.find(kCase)->fields.at("person.gender").heads().size() == 2);
    CHECK(decoded.find(kCase)->fields.at("status").heads().size() == 1);
    CHECK(decoded.entitiesOfCase(kCase).size() == 2);
    CHECK(decoded.find(kItem)->deleted());
    CHECK(decoded.standing({at(10), kDevB}) == merge::Standing::Excluded);
}

TEST_CASE("a merge state's encoding depends on its contents, not on the order of arrival", "[merge][codec]") {
    CHECK(merge::encodeMergeState(sampleState(false)) == merge::encodeMergeState(sampleState(true)));
    CHECK(merge::encodeMergeState(MergeState{}) == merge::encodeMergeState(merge::decodeMergeState(
                                                       merge::encodeMergeState(MergeState{}), "test")));
    MergeState fewer;
    for (const auto& op : sampleOps()) fewer.add(op);
    CHECK(merge::encodeMergeState(fewer) != merge::encodeMergeState(sampleState(false)));
}

TEST_CASE("damaged merge state bytes are refused with a typed error", "[merge][codec]") {
    const auto bytes = merge::encodeMergeState(sampleState(false));
    for (std::size_t cut = 0; cut < bytes.size(); ++cut)
        checkRefused(std::vector<std::uint8_t>(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(cut)));
    auto trailing = bytes;
    trailing.push_back(0);
    checkRefused(trailing);
    auto magic = bytes;
    magic[0] = 'X';
    checkRefused(magic);
    auto version = bytes;
    version[4] = 99;
    checkRefused(version);
    auto kind = bytes;
    kind[9] = 7;  // the first op's kind (after magic, version and the op count)
    checkRefused(kind);
    // The same op twice: a canonical state never holds an identity twice.
    MergeState one;
    one.add(sampleOps().front());
    auto twice = merge::encodeMergeState(one);
    const std::vector<std::uint8_t> opBytes(twice.begin() + 9, twice.end() - 4);
    twice.resize(9);
    twice.insert(twice.end(), opBytes.begin(), opBytes.end());
    twice.insert(twice.end(), opBytes.begin(), opBytes.end());
    twice.insert(twice.end(), {0, 0, 0, 0});
    twice[8] = 2;  // op count, big-endian u32 at offset 5
    checkRefused(twice);
}
