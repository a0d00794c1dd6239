// An attachment between real vaults through the in-memory hub (sync/PROTOCOL.md §11.1): the record travels as an
// item op in its case's change-set, authorised like any edit, to the case's office only; the receiver lists it at
// once and reads it once its chunks are in; a removal travels as the record's tombstone and purges the content on
// every replica. The chunks themselves are carried here directly (their transport has its own tests).
#include <catch2/catch.hpp>

#include <random>

#include "../attachments/attachment_fixture.h"
#include "attachments/attachment_transfer.h"
#include "cases/case_repository.h"
#include "journal/journal.h"
#include "merge/state_hash.h"
#include "merge/vault_applier.h"
#include "sim/sim_device.h"
#include "sim/sim_hub.h"
#include "storage/database.h"
#include "support/temp_dir.h"
#include "wire/wire_types.h"

using namespace abri;
using attachments::AttachmentCode;
using attachments::AttachmentRepository;
using attachments::AttachmentTransfer;
using attachments::Category;

namespace {

constexpr std::int64_t kStartMs = 1'767'607'200'000;  // 2026-01-05T10:00Z
const std::string kMarker = "FAKE-SYNCED-CONSENT-MARKER-Jv83";

std::int64_t countOf(vault::Vault& v, const std::string& sql) { return v.db().queryInt64(sql).value_or(-1); }

}  // namespace

TEST_CASE("an attachment record travels with its case, its chunks after it, and its removal purges it everywhere",
          "[merge][attachments][sync]") {
    test::TempDir dir;
    std::int64_t nowMs = kStartMs;
    test::SimHub hub{{"TST-A", "TST-B"}};
    std::filesystem::create_directories(dir.path() / "a");
    std::filesystem::create_directories(dir.path() / "b");
    std::filesystem::create_directories(dir.path() / "c");
    test::SimDevice a(dir.path() / "a", "TST-A", nowMs), b(dir.path() / "b", "TST-A", nowMs),
        c(dir.path() / "c", "TST-B", nowMs);
    for (auto* d : {&a, &b, &c}) hub.enrol(d->deviceId(), d->office(), merge::CertificateRole::Supervisor);
    std::mt19937_64 rng(7);
    auto exchange = [&] {
        nowMs += 60'000;
        for (auto* d : {&a, &b, &c}) {
            d->pack(50);
            d->upload(hub, rng, false);
        }
        for (auto* d : {&a, &b, &c}) d->download(hub, rng, false);
    };

    const std::string caseId = cases::CaseRepository(a.vault()).createCase(
        {{"person", {{"given_name", "Testname Attach"}, {"family_name", "Fakeperson"}}}});
    AttachmentRepository repoA(a.vault());
    const test::Bytes png = test::syntheticPng(kMarker, 600 * 1024);  // three chunks
    auto options = test::opts(Category::ConsentForm);
    options.fileName = "consent-scan.png";
    const std::string id = repoA.addBytes(caseId, png, options);

    // Journalled as one item op of kind "attachment" whose doc is the record (§11.1).
    const auto entries = a.vault().journal().entriesFor(id);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].op.kind == journal::OpKind::Create);
    CHECK(entries[0].caseId == caseId);
    const auto value = nlohmann::json::parse(entries[0].op.valueJson);
    CHECK(value["kind"] == "attachment");
    const auto sent = attachments::recordFromDoc(id, caseId, a.deviceId(), value["doc"]);
    CHECK(sent.fileName == "consent-scan.png");
    CHECK(sent.chunkHashes.size() == 3);
    // Its chunks wait for the record's change-set: nothing to send before the pack.
    AttachmentTransfer senderA(a.vault());
    CHECK(senderA.uploadsReady().empty());
    CHECK(countOf(a.vault(), "SELECT count(*) FROM attachment_uploads") == 3);

    exchange();
    const auto ready = senderA.uploadsReady();
    REQUIRE(ready.size() == 3);
    CHECK(ready[0].attachmentId == id);
    CHECK(ready[2].index == 2);

    // Laptop B of the same office lists it at once (name, category, size) but cannot read it yet.
    AttachmentRepository repoB(b.vault());
    const auto listed = repoB.list(caseId);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].id == id);
    CHECK(listed[0].fileName == "consent-scan.png");
    CHECK(listed[0].category == Category::ConsentForm);
    CHECK(listed[0].size == png.size());
    CHECK(test::refusalOf([&] { test::readBack(repoB, id); }) == AttachmentCode::Incomplete);
    AttachmentTransfer receiverB(b.vault());
    CHECK(receiverB.wanted().size() == 3);
    // Nothing of it reaches the other office's laptop.
    CHECK(countOf(c.vault(), "SELECT count(*) FROM attachments") == 0);
    CHECK(AttachmentTransfer(c.vault()).wanted().empty());

    // The chunks, signed by A's device, complete it on B byte for byte.
    const auto deviceKey = crypto::SigningKeyPair::generate();
    const auto deviceA = *wire::idFromHex(a.deviceId());
    const attachments::SignerKeyLookup signers = [&](const wire::Id16& device) -> std::optional<crypto::PublicKey> {
        if (device == deviceA) return deviceKey.publicKey;
        return std::nullopt;
    };
    for (std::uint32_t i = 0; i < 3; ++i) {
        const auto chunk = senderA.signedChunk(id, i, deviceKey);
        CHECK(receiverB.acceptChunk(chunk, signers, "ck") == attachments::ChunkOutcome::Stored);
    }
    CHECK(receiverB.wanted().empty());
    CHECK(test::readBack(repoB, id) == png);
    CHECK(merge::vaultStateHash(a.vault()) == merge::vaultStateHash(b.vault()));

    // A supervisor removes it on A: the tombstone reaches B, which clears the name and purges the content.
    repoA.remove(id);
    CHECK(senderA.uploadsReady().empty());  // a removed file is never sent
    CHECK(countOf(a.vault(), "SELECT count(*) FROM attachment_uploads") == 0);
    exchange();
    const auto removed = repoB.find(id);
    REQUIRE(removed);
    CHECK(removed->removed);
    CHECK(removed->fileName.empty());
    CHECK(countOf(b.vault(), "SELECT count(*) FROM attachment_chunks") == 0);
    CHECK(countOf(b.vault(), "SELECT count(*) FROM attachment_parts") == 0);
    CHECK(test::errorOf([&] { test::readBack(repoB, id); }) == ErrorCode::NotFound);
    CHECK(merge::vaultStateHash(a.vault()) == merge::vaultStateHash(b.vault()));
}
