// An outbox file the hub could not read (sync/PROTOCOL.md §7.1 "A refused file"): syncVault seals the same stored
// change-sets again when abri-syncd holds a file back for a whole-file refusal, and only then.
#include <catch2/catch.hpp>

#include <fstream>

#include "cases/case_repository.h"
#include "devicesync/device_sync.h"
#include "sync_vault_support.h"
#include "vault/vault.h"
#include "wire/batch.h"
#include "wire/limits.h"
#include "wire/sealed_file.h"
#include "wire/sync_files.h"
#include "wire/upload_held.h"

using namespace abri;
using namespace abri::wire;
using namespace abri::devicesync;
using namespace abri::test;
using cases::Json;
namespace fs = std::filesystem;

namespace {

const Json kCase = Json::parse(R"({"person": {"given_name": "Testname Alpha", "family_name": "Fakeperson",
    "gender": "female", "date_of_birth": "2000-03-04", "citizenship": "NG"},
    "screening": {"acts": ["recruitment"], "means": ["deception"], "purposes": ["forced_labour"],
                  "complete": true, "screened_on": "2026-05-01"}})");

struct HeldFixture : SyncVault {
    TestHub hub;
    fs::path syncDir = wire::syncFolder(vaultPath);

    HeldFixture() {
        const Certificate own = hub.certify(identity.deviceId, keys.sign.publicKey, "TST-01");
        storeEnrolment(db(), "enrolled", own.bytes, hub.descriptor.bytes, hub.descriptor.address, nowMs);
    }

    SyncStepResult sync() { return syncVault(*vault, vaultPath); }

    fs::path outboxFile(const std::string& name) { return syncDir / "outbox" / name; }
    crypto::Bytes bytesOf(const std::string& name) { return readWholeFile(outboxFile(name), 4'000'000); }
    std::string hashOf(const std::string& name) { return hashToHex(crypto::blake2b({bytesOf(name)})); }

    std::size_t outboxCount() {
        std::size_t n = 0;
        for (const auto& e : fs::directory_iterator(syncDir / "outbox")) n += e.path().filename().string()[0] == 'c';
        return n;
    }

    // Bytes flipped in the middle of the sealed box, as a failing disk or a stray write would leave them.
    void damage(const std::string& name) {
        auto bytes = bytesOf(name);
        for (std::size_t i = 0; i < 4; ++i) bytes[bytes.size() / 2 + i] ^= 0x5a;
        std::ofstream(outboxFile(name), std::ios::binary | std::ios::trunc)
            .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    }

    // What abri-syncd writes after the hub's answer for the file as it is now on disk.
    void holdAsDaemon(const std::string& name, SyncCode code, bool wholeFile) {
        saveHeldUpload(syncDir, HeldUpload{name, hashOf(name), code, 1'780'000'000'000, wholeFile});
    }

    // The signed change-sets the hub would find in a sealed outbox file.
    std::vector<crypto::Bytes> changeSetsIn(const std::string& name) {
        const auto opened = openSealedFile(bytesOf(name), hub.box, name);
        return decodeBatch(opened.payload, name).changeSets;
    }

    std::vector<crypto::Bytes> storedRows() {
        std::vector<crypto::Bytes> rows;
        auto stmt = db().prepare("SELECT bytes FROM sync_outgoing ORDER BY device_seq");
        while (stmt.step()) rows.push_back(stmt.blob(0));
        return rows;
    }
};

}  // namespace

TEST_CASE("a held file the hub could not open is sealed again with the same change-sets", "[devicesync][held]") {
    HeldFixture f;
    auto repo = f.repo();
    repo.createCase(kCase);
    repo.createCase(kCase);
    REQUIRE(f.sync().outboxFiles.size() == 1);
    const std::string name = outboxFileName(f.identity.deviceId, 1, 2);
    const auto rowsBefore = f.storedRows();
    REQUIRE(rowsBefore.size() == 2);
    const auto sealedBefore = f.bytesOf(name);

    f.damage(name);
    REQUIRE_THROWS_AS(openSealedFile(f.bytesOf(name), f.hub.box, name), SyncError);
    f.holdAsDaemon(name, SyncCode::BadSeal, /*wholeFile=*/true);

    const auto result = f.sync();
    CHECK(result.resealedFile == name);
    CHECK_FALSE(result.heldRefusal);
    REQUIRE(result.outboxFiles == std::vector<std::string>{name});
    CHECK(f.outboxCount() == 1);
    // A new seal (other bytes, so the daemon's hold ends) of the very same signed change-sets: same ids at the hub.
    CHECK(f.bytesOf(name) != sealedBefore);
    CHECK(f.changeSetsIn(name) == rowsBefore);
    CHECK(f.storedRows() == rowsBefore);
    CHECK(f.vault->journal().unshippedCount() == 0);
    CHECK_FALSE(readSyncOverview(*f.vault, f.vaultPath).resealRefused);

    SECTION("the marker left over for the old bytes changes nothing more") {
        const auto resealed = f.bytesOf(name);
        const auto again = f.sync();
        CHECK(again.resealedFile.empty());
        CHECK_FALSE(again.heldRefusal);
        CHECK(f.bytesOf(name) == resealed);
    }
    SECTION("damaged again on disk: sealed again") {
        f.damage(name);
        f.holdAsDaemon(name, SyncCode::BadSeal, true);
        CHECK(f.sync().resealedFile == name);
        CHECK(f.changeSetsIn(name) == rowsBefore);
    }
    SECTION("a fresh seal refused too is left held and reported, not sealed in a loop") {
        const auto resealed = f.bytesOf(name);
        f.holdAsDaemon(name, SyncCode::BadSeal, true);  // the hub refused exactly the bytes just written
        const auto again = f.sync();
        CHECK(again.resealedFile.empty());
        CHECK(again.heldRefusal == SyncCode::BadSeal);
        CHECK(f.bytesOf(name) == resealed);
        CHECK(readSyncOverview(*f.vault, f.vaultPath).resealRefused == SyncCode::BadSeal);  // the app says so
    }
    SECTION("new edits made meanwhile go out in the same new file") {
        f.damage(name);
        f.holdAsDaemon(name, SyncCode::WrongRecipient, true);
        repo.createCase(kCase);
        const auto again = f.sync();
        CHECK(again.resealedFile == name);
        REQUIRE(again.outboxFiles == std::vector<std::string>{outboxFileName(f.identity.deviceId, 1, 3)});
        CHECK_FALSE(fs::exists(f.outboxFile(name)));
        CHECK(f.changeSetsIn(again.outboxFiles[0]) == f.storedRows());
    }
}

TEST_CASE("a held file is left as it is unless the hub failed the whole file and its change-sets are all stored",
          "[devicesync][held]") {
    HeldFixture f;
    f.repo().createCase(kCase);
    f.repo().createCase(kCase);
    REQUIRE(f.sync().outboxFiles.size() == 1);
    const std::string name = outboxFileName(f.identity.deviceId, 1, 2);
    const auto sealed = f.bytesOf(name);

    SECTION("a change-set refused inside a file that opened: the same bytes again would be refused again") {
        f.holdAsDaemon(name, SyncCode::BadSignature, /*wholeFile=*/false);
        const auto result = f.sync();
        CHECK(result.resealedFile.empty());
        CHECK(result.heldRefusal == SyncCode::BadSignature);
    }
    SECTION("a change-set of the file no longer stored: removing the file would lose it") {
        f.damage(name);
        f.holdAsDaemon(name, SyncCode::BadSeal, true);
        f.db().prepare("DELETE FROM sync_outgoing WHERE device_seq = 2").run();
        const auto result = f.sync();
        CHECK(result.resealedFile.empty());
        CHECK(result.heldRefusal == SyncCode::BadSeal);
        CHECK(fs::exists(f.outboxFile(name)));
    }
    SECTION("the hub acknowledged the file after all: the daemon deletes it, nothing is sealed") {
        f.damage(name);
        f.holdAsDaemon(name, SyncCode::BadSeal, true);
        std::ofstream(f.syncDir / "status.json") << R"({"version":1,"link":"up","acked_seq":2})" << "\n";
        CHECK(f.sync().resealedFile.empty());
        CHECK(fs::exists(f.outboxFile(name)));
    }
    SECTION("no marker, or one naming other bytes") {
        CHECK(f.sync().resealedFile.empty());
        saveHeldUpload(f.syncDir, HeldUpload{name, std::string(64, '0'), SyncCode::BadSeal, 1, true});
        const auto result = f.sync();
        CHECK(result.resealedFile.empty());
        CHECK_FALSE(result.heldRefusal);
        CHECK(f.bytesOf(name) == sealed);
    }
    SECTION("a step that only applies seals nothing") {
        f.damage(name);
        f.holdAsDaemon(name, SyncCode::BadSeal, true);
        SyncStepOptions applyOnly;
        applyOnly.pack = false;
        CHECK(syncVault(*f.vault, f.vaultPath, applyOnly).resealedFile.empty());
        CHECK(f.sync().resealedFile == name);
    }
}

TEST_CASE("the upload-held marker keeps whether the whole file failed, and reads an older marker",
          "[devicesync][held]") {
    test::TempDir dir;
    const std::string name = "cs-" + std::string(32, 'a') + "-00000000000000000001-00000000000000000002.abri";
    const std::string hash(64, 'b');
    saveHeldUpload(dir.path(), HeldUpload{name, hash, SyncCode::BadSeal, 42, true});
    auto held = loadHeldUpload(dir.path());
    REQUIRE(held);
    CHECK(held->fileName == name);
    CHECK(held->fileHashHex == hash);
    CHECK(held->code == SyncCode::BadSeal);
    CHECK(held->answeredMs == 42);
    CHECK(held->wholeFile);
    saveHeldUpload(dir.path(), HeldUpload{name, hash, SyncCode::ClockAhead, 43, false});
    CHECK_FALSE(loadHeldUpload(dir.path())->wholeFile);

    auto writeOld = [&](SyncCode code) {  // as abri-syncd wrote it before it recorded the scope
        std::ofstream(dir.path() / kUploadHeldFile, std::ios::trunc)
            << "abri-upload-held 1\n" << name << " " << hash << " " << wireValue(code) << " 7\n";
    };
    writeOld(SyncCode::BadSeal);
    CHECK(loadHeldUpload(dir.path())->wholeFile);
    writeOld(SyncCode::BadSignature);
    CHECK_FALSE(loadHeldUpload(dir.path())->wholeFile);
    std::ofstream(dir.path() / kUploadHeldFile, std::ios::app) << "sideways\n";
    CHECK_FALSE(loadHeldUpload(dir.path()));
}

TEST_CASE("the upload-held marker text round-trips and an oversized or damaged text is refused", "[devicesync][held]") {
    wire::HeldUpload held;
    held.fileName = wire::outboxFileName(wire::Id16{}, 1, 3);
    held.fileHashHex = std::string(64, 'a');
    held.code = wire::SyncCode::BadSeal;
    held.answeredMs = 1'764'979'200'000;
    held.wholeFile = true;
    const std::string text = wire::formatHeldUpload(held);
    const auto back = wire::parseHeldUpload(text);
    REQUIRE(back);
    CHECK(back->fileName == held.fileName);
    CHECK(back->fileHashHex == held.fileHashHex);
    CHECK(back->code == held.code);
    CHECK(back->answeredMs == held.answeredMs);
    CHECK(back->wholeFile);
    CHECK_FALSE(wire::parseHeldUpload(text + std::string(wire::kMaxHeldUploadText, ' ')));
    CHECK_FALSE(wire::parseHeldUpload(text.substr(0, text.size() / 2)));
    CHECK_FALSE(wire::parseHeldUpload("abri-upload-held 2" + text.substr(text.find('\n'))));
}
