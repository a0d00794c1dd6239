// An attachment moving from one laptop's vault to another's (sync/PROTOCOL.md §11): the record as the item op
// carries it, then the signed ABAK chunks. Both vaults are real SQLCipher files on disk; laptop B starts as a copy
// of laptop A's vault taken before the file was attached (so it holds the same case, as sync would have given it).
#include <catch2/catch.hpp>

#include "two_laptops.h"
#include "attachments/attachment_transfer.h"
#include "wire/attachment_chunk.h"
#include "wire/sync_error.h"

using namespace abri;
using namespace abri::attachments;
using test::Bytes;

namespace {

const std::string kMarker = "FAKE-SYNCED-SCAN-MARKER-Hvqpzx-4410";

wire::SyncCode syncCodeOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const wire::SyncError& e) {
        return e.code();
    }
    throw std::runtime_error("no SyncError thrown");
}

}  // namespace

TEST_CASE("an attachment reaches another laptop of the office: identical bytes, readable there",
          "[attachments][sync]") {
    test::TwoLaptops t;
    const Bytes pdf = test::syntheticPdf(kMarker, 600 * 1024);  // three chunks, the last one short
    auto repoA = t.a.repo();
    const std::string id = repoA.addFile(t.a.caseId, t.a.input("consent.pdf", pdf), test::opts(Category::ConsentForm));

    AttachmentTransfer sender(*t.a.vault);
    AttachmentTransfer receiver(*t.b);
    receiver.receiveRecord(t.recordAsSent(id));
    receiver.receiveRecord(t.recordAsSent(id));  // the same page applied twice changes nothing

    AttachmentRepository repoB(*t.b);
    const auto listed = repoB.list(t.a.caseId);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].id == id);
    CHECK(listed[0].category == Category::ConsentForm);
    CHECK(listed[0].size == pdf.size());
    // Listed at once, readable only once complete.
    CHECK_FALSE(receiver.isComplete(id));
    CHECK(test::refusalOf([&] { test::readBack(repoB, id); }) == AttachmentCode::Incomplete);
    REQUIRE(receiver.wanted().size() == 3);
    CHECK(receiver.wanted()[0].attachmentId == id);
    CHECK(receiver.wanted()[0].caseId == t.a.caseId);

    // Chunks in any order; one delivered twice is held already.
    for (std::uint32_t index : {2U, 0U, 1U})
        CHECK(receiver.acceptChunk(sender.signedChunk(id, index, t.deviceKey), t.knownDevices(), "ck") ==
              ChunkOutcome::Stored);
    CHECK(receiver.acceptChunk(sender.signedChunk(id, 1, t.deviceKey), t.knownDevices(), "ck") ==
          ChunkOutcome::AlreadyHeld);
    CHECK(receiver.isComplete(id));
    CHECK(receiver.wanted().empty());
    CHECK(test::readBack(repoB, id) == pdf);
    CHECK(repoB.find(id)->contentHash == repoA.find(id)->contentHash);
    CHECK(repoB.find(id)->contentHash == crypto::toHex(crypto::blake2b({pdf})));

    // Nothing of the content in the clear in either laptop's folder.
    t.b->lock();
    for (const auto& dir : {t.a.vaultDir, t.bDir})
        for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
            if (entry.is_regular_file()) CHECK_FALSE(test::fileContains(entry.path(), kMarker));
}

TEST_CASE("after a cut only the chunks not yet held are wanted again", "[attachments][sync]") {
    test::TwoLaptops t;
    const Bytes pdf = test::syntheticPdf(kMarker, 5 * 256 * 1024);
    const std::string id = t.a.repo().addFile(t.a.caseId, t.a.input("scan.pdf", pdf), {});
    AttachmentTransfer sender(*t.a.vault);
    AttachmentTransfer receiver(*t.b);
    receiver.receiveRecord(t.recordAsSent(id));
    REQUIRE(receiver.wanted().size() == 6);
    for (std::uint32_t index = 0; index < 3; ++index)
        receiver.acceptChunk(sender.signedChunk(id, index, t.deviceKey), t.knownDevices(), "ck");
    // The link is cut here; the vault is locked and opened again, as after a night.
    t.b->lock();
    t.b.reset();
    vault::UnlockOptions options;
    options.clock = [&] { return t.a.nowMs; };
    t.b = vault::Vault::unlock(t.bDir / t.a.vaultPath.filename(), "worker", test::kWorkerPassword, options);
    AttachmentTransfer again(*t.b);
    const auto wanted = again.wanted();
    REQUIRE(wanted.size() == 3);
    CHECK(wanted[0].index == 3);
    CHECK(wanted[2].index == 5);
    for (const auto& w : wanted)
        CHECK(again.acceptChunk(sender.signedChunk(id, w.index, t.deviceKey), t.knownDevices(), "ck") ==
              ChunkOutcome::Stored);
    AttachmentRepository repoB(*t.b);
    CHECK(test::readBack(repoB, id) == pdf);
}

TEST_CASE("a bad chunk is refused with a typed error, stores nothing, and the good one is taken after it",
          "[attachments][sync]") {
    test::TwoLaptops t;
    const Bytes pdf = test::syntheticPdf(kMarker, 400 * 1024);
    const std::string id = t.a.repo().addFile(t.a.caseId, t.a.input("id.pdf", pdf), {});
    AttachmentTransfer sender(*t.a.vault);
    AttachmentTransfer receiver(*t.b);
    const auto good = sender.signedChunk(id, 0, t.deviceKey);
    auto accept = [&](const crypto::Bytes& bytes) { receiver.acceptChunk(bytes, t.knownDevices(), "ck"); };
    auto chunkRows = [&] { return t.b->db().queryInt64("SELECT count(*) FROM attachment_chunks;").value_or(-1); };

    SECTION("before its record arrives: kept nowhere") {
        CHECK(syncCodeOf([&] { accept(good); }) == wire::SyncCode::UnknownEntity);
        CHECK(chunkRows() == 0);
    }
    receiver.receiveRecord(t.recordAsSent(id));

    SECTION("corrupted on the wire or on the stick: refused by hash, then fetched again") {
        auto bad = good;
        bad[wire::kChunkHeaderBytes + 1000] ^= 0x40;
        CHECK(syncCodeOf([&] { accept(bad); }) == wire::SyncCode::HashMismatch);
        CHECK(chunkRows() == 0);
        CHECK(receiver.wanted().size() == 2);  // still wanted
        accept(good);
        CHECK(receiver.wanted().size() == 1);
    }
    SECTION("a signature that does not verify, or an unknown signer") {
        auto bad = good;
        bad[bad.size() - 3] ^= 0x01;
        CHECK(syncCodeOf([&] { accept(bad); }) == wire::SyncCode::BadSignature);
        const auto otherKey = crypto::SigningKeyPair::generate();
        CHECK(syncCodeOf([&] { accept(sender.signedChunk(id, 0, otherKey)); }) == wire::SyncCode::BadSignature);
        CHECK(syncCodeOf([&] {
                  receiver.acceptChunk(good, [](const wire::Id16&) { return std::optional<crypto::PublicKey>{}; },
                                       "ck");
              }) == wire::SyncCode::UnknownDevice);
        CHECK(chunkRows() == 0);
    }
    SECTION("well signed, but not the bytes the record lists at that index") {
        const Bytes other(1000, 0x33);
        wire::AttachmentChunk forged;
        forged.deviceId = t.deviceA;
        forged.caseId = *wire::idFromHex(t.a.caseId);
        forged.attachmentId = *wire::idFromHex(id);
        forged.chunkIndex = 1;
        forged.chunkCount = 2;
        forged.contentHash = wire::decodeAttachmentChunk(good, "ck").chunk.contentHash;  // the record's
        forged.data = other;
        CHECK(syncCodeOf([&] { accept(wire::encodeAttachmentChunk(forged, t.deviceKey)); }) ==
              wire::SyncCode::UnknownEntity);
        CHECK(chunkRows() == 0);
    }
    SECTION("signed by another known device than the one that added it") {
        const auto other = crypto::SigningKeyPair::generate();
        const auto decoded = wire::decodeAttachmentChunk(good, "ck");
        wire::AttachmentChunk copy = decoded.chunk;
        copy.deviceId.fill(0x77);
        const auto bytes = wire::encodeAttachmentChunk(copy, other);
        CHECK(syncCodeOf([&] {
                  receiver.acceptChunk(bytes, [&](const wire::Id16&) { return std::optional(other.publicKey); },
                                       "ck");
              }) == wire::SyncCode::DeviceMismatch);
        CHECK(chunkRows() == 0);
    }
}

TEST_CASE("a record doc that is not what §11.1 says is invalid_value naming the key", "[attachments][sync]") {
    test::TwoLaptops t;
    const std::string id = t.a.repo().addFile(t.a.caseId, t.a.input("x.pdf", test::syntheticPdf("S", 10)), {});
    const auto record = AttachmentTransfer(*t.a.vault).record(id);
    REQUIRE(record);
    const auto good = recordDoc(*record);
    auto subjectOf = [&](const std::function<void(nlohmann::json&)>& change) {
        auto doc = good;
        change(doc);
        try {
            recordFromDoc(record->id, record->caseId, record->createdDevice, doc);
        } catch (const wire::SyncError& e) {
            CHECK(e.code() == wire::SyncCode::InvalidValue);
            return e.subject();
        }
        return std::string("accepted");
    };
    CHECK(subjectOf([](auto&) {}) == "accepted");
    CHECK(subjectOf([](auto& d) { d.erase("size"); }) == "doc.size");
    CHECK(subjectOf([](auto& d) { d["size"] = 0; }) == "doc.size");
    CHECK(subjectOf([](auto& d) { d["file_name"] = "a/b"; }) == "doc.file_name");
    CHECK(subjectOf([](auto& d) { d["content_type"] = "exe"; }) == "doc.content_type");
    CHECK(subjectOf([](auto& d) { d["category"] = "secret"; }) == "doc.category");
    CHECK(subjectOf([](auto& d) { d["chunk_bytes"] = 4096; }) == "doc.chunk_bytes");
    CHECK(subjectOf([](auto& d) { d["chunks"].push_back(d["chunks"][0]); }) == "doc.chunks");
    CHECK(subjectOf([](auto& d) { d["chunks"][0] = "zz"; }) == "doc.chunks");
    CHECK(subjectOf([](auto& d) { d["content_hash"] = 7; }) == "doc.content_hash");
    CHECK(subjectOf([](auto& d) { d["supersedes"] = "not-an-id"; }) == "doc.supersedes");
}
