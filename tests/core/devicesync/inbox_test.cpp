#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>

#include "wire/page.h"
#include "cases/case_repository.h"
#include "wire/refusal_notice.h"
#include "wire/sealed_file.h"
#include "wire/sync_files.h"
#include "common/error.h"
#include "sync_vault_support.h"

using namespace abri;
using namespace abri::wire;
using namespace abri::devicesync;
using namespace abri::test;
using cases::Json;
namespace fs = std::filesystem;

namespace {

// A second device of the same office, with its own chain of change-sets.
struct PeerDevice {
    Id16 id = fakeId(0xe1);
    crypto::SigningKeyPair key = testSigner(0x51);
    Hash32 head{};
    std::uint64_t seq = 0;

    ChangeSet next(const Id16& caseId, Hlc hlc) {
        ChangeSetDraft d;
        d.deviceId = id;
        d.deviceSeq = ++seq;
        d.prevHash = head;
        d.caseId = caseId;
        d.office = "TST-01";
        d.authors = {fakeId(0xa9)};
        Op create;
        create.kind = OpKind::Create;
        create.entityId = caseId;
        create.valueJson = R"({"office":"TST-01","person":{"given_name":"Testname Peer"}})";
        create.hlc = hlc;
        d.ops = {create};
        ChangeSet cs = encodeChangeSet(d, key);
        head = cs.id;
        return cs;
    }
};

AdmissionRecord admissionOf(const ChangeSet& cs, std::uint64_t hubSeq) {
    AdmissionRecord a;
    a.changeSetId = cs.id;
    a.deviceId = cs.header.deviceId;
    a.deviceSeq = cs.header.deviceSeq;
    a.caseId = cs.header.caseId;
    a.hubSeq = hubSeq;
    a.admittedMs = 1'780'000'000'000;
    return a;
}

PageEntry certEntry(std::uint64_t seq, const Certificate& cert) {
    PageEntry e;
    e.type = PageEntryType::Cert;
    e.officeSeq = seq;
    e.certStatusMs = 1;
    e.certificate = cert.bytes;
    return e;
}

PageEntry changeSetEntry(std::uint64_t seq, const ChangeSet& cs) {
    PageEntry e;
    e.type = PageEntryType::ChangeSet;
    e.officeSeq = seq;
    e.admission = admissionOf(cs, seq);
    e.changeSet = cs.bytes;
    return e;
}

struct InboxFixture : SyncVault {
    TestHub hub;
    PeerDevice peer;
    fs::path syncDir = dir / "office.abri.sync";
    fs::path inbox = syncDir / "inbox";
    fs::path checkpointFile = syncDir / "checkpoint";
    std::vector<std::pair<ChangeSet, AdmissionRecord>> delivered;
    std::vector<AdmissionRecord> receipts;
    std::vector<RefusalNotice> refusals;
    InboxHandlers handlers;

    InboxFixture() {
        fs::create_directories(inbox);
        const Certificate own = hub.certify(identity.deviceId, keys.sign.publicKey, "TST-01");
        storeEnrolment(db(), "enrolled", own.bytes, hub.descriptor.bytes, hub.descriptor.address, nowMs);
        handlers.onChangeSet = [this](const ChangeSet& cs, const AdmissionRecord& a) { delivered.emplace_back(cs, a); };
        handlers.onReceipt = [this](const AdmissionRecord& a) { receipts.push_back(a); };
        handlers.onRefusal = [this](const RefusalNotice& n) { refusals.push_back(n); };
    }

    InboxContext context() {
        InboxContext c;
        c.deviceId = identity.deviceId;
        c.boxKey = &keys.box;
        c.hub = *storedHubDescriptor(db());
        c.clock = &vault->clock();
        return c;
    }

    std::string writePage(std::uint64_t first, std::uint64_t last, std::vector<PageEntry> entries,
                          std::uint64_t acked = 0, std::uint64_t hubTime = 1'780'000'000'000) {
        Page page;
        page.hubId = hub.descriptor.hubId;
        page.recipient = identity.deviceId;
        page.firstSeq = first;
        page.lastSeq = last;
        page.headSeq = last;
        page.hubTimeMs = hubTime;
        page.ackedDeviceSeq = acked;
        page.office = "TST-01";
        page.entries = std::move(entries);
        const auto file = encodeSealedFile(SealedContent::Page, keys.box.publicKey, encodePage(page, hub.identity));
        const std::string name = pageFileName(identity.deviceId, first, last);
        writeFileAtomically(inbox, name, file);
        return name;
    }

    InboxResult apply() { return applyInbox(db(), context(), inbox, checkpointFile, handlers); }
};

std::string fileText(const fs::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("an inbox page is verified, applied in one transaction and checkpointed", "[changeset][inbox]") {
    InboxFixture f;
    // Something of our own was sealed, so a receipt has an outgoing row to prune.
    f.repo().createCase(Json::parse(R"({"person": {"given_name": "Testname Alpha", "family_name": "Fakeperson",
        "gender": "female", "date_of_birth": "2000-03-04", "citizenship": "NG"},
        "screening": {"acts": ["recruitment"], "means": ["deception"], "purposes": ["forced_labour"],
                      "complete": true, "screened_on": "2026-05-01"}})"));
    const PackResult packed = packUnshipped(f.db(), f.identity, f.keys.sign);
    REQUIRE(packed.changeSets == 1);
    auto ownStmt = f.db().prepare("SELECT bytes FROM sync_outgoing");
    REQUIRE(ownStmt.step());
    const ChangeSet ownCs = decodeChangeSet(ownStmt.blob(0), f.keys.sign.publicKey, "own");

    const ChangeSet peerCs = f.peer.next(fakeId(0xc1), kBaseHlc + 5);
    PageEntry receipt;
    receipt.type = PageEntryType::Receipt;
    receipt.officeSeq = 3;
    receipt.admission = admissionOf(ownCs, 3);
    const std::string name = f.writePage(1, 3,
                                         {certEntry(1, f.hub.certify(f.peer.id, f.peer.key.publicKey, "TST-01")),
                                          changeSetEntry(2, peerCs), receipt},
                                         1, 1'790'000'000'000);

    const InboxResult result = f.apply();
    CHECK(result.pagesApplied == 1);
    CHECK(result.rejected.empty());
    CHECK_FALSE(result.waiting);
    CHECK(result.checkpoint == 3);
    CHECK(readCheckpoint(f.db()) == 3);
    CHECK(fileText(f.checkpointFile) == "office_seq 3\n");
    CHECK_FALSE(fs::exists(f.inbox / name));

    REQUIRE(f.delivered.size() == 1);
    CHECK(f.delivered[0].first.id == peerCs.id);
    CHECK(f.delivered[0].first.bytes == peerCs.bytes);
    CHECK(f.delivered[0].second.hubSeq == 2);
    REQUIRE(f.receipts.size() == 1);
    CHECK(f.receipts[0].changeSetId == ownCs.id);
    CHECK(f.count("SELECT count(*) FROM sync_outgoing") == 0);  // acked_device_seq 1 pruned our change-set
    CHECK(f.count("SELECT count(*) FROM sync_certificates") == 1);
    CHECK(f.vault->clock().last() >= journal::makeHlc(1'790'000'000'000, 0));  // the hub's time was observed
}

TEST_CASE("pages wait for gaps, skip what is applied and apply only new entries", "[changeset][inbox]") {
    InboxFixture f;
    const Certificate peerCert = f.hub.certify(f.peer.id, f.peer.key.publicKey, "TST-01");
    const ChangeSet first = f.peer.next(fakeId(0xc1), kBaseHlc + 1);
    const ChangeSet second = f.peer.next(fakeId(0xc2), kBaseHlc + 2);
    const ChangeSet third = f.peer.next(fakeId(0xc3), kBaseHlc + 3);

    const std::string later = f.writePage(4, 4, {changeSetEntry(4, third)});
    InboxResult result = f.apply();
    REQUIRE(result.waiting);
    CHECK(result.waiting->code() == SyncCode::PageGap);
    CHECK(result.waiting->ref() == 0);
    CHECK(fs::exists(f.inbox / later));
    CHECK(f.delivered.empty());

    f.writePage(1, 2, {certEntry(1, peerCert), changeSetEntry(2, first)});
    const std::string overlap = f.writePage(2, 3, {changeSetEntry(2, first), changeSetEntry(3, second)});
    result = f.apply();
    CHECK(result.pagesApplied == 3);
    CHECK_FALSE(result.waiting);
    CHECK(result.checkpoint == 4);
    REQUIRE(f.delivered.size() == 3);  // `first` once, although two pages carry it
    CHECK(f.delivered[0].first.id == first.id);
    CHECK(f.delivered[1].first.id == second.id);
    CHECK(f.delivered[2].first.id == third.id);
    CHECK_FALSE(fs::exists(f.inbox / overlap));

    const std::string old = f.writePage(1, 3, {certEntry(1, peerCert), changeSetEntry(2, first)});
    result = f.apply();
    CHECK(result.pagesSkipped == 1);
    CHECK(result.pagesApplied == 0);
    CHECK_FALSE(fs::exists(f.inbox / old));
    CHECK(f.delivered.size() == 3);
}

TEST_CASE("a page that does not verify is set aside and nothing of it is applied", "[changeset][inbox]") {
    InboxFixture f;
    const ChangeSet cs = f.peer.next(fakeId(0xc1), kBaseHlc + 1);

    SECTION("signer without a certificate") {
        const std::string name = f.writePage(1, 1, {changeSetEntry(1, cs)});
        const InboxResult result = f.apply();
        REQUIRE(result.rejected.size() == 1);
        CHECK(result.rejected[0].code() == SyncCode::UnknownDevice);
        CHECK_FALSE(fs::exists(f.inbox / name));
        CHECK(fs::exists(f.inbox / (".bad-" + name)));
    }
    SECTION("admission record naming another change-set") {
        PageEntry entry = changeSetEntry(2, cs);
        entry.admission.changeSetId[0] ^= 1;
        f.writePage(1, 2, {certEntry(1, f.hub.certify(f.peer.id, f.peer.key.publicKey, "TST-01")), entry});
        const InboxResult result = f.apply();
        REQUIRE(result.rejected.size() == 1);
        CHECK(result.rejected[0].code() == SyncCode::HashMismatch);
        CHECK(f.count("SELECT count(*) FROM sync_certificates") == 0);  // the page's transaction rolled back
    }
    SECTION("change-set signed by a key other than its certificate's") {
        f.writePage(1, 2, {certEntry(1, f.hub.certify(f.peer.id, testSigner(0x77).publicKey, "TST-01")),
                           changeSetEntry(2, cs)});
        CHECK(f.apply().rejected.at(0).code() == SyncCode::BadSignature);
    }
    SECTION("certificate not signed by the hub") {
        TestHub otherHub(0x43);
        f.writePage(1, 2, {certEntry(1, otherHub.certify(f.peer.id, f.peer.key.publicKey, "TST-01")),
                           changeSetEntry(2, cs)});
        CHECK(f.apply().rejected.at(0).code() == SyncCode::BadHubSignature);
    }
    SECTION("page sealed to another device") {
        const auto other = crypto::BoxKeyPair::generate();
        Page page;
        page.hubId = f.hub.descriptor.hubId;
        page.recipient = f.identity.deviceId;
        page.firstSeq = page.lastSeq = page.headSeq = 1;
        page.office = "TST-01";
        const auto file = encodeSealedFile(SealedContent::Page, other.publicKey, encodePage(page, f.hub.identity));
        writeFileAtomically(f.inbox, pageFileName(f.identity.deviceId, 1, 1), file);
        CHECK(f.apply().rejected.at(0).code() == SyncCode::WrongRecipient);
    }
    CHECK(f.delivered.empty());
    CHECK(readCheckpoint(f.db()) == 0);
    CHECK_FALSE(fs::exists(f.checkpointFile));
}

TEST_CASE("a failing merge rolls the whole page back and keeps the file", "[changeset][inbox]") {
    InboxFixture f;
    const ChangeSet cs = f.peer.next(fakeId(0xc1), kBaseHlc + 1);
    const std::string name =
        f.writePage(1, 2, {certEntry(1, f.hub.certify(f.peer.id, f.peer.key.publicKey, "TST-01")),
                           changeSetEntry(2, cs)});
    f.handlers.onChangeSet = [](const ChangeSet&, const AdmissionRecord&) {
        throw Error(ErrorCode::DatabaseError, "cases");
    };
    CHECK_THROWS_AS(f.apply(), Error);
    CHECK(fs::exists(f.inbox / name));
    CHECK(readCheckpoint(f.db()) == 0);
    CHECK(f.count("SELECT count(*) FROM sync_certificates") == 0);
}

TEST_CASE("under a time budget a page is applied in steps that each commit their part, and resume after a failure",
          "[changeset][inbox]") {
    InboxFixture f;
    const ChangeSet first = f.peer.next(fakeId(0xc1), kBaseHlc + 1);
    const ChangeSet second = f.peer.next(fakeId(0xc2), kBaseHlc + 2);
    const ChangeSet third = f.peer.next(fakeId(0xc3), kBaseHlc + 3);
    const std::string name = f.writePage(1, 4,
                                         {certEntry(1, f.hub.certify(f.peer.id, f.peer.key.publicKey, "TST-01")),
                                          changeSetEntry(2, first), changeSetEntry(3, second),
                                          changeSetEntry(4, third)},
                                         0, 1'790'000'000'000);
    CHECK(downloadedThrough(f.inbox, f.identity.deviceId) == 4);
    // A budget this small is spent after every entry: each call applies exactly one.
    ApplyBudget tiny;
    tiny.time = std::chrono::nanoseconds(1);
    const auto step = [&] { return applyInbox(f.db(), f.context(), f.inbox, f.checkpointFile, f.handlers, tiny); };

    InboxResult result = step();
    CHECK(result.more);
    CHECK(result.checkpoint == 1);
    CHECK(readCheckpoint(f.db()) == 1);
    CHECK(fileText(f.checkpointFile) == "office_seq 1\n");
    CHECK(f.count("SELECT count(*) FROM sync_certificates") == 1);  // committed with its step
    CHECK(fs::exists(f.inbox / name));
    CHECK(result.pagesApplied == 0);

    result = step();
    CHECK(result.more);
    CHECK(result.checkpoint == 2);
    REQUIRE(f.delivered.size() == 1);
    CHECK(f.delivered[0].first.id == first.id);

    // A step whose merge fails rolls back its own part only; the next step goes on from the checkpoint.
    f.handlers.onChangeSet = [](const ChangeSet&, const AdmissionRecord&) {
        throw Error(ErrorCode::DatabaseError, "cases");
    };
    CHECK_THROWS_AS(step(), Error);
    CHECK(readCheckpoint(f.db()) == 2);
    CHECK(fs::exists(f.inbox / name));
    f.handlers.onChangeSet = [&f](const ChangeSet& cs, const AdmissionRecord& a) { f.delivered.emplace_back(cs, a); };

    result = step();
    CHECK(result.more);
    CHECK(result.checkpoint == 3);
    result = step();
    CHECK_FALSE(result.more);
    CHECK(result.pagesApplied == 1);
    CHECK(result.checkpoint == 4);
    CHECK_FALSE(fs::exists(f.inbox / name));
    CHECK(fileText(f.checkpointFile) == "office_seq 4\n");
    CHECK(f.vault->clock().last() >= journal::makeHlc(1'790'000'000'000, 0));  // the page's hub time, once whole
    // Each change-set once, in order, as one unbounded call delivers them.
    REQUIRE(f.delivered.size() == 3);
    CHECK(f.delivered[1].first.id == second.id);
    CHECK(f.delivered[2].first.id == third.id);
    CHECK(downloadedThrough(f.inbox, f.identity.deviceId) == 0);
}

TEST_CASE("stepping keeps the page decoded between steps, and decodes it again when its file changed",
          "[changeset][inbox]") {
    InboxFixture f;
    std::vector<PageEntry> entries{certEntry(1, f.hub.certify(f.peer.id, f.peer.key.publicKey, "TST-01"))};
    std::vector<ChangeSet> sent;
    for (std::uint64_t i = 0; i < 4; ++i) {
        sent.push_back(f.peer.next(fakeId(static_cast<std::uint8_t>(0xd0 + i)), kBaseHlc + 1 + i));
        entries.push_back(changeSetEntry(2 + i, sent.back()));
    }
    const std::string name = f.writePage(1, 5, entries, 0, 1'790'000'000'000);
    DecodedPageCache cache;
    ApplyBudget tiny;
    tiny.time = std::chrono::nanoseconds(1);
    tiny.pageCache = &cache;
    const auto step = [&] { return applyInbox(f.db(), f.context(), f.inbox, f.checkpointFile, f.handlers, tiny); };

    CHECK(step().checkpoint == 1);
    const wire::Page* kept = cache.find(f.inbox / name);
    REQUIRE(kept != nullptr);
    CHECK(kept->lastSeq == 5);
    CHECK(step().checkpoint == 2);
    CHECK(cache.find(f.inbox / name) == kept);  // the same decoded page, not a new one

    // The file is replaced by other bytes (here: damaged): the kept page is not used, the file is checked again
    // and set aside, and nothing more of it is applied.
    auto bytes = wire::readWholeFile(f.inbox / name, 1 << 24);
    bytes[bytes.size() / 2] ^= 0x01;
    {
        std::ofstream out(f.inbox / name, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        out.put('x');  // one byte longer, so that the size alone tells the file changed
    }
    const InboxResult damaged = step();
    CHECK(damaged.rejected.size() == 1);
    CHECK(readCheckpoint(f.db()) == 2);
    CHECK(cache.find(f.inbox / name) == nullptr);
    REQUIRE(f.delivered.size() == 1);
    CHECK(f.delivered[0].first.id == sent[0].id);

    // The same page downloaded again: applied to its end in steps from the checkpoint, each change-set once.
    CHECK(f.writePage(1, 5, entries, 0, 1'790'000'000'000) == name);
    InboxResult result;
    do result = step(); while (result.more);
    CHECK(result.checkpoint == 5);
    CHECK_FALSE(fs::exists(f.inbox / name));
    CHECK(cache.find(f.inbox / name) == nullptr);  // dropped with its file
    REQUIRE(f.delivered.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) CHECK(f.delivered[i].first.id == sent[i].id);
}

TEST_CASE("refusal notices are verified and handed over once", "[changeset][inbox]") {
    InboxFixture f;
    RefusalNotice n;
    n.hubId = f.hub.descriptor.hubId;
    n.deviceId = f.identity.deviceId;
    n.deviceSeq = 4;
    n.code = wireValue(SyncCode::ClockAhead);
    n.hubTimeMs = 1'780'000'000'000;
    writeFileAtomically(f.inbox, refusalFileName(f.identity.deviceId, 4), encodeRefusalNotice(n, f.hub.identity));
    TestHub forger(0x44);
    n.deviceSeq = 5;
    writeFileAtomically(f.inbox, refusalFileName(f.identity.deviceId, 5), encodeRefusalNotice(n, forger.identity));

    const InboxResult result = f.apply();
    CHECK(result.refusals == 1);
    REQUIRE(f.refusals.size() == 1);
    CHECK(f.refusals[0].deviceSeq == 4);
    CHECK(f.refusals[0].code == 404);
    REQUIRE(result.rejected.size() == 1);
    CHECK(result.rejected[0].code() == SyncCode::BadHubSignature);
    CHECK_FALSE(fs::exists(f.inbox / refusalFileName(f.identity.deviceId, 4)));
}

TEST_CASE("a newer hub descriptor in a page replaces the stored one", "[changeset][inbox]") {
    InboxFixture f;
    HubDescriptor rotated = f.hub.descriptor;
    rotated.boxPk = crypto::BoxKeyPair::generate().publicKey;
    rotated.boxKeySerial = 2;
    rotated = signHubDescriptor(rotated, f.hub.identity);
    PageEntry hubEntry;
    hubEntry.type = PageEntryType::Hub;
    hubEntry.officeSeq = 1;
    hubEntry.descriptor = rotated.bytes;
    f.writePage(1, 1, {hubEntry});
    REQUIRE(f.apply().pagesApplied == 1);
    CHECK(storedHubDescriptor(f.db())->boxPk == rotated.boxPk);
}
