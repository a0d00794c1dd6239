// The type sniffer: magic bytes decide, names never; executables and binary data are refused.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "attachments/content_type.h"

using namespace abri::attachments;

namespace {
ContentVerdict sniff(const std::string& bytes) {
    return sniffContent({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
}
}  // namespace

TEST_CASE("magic bytes name the type", "[attachments][types]") {
    CHECK(sniff("%PDF-1.7\n").type == ContentType::Pdf);
    CHECK(sniff(std::string("\xFF\xD8\xFF\xDB", 4)).type == ContentType::Jpeg);
    CHECK(sniff(std::string("\x89PNG\r\n\x1A\n", 8)).type == ContentType::Png);
    CHECK(sniff(std::string("II*\0", 4)).type == ContentType::Tiff);
    CHECK(sniff(std::string("MM\0*", 4)).type == ContentType::Tiff);
    CHECK(sniff("RIFF\x01\x02\x03\x04WEBPVP8L").type == ContentType::WebP);
    CHECK(sniff("RIFF\x01\x02\x03\x04WAVEfmt ").refusal == ContentRefusal::Unsupported);
    CHECK(sniff("Synthetic note\r\n\twith a tab, caf\xC3\xA9 and \xE2\x82\xAC\n").type == ContentType::PlainText);
    CHECK(sniff("\xEF\xBB\xBFwith a byte-order mark").type == ContentType::PlainText);
}

TEST_CASE("executables and binary data are refused", "[attachments][types]") {
    CHECK(sniff("\x7F" "ELF\x02\x01").refusal == ContentRefusal::Executable);
    CHECK(sniff("MZ\x90\x00").refusal == ContentRefusal::Executable);
    CHECK(sniff("#!/usr/bin/env python3\n").refusal == ContentRefusal::Executable);
    CHECK(sniff("\xCF\xFA\xED\xFE").refusal == ContentRefusal::Executable);
    CHECK(sniff("").refusal == ContentRefusal::Unsupported);
    CHECK(sniff(std::string("text\0more", 9)).refusal == ContentRefusal::Unsupported);
    CHECK(sniff("bad \xC0\xAF overlong").refusal == ContentRefusal::Unsupported);
    CHECK(sniff("surrogate \xED\xA0\x80").refusal == ContentRefusal::Unsupported);
    CHECK(sniff("C1 control \xC2\x85").refusal == ContentRefusal::Unsupported);
    CHECK(sniff("PK\x03\x04").refusal == ContentRefusal::Unsupported);
    CHECK(sniff(" %PDF-1.4").type == ContentType::PlainText);  // the magic must be at the start
}

TEST_CASE("a sequence cut off by the end of a long head is still text", "[attachments][types]") {
    std::string head(kSniffBytes - 1, 'a');
    head += "\xE2";  // the first byte of a three-byte character, cut off
    CHECK(sniff(head).type == ContentType::PlainText);
    std::string shortHead = "short \xE2";  // the whole file: a truncated character is not text
    CHECK(sniff(shortHead).refusal == ContentRefusal::Unsupported);
    CHECK(sniff(std::string(kSniffBytes + 10, 'b')).type == ContentType::PlainText);
}

TEST_CASE("type codes round-trip", "[attachments][types]") {
    for (auto type : {ContentType::Pdf, ContentType::Jpeg, ContentType::Png, ContentType::Tiff, ContentType::WebP,
                      ContentType::PlainText}) {
        CHECK(contentTypeFromCode(contentTypeCode(type)) == type);
        CHECK_FALSE(mediaType(type).empty());
    }
    CHECK_FALSE(contentTypeFromCode("exe"));
}
