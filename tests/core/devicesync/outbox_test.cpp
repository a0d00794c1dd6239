#include <catch2/catch.hpp>

#include <map>

#include "wire/batch.h"
#include "wire/limits.h"
#include "wire/sealed_file.h"
#include "wire/sync_files.h"
#include "common/error.h"
#include "sync_vault_support.h"

using namespace abri;
using namespace abri::wire;
using namespace abri::devicesync;
using namespace abri::test;
using cases::Json;

namespace {

Json sampleCase(const std::string& given) {
    return Json::parse(R"({
      "person": {"given_name": ")" + given + R"(", "family_name": "Fakeperson", "gender": "female",
                 "date_of_birth": "2000-03-04", "citizenship": "NG"},
      "screening": {"acts": ["recruitment"], "means": ["deception"], "purposes": ["forced_labour"],
                    "complete": true, "screened_on": "2026-05-01"},
      "items": [{"kind": "note", "text": "Synthetic note"}]})");
}

struct Stored {
    std::uint64_t seq;
    ChangeSet cs;
};

std::vector<Stored> storedChangeSets(SyncVault& v) {
    auto stmt = v.db().prepare("SELECT device_seq, bytes FROM sync_outgoing ORDER BY device_seq");
    std::vector<Stored> out;
    while (stmt.step()) {
        out.push_back({static_cast<std::uint64_t>(stmt.int64(0)),
                       decodeChangeSet(stmt.blob(1), v.keys.sign.publicKey, "stored")});
    }
    return out;
}

void checkChain(const std::vector<Stored>& stored) {
    Hash32 prev{};
    for (std::size_t i = 0; i < stored.size(); ++i) {
        CHECK(stored[i].seq == i + 1);
        CHECK(stored[i].cs.header.deviceSeq == i + 1);
        CHECK(stored[i].cs.header.prevHash == prev);
        prev = stored[i].cs.id;
    }
}

}  // namespace

TEST_CASE("device keys are created once and restored from the vault", "[changeset][outbox]") {
    SyncVault v;
    const auto again = loadOrCreateDeviceKeys(v.db(), v.nowMs);
    CHECK(again.sign.publicKey == v.keys.sign.publicKey);
    CHECK(again.box.publicKey == v.keys.box.publicKey);
    CHECK(v.count("SELECT count(*) FROM sync_keys") == 2);

    // The secret keys are inside the encrypted vault, and they still work after a lock and unlock.
    v.login("worker", kWorkerPassword);
    auto loaded = loadDeviceKeys(v.db());
    REQUIRE(loaded);
    const Hash32 digest = crypto::blake2b({crypto::asBytes("x")});
    CHECK(crypto::verifyDigest(v.keys.sign.publicKey, crypto::Domain::ChangeSet, digest,
                               crypto::signDigest(loaded->sign, crypto::Domain::ChangeSet, digest)));
}

TEST_CASE("packing groups the unshipped journal by case into signed, chained change-sets", "[changeset][outbox]") {
    SyncVault v;
    auto repo = v.repo();
    const std::string a = repo.createCase(sampleCase("Testname Alpha"));
    const std::string b = repo.createCase(sampleCase("Testname Bravo"));
    repo.updateField(a, "status", "under_assistance");
    repo.updateField(b, "status", "under_assistance");
    repo.updateField(a, "person.citizenship", "TN");
    const std::int64_t journalled = v.count("SELECT count(*) FROM journal WHERE origin = 'local'");
    REQUIRE(v.count("SELECT count(*) FROM journal WHERE shipped = 0") == journalled);

    const PackResult result = packUnshipped(v.db(), v.identity, v.keys.sign);
    CHECK(result.changeSets == 2);  // one per case: everything fits
    CHECK(result.ops == static_cast<std::size_t>(journalled));
    CHECK(result.firstSeq == 1);
    CHECK(result.lastSeq == 2);
    CHECK(v.count("SELECT count(*) FROM journal WHERE shipped = 0") == 0);

    const auto stored = storedChangeSets(v);
    REQUIRE(stored.size() == 2);
    checkChain(stored);
    CHECK(idToHex(stored[0].cs.header.caseId) == a);  // case A appeared first in the journal
    CHECK(idToHex(stored[1].cs.header.caseId) == b);
    for (const auto& s : stored) {
        CHECK(s.cs.header.deviceId == v.identity.deviceId);
        CHECK(s.cs.header.office == "TST-01");
        REQUIRE(s.cs.authors.size() == 1);
        CHECK(idToHex(s.cs.authors[0]) == v.vault->currentUser().id);
        CHECK(s.cs.ops.front().kind == OpKind::Create);
        CHECK(s.cs.ops.front().entityId == s.cs.header.caseId);
    }
    // Case A: create, its note item, then the two edits in journal order; each set's parent is the case create.
    const auto& opsA = stored[0].cs.ops;
    REQUIRE(opsA.size() == 4);
    CHECK(opsA[1].entity == EntityKind::Item);
    CHECK(opsA[2].field == "status");
    CHECK(opsA[3].field == "person.citizenship");
    CHECK(json::parse(opsA[3].valueJson) == "TN");
    REQUIRE(opsA[2].parents.size() == 1);
    CHECK(opsA[2].parents[0] == OpVersion{opsA[0].hlc, v.identity.deviceId});

    const ChainHead head = readChainHead(v.db());
    CHECK(head.seq == 2);
    CHECK(head.id == stored[1].cs.id);
}

TEST_CASE("packing twice adds nothing, later packs continue the chain", "[changeset][outbox]") {
    SyncVault v;
    auto repo = v.repo();
    const std::string a = repo.createCase(sampleCase("Testname Alpha"));
    REQUIRE(packUnshipped(v.db(), v.identity, v.keys.sign).changeSets == 1);

    const PackResult again = packUnshipped(v.db(), v.identity, v.keys.sign);
    CHECK(again.changeSets == 0);
    CHECK(again.firstSeq == 0);
    CHECK(v.count("SELECT count(*) FROM sync_outgoing") == 1);

    repo.updateField(a, "status", "under_assistance");
    const PackResult next = packUnshipped(v.db(), v.identity, v.keys.sign);
    CHECK(next.changeSets == 1);
    CHECK(next.firstSeq == 2);
    const auto stored = storedChangeSets(v);
    REQUIRE(stored.size() == 2);
    checkChain(stored);
    CHECK(stored[1].cs.ops.size() == 1);
}

TEST_CASE("ops received from other devices are never packed", "[changeset][outbox]") {
    SyncVault v;
    const std::string a = v.repo().createCase(sampleCase("Testname Alpha"));
    v.db()
        .prepare("INSERT INTO journal (hlc, device, entity, entity_id, op, field, value, base_hlc, base_device, "
                 "user_id, origin) VALUES (?, ?, 'case', ?, 'set', 'status', '\"open\"', 1, ?, ?, 'remote')")
        .bind(1, static_cast<std::int64_t>(kBaseHlc + 99))
        .bind(2, idToHex(fakeId(0xee)))
        .bind(3, a)
        .bind(4, idToHex(fakeId(0xee)))
        .bind(5, idToHex(fakeId(0xab)))
        .run();
    const PackResult result = packUnshipped(v.db(), v.identity, v.keys.sign);
    CHECK(result.ops == static_cast<std::size_t>(v.count("SELECT count(*) FROM journal WHERE origin = 'local'")));
    for (const auto& s : storedChangeSets(v)) {
        for (const auto& op : s.cs.ops) CHECK(op.hlc != kBaseHlc + 99);
    }
}

TEST_CASE("a failed pack leaves the journal unshipped and the chain unchanged", "[changeset][outbox]") {
    SyncVault v;
    const std::string a = v.repo().createCase(sampleCase("Testname Alpha"));
    v.journalSet(a, "status", "2.5");  // a float has no canonical form: the hub would refuse the change-set
    CHECK(syncCodeOf([&] { (void)packUnshipped(v.db(), v.identity, v.keys.sign); }) == SyncCode::BadOp);
    CHECK(v.count("SELECT count(*) FROM journal WHERE shipped = 1") == 0);
    CHECK(v.count("SELECT count(*) FROM sync_outgoing") == 0);
    CHECK(readChainHead(v.db()).seq == 0);
}

TEST_CASE("a change-set closes before its raw body passes the pack target", "[changeset][outbox]") {
    SyncVault v;
    const std::string a = v.repo().createCase(sampleCase("Testname Alpha"));
    // ~1 KB values: 220 of them make about 220 KB of body, more than PACK_BODY_TARGET (160 KiB).
    for (int i = 0; i < 220; ++i) {
        v.journalSet(a, "situation.notes_" + std::to_string(i % 7), json(std::string(1000, static_cast<char>('a' + i % 26))).dump());
    }
    const PackResult result = packUnshipped(v.db(), v.identity, v.keys.sign);
    CHECK(result.changeSets == 2);
    const auto stored = storedChangeSets(v);
    checkChain(stored);
    std::size_t ops = 0;
    Hlc previous = 0;
    for (const auto& s : stored) {
        CHECK(s.cs.header.bodyRawLen <= kPackBodyTarget);
        CHECK(s.cs.bytes.size() <= kMaxChangeSetBytes);
        for (const auto& op : s.cs.ops) {
            CHECK(op.hlc > previous);  // journal order survives the split
            previous = op.hlc;
        }
        ops += s.cs.ops.size();
    }
    CHECK(ops == 222);  // the case create, its note item and the 220 edits
}

TEST_CASE("outbox files are sealed batches for the hub, written once", "[changeset][outbox]") {
    SyncVault v;
    TestHub hub;
    auto repo = v.repo();
    const std::string a = repo.createCase(sampleCase("Testname Alpha"));
    repo.createCase(sampleCase("Testname Bravo"));
    packUnshipped(v.db(), v.identity, v.keys.sign);
    repo.updateField(a, "status", "under_assistance");
    packUnshipped(v.db(), v.identity, v.keys.sign);
    const auto stored = storedChangeSets(v);
    REQUIRE(stored.size() == 3);

    const auto outbox = v.dir / "office.abri.sync" / "outbox";
    const auto names = writeOutboxFiles(v.db(), v.identity, hub.descriptor, outbox);
    REQUIRE(names.size() == 1);
    CHECK(names[0] == outboxFileName(v.identity.deviceId, 1, 3));
    CHECK(names[0] == "cs-" + v.vault->deviceId() + "-00000000000000000001-00000000000000000003.abri");
    const auto parsed = parseSyncFileName(names[0]);
    REQUIRE(parsed);
    CHECK(parsed->lastSeq == 3);

    const auto file = readWholeFile(outbox / names[0], 2'000'000);
    CHECK_FALSE(fileContains(outbox / names[0], "Testname"));
    const OpenedFile opened = openSealedFile(file, hub.box, names[0]);
    const Batch batch = decodeBatch(opened.payload, names[0]);
    CHECK(batch.deviceId == v.identity.deviceId);
    CHECK(batch.firstSeq == 1);
    REQUIRE(batch.changeSets.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(batch.changeSets[i] == stored[i].cs.bytes);

    CHECK(writeOutboxFiles(v.db(), v.identity, hub.descriptor, outbox).empty());  // covered already
    std::filesystem::remove(outbox / names[0]);                                     // the daemon uploaded it
    CHECK(writeOutboxFiles(v.db(), v.identity, hub.descriptor, outbox, 3).empty());  // and the hub acked it
    const auto rewritten = writeOutboxFiles(v.db(), v.identity, hub.descriptor, outbox, 1);
    REQUIRE(rewritten.size() == 1);
    CHECK(rewritten[0] == outboxFileName(v.identity.deviceId, 2, 3));
    for (const auto& entry : std::filesystem::directory_iterator(outbox)) {
        CHECK(entry.path().filename().string().rfind(".tmp-", 0) != 0);  // no temporary file left behind
    }
}

TEST_CASE("bytes per changed field: batched edits cost well under half their JSON", "[changeset][outbox]") {
    SyncVault v;
    const std::string a = v.repo().createCase(sampleCase("Testname Alpha"));
    packUnshipped(v.db(), v.identity, v.keys.sign);

    const std::vector<std::pair<std::string, std::string>> edits = {
        {"status", R"("open")"}, {"person.citizenship", R"("TN")"}, {"person.date_of_birth", R"("2001-02-03")"},
        {"situation.exploitation_types", R"(["forced_labour","domestic_servitude"])"},
        {"caseworker", R"(")" + v.vault->currentUser().id + R"(")"}};
    for (int i = 0; i < 25; ++i) {
        const auto& [field, value] = edits[static_cast<std::size_t>(i) % edits.size()];
        v.journalSet(a, field, value);
    }
    // The compact JSON of the same journal entries (sync/PROTOCOL.md §8's yardstick).
    std::size_t jsonBytes = 0;
    for (const auto& e : v.vault->journal().unshipped(0, 100)) {
        jsonBytes += Json{{"entity", e.op.entity}, {"entity_id", e.op.entityId}, {"kind", "set"},
                          {"field", e.op.field}, {"value", Json::parse(e.op.valueJson)},
                          {"base_hlc", std::to_string(e.op.base->hlc)}, {"base_device", e.op.base->device},
                          {"hlc", std::to_string(e.hlc)}, {"device", e.device}}
                         .dump()
                         .size();
    }
    const PackResult result = packUnshipped(v.db(), v.identity, v.keys.sign);
    REQUIRE(result.ops == 25);
    const double perField = bytesPerOp(result);
    const double jsonPerField = static_cast<double>(jsonBytes) / 25.0;
    INFO("bytes per changed field " << perField << ", JSON " << jsonPerField);
    CHECK(perField < 0.5 * jsonPerField);
}
