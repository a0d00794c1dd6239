#pragma once
// Helpers for the codec tests: fixed ids and keys, and a hand-made change-set layout so a test can put any byte
// anywhere and still sign it (the decoder then reaches the check under test instead of stopping at the signature).
#include <catch2/catch.hpp>

#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/byte_io.h"
#include "wire/changeset.h"
#include "wire/sync_error.h"
#include "crypto/signing.h"
#include "journal/hlc.h"

namespace abri::test {

using nlohmann::json;
using wire::Id16;

inline Id16 fakeId(std::uint8_t fill) {
    Id16 id{};
    id.fill(fill);
    return id;
}

inline crypto::SigningKeyPair testSigner(std::uint8_t seedByte = 7) {
    std::array<std::uint8_t, 32> seed{};
    seed.fill(seedByte);
    return crypto::SigningKeyPair::fromSeed(seed);
}

constexpr wire::Hlc kBaseHlc = journal::makeHlc(1'780'000'000'000, 0);

// The code of the SyncError f throws; fails the test when nothing (or something else) is thrown.
inline wire::SyncCode syncCodeOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const wire::SyncError& e) {
        return e.code();
    }
    FAIL("no SyncError thrown");
    return wire::SyncCode::ProtocolViolation;  // not reached
}

inline json bin(const Id16& id) { return json::binary(std::vector<std::uint8_t>(id.begin(), id.end())); }

// [kind, entity, entity_id, field, value, parents, hlc, author] as positional CBOR-ready JSON.
inline json opJson(unsigned kind, unsigned entity, const Id16& entityId, const std::string& field, json value,
                   json parents, wire::Hlc hlc, unsigned author = 0) {
    return json::array({kind, entity, bin(entityId), field, std::move(value), std::move(parents), hlc, author});
}

inline json setOpJson(const Id16& caseId, const std::string& field, json value, wire::Hlc hlc) {
    return opJson(1, 0, caseId, field, std::move(value), json::array({json::array({kBaseHlc - 5, bin(fakeId(9))})}),
                  hlc);
}

inline std::vector<std::uint8_t> bodyOf(const std::vector<Id16>& authors, const json& ops) {
    json a = json::array();
    for (const auto& id : authors) a.push_back(bin(id));
    return json::to_cbor(json::array({a, ops}));
}

struct RawChangeSet {
    std::array<std::uint8_t, 4> magic = {'A', 'B', 'C', 'S'};
    std::uint8_t version = 1;
    std::uint8_t flags = 0;
    std::uint16_t opCount = 1;
    Id16 device = fakeId(0xd1);
    std::uint64_t seq = 1;
    wire::Hash32 prev{};
    wire::Hlc hlcMin = kBaseHlc;
    wire::Hlc hlcMax = kBaseHlc;
    Id16 caseId = fakeId(0xca);
    std::optional<std::uint32_t> rawLen;  // default: body size
    std::optional<std::uint32_t> bodyLen;  // default: body size
    std::string office = "TST-01";
    std::vector<std::uint8_t> body;
    std::vector<std::uint8_t> trailing;    // after the signature
};

inline std::vector<std::uint8_t> craft(const RawChangeSet& r, const crypto::SigningKeyPair& signer) {
    std::vector<std::uint8_t> out;
    ByteWriter w(out);
    w.raw(r.magic);
    w.u8(r.version);
    w.u8(r.flags);
    w.u16(r.opCount);
    w.raw(r.device);
    w.u64(r.seq);
    w.raw(r.prev);
    w.u64(r.hlcMin);
    w.u64(r.hlcMax);
    w.raw(r.caseId);
    w.u32(r.rawLen.value_or(static_cast<std::uint32_t>(r.body.size())));
    w.u32(r.bodyLen.value_or(static_cast<std::uint32_t>(r.body.size())));
    w.str8(r.office);
    w.raw(r.body);
    const auto id = crypto::blake2b({out});
    w.raw(crypto::signDigest(signer, crypto::Domain::ChangeSet, id));
    w.raw(r.trailing);
    return out;
}

// A valid one-op raw change-set for case fakeId(0xca), to be modified by a test.
inline RawChangeSet validRaw() {
    RawChangeSet r;
    r.body = bodyOf({fakeId(0xa1)}, json::array({setOpJson(r.caseId, "status", "open", kBaseHlc)}));
    return r;
}

inline wire::ChangeSetDraft sampleDraft(std::size_t setOps = 3) {
    wire::ChangeSetDraft d;
    d.deviceId = fakeId(0xd1);
    d.deviceSeq = 1;
    d.caseId = fakeId(0xca);
    d.office = "TST-01";
    d.authors = {fakeId(0xa1), fakeId(0xa2)};
    wire::Op create;
    create.kind = wire::OpKind::Create;
    create.entity = wire::EntityKind::Case;
    create.entityId = d.caseId;
    create.valueJson = R"({"office":"TST-01","person":{"given_name":"Testname Alpha"},"status":"registered"})";
    create.hlc = kBaseHlc;
    d.ops.push_back(create);
    for (std::size_t i = 0; i < setOps; ++i) {
        wire::Op set;
        set.kind = wire::OpKind::Set;
        set.entity = wire::EntityKind::Case;
        set.entityId = d.caseId;
        set.field = "status";
        set.valueJson = i % 2 == 0 ? R"("open")" : R"("registered")";
        set.parents = {wire::OpVersion{kBaseHlc + i, d.deviceId}};
        set.hlc = kBaseHlc + i + 1;
        set.authorIndex = static_cast<std::uint32_t>(i % 2);
        d.ops.push_back(set);
    }
    return d;
}

}  // namespace abri::test
