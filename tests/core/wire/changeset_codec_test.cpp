#include <catch2/catch.hpp>

#include <zstd.h>

#include "wire/changeset.h"
#include "wire/compression.h"
#include "wire/limits.h"
#include "codec_test_support.h"

using namespace abri;
using namespace abri::wire;
using namespace abri::test;
using Bytes = std::vector<std::uint8_t>;

namespace {
const crypto::SigningKeyPair& signer() {
    static const crypto::SigningKeyPair key = testSigner();
    return key;
}

SyncCode decodeCode(const Bytes& bytes, bool verify = true) {
    return syncCodeOf([&] {
        (void)decodeChangeSet(bytes, verify ? std::span<const std::uint8_t>(signer().publicKey)
                                            : std::span<const std::uint8_t>(),
                              "cs");
    });
}

SyncCode rawCode(const RawChangeSet& raw) { return decodeCode(craft(raw, signer())); }

// A raw change-set around one op given as JSON.
RawChangeSet withOp(const json& op, std::vector<Id16> authors = {fakeId(0xa1)}) {
    RawChangeSet r;
    r.body = bodyOf(authors, json::array({op}));
    if (op.is_array() && op.size() == 8 && op[6].is_number_unsigned()) r.hlcMin = r.hlcMax = op[6].get<Hlc>();
    return r;
}

Bytes zstdFrame(const Bytes& raw, bool withContentSize = true) {
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_contentSizeFlag, withContentSize ? 1 : 0);
    Bytes out(ZSTD_compressBound(raw.size()));
    const std::size_t n = ZSTD_compress2(cctx, out.data(), out.size(), raw.data(), raw.size());
    ZSTD_freeCCtx(cctx);
    REQUIRE_FALSE(ZSTD_isError(n));
    out.resize(n);
    return out;
}
}  // namespace

TEST_CASE("a change-set round-trips through its encoder and decoder", "[changeset][codec]") {
    const ChangeSetDraft draft = sampleDraft(30);
    const ChangeSet cs = encodeChangeSet(draft, signer());
    CHECK(cs.header.compressed);  // 30 similar ops compress
    CHECK(cs.header.opCount == 31);
    CHECK(cs.header.hlcMin == draft.ops.front().hlc);
    CHECK(cs.header.hlcMax == draft.ops.back().hlc);
    CHECK(cs.id == crypto::blake2b({std::span(cs.bytes).first(cs.bytes.size() - 64)}));

    const ChangeSet back = decodeChangeSet(cs.bytes, signer().publicKey, "cs");
    CHECK(back.bytes == cs.bytes);
    CHECK(back.id == cs.id);
    CHECK(back.header.deviceId == draft.deviceId);
    CHECK(back.header.office == "TST-01");
    CHECK(back.authors == draft.authors);
    REQUIRE(back.ops.size() == draft.ops.size());
    for (std::size_t i = 0; i < draft.ops.size(); ++i) {
        CHECK(back.ops[i].kind == draft.ops[i].kind);
        CHECK(back.ops[i].entityId == draft.ops[i].entityId);
        CHECK(back.ops[i].field == draft.ops[i].field);
        CHECK(json::parse(back.ops[i].valueJson) == json::parse(draft.ops[i].valueJson));
        CHECK(back.ops[i].parents == draft.ops[i].parents);
        CHECK(back.ops[i].hlc == draft.ops[i].hlc);
        CHECK(back.ops[i].authorIndex == draft.ops[i].authorIndex);
    }
}

TEST_CASE("a small change-set is stored uncompressed", "[changeset][codec]") {
    ChangeSetDraft draft = sampleDraft(1);
    draft.ops.erase(draft.ops.begin());  // one set op with random ids: nothing for zstd to win
    auto randomId = [] {
        Id16 id{};
        crypto::randomFill(id);
        return id;
    };
    draft.caseId = randomId();
    draft.authors = {randomId()};
    draft.ops[0].entityId = draft.caseId;
    draft.ops[0].parents = {OpVersion{kBaseHlc, randomId()}};
    draft.ops[0].authorIndex = 0;
    const ChangeSet cs = encodeChangeSet(draft, signer());
    CHECK_FALSE(cs.header.compressed);
    CHECK(cs.header.bodyLen == cs.header.bodyRawLen);
    draft = sampleDraft(40);
    draft.allowCompression = false;
    CHECK_FALSE(encodeChangeSet(draft, signer()).header.compressed);
}

TEST_CASE("resolve, delete and item ops round-trip", "[changeset][codec]") {
    ChangeSetDraft draft = sampleDraft(1);
    Op item;
    item.kind = OpKind::Create;
    item.entity = EntityKind::Item;
    item.entityId = fakeId(0x11);
    item.valueJson = R"({"case_id":")" + idToHex(draft.caseId) + R"(","doc":{"text":"synthetic"},"kind":"note"})";
    item.hlc = kBaseHlc + 10;
    Op resolve;
    resolve.kind = OpKind::Resolve;
    resolve.entityId = draft.caseId;
    resolve.field = "person.given_name";
    resolve.valueJson = R"("Testname Beta")";
    resolve.parents = {OpVersion{kBaseHlc + 1, fakeId(0xd1)}, OpVersion{kBaseHlc + 1, fakeId(0xd2)}};
    resolve.hlc = kBaseHlc + 11;
    Op del;
    del.kind = OpKind::Delete;
    del.entity = EntityKind::Item;
    del.entityId = fakeId(0x11);
    del.valueJson = "null";
    del.hlc = kBaseHlc + 12;
    draft.ops.insert(draft.ops.end(), {item, resolve, del});
    const ChangeSet back = decodeChangeSet(encodeChangeSet(draft, signer()).bytes, signer().publicKey, "cs");
    REQUIRE(back.ops.size() == 5);
    CHECK(back.ops[2].entity == EntityKind::Item);
    CHECK(back.ops[3].kind == OpKind::Resolve);
    CHECK(back.ops[3].parents.size() == 2);
    CHECK(back.ops[4].kind == OpKind::Delete);
    CHECK(back.ops[4].valueJson == "null");
}

TEST_CASE("header errors come before anything else", "[changeset][codec]") {
    const Bytes good = craft(validRaw(), signer());
    REQUIRE_NOTHROW(decodeChangeSet(good, signer().publicKey, "cs"));

    Bytes huge(kMaxChangeSetBytes + 1, 0);
    CHECK(decodeCode(huge) == SyncCode::TooLarge);
    CHECK(decodeCode(Bytes(good.begin(), good.begin() + 3)) == SyncCode::Truncated);
    CHECK(decodeCode(Bytes(good.begin(), good.begin() + 60)) == SyncCode::Truncated);
    CHECK(decodeCode(Bytes(good.begin(), good.end() - 1)) == SyncCode::Truncated);

    RawChangeSet r = validRaw();
    r.magic = {'A', 'B', 'C', 'T'};
    CHECK(rawCode(r) == SyncCode::BadMagic);
    r = validRaw();
    r.version = 2;
    CHECK(rawCode(r) == SyncCode::UnsupportedFormat);
    r = validRaw();
    r.flags = 0x02;
    CHECK(rawCode(r) == SyncCode::BadHeader);
    r = validRaw();
    r.opCount = 0;
    CHECK(rawCode(r) == SyncCode::BadHeader);
    r = validRaw();
    r.opCount = kMaxOps + 1;
    CHECK(rawCode(r) == SyncCode::BadHeader);
    r = validRaw();
    r.seq = 0;
    CHECK(rawCode(r) == SyncCode::BadHeader);
    r = validRaw();
    r.prev[0] = 1;  // seq 1 has no predecessor
    CHECK(rawCode(r) == SyncCode::BadHeader);
    r = validRaw();
    r.rawLen = static_cast<std::uint32_t>(r.body.size() + 1);  // uncompressed: raw length must equal body length
    CHECK(rawCode(r) == SyncCode::BadHeader);
    r = validRaw();
    r.office = "tst-01";
    CHECK(rawCode(r) == SyncCode::BadHeader);
    r = validRaw();
    r.trailing = {0};
    CHECK(rawCode(r) == SyncCode::BadHeader);
}

TEST_CASE("the signature covers every byte", "[changeset][codec]") {
    const Bytes good = encodeChangeSet(sampleDraft(5), signer()).bytes;
    Bytes flippedSig = good;
    flippedSig[good.size() - 10] ^= 0x01;
    CHECK(decodeCode(flippedSig) == SyncCode::BadSignature);
    for (std::size_t offset : {std::size_t{5}, std::size_t{30}, std::size_t{70}, std::size_t{120}, good.size() - 70}) {
        Bytes tampered = good;
        tampered[offset] ^= 0x04;
        const SyncCode code = decodeCode(tampered);
        CHECK((code == SyncCode::BadSignature || code == SyncCode::BadHeader || code == SyncCode::Truncated));
    }
    Bytes tamperedBody = good;
    tamperedBody[good.size() - 70] ^= 0x04;
    CHECK(decodeCode(tamperedBody) == SyncCode::BadSignature);
    const auto otherKey = testSigner(8);
    CHECK(syncCodeOf([&] { (void)decodeChangeSet(good, otherKey.publicKey, "cs"); }) == SyncCode::BadSignature);
}

TEST_CASE("body errors: compression", "[changeset][codec]") {
    RawChangeSet r = validRaw();
    const Bytes raw = r.body;
    r.flags = 1;
    r.rawLen = static_cast<std::uint32_t>(raw.size());
    r.body = zstdFrame(raw);
    REQUIRE_NOTHROW(decodeChangeSet(craft(r, signer()), signer().publicKey, "cs"));

    RawChangeSet sizeMismatch = r;
    sizeMismatch.rawLen = static_cast<std::uint32_t>(raw.size() + 1);
    CHECK(rawCode(sizeMismatch) == SyncCode::BadCompression);

    RawChangeSet noContentSize = r;
    noContentSize.body = zstdFrame(raw, false);
    CHECK(rawCode(noContentSize) == SyncCode::BadCompression);

    RawChangeSet garbage = r;
    garbage.body = Bytes(20, 0x42);
    CHECK(rawCode(garbage) == SyncCode::BadCompression);

    RawChangeSet twoFrames = r;
    twoFrames.body.insert(twoFrames.body.end(), r.body.begin(), r.body.end());
    CHECK(rawCode(twoFrames) == SyncCode::BadCompression);

    // A bomb: a tiny frame announcing (and holding) far more than MAX_BODY_RAW.
    RawChangeSet bomb = r;
    bomb.body = zstdFrame(Bytes(kMaxBodyRaw + 1, 0));
    bomb.rawLen = static_cast<std::uint32_t>(kMaxBodyRaw);
    CHECK(rawCode(bomb) == SyncCode::BadCompression);
    bomb.rawLen = static_cast<std::uint32_t>(kMaxBodyRaw + 1);
    CHECK(rawCode(bomb) == SyncCode::BadHeader);  // the header limit stops it before decompression

    // Compressed but announcing a body that decompresses to non-canonical CBOR.
    RawChangeSet nonCanonical = r;
    Bytes badCbor = raw;
    badCbor.push_back(0x00);
    nonCanonical.body = zstdFrame(badCbor);
    nonCanonical.rawLen = static_cast<std::uint32_t>(badCbor.size());
    CHECK(rawCode(nonCanonical) == SyncCode::BadEncoding);
}

TEST_CASE("body errors: encoding and shape", "[changeset][codec]") {
    RawChangeSet r = validRaw();
    r.body.push_back(0x00);  // trailing item
    CHECK(rawCode(r) == SyncCode::BadEncoding);

    r = validRaw();
    r.body = json::to_cbor(json::array({json::array(), json::array()}));  // no authors
    CHECK(rawCode(r) == SyncCode::BadEncoding);

    r = validRaw();
    r.body = json::to_cbor(json::object({{"ops", 1}}));
    CHECK(rawCode(r) == SyncCode::BadEncoding);

    r = validRaw();
    r.body = json::to_cbor(json::array({json::array({"not an id"}), json::array()}));
    CHECK(rawCode(r) == SyncCode::BadEncoding);

    // Deep nesting inside a value.
    json deep = 1;
    for (int i = 0; i < 14; ++i) deep = json::array({deep});
    r = withOp(setOpJson(fakeId(0xca), "status", deep, kBaseHlc));
    CHECK(rawCode(r) == SyncCode::BadEncoding);
    json fits = 1;
    for (int i = 0; i < 13; ++i) fits = json::array({fits});
    r = withOp(setOpJson(fakeId(0xca), "status", fits, kBaseHlc));
    CHECK_NOTHROW(decodeChangeSet(craft(r, signer()), signer().publicKey, "cs"));

    // A float value (nlohmann would write it; the protocol refuses it).
    r = withOp(setOpJson(fakeId(0xca), "status", 1.5, kBaseHlc));
    CHECK(rawCode(r) == SyncCode::BadEncoding);
}

TEST_CASE("body errors: ops", "[changeset][codec]") {
    const Id16 caseId = fakeId(0xca);
    const json base = json::array({json::array({kBaseHlc - 5, bin(fakeId(9))})});
    auto opCode = [&](const json& op) { return rawCode(withOp(op)); };

    CHECK(opCode(json::array({1, 0, bin(caseId)})) == SyncCode::BadOp);                          // too short
    CHECK(opCode(opJson(5, 0, caseId, "status", "x", base, kBaseHlc)) == SyncCode::BadOp);       // kind
    CHECK(opCode(opJson(1, 2, caseId, "status", "x", base, kBaseHlc)) == SyncCode::BadOp);       // entity
    CHECK(opCode(opJson(1, 0, fakeId(0xcb), "status", "x", base, kBaseHlc)) == SyncCode::BadOp); // other case
    CHECK(opCode(opJson(1, 0, caseId, "", "x", base, kBaseHlc)) == SyncCode::BadOp);             // set without field
    CHECK(opCode(opJson(1, 0, caseId, "Status", "x", base, kBaseHlc)) == SyncCode::BadOp);       // upper case
    CHECK(opCode(opJson(1, 0, caseId, "a..b", "x", base, kBaseHlc)) == SyncCode::BadOp);         // empty segment
    CHECK(opCode(opJson(1, 0, caseId, std::string(129, 'a'), "x", base, kBaseHlc)) == SyncCode::BadOp);
    CHECK(opCode(opJson(1, 0, caseId, "status", "x", json::array(), kBaseHlc)) == SyncCode::BadOp);  // no base
    CHECK(opCode(opJson(2, 0, caseId, "", "x", json::array(), kBaseHlc)) == SyncCode::BadOp);    // delete value
    CHECK(opCode(opJson(2, 0, caseId, "status", nullptr, json::array(), kBaseHlc)) == SyncCode::BadOp);
    CHECK(opCode(opJson(0, 0, caseId, "", "not a map", json::array(), kBaseHlc)) == SyncCode::BadOp);
    CHECK(opCode(opJson(0, 0, caseId, "", json::object(), base, kBaseHlc)) == SyncCode::BadOp);  // create parents
    CHECK(opCode(opJson(3, 0, caseId, "status", "x", base, kBaseHlc)) == SyncCode::BadOp);       // resolve, 1 parent
    json twice = json::array({base[0], base[0]});
    CHECK(opCode(opJson(3, 0, caseId, "status", "x", twice, kBaseHlc)) == SyncCode::BadOp);      // not distinct
    CHECK(opCode(opJson(1, 0, caseId, "status", "x", base, kBaseHlc, 1)) == SyncCode::BadOp);    // author index
    CHECK(opCode(opJson(1, 0, caseId, "status", test::bin(fakeId(1)), base, kBaseHlc)) == SyncCode::BadOp);
    CHECK(opCode(opJson(1, 0, caseId, "status", std::string(kMaxValue, 'x'), base, kBaseHlc)) == SyncCode::BadOp);

    // Item creates must name this case as 32 hex and carry doc and kind.
    const json goodItem = {{"case_id", idToHex(caseId)}, {"doc", json::object()}, {"kind", "note"}};
    CHECK_NOTHROW(decodeChangeSet(craft(withOp(opJson(0, 1, fakeId(0x11), "", goodItem, json::array(), kBaseHlc)),
                                        signer()),
                                  signer().publicKey, "cs"));
    json otherCase = goodItem;
    otherCase["case_id"] = idToHex(fakeId(0xcb));
    CHECK(opCode(opJson(0, 1, fakeId(0x11), "", otherCase, json::array(), kBaseHlc)) == SyncCode::BadOp);
    json noKind = goodItem;
    noKind.erase("kind");
    CHECK(opCode(opJson(0, 1, fakeId(0x11), "", noKind, json::array(), kBaseHlc)) == SyncCode::BadOp);
    json extra = goodItem;
    extra["owner"] = "x";
    CHECK(opCode(opJson(0, 1, fakeId(0x11), "", extra, json::array(), kBaseHlc)) == SyncCode::BadOp);

    // The subject names the op, never its value.
    try {
        (void)decodeChangeSet(craft(withOp(opJson(1, 0, caseId, "", "Fakeperson Zulu", base, kBaseHlc)), signer()),
                              signer().publicKey, "cs");
        FAIL("accepted");
    } catch (const SyncError& e) {
        CHECK(e.subject() == "op 0");
        CHECK(std::string(e.what()).find("Fakeperson") == std::string::npos);
    }
}

TEST_CASE("an erase op: on the case itself, with nothing, alone in its change-set", "[changeset][codec]") {
    const Id16 caseId = fakeId(0xca);
    auto opCode = [&](const json& op) { return rawCode(withOp(op)); };
    const json erase = opJson(4, 0, caseId, "", nullptr, json::array(), kBaseHlc);
    const ChangeSet alone = decodeChangeSet(craft(withOp(erase), signer()), signer().publicKey, "cs");
    REQUIRE(alone.ops.size() == 1);
    CHECK(alone.ops[0].kind == OpKind::Erase);
    CHECK(alone.ops[0].valueJson == "null");

    const json base = json::array({json::array({kBaseHlc - 5, bin(fakeId(9))})});
    CHECK(opCode(opJson(4, 1, fakeId(0x11), "", nullptr, json::array(), kBaseHlc)) == SyncCode::BadOp);  // an item
    CHECK(opCode(opJson(4, 0, caseId, "status", nullptr, json::array(), kBaseHlc)) == SyncCode::BadOp);  // a field
    CHECK(opCode(opJson(4, 0, caseId, "", "x", json::array(), kBaseHlc)) == SyncCode::BadOp);            // a value
    CHECK(opCode(opJson(4, 0, caseId, "", nullptr, base, kBaseHlc)) == SyncCode::BadOp);                 // parents

    // With another op, before or after it: refused, whether decoded or encoded.
    RawChangeSet two = validRaw();
    two.opCount = 2;
    two.hlcMax = kBaseHlc + 1;
    two.body = bodyOf({fakeId(0xa1)}, json::array({setOpJson(caseId, "status", "open", kBaseHlc),
                                                   opJson(4, 0, caseId, "", nullptr, json::array(), kBaseHlc + 1)}));
    CHECK(rawCode(two) == SyncCode::BadOp);
    ChangeSetDraft draft = sampleDraft(1);
    Op eraseOp;
    eraseOp.kind = OpKind::Erase;
    eraseOp.entityId = draft.caseId;
    eraseOp.valueJson = "null";
    eraseOp.hlc = kBaseHlc + 50;
    draft.ops.push_back(eraseOp);
    CHECK(syncCodeOf([&] { (void)encodeChangeSet(draft, signer()); }) == SyncCode::BadOp);
    draft.ops = {eraseOp};
    CHECK(decodeChangeSet(encodeChangeSet(draft, signer()).bytes, signer().publicKey, "cs").ops[0].kind ==
          OpKind::Erase);
}

TEST_CASE("header consistency with the body", "[changeset][codec]") {
    const Id16 caseId = fakeId(0xca);
    RawChangeSet r;
    r.opCount = 2;
    r.hlcMin = kBaseHlc;
    r.hlcMax = kBaseHlc + 1;
    r.body = bodyOf({fakeId(0xa1)}, json::array({setOpJson(caseId, "status", "open", kBaseHlc),
                                                   setOpJson(caseId, "status", "closed", kBaseHlc + 1)}));
    CHECK_NOTHROW(decodeChangeSet(craft(r, signer()), signer().publicKey, "cs"));

    RawChangeSet count = r;
    count.opCount = 3;
    CHECK(rawCode(count) == SyncCode::BadHeader);
    RawChangeSet range = r;
    range.hlcMax = kBaseHlc + 2;
    CHECK(rawCode(range) == SyncCode::BadHeader);
    RawChangeSet reordered = r;
    reordered.body = bodyOf({fakeId(0xa1)}, json::array({setOpJson(caseId, "status", "open", kBaseHlc + 1),
                                                           setOpJson(caseId, "status", "closed", kBaseHlc)}));
    reordered.hlcMin = kBaseHlc + 1;
    reordered.hlcMax = kBaseHlc;
    CHECK(rawCode(reordered) == SyncCode::BadHeader);
    RawChangeSet equal = r;
    equal.body = bodyOf({fakeId(0xa1)}, json::array({setOpJson(caseId, "status", "open", kBaseHlc),
                                                       setOpJson(caseId, "status", "closed", kBaseHlc)}));
    equal.hlcMax = kBaseHlc;
    CHECK(rawCode(equal) == SyncCode::BadHeader);
}

TEST_CASE("the no-signature mode reaches the body parser", "[changeset][codec]") {
    Bytes bytes = encodeChangeSet(sampleDraft(2), signer()).bytes;
    bytes[bytes.size() - 1] ^= 0xff;
    CHECK(decodeCode(bytes) == SyncCode::BadSignature);
    CHECK_NOTHROW(decodeChangeSet(bytes, {}, "cs"));
}

TEST_CASE("the encoder refuses drafts a decoder would refuse", "[changeset][codec]") {
    ChangeSetDraft draft = sampleDraft(2);
    draft.ops[2].hlc = draft.ops[1].hlc;
    CHECK(syncCodeOf([&] { (void)encodeChangeSet(draft, signer()); }) == SyncCode::BadHeader);
    draft = sampleDraft(2);
    draft.ops[1].valueJson = "{not json";
    CHECK(syncCodeOf([&] { (void)encodeChangeSet(draft, signer()); }) == SyncCode::BadOp);
    draft = sampleDraft(2);
    draft.ops[1].valueJson = "2.5";
    CHECK(syncCodeOf([&] { (void)encodeChangeSet(draft, signer()); }) == SyncCode::BadOp);
    draft = sampleDraft(0);
    draft.ops.clear();
    CHECK(syncCodeOf([&] { (void)encodeChangeSet(draft, signer()); }) == SyncCode::BadHeader);
    draft = sampleDraft(2);
    draft.office = "not an office";
    CHECK(syncCodeOf([&] { (void)encodeChangeSet(draft, signer()); }) == SyncCode::BadHeader);
}

TEST_CASE("bodyRawSize predicts the encoded body exactly", "[changeset][codec]") {
    for (std::size_t n : {std::size_t{0}, std::size_t{22}, std::size_t{23}, std::size_t{300}}) {
        ChangeSetDraft draft = sampleDraft(n);
        std::size_t sum = 0;
        for (const auto& op : draft.ops) sum += encodeOpCbor(op).size();
        const ChangeSet cs = encodeChangeSet(draft, signer());
        CHECK(bodyRawSize(draft.authors.size(), draft.ops.size(), sum) == cs.header.bodyRawLen);
    }
}
