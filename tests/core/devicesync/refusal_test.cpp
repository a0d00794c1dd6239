// The device side of the hub's refusal notices (sync/PROTOCOL.md §3.9) and re-stamping after a clock refusal
// (§7.5), through devicesync::syncVault on a real enrolled vault.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>

#include "cases/case_repository.h"
#include "wire/limits.h"
#include "wire/page.h"
#include "wire/refusal_notice.h"
#include "wire/sealed_file.h"
#include "wire/sync_files.h"
#include "common/error.h"
#include "sync_vault_support.h"
#include "devicesync/device_sync.h"
#include "devicesync/refusals.h"
#include "vault/vault.h"

using namespace abri;
using namespace abri::wire;
using namespace abri::devicesync;
using namespace abri::test;
using cases::Json;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kHubNowMs = 1'780'000'000'000;  // the true time (the fixture's clock starts here)
constexpr std::int64_t kDayMs = 86'400'000;

const Json kCase = Json::parse(R"({"person": {"given_name": "Testname Alpha", "family_name": "Fakeperson",
    "gender": "female", "date_of_birth": "2000-03-04", "citizenship": "NG"},
    "screening": {"acts": ["recruitment"], "means": ["deception"], "purposes": ["forced_labour"],
                  "complete": true, "screened_on": "2026-05-01"}})");

struct StoredChangeSet {
    std::uint64_t seq = 0;
    Hash32 id{};
    crypto::Bytes bytes;
};

// One local journal row as compared before and after re-stamping.
struct Row {
    std::int64_t seq;
    std::uint64_t hlc;
    std::string op;
    std::string entityId;
    std::string field;
    std::string value;
    bool shipped;
};

struct RefusalFixture : SyncVault {
    TestHub hub;
    fs::path syncDir = wire::syncFolder(vaultPath);

    RefusalFixture() {
        const Certificate own = hub.certify(identity.deviceId, keys.sign.publicKey, "TST-01");
        storeEnrolment(db(), "enrolled", own.bytes, hub.descriptor.bytes, hub.descriptor.address, nowMs);
    }

    devicesync::SyncStepResult sync() { return devicesync::syncVault(*vault, vaultPath); }

    std::vector<StoredChangeSet> outgoing() {
        std::vector<StoredChangeSet> out;
        auto stmt = db().prepare("SELECT device_seq, id, bytes FROM sync_outgoing ORDER BY device_seq");
        while (stmt.step()) {
            StoredChangeSet cs;
            cs.seq = static_cast<std::uint64_t>(stmt.int64(0));
            const auto id = stmt.blob(1);
            std::copy(id.begin(), id.end(), cs.id.begin());
            cs.bytes = stmt.blob(2);
            out.push_back(std::move(cs));
        }
        return out;
    }

    std::vector<Row> journalRows() {
        std::vector<Row> rows;
        auto stmt = db().prepare("SELECT seq, hlc, op, entity_id, coalesce(field, ''), coalesce(value, ''), shipped "
                                 "FROM journal ORDER BY seq");
        while (stmt.step()) {
            rows.push_back({stmt.int64(0), static_cast<std::uint64_t>(stmt.int64(1)), stmt.text(2), stmt.text(3),
                            stmt.text(4), stmt.text(5), stmt.int64(6) != 0});
        }
        return rows;
    }

    std::set<std::string> outboxFiles() {
        std::set<std::string> names;
        if (!fs::is_directory(syncDir / "outbox")) return names;
        for (const auto& e : fs::directory_iterator(syncDir / "outbox")) names.insert(e.path().filename().string());
        return names;
    }

    std::string chainHead() { return db().queryText("SELECT value FROM meta WHERE key = 'sync_chain_head'").value(); }

    // The hub's signed notice in the inbox, as abri-syncd writes it.
    crypto::Bytes deliverNotice(const StoredChangeSet& refused, SyncCode code, std::uint64_t hubTimeMs,
                                std::uint16_t opIndex = kNoOpIndex) {
        RefusalNotice notice;
        notice.hubId = hub.descriptor.hubId;
        notice.deviceId = identity.deviceId;
        notice.deviceSeq = refused.seq;
        notice.changeSetId = refused.id;
        notice.code = wireValue(code);
        notice.opIndex = opIndex;
        notice.hubTimeMs = hubTimeMs;
        auto bytes = encodeRefusalNotice(notice, hub.identity);
        writeNotice(refused.seq, bytes);
        return bytes;
    }

    void writeNotice(std::uint64_t seq, const crypto::Bytes& bytes) {
        fs::create_directories(syncDir / "inbox");
        writeFileAtomically(syncDir / "inbox", refusalFileName(identity.deviceId, seq), bytes);
    }

    // A page acknowledging our change-sets up to `acked` (their rows are pruned), with the hub's time.
    void deliverAck(std::uint64_t officeSeq, const StoredChangeSet& own, std::uint64_t hubTimeMs) {
        const ChangeSet cs = decodeChangeSet(own.bytes, {}, "own");
        PageEntry receipt;
        receipt.type = PageEntryType::Receipt;
        receipt.officeSeq = officeSeq;
        receipt.admission.changeSetId = cs.id;
        receipt.admission.deviceId = identity.deviceId;
        receipt.admission.deviceSeq = cs.header.deviceSeq;
        receipt.admission.caseId = cs.header.caseId;
        receipt.admission.hubSeq = officeSeq;
        receipt.admission.admittedMs = hubTimeMs;
        Page page;
        page.hubId = hub.descriptor.hubId;
        page.recipient = identity.deviceId;
        page.firstSeq = page.lastSeq = page.headSeq = officeSeq;
        page.hubTimeMs = hubTimeMs;
        page.ackedDeviceSeq = own.seq;
        page.office = "TST-01";
        page.entries = {receipt};
        const auto file = encodeSealedFile(SealedContent::Page, keys.box.publicKey, encodePage(page, hub.identity));
        fs::create_directories(syncDir / "inbox");
        writeFileAtomically(syncDir / "inbox", pageFileName(identity.deviceId, officeSeq, officeSeq), file);
    }

    void writeAckedSeq(std::uint64_t acked) {
        std::ofstream(syncDir / "status.json") << R"({"version":1,"link":"up","acked_seq":)" << acked << "}\n";
    }
};

// The code of the SyncError f throws.
SyncCode refusedWith(const std::function<void()>& f) { return syncCodeOf(f); }

}  // namespace

TEST_CASE("a clock_ahead notice is recorded, re-stamping waits for the clock, then packs again from the refused seq",
          "[devicesync][refusal]") {
    RefusalFixture f;
    auto repo = f.repo();
    // Seq 1, at the right time, admitted and acknowledged by a page.
    const std::string first = repo.createCase(kCase);
    REQUIRE(f.sync().packed.changeSets == 1);
    const StoredChangeSet seq1 = f.outgoing().at(0);
    f.deliverAck(1, seq1, static_cast<std::uint64_t>(kHubNowMs + 60'000));
    REQUIRE(f.sync().inbox.pagesApplied == 1);
    REQUIRE(f.outgoing().empty());  // pruned: only its id survives, as prev_hash of seq 2

    // The system clock jumps three days ahead; two cases are worked on: seqs 2 and 3, in one outbox file.
    f.nowMs = kHubNowMs + 3 * kDayMs;
    repo.updateField(first, "person.children", 5);
    const std::string second = repo.createCase(kCase);
    repo.updateField(first, "person.children", 6);
    repo.updateField(second, "person.children", 2);
    const auto packed = f.sync();
    REQUIRE(packed.packed.firstSeq == 2);
    REQUIRE(packed.packed.lastSeq == 3);
    REQUIRE(packed.outboxFiles.size() == 1);
    const auto refusedSets = f.outgoing();
    REQUIRE(refusedSets.size() == 2);
    const auto before = f.journalRows();
    const std::string headBefore = f.chainHead();

    // The hub refuses seq 2 (its time: five minutes after the acknowledgement).
    const std::uint64_t hubTime = static_cast<std::uint64_t>(kHubNowMs + 6 * 60'000);
    const auto noticeBytes = f.deliverNotice(refusedSets[0], SyncCode::ClockAhead, hubTime);
    const auto applied = f.sync();
    CHECK(applied.inbox.refusals == 1);
    CHECK_FALSE(fs::exists(f.syncDir / "inbox" / refusalFileName(f.identity.deviceId, 2)));
    auto open = devicesync::pendingRefusals(*f.vault);
    REQUIRE(open.size() == 1);
    const devicesync::RecordedRefusal refusal = open[0];
    CHECK(refusal.deviceSeq == 2);
    CHECK(refusal.changeSetId == refusedSets[0].id);
    CHECK(refusal.code == SyncCode::ClockAhead);
    CHECK(refusal.wireCode == 404);
    CHECK_FALSE(refusal.opIndex);
    CHECK(refusal.hubTimeMs == hubTime);
    CHECK(refusal.receivedMs == f.nowMs);
    CHECK(refusal.isClockRefusal());
    const auto overview = devicesync::readSyncOverview(*f.vault, f.vaultPath);
    CHECK(overview.openRefusals == 1);
    CHECK(overview.clockRefused);
    // Packing is not re-done meanwhile: the same change-sets and file stay.
    CHECK(f.outgoing().size() == 2);

    // A bundle exported now carries the refused change-sets too.
    const fs::path usb = f.dir / "usb";
    devicesync::exportBundle(*f.vault, f.vaultPath, usb);
    const fs::path toHub = usb / "abri-bundle" / "to-hub";
    REQUIRE(fs::exists(toHub / packed.outboxFiles[0]));

    // The clock is still three days ahead: refused, nothing changed.
    const auto filesBefore = f.outboxFiles();
    const auto clockBefore = f.vault->clock().last();
    try {
        devicesync::restampAfterClockRefusal(*f.vault, f.vaultPath, refusal);
        FAIL("re-stamped with a clock three days ahead");
    } catch (const SyncError& e) {
        CHECK(e.code() == SyncCode::ClockAhead);
        CHECK(e.ref() == hubTime);
    }
    CHECK(f.outgoing().size() == 2);
    CHECK(f.outgoing()[0].id == refusedSets[0].id);
    CHECK(f.outboxFiles() == filesBefore);
    CHECK(f.chainHead() == headBefore);
    CHECK(f.journalRows().size() == before.size());
    for (std::size_t i = 0; i < before.size(); ++i) CHECK(f.journalRows()[i].hlc == before[i].hlc);
    CHECK(f.vault->clock().last() == clockBefore);
    CHECK(devicesync::pendingRefusals(*f.vault).size() == 1);

    // The user corrects the clock.
    f.nowMs = kHubNowMs + 10 * 60'000;
    const auto result = devicesync::restampAfterClockRefusal(*f.vault, f.vaultPath, refusal);
    CHECK(result.fromSeq == 2);
    CHECK(result.changeSetsDropped == 2);
    CHECK(result.entriesRestamped == 4);
    CHECK(result.filesRemoved == packed.outboxFiles);  // seqs 2-3; seq 1's file is the sync service's to delete
    CHECK(f.outboxFiles() == std::set<std::string>{outboxFileName(f.identity.deviceId, 1, 1)});
    CHECK(f.outgoing().empty());
    CHECK(f.chainHead() == "1 " + hashToHex(seq1.id));
    CHECK(devicesync::pendingRefusals(*f.vault).empty());
    CHECK(devicesync::readSyncOverview(*f.vault, f.vaultPath).openRefusals == 0);

    // No entry lost: same rows, same values, in the same order; the refused ones have new, sane stamps.
    const auto after = f.journalRows();
    REQUIRE(after.size() == before.size());
    std::map<std::uint64_t, std::uint64_t> renamed;
    for (std::size_t i = 0; i < before.size(); ++i) {
        CHECK(after[i].seq == before[i].seq);
        CHECK(after[i].op == before[i].op);
        CHECK(after[i].entityId == before[i].entityId);
        CHECK(after[i].field == before[i].field);
        CHECK(after[i].value == before[i].value);
        if (!before[i].shipped || before[i].hlc > journal::makeHlc(kHubNowMs + kDayMs, 0)) {
            CHECK_FALSE(after[i].shipped);
            CHECK(journal::hlcPhysicalMs(after[i].hlc) < static_cast<std::uint64_t>(kHubNowMs + kDayMs));
            CHECK(after[i].hlc > journal::makeHlc(hubTime, 0));
            renamed[before[i].hlc] = after[i].hlc;
        } else {
            CHECK(after[i].hlc == before[i].hlc);  // seq 1: admitted, untouched
            CHECK(after[i].shipped);
        }
    }
    CHECK(renamed.size() == 4);
    // Every reference names a journalled identity, none an old one.
    const std::string device = f.vault->deviceId();
    auto exists = [&](std::int64_t hlc) {
        auto s = f.db().prepare("SELECT count(*) FROM journal WHERE device = ? AND hlc = ?");
        s.bind(1, device).bind(2, hlc);
        return s.step() && s.int64(0) == 1;
    };
    auto versions = f.db().prepare("SELECT hlc FROM field_versions WHERE device = ?");
    versions.bind(1, device);
    int versionRows = 0;
    while (versions.step()) {
        ++versionRows;
        CHECK(exists(versions.int64(0)));
        CHECK(renamed.count(static_cast<std::uint64_t>(versions.int64(0))) == 0);
    }
    CHECK(versionRows > 0);
    auto bases = f.db().prepare("SELECT base_hlc FROM journal WHERE base_device = ?");
    bases.bind(1, device);
    while (bases.step()) {
        CHECK(exists(bases.int64(0)));
        CHECK(renamed.count(static_cast<std::uint64_t>(bases.int64(0))) == 0);
    }
    auto created = f.db().prepare("SELECT created_hlc FROM cases WHERE id = ?");
    created.bind(1, second);
    REQUIRE(created.step());
    CHECK(exists(created.int64(0)));
    CHECK(renamed.count(static_cast<std::uint64_t>(created.int64(0))) == 0);
    CHECK(repo.load(first)->doc["person"]["children"] == 6);  // the current values did not change
    CHECK(repo.load(second)->doc["person"]["children"] == 2);

    // The next sync packs from seq 2 again, chained to seq 1, and writes a new outbox file.
    const auto repacked = f.sync();
    CHECK(repacked.packed.firstSeq == 2);
    CHECK(repacked.packed.lastSeq == 3);
    CHECK(repacked.outboxFiles.size() == 1);
    const auto fresh = f.outgoing();
    REQUIRE(fresh.size() == 2);
    const ChangeSet newSeq2 = decodeChangeSet(fresh[0].bytes, f.keys.sign.publicKey, "seq 2");
    CHECK(newSeq2.header.deviceSeq == 2);
    CHECK(newSeq2.header.prevHash == seq1.id);
    CHECK(newSeq2.id != refusedSets[0].id);
    CHECK(newSeq2.header.hlcMax < journal::makeHlc(hubTime + kMaxAheadMs, 0));
    const ChangeSet newSeq3 = decodeChangeSet(fresh[1].bytes, f.keys.sign.publicKey, "seq 3");
    CHECK(newSeq3.header.prevHash == newSeq2.id);

    // The next export replaces the stale file on the stick (here under the same name: seqs 2-3 again; under
    // another name it is removed).
    const fs::path staleOnStick = toHub / outboxFileName(f.identity.deviceId, 2, 9);
    fs::copy_file(toHub / packed.outboxFiles[0], staleOnStick);
    devicesync::exportBundle(*f.vault, f.vaultPath, usb);
    CHECK_FALSE(fs::exists(staleOnStick));
    CHECK(wire::readWholeFile(toHub / repacked.outboxFiles[0], 1 << 20) ==
          wire::readWholeFile(f.syncDir / "outbox" / repacked.outboxFiles[0], 1 << 20));

    // The same notice once more (the service had uploaded the old file again): stale, not listed.
    f.writeNotice(2, noticeBytes);
    CHECK(f.sync().inbox.refusals == 1);
    CHECK(devicesync::pendingRefusals(*f.vault).empty());

    // After a restart the clock does not come back three days ahead.
    f.login("worker", kWorkerPassword);
    CHECK(journal::hlcPhysicalMs(f.vault->clock().last()) < static_cast<std::uint64_t>(kHubNowMs + kDayMs));
}

TEST_CASE("only the refused change-sets' entries are re-stamped, not an admitted one's", "[devicesync][refusal]") {
    RefusalFixture f;
    auto repo = f.repo();
    // Case A's edits and case B's go into seqs 1 (A) and 2 (B); B's journal range spans an entry of A.
    const std::string a = repo.createCase(kCase);
    const std::string b = repo.createCase(kCase);
    repo.updateField(a, "person.children", 1);
    repo.updateField(b, "person.children", 2);
    REQUIRE(f.sync().packed.changeSets == 2);
    const auto sets = f.outgoing();
    const auto before = f.journalRows();
    f.deliverNotice(sets[1], SyncCode::ClockOutOfBounds, static_cast<std::uint64_t>(kHubNowMs));
    f.sync();
    const auto open = devicesync::pendingRefusals(*f.vault);
    REQUIRE(open.size() == 1);
    const auto result = devicesync::restampAfterClockRefusal(*f.vault, f.vaultPath, open[0]);
    CHECK(result.changeSetsDropped == 1);
    CHECK(result.entriesRestamped == 2);
    const auto after = f.journalRows();
    for (std::size_t i = 0; i < before.size(); ++i) {
        const bool caseB = before[i].entityId == b;
        CHECK(after[i].shipped == !caseB);
        CHECK((after[i].hlc == before[i].hlc) == !caseB);
    }
    CHECK(f.chainHead() == "1 " + hashToHex(sets[0].id));
    CHECK(f.outgoing().size() == 1);  // seq 1 stays until acknowledged
}

TEST_CASE("other refusals stay listed and are not re-stamped, settled ones close", "[devicesync][refusal]") {
    RefusalFixture f;
    auto repo = f.repo();
    repo.createCase(kCase);
    f.sync();
    const auto sets = f.outgoing();
    REQUIRE(sets.size() == 1);

    SECTION("bad_op names the op; no recovery on the device") {
        f.deliverNotice(sets[0], SyncCode::BadOp, static_cast<std::uint64_t>(kHubNowMs), 0);
        f.sync();
        const auto open = devicesync::pendingRefusals(*f.vault);
        REQUIRE(open.size() == 1);
        CHECK(open[0].code == SyncCode::BadOp);
        REQUIRE(open[0].opIndex);
        CHECK(*open[0].opIndex == 0);
        CHECK_FALSE(open[0].isClockRefusal());
        CHECK_FALSE(devicesync::readSyncOverview(*f.vault, f.vaultPath).clockRefused);
        try {
            devicesync::restampAfterClockRefusal(*f.vault, f.vaultPath, open[0]);
            FAIL("re-stamped after bad_op");
        } catch (const Error& e) {
            CHECK(e.code() == ErrorCode::InvalidValue);
        }
        CHECK(f.outgoing().size() == 1);
        CHECK(devicesync::pendingRefusals(*f.vault).size() == 1);
        // A repeated notice keeps one row and moves its hub time on.
        f.deliverNotice(sets[0], SyncCode::BadOp, static_cast<std::uint64_t>(kHubNowMs + 5'000), 0);
        f.sync();
        REQUIRE(devicesync::pendingRefusals(*f.vault).size() == 1);
        CHECK(devicesync::pendingRefusals(*f.vault)[0].hubTimeMs == static_cast<std::uint64_t>(kHubNowMs + 5'000));
    }
    SECTION("the hub took the change-set after all") {
        f.deliverNotice(sets[0], SyncCode::ClockAhead, static_cast<std::uint64_t>(kHubNowMs));
        f.sync();
        const auto open = devicesync::pendingRefusals(*f.vault);
        REQUIRE(open.size() == 1);
        // The service reports the hub acknowledged seq 1: a new seq 1 would be a fork.
        f.writeAckedSeq(1);
        CHECK(refusedWith([&] { devicesync::restampAfterClockRefusal(*f.vault, f.vaultPath, open[0]); }) ==
              SyncCode::Duplicate);
        CHECK(f.outgoing().size() == 1);
        // Its page arrives: the row is pruned and the refusal closes.
        f.deliverAck(1, sets[0], static_cast<std::uint64_t>(kHubNowMs));
        f.sync();
        CHECK(devicesync::pendingRefusals(*f.vault).empty());
        try {
            devicesync::restampAfterClockRefusal(*f.vault, f.vaultPath, open[0]);
            FAIL("re-stamped a closed refusal");
        } catch (const Error& e) {
            CHECK(e.code() == ErrorCode::NotFound);
        }
    }
    SECTION("a notice about a change-set this device does not hold is not recorded") {
        StoredChangeSet other = sets[0];
        other.id[0] ^= 1;
        f.deliverNotice(other, SyncCode::ClockAhead, static_cast<std::uint64_t>(kHubNowMs));
        CHECK(f.sync().inbox.refusals == 1);
        CHECK(devicesync::pendingRefusals(*f.vault).empty());
    }
}

TEST_CASE("a clock corrected days after the refusal is judged against the newest page's hub time",
          "[devicesync][refusal]") {
    RefusalFixture f;
    auto repo = f.repo();
    f.nowMs = kHubNowMs + 3 * kDayMs;  // the clock is three days ahead from the start
    repo.createCase(kCase);
    REQUIRE(f.sync().packed.changeSets == 1);
    const auto refused = f.outgoing().at(0);
    const std::uint64_t noticeTime = static_cast<std::uint64_t>(kHubNowMs);
    f.deliverNotice(refused, SyncCode::ClockAhead, noticeTime);
    f.sync();
    const auto refusal = devicesync::pendingRefusals(*f.vault).at(0);

    // Four days later (true time) the user sets the clock right: the notice alone is four days old, so the
    // correct clock looks three days ahead of the newest hub time known, and re-stamping is refused.
    const std::int64_t later = kHubNowMs + 4 * kDayMs;
    f.nowMs = later;
    CHECK(refusedWith([&] { devicesync::restampAfterClockRefusal(*f.vault, f.vaultPath, refusal); }) ==
          SyncCode::ClockAhead);

    // Meanwhile the sync service kept downloading (the refused file is held back, pages are not): a page the hub
    // signed at its time `later` — here announcing another laptop's certificate — vouches for the correct clock.
    Page page;
    page.hubId = f.hub.descriptor.hubId;
    page.recipient = f.identity.deviceId;
    page.firstSeq = page.lastSeq = page.headSeq = 1;
    page.hubTimeMs = static_cast<std::uint64_t>(later);
    page.office = "TST-01";
    PageEntry cert;
    cert.type = PageEntryType::Cert;
    cert.officeSeq = 1;
    cert.certStatusMs = static_cast<std::uint64_t>(later);
    cert.certificate = f.hub.certify(fakeId(0x77), crypto::SigningKeyPair::generate().publicKey, "TST-01").bytes;
    page.entries = {cert};
    fs::create_directories(f.syncDir / "inbox");
    writeFileAtomically(f.syncDir / "inbox", pageFileName(f.identity.deviceId, 1, 1),
                        encodeSealedFile(SealedContent::Page, f.keys.box.publicKey, encodePage(page, f.hub.identity)));
    REQUIRE(f.sync().inbox.pagesApplied == 1);
    CHECK(readHubTimeMs(f.db()) == static_cast<std::uint64_t>(later));

    const auto result = devicesync::restampAfterClockRefusal(*f.vault, f.vaultPath, refusal);
    CHECK(result.fromSeq == 1);
    CHECK(result.entriesRestamped == 1);
    CHECK(devicesync::pendingRefusals(*f.vault).empty());
}
