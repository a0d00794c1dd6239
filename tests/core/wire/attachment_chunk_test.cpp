// The attachment chunk layout (`ABAK`, sync/PROTOCOL.md §11.2): round trip, and one typed error per way a chunk
// can be wrong, in the order §11.2 checks them.
#include <catch2/catch.hpp>

#include "codec_test_support.h"
#include "wire/attachment_chunk.h"
#include "wire/chunks_wanted.h"
#include "wire/limits.h"
#include "wire/sync_files.h"

using namespace abri;
using namespace abri::wire;
using test::fakeId;
using test::syncCodeOf;

namespace {

crypto::Bytes filled(std::size_t n, std::uint8_t value) { return crypto::Bytes(n, value); }

AttachmentChunk chunkOf(std::span<const std::uint8_t> data, std::uint32_t index, std::uint32_t count) {
    AttachmentChunk c;
    c.deviceId = fakeId(1);
    c.caseId = fakeId(2);
    c.attachmentId = fakeId(3);
    c.chunkIndex = index;
    c.chunkCount = count;
    c.contentHash.fill(0x44);
    c.data = data;
    return c;
}

// Offsets of §11.2.
constexpr std::size_t kIndexAt = 56, kCountAt = 60, kDataLenAt = 128;

void putU32(crypto::Bytes& bytes, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (24 - 8 * i));
}

}  // namespace

TEST_CASE("an attachment chunk round-trips and its signature binds the device key", "[wire][attachments]") {
    const auto key = test::testSigner();
    const auto data = filled(1000, 0x5A);
    const auto bytes = encodeAttachmentChunk(chunkOf(data, 1, 2), key);
    CHECK(bytes.size() == kChunkHeaderBytes + data.size() + crypto::kSignatureBytes);
    const auto d = decodeAttachmentChunk(bytes, "chunk");
    CHECK(d.chunk.deviceId == fakeId(1));
    CHECK(d.chunk.caseId == fakeId(2));
    CHECK(d.chunk.attachmentId == fakeId(3));
    CHECK(d.chunk.chunkIndex == 1);
    CHECK(d.chunk.chunkCount == 2);
    CHECK(d.chunk.chunkHash == crypto::blake2b({data}));
    CHECK(std::equal(d.chunk.data.begin(), d.chunk.data.end(), data.begin(), data.end()));
    verifyAttachmentChunk(d, key.publicKey, "chunk");
    CHECK(syncCodeOf([&] { verifyAttachmentChunk(d, test::testSigner(8).publicKey, "chunk"); }) ==
          SyncCode::BadSignature);
}

TEST_CASE("a bad attachment chunk is a typed error", "[wire][attachments]") {
    const auto key = test::testSigner();
    const auto data = filled(kAttachmentChunkBytes, 0x11);
    const auto good = encodeAttachmentChunk(chunkOf(data, 0, 2), key);
    auto codeOf = [](const crypto::Bytes& bytes) { return syncCodeOf([&] { decodeAttachmentChunk(bytes, "c"); }); };

    SECTION("too large before anything else") {
        auto bytes = good;
        bytes.resize(kMaxChunkFile + 1);
        CHECK(codeOf(bytes) == SyncCode::TooLarge);
    }
    SECTION("truncated") {
        CHECK(codeOf(crypto::Bytes(good.begin(), good.begin() + 100)) == SyncCode::Truncated);
        CHECK(codeOf(crypto::Bytes(good.begin(), good.end() - 1)) == SyncCode::Truncated);
    }
    SECTION("magic, version, reserved") {
        auto bytes = good;
        bytes[0] = 'X';
        CHECK(codeOf(bytes) == SyncCode::BadMagic);
        bytes = good;
        bytes[4] = 2;
        CHECK(codeOf(bytes) == SyncCode::UnsupportedFormat);
        bytes = good;
        bytes[6] = 1;
        CHECK(codeOf(bytes) == SyncCode::BadHeader);
    }
    SECTION("index and count") {
        auto bytes = good;
        putU32(bytes, kIndexAt, 2);  // == count
        CHECK(codeOf(bytes) == SyncCode::BadHeader);
        bytes = good;
        putU32(bytes, kCountAt, 0);
        CHECK(codeOf(bytes) == SyncCode::BadHeader);
        bytes = good;
        putU32(bytes, kCountAt, static_cast<std::uint32_t>(kMaxAttachmentChunks + 1));
        CHECK(codeOf(bytes) == SyncCode::BadHeader);
    }
    SECTION("lengths: a chunk before the last must be full, none may be empty or over 256 KiB") {
        const auto small = filled(100, 0x22);
        CHECK(codeOf(encodeAttachmentChunk(chunkOf(small, 0, 2), key)) == SyncCode::BadHeader);
        CHECK_NOTHROW(decodeAttachmentChunk(encodeAttachmentChunk(chunkOf(small, 1, 2), key), "c"));
        auto bytes = good;
        putU32(bytes, kDataLenAt, 0);
        CHECK(codeOf(bytes) == SyncCode::BadHeader);
        bytes = good;
        putU32(bytes, kDataLenAt, static_cast<std::uint32_t>(kAttachmentChunkBytes + 1));
        CHECK(codeOf(bytes) == SyncCode::BadHeader);
    }
    SECTION("trailing bytes") {
        const auto small = filled(100, 0x22);
        auto bytes = encodeAttachmentChunk(chunkOf(small, 1, 2), key);
        bytes.push_back(0);
        CHECK(codeOf(bytes) == SyncCode::BadHeader);
    }
    SECTION("data that does not match its hash: a corrupted chunk on the wire or on the stick") {
        auto bytes = good;
        bytes[kChunkHeaderBytes + 5] ^= 0x01;
        CHECK(codeOf(bytes) == SyncCode::HashMismatch);
        bytes = good;
        bytes[100] ^= 0x01;  // inside chunk_hash
        CHECK(codeOf(bytes) == SyncCode::HashMismatch);
    }
    SECTION("a header changed after signing fails the signature") {
        auto bytes = good;
        bytes[30] ^= 0x01;  // inside case_id
        const auto d = decodeAttachmentChunk(bytes, "c");
        CHECK(syncCodeOf([&] { verifyAttachmentChunk(d, key.publicKey, "c"); }) == SyncCode::BadSignature);
    }
}

TEST_CASE("the want list formats and parses back, and refuses anything else", "[wire][attachments]") {
    ChunkWant w;
    w.caseId = fakeId(0xa1);
    w.attachmentId = fakeId(0xb2);
    w.chunkIndex = 79;
    w.chunkHash.fill(0xc3);
    const std::string text = formatChunksWanted({w, w});
    const auto parsed = parseChunksWanted(text);
    REQUIRE(parsed);
    CHECK(*parsed == std::vector<ChunkWant>{w, w});
    CHECK(parseChunksWanted("")->empty());
    const std::string line = text.substr(0, text.size() / 2);
    CHECK_FALSE(parseChunksWanted(line.substr(0, line.size() - 1)));  // no final newline
    std::string upper = line;
    upper[0] = 'A';
    CHECK_FALSE(parseChunksWanted(upper));
    auto withIndex = [&](const std::string& index) {
        return line.substr(0, 66) + index + line.substr(68);
    };
    CHECK(parseChunksWanted(withIndex("79")));
    CHECK_FALSE(parseChunksWanted(withIndex("80")));  // beyond 80 chunks
    CHECK_FALSE(parseChunksWanted(withIndex("07")));
    CHECK_FALSE(parseChunksWanted(withIndex("-1")));
    CHECK_FALSE(parseChunksWanted(line.substr(0, line.size() - 1) + " x\n"));  // a fifth field
}

TEST_CASE("an at- upload file name round-trips and nothing else parses as one", "[wire][attachments]") {
    const std::string name = attachmentUploadFileName(fakeId(0x0d), fakeId(0xa7), 79);
    CHECK(name == "at-" + idToHex(fakeId(0x0d)) + "-" + idToHex(fakeId(0xa7)) + "-000079.abri");
    const auto parsed = parseAttachmentUploadFileName(name);
    REQUIRE(parsed);
    CHECK(parsed->deviceId == fakeId(0x0d));
    CHECK(parsed->attachmentId == fakeId(0xa7));
    CHECK(parsed->chunkIndex == 79);
    CHECK(parseAttachmentUploadFileName(attachmentUploadFileName(fakeId(1), fakeId(2), 0))->chunkIndex == 0);
    CHECK_FALSE(parseAttachmentUploadFileName(attachmentUploadFileName(fakeId(1), fakeId(2), 80)));  // > 80 chunks
    std::string upper = name;
    upper[3] = 'A';
    CHECK_FALSE(parseAttachmentUploadFileName(upper));
    CHECK_FALSE(parseAttachmentUploadFileName(name.substr(0, name.size() - 1)));
    CHECK_FALSE(parseAttachmentUploadFileName("." + name.substr(1)));
    std::string letterIndex = name;
    letterIndex[70] = 'x';
    CHECK_FALSE(parseAttachmentUploadFileName(letterIndex));
    // Upload names are not change-set names, and the other way round.
    CHECK_FALSE(parseSyncFileName(name));
    CHECK_FALSE(parseAttachmentUploadFileName(outboxFileName(fakeId(1), 1, 2)));
}
