// Attachments on a USB stick, between real processes (sync/PROTOCOL.md §11.6): abri-cli bundle export/import on the
// laptops, abri-hub import at the hub. Laptop one attaches a scanned consent form; its record reaches laptop two of
// the same office with the pages and is listed at once; the chunks follow on later rounds, one of them damaged on
// the stick (refused by hash, asked for again, delivered); the laptop of another office gets nothing; the hub's list
// of held chunk files clears them from laptop one's outbox; no file anywhere holds the scan in the clear.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "attachments/attachment_repository.h"
#include "attachments/attachment_transfer.h"
#include "office_laptop.h"
#include "support/temp_dir.h"
#include "sync_test_support.h"
#include "vault/vault.h"
#include "wire/sync_files.h"

using namespace abri;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

const fs::path kHubBin = ABRI_HUB_BIN;
const fs::path kCliBin = ABRI_CLI_BIN;
const std::string kMarker = "FAKE-STICK-CONSENT-MARKER-Wq27";

// A synthetic PNG (signature, header, a text chunk with the marker, filler): what the type sniffer accepts.
std::vector<std::uint8_t> syntheticPng(std::size_t fillerBytes) {
    std::vector<std::uint8_t> out = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    const std::string text = "tEXtComment " + kMarker + " IDAT";
    out.insert(out.end(), text.begin(), text.end());
    std::uint32_t x = 2463534242u;
    for (std::size_t i = 0; i < fillerBytes; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        out.push_back(static_cast<std::uint8_t>(x));
    }
    return out;
}

std::unique_ptr<vault::Vault> worker(const test::OfficeLaptop& laptop) {
    return vault::Vault::unlock(laptop.vaultPath, "worker", std::string(test::kWorkerPassword));
}

std::vector<fs::path> filesUnder(const fs::path& dir, const std::string& prefix) {
    std::vector<fs::path> out;
    if (!fs::is_directory(dir)) return out;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().filename().string().rfind(prefix, 0) == 0) out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("An attachment travels on a USB stick, its record first, a chunk damaged on the stick fetched again",
          "[sync][attachments][bundle]") {
    test::TempDir root;
    test::HubProcess hub(root.path(), kHubBin);
    hub.start();
    test::OfficeLaptop one(root.path(), "one", "TST-A");
    test::OfficeLaptop two(root.path(), "two", "TST-A");
    test::OfficeLaptop far(root.path(), "far", "TST-B");
    one.enrol(hub);
    two.enrol(hub);
    far.enrol(hub);
    one.registerCase(R"({"person": {"given_name": "Testname Stick", "family_name": "Fakeperson"}})");

    const auto png = syntheticPng(600 * 1024);  // three chunks
    std::string caseId, attachmentId;
    {
        auto v = worker(one);
        auto st = v->db().prepare("SELECT id FROM cases");
        REQUIRE(st.step());
        caseId = st.text(0);
        attachments::AddOptions options;
        options.category = attachments::Category::ConsentForm;
        options.fileName = "consent-scan.png";
        attachmentId = attachments::AttachmentRepository(*v).addBytes(caseId, png, options);
    }

    const auto pw = root / "worker.pw";
    std::ofstream(pw) << test::kWorkerPassword << "\n";
    fs::permissions(pw, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    // One stick per laptop: what each carries stays apart.
    auto round = [&](const test::OfficeLaptop& laptop, const std::function<void(const fs::path& usb)>& onStick = {}) {
        const auto usb = root / ("usb-" + laptop.name);
        fs::create_directories(usb);
        auto bundle = [&](const std::string& verb) {
            return test::runToEnd(kCliBin,
                                  {"bundle", verb, laptop.vaultPath.string(), "--user", "worker", "--password-file",
                                   pw.string(), usb.string()},
                                  laptop.log, 60s);
        };
        REQUIRE(bundle("export") == 0);
        const int imported = test::runToEnd(kHubBin, {"import", hub.dir.string(), usb.string()}, hub.log, 60s);
        INFO("abri-hub import: " << test::readText(hub.log));
        REQUIRE(imported == 0);
        if (onStick) onStick(usb);
        REQUIRE(bundle("import") == 0);
        return usb;
    };

    // Laptop one: the record goes in a change-set, the three chunks as at- files, all on the stick.
    const auto oneOutbox = wire::syncFolder(one.vaultPath) / "outbox";
    const auto usbOne = round(one);
    CHECK(filesUnder(usbOne / "abri-bundle" / "to-hub", "at-").size() == 3);
    CHECK(filesUnder(oneOutbox, "at-").empty());  // the hub listed them as held: they left the outbox

    // Laptop two: the record arrives with the pages and is listed, arriving, before any chunk.
    round(two);
    {
        auto v = worker(two);
        const auto listed = attachments::AttachmentRepository(*v).list(caseId);
        REQUIRE(listed.size() == 1);
        CHECK(listed[0].fileName == "consent-scan.png");
        CHECK(listed[0].chunksHeld == 0);
        CHECK(listed[0].chunkCount == 3);
        CHECK(attachments::AttachmentTransfer(*v).wanted().size() == 3);
    }
    // The next round carries the want list out and the chunks back; one is damaged on the stick.
    round(two, [&](const fs::path& usb) {
        const auto chunks = filesUnder(usb / "abri-bundle" / "to-device" / wire::idToHex(*wire::idFromHex(worker(two)->deviceId())), "ck-");
        REQUIRE(chunks.size() == 3);
        std::fstream file(chunks[1], std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(static_cast<std::streamoff>(fs::file_size(chunks[1]) / 2));
        file.put('\x5a');
    });
    {
        auto v = worker(two);
        CHECK(attachments::AttachmentRepository(*v).list(caseId)[0].chunksHeld == 2);
        CHECK(attachments::AttachmentTransfer(*v).wanted().size() == 1);
    }
    // Asked for again, delivered intact: the file reads back byte for byte.
    round(two);
    {
        auto v = worker(two);
        attachments::AttachmentRepository repo(*v);
        std::vector<std::uint8_t> back;
        repo.read(attachmentId, [&](std::span<const std::uint8_t> piece) { back.insert(back.end(), piece.begin(), piece.end()); });
        CHECK(back == png);
        CHECK(attachments::AttachmentTransfer(*v).wanted().empty());
    }

    // The other office's laptop: nothing of it, not even the record.
    const auto usbFar = round(far);
    round(far);
    {
        auto v = worker(far);
        CHECK(v->db().queryInt64("SELECT count(*) FROM attachments").value_or(-1) == 0);
    }
    CHECK(filesUnder(usbFar / "abri-bundle" / "to-device" / wire::idToHex(*wire::idFromHex(worker(far)->deviceId())), "ck-").empty());

    // Nothing of the scan in the clear anywhere: vaults, sync folders, sticks, the hub's folder, the logs.
    for (const auto& entry : fs::recursive_directory_iterator(root.path()))
        if (entry.is_regular_file()) {
            INFO(entry.path().string());
            CHECK_FALSE(test::fileContains(entry.path(), kMarker));
        }
}
