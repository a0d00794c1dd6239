// Attachment chunks at the hub (sync/PROTOCOL.md §11.3-§11.5, sync/hub/attachment_chunks.h), on a real hub store:
// a chunk uploaded by laptop A of office AAA is handed, sealed to it, to laptop B of the same office and never to a
// laptop of office BBB, which has no access to the case; bad uploads keep nothing; the daily budget holds back
// attachment bytes only; the store folder never holds the content in the clear.
#include <catch2/catch.hpp>

#include <algorithm>

#include "attachment_chunks.h"
#include "attachment_records.h"
#include "attachments/attachment_transfer.h"
#include "case_state.h"
#include "common/error.h"
#include "hub_store.h"
#include "support/temp_dir.h"
#include "sync_test_support.h"
#include "wire/attachment_chunk.h"
#include "wire/certificate.h"
#include "wire/limits.h"
#include "wire/sealed_file.h"

using namespace abri;
using sync::hub::HubStore;

namespace {

const std::string kMarker = "FAKE-HUB-ATTACHMENT-MARKER-Pzvq-5521";
constexpr std::uint64_t kNow = 1'780'000'000'000;  // 2026-05-28, 20:26:40 UTC

struct Laptop {
    crypto::SigningKeyPair sign = crypto::SigningKeyPair::generate();
    crypto::BoxKeyPair box = crypto::BoxKeyPair::generate();
    sync::hub::DeviceRecord record;
};

Laptop enrol(HubStore& store, std::uint8_t idByte, const std::string& office) {
    Laptop laptop;
    wire::Certificate cert;
    cert.serial = store.nextCertificateSerial();
    cert.hubId = store.hubId();
    cert.deviceId.fill(idByte);
    cert.signPk = laptop.sign.publicKey;
    cert.boxPk = laptop.box.publicKey;
    cert.tlsPk = laptop.sign.publicKey;  // no TLS here
    cert.notBeforeMs = kNow - 1000;
    cert.notAfterMs = kNow + wire::kDefaultCertificateValidityMs;
    cert.office = office;
    cert.label = "laptop";
    laptop.record.deviceId = cert.deviceId;
    laptop.record.office = office;
    laptop.record.statusMs = cert.notBeforeMs;
    laptop.record.certificate = wire::issueCertificate(cert, store.identity());
    store.insertDevice(laptop.record);
    return laptop;
}

// The hub admitted the case and laptop A's record of the attachment (§11.1): both in the case's stored state, as
// ingest leaves them. Returns the record op, for a later tombstone.
merge::RemoteOp admitRecord(HubStore& store, const wire::AttachmentChunk& chunk, const std::string& office) {
    const std::string caseHex = wire::idToHex(chunk.caseId), device = wire::idToHex(chunk.deviceId);
    merge::MergeState state = sync::hub::storedCaseState(store.db(), chunk.caseId);
    merge::RemoteOp create;
    create.kind = wire::OpKind::Create;
    create.entity = wire::EntityKind::Case;
    create.entityId = create.caseId = caseHex;
    create.valueJson = nlohmann::json{{"office", office}}.dump();
    create.hlc = create.effHlc = journal::makeHlc(kNow - 60'000, 0);
    create.device = device;
    create.author = std::string(32, 'a');
    attachments::AttachmentRecord record;
    record.id = wire::idToHex(chunk.attachmentId);
    record.caseId = caseHex;
    record.fileName = "scan.png";
    record.type = attachments::ContentType::Png;
    record.size = chunk.data.size();
    record.category = attachments::Category::Photo;
    record.contentHash = crypto::toHex(chunk.contentHash);
    record.chunkHashes = {crypto::toHex(crypto::blake2b({chunk.data}))};
    record.addedBy = std::string(32, 'a');
    record.addedMs = static_cast<std::int64_t>(kNow);
    merge::RemoteOp item = create;
    item.entity = wire::EntityKind::Item;
    item.entityId = record.id;
    item.valueJson =
        nlohmann::json{{"case_id", caseHex}, {"kind", "attachment"}, {"doc", attachments::recordDoc(record)}}.dump();
    item.hlc = item.effHlc = journal::makeHlc(kNow - 30'000, 0);
    state.add(create);
    state.add(item);
    sync::hub::storeCaseState(store.db(), chunk.caseId, state);
    return item;
}

wire::SyncCode codeOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const wire::SyncError& e) {
        return e.code();
    }
    throw std::runtime_error("no SyncError thrown");
}

}  // namespace

TEST_CASE("the hub routes an attachment chunk to the case's offices without opening it", "[sync][hub][attachments]") {
    test::TempDir tmp;
    sync::hub::HubInitOptions options;
    options.dir = tmp / "hub";
    options.name = "test-hub";
    options.address = "127.0.0.1:1";
    options.kdf = crypto::KdfParams::minimum();
    HubStore::create(options, test::kHubPassphrase);
    auto store = HubStore::open(options.dir, test::kHubPassphrase);
    const Laptop a = enrol(store, 0xA1, "TST-AAA");
    const Laptop b = enrol(store, 0xB2, "TST-AAA");
    const Laptop c = enrol(store, 0xC3, "TST-BBB");
    wire::Id16 caseId{};
    caseId.fill(0x5C);
    store.grantCase(caseId, "TST-AAA");

    // A 100 KiB last chunk of an attachment, with the marker inside, signed by A and sealed to the hub.
    crypto::Bytes data(100 * 1024, 0x2E);
    std::copy(kMarker.begin(), kMarker.end(), data.begin() + 5000);
    wire::AttachmentChunk chunk;
    chunk.deviceId = a.record.deviceId;
    chunk.caseId = caseId;
    chunk.attachmentId.fill(0xAB);
    chunk.chunkIndex = 0;
    chunk.chunkCount = 1;
    chunk.contentHash = crypto::blake2b({data});
    chunk.data = data;
    const auto signedChunk = wire::encodeAttachmentChunk(chunk, a.sign);
    const auto upload = wire::encodeSealedFile(wire::SealedContent::Chunk, store.boxKey().publicKey, signedChunk);
    wire::ChunkWant want;
    want.caseId = caseId;
    want.attachmentId = chunk.attachmentId;
    want.chunkIndex = 0;
    want.chunkHash = crypto::blake2b({data});
    const sync::hub::AttachmentBudget unlimited{0};
    // Before the record's change-set is admitted, the hub takes no chunk of it (§11.3).
    CHECK(codeOf([&] { sync::hub::acceptChunkUpload(store, a.record, upload, kNow, unlimited); }) ==
          wire::SyncCode::UnknownEntity);
    const merge::RemoteOp recordOp = admitRecord(store, chunk, "TST-AAA");
    auto heldRows = [&] { return store.db().queryInt64("SELECT count(*) FROM attachment_chunks").value_or(-1); };

    CHECK(codeOf([&] { sync::hub::chunkForDevice(store, b.record, want, kNow, unlimited); }) ==
          wire::SyncCode::ChunkUnavailable);  // not uploaded yet

    SECTION("uploaded by A, handed to B sealed to B, never to C") {
        sync::hub::acceptChunkUpload(store, a.record, upload, kNow, unlimited);
        sync::hub::acceptChunkUpload(store, a.record, upload, kNow, unlimited);  // again after a lost ack
        CHECK(heldRows() == 1);
        const auto file = sync::hub::chunkForDevice(store, b.record, want, kNow, unlimited);
        CHECK(std::search(file.begin(), file.end(), kMarker.begin(), kMarker.end()) == file.end());
        const auto opened = wire::openSealedFile(file, b.box, "ck");
        CHECK(opened.content == wire::SealedContent::Chunk);
        CHECK(opened.payload == signedChunk);  // verbatim: A's signature still verifies at B
        const auto decoded = wire::decodeAttachmentChunk(opened.payload, "ck");
        wire::verifyAttachmentChunk(decoded, a.sign.publicKey, "ck");
        CHECK(codeOf([&] { wire::openSealedFile(file, c.box, "ck"); }) == wire::SyncCode::WrongRecipient);

        CHECK(codeOf([&] { sync::hub::chunkForDevice(store, c.record, want, kNow, unlimited); }) ==
              wire::SyncCode::ChunkUnavailable);
        auto otherAttachment = want;
        otherAttachment.attachmentId.fill(0x01);
        CHECK(codeOf([&] { sync::hub::chunkForDevice(store, b.record, otherAttachment, kNow, unlimited); }) ==
              wire::SyncCode::ChunkUnavailable);

        // The record's tombstone is admitted: its chunks leave the hub.
        merge::MergeState state = sync::hub::storedCaseState(store.db(), caseId);
        merge::RemoteOp removal = recordOp;
        removal.kind = wire::OpKind::Delete;
        removal.valueJson = "null";
        removal.hlc = removal.effHlc = journal::makeHlc(kNow, 0);
        state.add(removal);
        sync::hub::storeCaseState(store.db(), caseId, state);
        CHECK(sync::hub::purgeRemovedAttachmentChunks(store.db(), caseId, state) == 1);
        CHECK(heldRows() == 0);
        CHECK(codeOf([&] { sync::hub::chunkForDevice(store, b.record, want, kNow, unlimited); }) ==
              wire::SyncCode::ChunkUnavailable);
        CHECK(codeOf([&] { sync::hub::acceptChunkUpload(store, a.record, upload, kNow, unlimited); }) ==
              wire::SyncCode::UnknownEntity);
    }
    SECTION("bad uploads keep nothing") {
        CHECK(codeOf([&] { sync::hub::acceptChunkUpload(store, c.record, upload, kNow, unlimited); }) ==
              wire::SyncCode::DeviceMismatch);
        auto damaged = signedChunk;
        damaged[wire::kChunkHeaderBytes + 10] ^= 0x01;
        CHECK(codeOf([&] {
                  sync::hub::acceptChunkUpload(
                      store, a.record,
                      wire::encodeSealedFile(wire::SealedContent::Chunk, store.boxKey().publicKey, damaged), kNow,
                      unlimited);
              }) == wire::SyncCode::HashMismatch);
        auto forged = chunk;
        const auto forgedBytes = wire::encodeAttachmentChunk(forged, b.sign);  // B's key in A's name
        CHECK(codeOf([&] {
                  sync::hub::acceptChunkUpload(
                      store, a.record,
                      wire::encodeSealedFile(wire::SealedContent::Chunk, store.boxKey().publicKey, forgedBytes), kNow,
                      unlimited);
              }) == wire::SyncCode::BadSignature);
        auto foreign = chunk;
        foreign.deviceId = c.record.deviceId;  // office BBB has no access to the case
        CHECK(codeOf([&] {
                  sync::hub::acceptChunkUpload(
                      store, c.record,
                      wire::encodeSealedFile(wire::SealedContent::Chunk, store.boxKey().publicKey,
                                             wire::encodeAttachmentChunk(foreign, c.sign)),
                      kNow, unlimited);
              }) == wire::SyncCode::ForbiddenCase);
        // A chunk that is not the record's: another attachment, or other bytes at that index.
        auto unrecorded = chunk;
        unrecorded.attachmentId.fill(0xAC);
        CHECK(codeOf([&] {
                  sync::hub::acceptChunkUpload(
                      store, a.record,
                      wire::encodeSealedFile(wire::SealedContent::Chunk, store.boxKey().publicKey,
                                             wire::encodeAttachmentChunk(unrecorded, a.sign)),
                      kNow, unlimited);
              }) == wire::SyncCode::UnknownEntity);
        crypto::Bytes otherData(100 * 1024, 0x2F);
        auto otherBytes = chunk;
        otherBytes.data = otherData;
        CHECK(codeOf([&] {
                  sync::hub::acceptChunkUpload(
                      store, a.record,
                      wire::encodeSealedFile(wire::SealedContent::Chunk, store.boxKey().publicKey,
                                             wire::encodeAttachmentChunk(otherBytes, a.sign)),
                      kNow, unlimited);
              }) == wire::SyncCode::UnknownEntity);
        auto cut = upload;
        cut.resize(cut.size() - 1);
        CHECK(codeOf([&] { sync::hub::acceptChunkUpload(store, a.record, cut, kNow, unlimited); }) ==
              wire::SyncCode::Truncated);
        CHECK(heldRows() == 0);
        CHECK(sync::hub::attachmentBytesToday(store, "TST-AAA", kNow) == 0);
    }
    SECTION("the daily budget holds back attachment bytes of that office only, until the next UTC day") {
        const sync::hub::AttachmentBudget budget{2 * upload.size() + 100};
        sync::hub::acceptChunkUpload(store, a.record, upload, kNow, budget);
        sync::hub::chunkForDevice(store, b.record, want, kNow, budget);
        CHECK(sync::hub::attachmentBytesToday(store, "TST-AAA", kNow) > upload.size());
        try {
            sync::hub::chunkForDevice(store, b.record, want, kNow, budget);
            FAIL("over budget");
        } catch (const wire::SyncError& e) {
            CHECK(e.code() == wire::SyncCode::BudgetExhausted);
            CHECK(e.ref() == 86'400 - (kNow % 86'400'000) / 1000);  // seconds until midnight UTC
        }
        CHECK(codeOf([&] { sync::hub::acceptChunkUpload(store, b.record, upload, kNow, budget); }) ==
              wire::SyncCode::BudgetExhausted);
        CHECK_NOTHROW(sync::hub::chunkForDevice(store, b.record, want, kNow + 86'400'000, budget));
        CHECK(sync::hub::attachmentBytesToday(store, "TST-BBB", kNow) == 0);
    }
    // Nothing of the content in the clear anywhere in the hub's folder.
    for (const auto& entry : std::filesystem::recursive_directory_iterator(options.dir))
        if (entry.is_regular_file()) CHECK_FALSE(test::fileContains(entry.path(), kMarker));
}
