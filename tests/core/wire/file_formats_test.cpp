#include <catch2/catch.hpp>

#include "wire/admission_record.h"
#include "wire/batch.h"
#include "wire/changeset.h"
#include "wire/compression.h"
#include "wire/limits.h"
#include "wire/page.h"
#include "wire/refusal_notice.h"
#include "wire/sealed_file.h"
#include "codec_test_support.h"

using namespace abri;
using namespace abri::wire;
using namespace abri::test;
using Bytes = std::vector<std::uint8_t>;

namespace {
const crypto::SigningKeyPair& deviceKey() {
    static const crypto::SigningKeyPair key = testSigner(1);
    return key;
}
const crypto::SigningKeyPair& hubKey() {
    static const crypto::SigningKeyPair key = testSigner(2);
    return key;
}

std::vector<Bytes> chain(std::size_t n) {
    std::vector<Bytes> out;
    Hash32 prev{};
    for (std::size_t i = 0; i < n; ++i) {
        ChangeSetDraft d = sampleDraft(1);
        d.deviceSeq = i + 1;
        d.prevHash = prev;
        const ChangeSet cs = encodeChangeSet(d, deviceKey());
        prev = cs.id;
        out.push_back(cs.bytes);
    }
    return out;
}

AdmissionRecord sampleAdmission(const ChangeSet& cs) {
    AdmissionRecord a;
    a.changeSetId = cs.id;
    a.deviceId = cs.header.deviceId;
    a.deviceSeq = cs.header.deviceSeq;
    a.caseId = cs.header.caseId;
    a.hubSeq = 77;
    a.admittedMs = 1'780'000'000'500;
    a.clampCeiling = kBaseHlc + 100;
    a.clampFloor = kBaseHlc - 100;
    a.excluded = {{1, ExclusionReason::NotEditable}, {3, ExclusionReason::UnknownField}};
    return a;
}

Page samplePage() {
    const ChangeSet cs = encodeChangeSet(sampleDraft(2), deviceKey());
    Page page;
    page.hubId = fakeId(0x4b);
    page.recipient = fakeId(0xd2);
    page.firstSeq = 5;
    page.lastSeq = 9;
    page.headSeq = 12;
    page.hubTimeMs = 1'780'000'001'000;
    page.ackedDeviceSeq = 3;
    page.office = "TST-01";
    PageEntry cert;
    cert.type = PageEntryType::Cert;
    cert.officeSeq = 5;
    cert.certStatus = CertStatus::Revoked;
    cert.certStatusMs = 123;
    cert.certificate = Bytes(200, 0x33);
    PageEntry changeSet;
    changeSet.type = PageEntryType::ChangeSet;
    changeSet.officeSeq = 6;
    changeSet.admission = sampleAdmission(cs);
    changeSet.changeSet = cs.bytes;
    PageEntry receipt;
    receipt.type = PageEntryType::Receipt;
    receipt.officeSeq = 8;
    receipt.admission = sampleAdmission(cs);
    receipt.admission.excluded.clear();
    PageEntry hub;
    hub.type = PageEntryType::Hub;
    hub.officeSeq = 9;
    hub.descriptor = Bytes(150, 0x44);
    page.entries = {cert, changeSet, receipt, hub};
    return page;
}

SyncCode pageCode(const Bytes& payload) {
    return syncCodeOf([&] { (void)decodePage(payload, fakeId(0x4b), fakeId(0xd2), hubKey().publicKey, "pg"); });
}

// Rewrites a page's signature after a test changed its bytes (so structure checks are reached).
Bytes resign(Bytes payload) {
    payload.resize(payload.size() - 64);
    const auto sig = crypto::signDigest(hubKey(), crypto::Domain::Page, crypto::blake2b({payload}));
    payload.insert(payload.end(), sig.begin(), sig.end());
    return payload;
}
}  // namespace

TEST_CASE("a batch round-trips and checks device and sequence", "[changeset][formats]") {
    Batch batch{fakeId(0xd1), 1, chain(3)};
    const Bytes payload = encodeBatch(batch);
    const Batch back = decodeBatch(payload, "cs-file");
    CHECK(back.deviceId == batch.deviceId);
    CHECK(back.firstSeq == 1);
    CHECK(back.changeSets == batch.changeSets);

    Batch wrongSeq = batch;
    wrongSeq.firstSeq = 2;
    CHECK(syncCodeOf([&] { (void)decodeBatch(encodeBatch(wrongSeq), "f"); }) == SyncCode::DeviceMismatch);
    Batch wrongDevice = batch;
    wrongDevice.deviceId = fakeId(0xd9);
    CHECK(syncCodeOf([&] { (void)decodeBatch(encodeBatch(wrongDevice), "f"); }) == SyncCode::DeviceMismatch);
    Batch gap = batch;
    std::swap(gap.changeSets[1], gap.changeSets[2]);
    CHECK(syncCodeOf([&] { (void)decodeBatch(encodeBatch(gap), "f"); }) == SyncCode::DeviceMismatch);

    Bytes bad = payload;
    bad[0] = 'X';
    CHECK(syncCodeOf([&] { (void)decodeBatch(bad, "f"); }) == SyncCode::BadMagic);
    bad = payload;
    bad[4] = 9;
    CHECK(syncCodeOf([&] { (void)decodeBatch(bad, "f"); }) == SyncCode::UnsupportedFormat);
    bad = payload;
    bad[6] = 1;
    CHECK(syncCodeOf([&] { (void)decodeBatch(bad, "f"); }) == SyncCode::BadHeader);
    bad = payload;
    bad.push_back(0);
    CHECK(syncCodeOf([&] { (void)decodeBatch(bad, "f"); }) == SyncCode::BadHeader);
    bad = Bytes(payload.begin(), payload.end() - 1);
    CHECK(syncCodeOf([&] { (void)decodeBatch(bad, "f"); }) == SyncCode::Truncated);
    bad = payload;
    bad[35] = 0;  // count 0
    bad.resize(36);
    CHECK(syncCodeOf([&] { (void)decodeBatch(bad, "f"); }) == SyncCode::BadHeader);
    CHECK(syncCodeOf([&] { (void)decodeBatch(Bytes(kMaxBatchPayload + 1, 0), "f"); }) == SyncCode::TooLarge);
}

TEST_CASE("a batch compresses its records and leaves out chained prev_hash fields", "[changeset][formats]") {
    const Batch batch{fakeId(0xd1), 1, chain(40)};
    std::size_t verbatim = 44;
    for (const auto& cs : batch.changeSets) verbatim += 4 + cs.size();
    const Bytes payload = encodeBatch(batch);
    CHECK(payload[5] == 1);  // flag bit 0: zstd
    // 40 similar change-sets: the signatures (64 B) and the first prev_hash are all compression cannot remove.
    CHECK(payload.size() < verbatim / 2);
    const Batch back = decodeBatch(payload, "cs-file");
    REQUIRE(back.changeSets == batch.changeSets);  // byte-identical: signatures and ids still hold
    for (std::size_t i = 1; i < back.changeSets.size(); ++i) {
        CHECK(decodeChangeSetFrame(back.changeSets[i], "cs").header.prevHash ==
              decodeChangeSetFrame(back.changeSets[i - 1], "cs").id);
    }

    // A change-set whose prev_hash is not its predecessor's id keeps it: a fork stays visible to the hub.
    Batch forked = batch;
    ChangeSetDraft other = sampleDraft(1);
    other.deviceSeq = 2;
    Hash32 unrelated{};
    unrelated.fill(0x77);
    other.prevHash = unrelated;
    forked.changeSets = {batch.changeSets[0], encodeChangeSet(other, deviceKey()).bytes};
    CHECK(decodeChangeSetFrame(decodeBatch(encodeBatch(forked), "f").changeSets[1], "cs").header.prevHash == unrelated);

    // A zero prev_hash smuggled into the records restores to the previous id, so its signature no longer holds.
    ChangeSetDraft zero = sampleDraft(1);
    zero.deviceSeq = 2;
    zero.prevHash = Hash32{};
    const ChangeSet zeroCs = encodeChangeSet(zero, deviceKey());
    const Batch smuggled{fakeId(0xd1), 1, {batch.changeSets[0], zeroCs.bytes}};
    const auto restored = decodeBatch(encodeBatch(smuggled), "f").changeSets[1];
    const auto frame = decodeChangeSetFrame(restored, "cs");
    CHECK(frame.header.prevHash == decodeChangeSetFrame(batch.changeSets[0], "cs").id);
    CHECK(syncCodeOf([&] { verifyChangeSetSignature(frame, deviceKey().publicKey, "cs"); }) ==
          SyncCode::BadSignature);

    // Header rules of the compressed form.
    Bytes bad = payload;
    bad[5] = 3;  // unknown flag
    CHECK(syncCodeOf([&] { (void)decodeBatch(bad, "f"); }) == SyncCode::BadHeader);
    bad = payload;
    bad[39] ^= 1;  // records_raw_len no longer the frame's content size
    CHECK(syncCodeOf([&] { (void)decodeBatch(bad, "f"); }) == SyncCode::BadCompression);
    bad = payload;
    bad[5] = 0;  // claims stored records, but the lengths differ
    CHECK(syncCodeOf([&] { (void)decodeBatch(bad, "f"); }) == SyncCode::BadHeader);
    bad = payload;
    bad[36] = 0x7f;  // records_raw_len far over MAX_BATCH_PAYLOAD: refused before inflating anything
    CHECK(syncCodeOf([&] { (void)decodeBatch(bad, "f"); }) == SyncCode::TooLarge);
    bad = payload;
    bad[bad.size() - 3] ^= 0xff;  // inside the zstd frame
    CHECK_THROWS_AS(decodeBatch(bad, "f"), SyncError);
}

TEST_CASE("a sealed page is compressed when smaller and opens to the same signed payload", "[changeset][formats]") {
    const crypto::BoxKeyPair deviceBox = crypto::BoxKeyPair::generate();
    Page page = samplePage();
    // A day's receipts: many entries that differ in ids and sequence numbers only.
    for (std::uint64_t i = 0; i < 200; ++i) {
        PageEntry receipt = page.entries[2];
        receipt.officeSeq = 10 + i;
        receipt.admission.deviceSeq = 100 + i;
        receipt.admission.hubSeq = 1000 + i;
        crypto::randomFill(receipt.admission.changeSetId);
        page.entries.push_back(receipt);
    }
    page.lastSeq = 209;
    page.headSeq = 212;
    const Bytes payload = encodePage(page, hubKey());
    const Bytes file = encodeSealedFile(SealedContent::Page, deviceBox.publicKey, payload);
    CHECK(file[6] == 1);  // flag bit 0
    CHECK(file.size() < (kSealedHeaderBytes + crypto::kSealOverheadBytes + payload.size()) * 3 / 4);
    const OpenedFile opened = openSealedFile(file, deviceBox, "pg");
    CHECK(opened.payload == payload);  // the hub's signature covers exactly these bytes
    CHECK_NOTHROW(decodePage(opened.payload, fakeId(0x4b), fakeId(0xd2), hubKey().publicKey, "pg"));

    Bytes bad = file;
    bad[6] = 0;  // the flag is outside the seal: clearing it leaves zstd bytes where the page magic should be
    CHECK(syncCodeOf([&] { (void)openSealedFile(bad, deviceBox, "pg"); }) == SyncCode::BadMagic);
    bad[6] = 2;
    CHECK(syncCodeOf([&] { (void)decodeSealedHeader(bad, "pg"); }) == SyncCode::BadHeader);
    // Set on an uncompressed batch: not a zstd frame.
    const Bytes batchFile = encodeSealedFile(SealedContent::Batch, deviceBox.publicKey, encodeBatch({fakeId(0xd1), 1, chain(2)}));
    CHECK(batchFile[6] == 0);
    bad = batchFile;
    bad[6] = 1;
    CHECK(syncCodeOf([&] { (void)openSealedFile(bad, deviceBox, "cs"); }) == SyncCode::BadCompression);
    // A frame that would inflate past the page maximum is refused before inflating.
    const Bytes huge(kMaxPagePayload + 1, 0);
    const auto bomb = compressBody(huge);
    REQUIRE(bomb);
    Bytes crafted(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(kSealedHeaderBytes));
    const Bytes sealed = crypto::sealToRecipient(deviceBox.publicKey, *bomb);
    crafted[16] = static_cast<std::uint8_t>(sealed.size() >> 24);
    crafted[17] = static_cast<std::uint8_t>(sealed.size() >> 16);
    crafted[18] = static_cast<std::uint8_t>(sealed.size() >> 8);
    crafted[19] = static_cast<std::uint8_t>(sealed.size());
    crafted.insert(crafted.end(), sealed.begin(), sealed.end());
    CHECK(syncCodeOf([&] { (void)openSealedFile(crafted, deviceBox, "pg"); }) == SyncCode::BadCompression);
}

TEST_CASE("a sealed file opens only for its recipient", "[changeset][formats]") {
    const crypto::BoxKeyPair hubBox = crypto::BoxKeyPair::generate();
    const crypto::BoxKeyPair otherBox = crypto::BoxKeyPair::generate();
    const Bytes payload = encodeBatch({fakeId(0xd1), 1, chain(2)});
    const Bytes file = encodeSealedFile(SealedContent::Batch, hubBox.publicKey, payload);
    CHECK(file.size() == kSealedHeaderBytes + crypto::kSealOverheadBytes + payload.size());

    const crypto::BoxKeyPair* keys[] = {&otherBox, &hubBox};  // the hub keeps old box keys
    const OpenedFile opened = openSealedFile(file, keys, "f");
    CHECK(opened.content == SealedContent::Batch);
    CHECK(opened.payload == payload);

    CHECK(syncCodeOf([&] { (void)openSealedFile(file, otherBox, "f"); }) == SyncCode::WrongRecipient);
    Bytes bad = file;
    bad.back() ^= 1;
    CHECK(syncCodeOf([&] { (void)openSealedFile(bad, hubBox, "f"); }) == SyncCode::BadSeal);
    bad = file;
    bad[0] = 'X';
    CHECK(syncCodeOf([&] { (void)openSealedFile(bad, hubBox, "f"); }) == SyncCode::BadMagic);
    bad = file;
    bad[4] = 2;
    CHECK(syncCodeOf([&] { (void)openSealedFile(bad, hubBox, "f"); }) == SyncCode::UnsupportedFormat);
    bad = file;
    bad[5] = 4;  // no such content
    CHECK(syncCodeOf([&] { (void)openSealedFile(bad, hubBox, "f"); }) == SyncCode::BadHeader);
    bad = file;
    bad[5] = 3;  // says attachment chunk (§11), holds a batch
    CHECK(syncCodeOf([&] { (void)openSealedFile(bad, hubBox, "f"); }) == SyncCode::BadMagic);
    bad = file;
    bad[7] = 1;
    CHECK(syncCodeOf([&] { (void)openSealedFile(bad, hubBox, "f"); }) == SyncCode::BadHeader);
    bad = file;
    bad.push_back(0);
    CHECK(syncCodeOf([&] { (void)openSealedFile(bad, hubBox, "f"); }) == SyncCode::BadHeader);
    bad = Bytes(file.begin(), file.end() - 1);
    CHECK(syncCodeOf([&] { (void)openSealedFile(bad, hubBox, "f"); }) == SyncCode::Truncated);
    CHECK(syncCodeOf([&] { (void)openSealedFile(Bytes(file.begin(), file.begin() + 10), hubBox, "f"); }) ==
          SyncCode::Truncated);
    bad = file;
    bad[16] = 0, bad[17] = 0, bad[18] = 0, bad[19] = 10;  // sealed_len below the box overhead
    CHECK(syncCodeOf([&] { (void)openSealedFile(bad, hubBox, "f"); }) == SyncCode::BadHeader);
    CHECK(syncCodeOf([&] {
              (void)openSealedFile(Bytes(kSealedHeaderBytes + 48 + kMaxPagePayload + 1, 0), hubBox, "f");
          }) == SyncCode::TooLarge);

    // The header says "page" but the sealed payload is a batch: the unauthenticated header only causes an error.
    bad = file;
    bad[5] = 2;
    CHECK(syncCodeOf([&] { (void)openSealedFile(bad, hubBox, "f"); }) == SyncCode::BadMagic);
}

TEST_CASE("admission records round-trip", "[changeset][formats]") {
    const ChangeSet cs = encodeChangeSet(sampleDraft(4), deviceKey());
    const AdmissionRecord a = sampleAdmission(cs);
    const Bytes bytes = encodeAdmissionRecord(a);
    CHECK(bytes.size() == admissionRecordSize(a));
    CHECK(bytes.size() == 106 + 8);
    std::size_t used = 0;
    CHECK(decodeAdmissionRecord(bytes, used, "a") == a);
    CHECK(used == bytes.size());

    Bytes unordered = bytes;
    std::swap_ranges(unordered.begin() + 106, unordered.begin() + 110, unordered.begin() + 110);
    CHECK(syncCodeOf([&] { (void)decodeAdmissionRecord(unordered, used, "a"); }) == SyncCode::BadHeader);
    Bytes badReason = bytes;
    badReason[109] = 0x2c;  // 300: not an exclusion reason
    badReason[108] = 0x01;
    CHECK(syncCodeOf([&] { (void)decodeAdmissionRecord(badReason, used, "a"); }) == SyncCode::BadHeader);
    badReason[109] = 0xff;  // 511: a 5xx code, but not one of the exclusion reasons
    badReason[108] = 0x01;
    CHECK(syncCodeOf([&] { (void)decodeAdmissionRecord(badReason, used, "a"); }) == SyncCode::BadHeader);
    // The exclusion reasons are the 5xx codes of §9, converted by value, never by position.
    CHECK(wireValue(ExclusionReason::ForbiddenCase) == 500);
    CHECK(wireValue(ExclusionReason::InvalidValue) == 509);
    CHECK(wireValue(ExclusionReason::Erased) == 510);
    CHECK(exclusionReasonFromWire(507) == ExclusionReason::AppendOnly);
    CHECK(toSyncCode(ExclusionReason::NotEditable) == SyncCode::NotEditable);
    CHECK_FALSE(exclusionReasonFromCode(SyncCode::BadOp).has_value());
    CHECK_FALSE(exclusionReasonFromWire(605).has_value());
    CHECK(syncCodeOf([&] { (void)decodeAdmissionRecord(std::span(bytes).first(107), used, "a"); }) ==
          SyncCode::Truncated);
}

TEST_CASE("a page round-trips with every entry type", "[changeset][formats]") {
    const Page page = samplePage();
    const Bytes payload = encodePage(page, hubKey());
    const Page back = decodePage(payload, fakeId(0x4b), fakeId(0xd2), hubKey().publicKey, "pg");
    CHECK(back.firstSeq == 5);
    CHECK(back.lastSeq == 9);
    CHECK(back.headSeq == 12);
    CHECK(back.ackedDeviceSeq == 3);
    CHECK(back.hubTimeMs == page.hubTimeMs);
    CHECK(back.office == "TST-01");
    REQUIRE(back.entries.size() == 4);
    CHECK(back.entries[0].certStatus == CertStatus::Revoked);
    CHECK(back.entries[0].certStatusMs == 123);
    CHECK(back.entries[0].certificate == page.entries[0].certificate);
    CHECK(back.entries[1].admission == page.entries[1].admission);
    CHECK(back.entries[1].changeSet == page.entries[1].changeSet);
    CHECK(back.entries[2].type == PageEntryType::Receipt);
    CHECK(back.entries[2].admission == page.entries[2].admission);
    CHECK(back.entries[3].descriptor == page.entries[3].descriptor);
}

TEST_CASE("page errors in the device's order", "[changeset][formats]") {
    const Bytes payload = encodePage(samplePage(), hubKey());
    CHECK(syncCodeOf([&] {
              (void)decodePage(payload, fakeId(0x4c), fakeId(0xd2), hubKey().publicKey, "pg");
          }) == SyncCode::WrongHub);
    CHECK(syncCodeOf([&] {
              (void)decodePage(payload, fakeId(0x4b), fakeId(0xd3), hubKey().publicKey, "pg");
          }) == SyncCode::WrongDevice);
    CHECK(syncCodeOf([&] {
              (void)decodePage(payload, fakeId(0x4b), fakeId(0xd2), deviceKey().publicKey, "pg");
          }) == SyncCode::BadHubSignature);

    Bytes bad = payload;
    bad[0] = 'X';
    CHECK(pageCode(bad) == SyncCode::BadMagic);
    bad = payload;
    bad[4] = 2;
    CHECK(pageCode(bad) == SyncCode::UnsupportedFormat);
    bad = payload;
    bad[200] ^= 1;  // inside an entry: the signature catches it
    CHECK(pageCode(bad) == SyncCode::BadHubSignature);
    CHECK(pageCode(Bytes(payload.begin(), payload.begin() + 50)) == SyncCode::Truncated);
    CHECK(pageCode(Bytes(kMaxPagePayload + 1, 0)) == SyncCode::TooLarge);

    // Signed but malformed (a buggy hub): structure checks still hold.
    bad = payload;
    bad[83] = 5;  // entry_count 4 -> 5
    CHECK(pageCode(resign(bad)) == SyncCode::Truncated);
    bad = payload;
    bad[83] = 3;  // one entry left over
    CHECK(pageCode(resign(bad)) == SyncCode::BadHeader);
    bad = payload;
    bad[47] = 10;  // first_seq 10 > last_seq 9
    CHECK(pageCode(resign(bad)) == SyncCode::BadHeader);
    bad = payload;
    bad[6] = 1;  // reserved
    CHECK(pageCode(resign(bad)) == SyncCode::BadHeader);

    Page unordered = samplePage();
    std::swap(unordered.entries[0].officeSeq, unordered.entries[1].officeSeq);
    CHECK(syncCodeOf([&] { (void)encodePage(unordered, hubKey()); }) == SyncCode::BadHeader);
}

// A page of one RECEIPT_RANGE entry (§3.8), acked_device_seq 40, with the range's fields written raw so that a
// decoder sees values encodePage would refuse.
Bytes receiptRangePage(std::uint64_t firstSeq, std::uint32_t count) {
    Page page = samplePage();
    page.ackedDeviceSeq = 40;
    PageEntry range;
    range.type = PageEntryType::ReceiptRange;
    range.officeSeq = 9;
    range.rangeFirstSeq = 1;
    range.rangeCount = 1;
    page.entries = {range};
    Bytes payload = encodePage(page, hubKey());
    const std::size_t body = payload.size() - 64 - 12;  // the entry body is last before the signature
    for (int i = 0; i < 8; ++i) payload[body + i] = static_cast<std::uint8_t>(firstSeq >> (56 - 8 * i));
    for (int i = 0; i < 4; ++i) payload[body + 8 + i] = static_cast<std::uint8_t>(count >> (24 - 8 * i));
    return resign(payload);
}

TEST_CASE("a receipt range acknowledges a run of the recipient's own change-sets in 25 bytes", "[changeset][formats]") {
    Page page = samplePage();
    page.ackedDeviceSeq = 30;
    PageEntry range;
    range.type = PageEntryType::ReceiptRange;
    range.officeSeq = 7;
    range.rangeFirstSeq = 11;
    range.rangeCount = 20;  // 11..30: up to acked_device_seq
    page.entries.insert(page.entries.begin() + 2, range);
    const Bytes withRange = encodePage(page, hubKey());
    page.entries.erase(page.entries.begin() + 2);
    CHECK(withRange.size() == encodePage(page, hubKey()).size() + 13 + 12);
    const Page back = decodePage(withRange, fakeId(0x4b), fakeId(0xd2), hubKey().publicKey, "pg");
    REQUIRE(back.entries.size() == 5);
    CHECK(back.entries[2].type == PageEntryType::ReceiptRange);
    CHECK(back.entries[2].officeSeq == 7);
    CHECK(back.entries[2].rangeFirstSeq == 11);
    CHECK(back.entries[2].rangeCount == 20);
    CHECK(back.entries[3].type == PageEntryType::Receipt);
}

TEST_CASE("a receipt range that is empty, starts at 0 or passes acked_device_seq is bad_header", "[changeset][formats]") {
    const auto decodeRange = [](const Bytes& payload) {
        return decodePage(payload, fakeId(0x4b), fakeId(0xd2), hubKey().publicKey, "pg").entries.at(0);
    };
    CHECK(decodeRange(receiptRangePage(1, 40)).rangeCount == 40);
    CHECK(decodeRange(receiptRangePage(40, 1)).rangeFirstSeq == 40);
    CHECK(pageCode(receiptRangePage(5, 0)) == SyncCode::BadHeader);
    CHECK(pageCode(receiptRangePage(0, 3)) == SyncCode::BadHeader);
    CHECK(pageCode(receiptRangePage(39, 3)) == SyncCode::BadHeader);
    CHECK(pageCode(receiptRangePage(41, 1)) == SyncCode::BadHeader);
    CHECK(pageCode(receiptRangePage(UINT64_MAX, 2)) == SyncCode::BadHeader);  // no wrap-around
    CHECK(pageCode(receiptRangePage(2, UINT32_MAX)) == SyncCode::BadHeader);

    // A range body one byte short.
    Bytes shortBody = receiptRangePage(1, 1);
    shortBody[shortBody.size() - 64 - 12 - 13 + 4] = 11;  // body_len 12 -> 11
    CHECK(pageCode(resign(shortBody)) == SyncCode::Truncated);
    // The encoder refuses what the decoder would.
    Page page = samplePage();
    PageEntry range;
    range.type = PageEntryType::ReceiptRange;
    range.officeSeq = 7;
    range.rangeFirstSeq = 2;
    range.rangeCount = 5;  // 2..6 > acked_device_seq 3
    page.entries.insert(page.entries.begin() + 2, range);
    CHECK(syncCodeOf([&] { (void)encodePage(page, hubKey()); }) == SyncCode::BadHeader);
}

TEST_CASE("refusal notices are 156 signed bytes", "[changeset][formats]") {
    RefusalNotice n;
    n.hubId = fakeId(0x4b);
    n.deviceId = fakeId(0xd1);
    n.deviceSeq = 42;
    n.changeSetId = crypto::blake2b({crypto::asBytes("cs")});
    n.code = wireValue(SyncCode::ClockAhead);
    n.hubTimeMs = 1'780'000'000'000;
    const Bytes bytes = encodeRefusalNotice(n, hubKey());
    CHECK(bytes.size() == kRefusalNoticeBytes);
    const RefusalNotice back = decodeRefusalNotice(bytes, hubKey().publicKey, "rf");
    CHECK(back.deviceSeq == 42);
    CHECK(back.code == 404);
    CHECK(back.opIndex == kNoOpIndex);
    CHECK(back.changeSetId == n.changeSetId);

    Bytes bad = bytes;
    bad[60] ^= 1;
    CHECK(syncCodeOf([&] { (void)decodeRefusalNotice(bad, hubKey().publicKey, "rf"); }) == SyncCode::BadHubSignature);
    bad = bytes;
    bad.push_back(0);
    CHECK(syncCodeOf([&] { (void)decodeRefusalNotice(bad, hubKey().publicKey, "rf"); }) == SyncCode::BadHeader);
    CHECK(syncCodeOf([&] { (void)decodeRefusalNotice(std::span(bytes).first(100), hubKey().publicKey, "rf"); }) ==
          SyncCode::Truncated);
}
