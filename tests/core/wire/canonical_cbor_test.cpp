#include <catch2/catch.hpp>

#include "wire/canonical_cbor.h"
#include "wire/limits.h"
#include "codec_test_support.h"

using namespace abri;
using namespace abri::wire;
using test::syncCodeOf;
using test::json;
using Bytes = std::vector<std::uint8_t>;

namespace {
SyncCode decodeCode(const Bytes& bytes, std::size_t maxDepth = kMaxDepth) {
    return syncCodeOf([&] { (void)decodeCanonicalCbor(bytes, maxDepth, "test"); });
}

Bytes nestedArrays(std::size_t depth) {
    Bytes out(depth, 0x81);  // array(1) ... array(1)
    out.push_back(0x00);
    return out;
}
}  // namespace

TEST_CASE("what nlohmann writes is canonical and decodes to the same value", "[changeset][cbor]") {
    const json value = json::parse(
        R"({"b":[1,-1,24,-25,255,256,65535,65536,4294967296,-4294967297,9223372036854775807],
            "a":{"z":null,"y":true,"x":false,"":"","aa":"text with ü and 日本"},
            "ab":[[],{}]})");
    const Bytes bytes = json::to_cbor(value);
    CHECK(decodeCanonicalCbor(bytes, kMaxDepth, "test") == value);
    const Bytes withBinary = json::to_cbor(json::array({test::bin(test::fakeId(1)), "x"}));
    CHECK(decodeCanonicalCbor(withBinary, kMaxDepth, "test")[0].is_binary());
}

TEST_CASE("non-canonical and unsupported CBOR is bad_encoding", "[changeset][cbor]") {
    CHECK(decodeCode({}) == SyncCode::BadEncoding);                          // no item
    CHECK(decodeCode({0x01, 0x02}) == SyncCode::BadEncoding);                // trailing bytes
    CHECK(decodeCode({0x18, 0x05}) == SyncCode::BadEncoding);                // 5 in a 1-byte head
    CHECK(decodeCode({0x19, 0x00, 0xff}) == SyncCode::BadEncoding);          // 255 in a 2-byte head
    CHECK(decodeCode({0x9f, 0x01, 0xff}) == SyncCode::BadEncoding);          // indefinite array
    CHECK(decodeCode({0x7f, 0x61, 0x61, 0xff}) == SyncCode::BadEncoding);    // indefinite text
    CHECK(decodeCode({0xf9, 0x3c, 0x00}) == SyncCode::BadEncoding);          // half float 1.0
    CHECK(decodeCode({0xfb, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0}) == SyncCode::BadEncoding);  // double
    CHECK(decodeCode({0xf7}) == SyncCode::BadEncoding);                      // undefined
    CHECK(decodeCode({0xf8, 0x20}) == SyncCode::BadEncoding);                // simple(32)
    CHECK(decodeCode({0xc1, 0x01}) == SyncCode::BadEncoding);                // tag 1
    CHECK(decodeCode({0x1c}) == SyncCode::BadEncoding);                      // reserved additional info
    CHECK(decodeCode({0x1b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}) == SyncCode::BadEncoding);  // > int64
    CHECK(decodeCode({0x3b, 0x80, 0, 0, 0, 0, 0, 0, 0}) == SyncCode::BadEncoding);  // < int64 min
    CHECK(decodeCode({0x62, 0xc3, 0x28}) == SyncCode::BadEncoding);          // invalid UTF-8
    CHECK(decodeCode({0x63, 0xed, 0xa0, 0x80}) == SyncCode::BadEncoding);    // UTF-16 surrogate
    CHECK(decodeCode({0x62, 0xc0, 0x80}) == SyncCode::BadEncoding);          // overlong NUL
    CHECK(decodeCode({0xa1, 0x01, 0x02}) == SyncCode::BadEncoding);          // integer map key
    CHECK(decodeCode({0xa2, 0x61, 0x62, 0x01, 0x61, 0x61, 0x02}) == SyncCode::BadEncoding);  // keys unsorted
    CHECK(decodeCode({0xa2, 0x61, 0x61, 0x01, 0x61, 0x61, 0x02}) == SyncCode::BadEncoding);  // duplicate key
    CHECK(decodeCode({0x63, 0x61, 0x62}) == SyncCode::BadEncoding);          // text longer than the input
    CHECK(decodeCode({0x9a, 0x7f, 0xff, 0xff, 0xff, 0x01}) == SyncCode::BadEncoding);  // count > bytes left
    CHECK(decodeCode({0xba, 0x00, 0x01, 0x00, 0x00}) == SyncCode::BadEncoding);        // map count > bytes left
}

TEST_CASE("map keys sort bytewise, not length-first", "[changeset][cbor]") {
    // {"aa": 1, "b": 2}: std::map order (bytewise) puts "aa" first; RFC 8949 length-first would put "b" first.
    const Bytes bytewise = {0xa2, 0x62, 0x61, 0x61, 0x01, 0x61, 0x62, 0x02};
    const Bytes lengthFirst = {0xa2, 0x61, 0x62, 0x02, 0x62, 0x61, 0x61, 0x01};
    CHECK(decodeCanonicalCbor(bytewise, kMaxDepth, "test")["b"] == 2);
    CHECK(decodeCode(lengthFirst) == SyncCode::BadEncoding);
}

TEST_CASE("nesting is limited without recursion", "[changeset][cbor]") {
    CHECK_NOTHROW(decodeCanonicalCbor(nestedArrays(16), 16, "test"));
    CHECK(decodeCode(nestedArrays(17), 16) == SyncCode::BadEncoding);
    // Deep enough to overflow the stack of a recursive parser: the pre-scan stops it first.
    CHECK(decodeCode(nestedArrays(1'000'000), 16) == SyncCode::BadEncoding);
}

TEST_CASE("encodable values exclude floats and out-of-range integers", "[changeset][cbor]") {
    CHECK(isEncodableValue(json::parse(R"({"a":[1,"x",null,true]})"), 13));
    CHECK_FALSE(isEncodableValue(json::parse("1.5"), 13));
    CHECK_FALSE(isEncodableValue(json::parse("[18446744073709551615]"), 13));
    CHECK(isEncodableValue(json::parse("[[[1]]]"), 3));
    CHECK_FALSE(isEncodableValue(json::parse("[[[[1]]]]"), 3));
}
