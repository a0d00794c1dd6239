// Chunk files in laptop B's inbox (sync/PROTOCOL.md §11.4): sealed to B, checked, stored into B's vault, deleted;
// a damaged file is refused by hash, stores nothing and its chunk stays in the want list until a good copy comes.
// Real vaults and real files on disk; the hub's part (re-sealing A's chunk to B) is done here with the same codec.
#include <catch2/catch.hpp>

#include "devicesync/attachment_inbox.h"
#include "two_laptops.h"
#include "wire/attachment_chunk.h"
#include "wire/chunks_wanted.h"
#include "wire/sealed_file.h"
#include "wire/sync_files.h"

using namespace abri;
using namespace abri::attachments;
using test::Bytes;

namespace {

const std::string kMarker = "FAKE-INBOX-SCAN-MARKER-Rtwqq-0062";

std::string readText(const std::filesystem::path& path) {
    const auto bytes = wire::readWholeFile(path, 1 << 20);
    return std::string(bytes.begin(), bytes.end());
}

}  // namespace

TEST_CASE("chunk files in the inbox make the attachment readable on laptop B, and a damaged one is fetched again",
          "[attachments][sync][inbox]") {
    test::TwoLaptops t;
    const Bytes png = test::syntheticPng(kMarker, 700 * 1024);  // three chunks
    const std::string id = t.a.repo().addFile(t.a.caseId, t.a.input("photo.png", png), test::opts(Category::Photo));
    AttachmentTransfer sender(*t.a.vault);
    AttachmentTransfer receiver(*t.b);
    receiver.receiveRecord(t.recordAsSent(id));

    // B has heard of A's device through a CERT page entry (only its signing key matters here).
    t.b->db()
        .prepare("INSERT INTO sync_certificates (device_id, serial, status, status_ms, sign_pk, certificate) "
                 "VALUES (?1, 1, 1, 0, ?2, x'00');")
        .bind(1, t.a.vault->deviceId())
        .bindBlob(2, t.deviceKey.publicKey)
        .run();
    const auto boxB = crypto::BoxKeyPair::generate();
    const auto syncDir = t.bDir / "office.abri.sync";
    const auto inbox = syncDir / "inbox";
    std::filesystem::create_directories(inbox);

    // The want list the daemon reads: three chunks, ids and hashes only.
    REQUIRE(devicesync::writeChunksWanted(*t.b, syncDir) == 3);
    const auto wants = wire::parseChunksWanted(readText(syncDir / "chunks-wanted"));
    REQUIRE(wants);
    REQUIRE(wants->size() == 3);
    CHECK(wire::idToHex((*wants)[0].attachmentId) == id);

    auto deliver = [&](std::uint32_t index, bool damage) {
        auto chunk = sender.signedChunk(id, index, t.deviceKey);
        const auto hash = wire::decodeAttachmentChunk(chunk, "ck").chunk.chunkHash;
        if (damage) chunk[wire::kChunkHeaderBytes + 77] ^= 0x08;  // a bit flipped on the wire or the stick
        const auto sealed = wire::encodeSealedFile(wire::SealedContent::Chunk, boxB.publicKey, chunk);
        wire::writeFileAtomically(inbox, wire::chunkFileName(hash), sealed);
    };
    deliver(0, false);
    deliver(1, true);
    deliver(2, false);
    std::filesystem::copy_file(t.a.input("unrelated.txt", test::bytesOf("left alone")), inbox / "unrelated.txt");

    // Sealed files in the inbox: nothing of the content readable there.
    for (const auto& entry : std::filesystem::directory_iterator(inbox))
        if (entry.path().filename() != "unrelated.txt") CHECK_FALSE(test::fileContains(entry.path(), kMarker));

    auto result = devicesync::applyChunkFiles(*t.b, inbox, boxB);
    CHECK(result.stored == 2);
    REQUIRE(result.refused.size() == 1);
    CHECK(result.refused[0] == wire::SyncCode::HashMismatch);
    CHECK(std::filesystem::exists(inbox / "unrelated.txt"));
    CHECK(std::distance(std::filesystem::directory_iterator(inbox), std::filesystem::directory_iterator()) == 1);
    AttachmentRepository repoB(*t.b);
    CHECK(test::refusalOf([&] { test::readBack(repoB, id); }) == AttachmentCode::Incomplete);
    REQUIRE(devicesync::writeChunksWanted(*t.b, syncDir) == 1);
    CHECK(wire::parseChunksWanted(readText(syncDir / "chunks-wanted"))->at(0).chunkIndex == 1);

    // Fetched again, intact; an extra copy of a chunk already held is harmless.
    deliver(1, false);
    deliver(0, false);
    result = devicesync::applyChunkFiles(*t.b, inbox, boxB);
    CHECK(result.stored == 1);
    CHECK(result.alreadyHeld == 1);
    CHECK(result.refused.empty());
    CHECK(devicesync::writeChunksWanted(*t.b, syncDir) == 0);
    CHECK(readText(syncDir / "chunks-wanted").empty());
    CHECK(test::readBack(repoB, id) == png);

    // A file sealed to another device, or named for another hash, is refused too.
    const auto other = crypto::BoxKeyPair::generate();
    auto chunk = sender.signedChunk(id, 2, t.deviceKey);
    wire::writeFileAtomically(inbox, wire::chunkFileName(wire::decodeAttachmentChunk(chunk, "ck").chunk.chunkHash),
                              wire::encodeSealedFile(wire::SealedContent::Chunk, other.publicKey, chunk));
    wire::Hash32 wrongName{};
    wrongName.fill(0xab);
    wire::writeFileAtomically(inbox, wire::chunkFileName(wrongName),
                              wire::encodeSealedFile(wire::SealedContent::Chunk, boxB.publicKey, chunk));
    result = devicesync::applyChunkFiles(*t.b, inbox, boxB);
    REQUIRE(result.refused.size() == 2);
    CHECK(std::count(result.refused.begin(), result.refused.end(), wire::SyncCode::WrongRecipient) == 1);
    CHECK(std::count(result.refused.begin(), result.refused.end(), wire::SyncCode::HashMismatch) == 1);

    t.b->lock();
    for (const auto& entry : std::filesystem::recursive_directory_iterator(t.bDir))
        if (entry.is_regular_file()) CHECK_FALSE(test::fileContains(entry.path(), kMarker));
}
