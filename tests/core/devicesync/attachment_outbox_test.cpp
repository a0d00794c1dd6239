// Attachment chunks leaving a laptop (sync/PROTOCOL.md §11.3, §11.6): one sealed at- file per chunk, written only
// once the record's change-set is packed, signed by the device and sealed to the hub; on a USB bundle the at- files
// and the want list go to the hub, ck- files come back into the inbox, and the hub's list of held at- files clears
// them from the outbox. Real vault, real files.
#include <catch2/catch.hpp>

#include <algorithm>

#include "../attachments/attachment_fixture.h"
#include "attachments/attachment_transfer.h"
#include "devicesync/attachment_outbox.h"
#include "devicesync/device_sync.h"
#include "sync_vault_support.h"
#include "wire/attachment_chunk.h"
#include "wire/sealed_file.h"
#include "wire/sync_files.h"

using namespace abri;
namespace fs = std::filesystem;

namespace {

const std::string kMarker = "FAKE-OUTBOX-SCAN-MARKER-Pq71";

std::vector<std::string> namesIn(const fs::path& folder) {
    std::vector<std::string> out;
    if (!fs::is_directory(folder)) return out;
    for (const auto& entry : fs::directory_iterator(folder)) out.push_back(entry.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("an attachment's chunks become sealed at- files after its record is packed, once",
          "[devicesync][attachments]") {
    test::SyncVault v;
    test::TestHub hub;
    const std::string caseId = v.repo().createCase({{"person", {{"given_name", "Testname Outbox"}}}});
    const test::Bytes pdf = test::syntheticPdf(kMarker, 400 * 1024);  // two chunks
    attachments::AttachmentRepository repo(*v.vault);
    const std::string id = repo.addBytes(caseId, pdf, test::opts(attachments::Category::Legal, {}, "court-letter.pdf"));
    const auto outbox = v.dir / "outbox";
    fs::create_directories(outbox);

    // Not before the record is packed: the hub must know the record first.
    CHECK(devicesync::writeAttachmentOutboxFiles(*v.vault, hub.descriptor, v.keys.sign, outbox).empty());
    devicesync::packUnshipped(v.db(), v.identity, v.keys.sign);
    const auto written = devicesync::writeAttachmentOutboxFiles(*v.vault, hub.descriptor, v.keys.sign, outbox);
    REQUIRE(written.size() == 2);
    CHECK(namesIn(outbox) == written);
    // Once: the queue is empty now.
    CHECK(devicesync::writeAttachmentOutboxFiles(*v.vault, hub.descriptor, v.keys.sign, outbox).empty());

    const auto record = attachments::AttachmentTransfer(*v.vault).record(id);
    REQUIRE(record);
    for (std::uint32_t i = 0; i < 2; ++i) {
        const auto name = wire::parseAttachmentUploadFileName(written[i]);
        REQUIRE(name);
        CHECK(name->deviceId == v.identity.deviceId);
        CHECK(wire::idToHex(name->attachmentId) == id);
        CHECK(name->chunkIndex == i);
        // Sealed to the hub: nothing of the scan readable in the file.
        CHECK_FALSE(test::fileContains(outbox / written[i], kMarker));
        const auto file = wire::readWholeFile(outbox / written[i], 1 << 20);
        const auto opened = wire::openSealedFile(file, hub.box, written[i]);
        CHECK(opened.content == wire::SealedContent::Chunk);
        const auto decoded = wire::decodeAttachmentChunk(opened.payload, written[i]);
        wire::verifyAttachmentChunk(decoded, v.keys.sign.publicKey, written[i]);
        CHECK(decoded.chunk.chunkIndex == i);
        CHECK(decoded.chunk.chunkCount == 2);
        CHECK(crypto::toHex(decoded.chunk.chunkHash) == record->chunkHashes[i]);
    }

    // Removed before the daemon sent them: its files leave the outbox too, nothing of it goes out.
    const std::string other = repo.addBytes(caseId, test::syntheticPng(kMarker, 10), test::opts({}, {}, "keep.png"));
    devicesync::packUnshipped(v.db(), v.identity, v.keys.sign);
    const auto kept = devicesync::writeAttachmentOutboxFiles(*v.vault, hub.descriptor, v.keys.sign, outbox);
    REQUIRE(kept.size() == 1);
    v.login("super", test::kSupervisorPassword);
    attachments::AttachmentRepository(*v.vault).remove(id);
    CHECK(devicesync::removeWithdrawnUploadFiles(*v.vault, outbox) == 2);
    CHECK(namesIn(outbox) == kept);
    CHECK(wire::idToHex(wire::parseAttachmentUploadFileName(kept[0])->attachmentId) == other);
}

TEST_CASE("a USB bundle carries at- files and the want list out, ck- files in, and clears what the hub holds",
          "[devicesync][attachments][bundle]") {
    test::SyncVault v;
    test::TestHub hub;
    const std::string caseId = v.repo().createCase({{"person", {{"given_name", "Testname Bundle"}}}});
    attachments::AttachmentRepository repo(*v.vault);
    repo.addBytes(caseId, test::syntheticPng(kMarker, 300 * 1024), test::opts(attachments::Category::Photo, {}, "p.png"));
    const auto syncDir = wire::syncFolder(v.vaultPath);
    fs::create_directories(syncDir / "outbox");
    devicesync::packUnshipped(v.db(), v.identity, v.keys.sign);
    devicesync::writeOutboxFiles(v.db(), v.identity, hub.descriptor, syncDir / "outbox");
    const auto atFiles = devicesync::writeAttachmentOutboxFiles(*v.vault, hub.descriptor, v.keys.sign, syncDir / "outbox");
    REQUIRE(atFiles.size() == 2);
    const std::string wantText = "some want list\n";  // copied as it is: the hub parses it
    wire::writeFileAtomically(syncDir, devicesync::kChunksWantedFile, crypto::asBytes(std::string_view(wantText)));

    const auto stick = v.dir / "stick";
    devicesync::exportBundle(*v.vault, v.vaultPath, stick);
    const auto toHub = stick / "abri-bundle" / "to-hub";
    const auto names = namesIn(toHub);
    for (const auto& at : atFiles) CHECK(std::count(names.begin(), names.end(), at) == 1);
    const std::string device = wire::idToHex(v.identity.deviceId);
    REQUIRE(fs::exists(toHub / ("chunks-" + device + ".txt")));
    const auto copied = wire::readWholeFile(toHub / ("chunks-" + device + ".txt"), 1024);
    CHECK(std::string(copied.begin(), copied.end()) == wantText);
    for (const auto& name : names) CHECK_FALSE(test::fileContains(toHub / name, kMarker));

    // The hub answers: a chunk for this device, and the list of at- files it holds (one of the two, and a name of
    // another device that must not touch anything here).
    const auto from = stick / "abri-bundle" / "to-device" / device;
    fs::create_directories(from);
    wire::Hash32 hash{};
    hash.fill(0x5c);
    wire::writeFileAtomically(from, wire::chunkFileName(hash), crypto::asBytes(std::string_view("sealed bytes")));
    const std::string otherDevice = wire::attachmentUploadFileName(test::fakeId(0x77), test::fakeId(0x78), 0);
    const std::string received = atFiles[0] + "\n" + otherDevice + "\nnot-a-name\n";
    wire::writeFileAtomically(from, devicesync::kChunksReceivedFile, crypto::asBytes(std::string_view(received)));
    devicesync::importBundle(*v.vault, v.vaultPath, stick);
    CHECK(fs::exists(syncDir / "inbox" / wire::chunkFileName(hash)));
    CHECK_FALSE(fs::exists(syncDir / "outbox" / atFiles[0]));
    CHECK(fs::exists(syncDir / "outbox" / atFiles[1]));

    // The next export no longer carries the held file.
    devicesync::exportBundle(*v.vault, v.vaultPath, stick);
    CHECK_FALSE(fs::exists(toHub / atFiles[0]));
    CHECK(fs::exists(toHub / atFiles[1]));
}
