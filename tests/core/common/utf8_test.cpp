#include <catch2/catch.hpp>

#include <string>

#include "common/utf8.h"

using abri::decodeUtf8Char;
using abri::isValidUtf8;

TEST_CASE("valid UTF-8 of every length is accepted", "[common][utf8]") {
    CHECK(isValidUtf8(""));
    CHECK(isValidUtf8("plain ASCII, with a tab\t"));
    CHECK(isValidUtf8("\xC3\xA9t\xC3\xA9"));                  // été (two bytes)
    CHECK(isValidUtf8("\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7"));  // Arabic (two bytes)
    CHECK(isValidUtf8("\xE2\x82\xAC"));                      // € (three bytes)
    CHECK(isValidUtf8("\xF0\x9F\x98\x80"));                  // an emoji (four bytes)
    CHECK(isValidUtf8("\xF4\x8F\xBF\xBF"));                  // U+10FFFF, the last code point
    CHECK(isValidUtf8(std::string("nul\0inside", 10)));      // NUL is valid UTF-8 (control checks are the caller's)
}

TEST_CASE("invalid UTF-8 is refused", "[common][utf8]") {
    CHECK_FALSE(isValidUtf8("\x80"));              // a continuation byte on its own
    CHECK_FALSE(isValidUtf8("ab\xC3"));            // truncated two-byte sequence at the end
    CHECK_FALSE(isValidUtf8("\xE2\x82"));          // truncated three-byte sequence
    CHECK_FALSE(isValidUtf8("\xC3\x28"));          // second byte not a continuation
    CHECK_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(isValidUtf8("\xE0\x80\xAF"));      // overlong, three bytes
    CHECK_FALSE(isValidUtf8("\xF0\x80\x80\xAF"));  // overlong, four bytes
    CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));      // U+D800, a surrogate
    CHECK_FALSE(isValidUtf8("\xED\xBF\xBF"));      // U+DFFF, a surrogate
    CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // U+110000, beyond Unicode
    CHECK_FALSE(isValidUtf8("\xF8\x88\x80\x80\x80"));  // five-byte form
    CHECK_FALSE(isValidUtf8("\xFF"));
}

TEST_CASE("decodeUtf8Char gives the code point and its length", "[common][utf8]") {
    const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
    auto a = decodeUtf8Char(text, 0);
    REQUIRE(a);
    CHECK(a->codePoint == U'a');
    CHECK(a->length == 1);
    auto e = decodeUtf8Char(text, 1);
    REQUIRE(e);
    CHECK(e->codePoint == U'\u00E9');
    CHECK(e->length == 2);
    auto euro = decodeUtf8Char(text, 3);
    REQUIRE(euro);
    CHECK(euro->codePoint == U'\u20AC');
    CHECK(euro->length == 3);
    auto emoji = decodeUtf8Char(text, 6);
    REQUIRE(emoji);
    CHECK(emoji->codePoint == U'\U0001F600');
    CHECK(emoji->length == 4);
    CHECK_FALSE(decodeUtf8Char(text, 2));  // the middle of a sequence
    CHECK_FALSE(decodeUtf8Char(text, 7));
}
