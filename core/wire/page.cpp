#include "wire/page.h"

#include "common/byte_io.h"
#include "wire/limits.h"
#include "wire/wire_reader.h"

namespace abri::wire {

namespace {
constexpr std::array<std::uint8_t, 4> kMagic = {'A', 'B', 'P', 'G'};

void writeEntryBody(crypto::Bytes& out, const PageEntry& entry) {
    ByteWriter w(out);
    switch (entry.type) {
    case PageEntryType::ChangeSet:
        appendAdmissionRecord(out, entry.admission);
        w.u32(static_cast<std::uint32_t>(entry.changeSet.size()));
        w.raw(entry.changeSet);
        break;
    case PageEntryType::Receipt:
        appendAdmissionRecord(out, entry.admission);
        break;
    case PageEntryType::Cert:
        w.u8(static_cast<std::uint8_t>(entry.certStatus));
        w.u64(entry.certStatusMs);
        w.blob16(entry.certificate);
        break;
    case PageEntryType::Hub:
        w.blob16(entry.descriptor);
        break;
    case PageEntryType::ReceiptRange:
        w.u64(entry.rangeFirstSeq);
        w.u32(entry.rangeCount);
        break;
    }
}

// A receipt range covers seqs the hub admitted, and it admits a device's chain in order: so all of it lies in
// 1..acked_device_seq, and it is never empty.
bool isValidReceiptRange(const PageEntry& entry, std::uint64_t ackedDeviceSeq) {
    return entry.rangeCount >= 1 && entry.rangeFirstSeq >= 1 && entry.rangeFirstSeq <= ackedDeviceSeq &&
           entry.rangeCount - 1 <= ackedDeviceSeq - entry.rangeFirstSeq;
}

PageEntry readEntry(PageEntryType type, std::uint64_t officeSeq, std::span<const std::uint8_t> body,
                    std::string_view subject) {
    PageEntry e;
    e.type = type;
    e.officeSeq = officeSeq;
    auto r = wireReader(body, subject);
    switch (type) {
    case PageEntryType::ChangeSet:
    case PageEntryType::Receipt: {
        std::size_t used = 0;
        e.admission = decodeAdmissionRecord(body, used, subject);
        r.take(used);
        if (type == PageEntryType::ChangeSet) {
            const std::uint32_t length = r.u32();
            const auto cs = r.take(length);
            e.changeSet.assign(cs.begin(), cs.end());
        }
        break;
    }
    case PageEntryType::Cert: {
        const std::uint8_t status = r.u8();
        if (status != 1 && status != 2) fail(r, SyncCode::BadHeader);
        e.certStatus = static_cast<CertStatus>(status);
        e.certStatusMs = r.u64();
        const auto cert = r.blob16();
        e.certificate.assign(cert.begin(), cert.end());
        break;
    }
    case PageEntryType::Hub: {
        const auto descriptor = r.blob16();
        e.descriptor.assign(descriptor.begin(), descriptor.end());
        break;
    }
    case PageEntryType::ReceiptRange:
        e.rangeFirstSeq = r.u64();
        e.rangeCount = r.u32();
        break;
    }
    r.expectEnd();
    return e;
}
}  // namespace

crypto::Bytes encodePage(const Page& page, const crypto::SigningKeyPair& hubIdentity) {
    if (page.entries.size() > kMaxPageEntries || page.firstSeq == 0 || page.firstSeq > page.lastSeq ||
        page.lastSeq > page.headSeq || !isValidOfficeCode(page.office)) {
        throw SyncError(SyncCode::BadHeader, "page");
    }
    crypto::Bytes out;
    ByteWriter w(out);
    w.raw(kMagic);
    w.u8(kFormatVersion);
    w.zeros(3);
    w.raw(page.hubId);
    w.raw(page.recipient);
    w.u64(page.firstSeq);
    w.u64(page.lastSeq);
    w.u64(page.headSeq);
    w.u64(page.hubTimeMs);
    w.u64(page.ackedDeviceSeq);
    w.u32(static_cast<std::uint32_t>(page.entries.size()));
    w.str8(page.office);
    std::uint64_t previous = 0;
    crypto::Bytes body;
    for (const auto& entry : page.entries) {
        if (entry.officeSeq <= previous || entry.officeSeq < page.firstSeq || entry.officeSeq > page.lastSeq) {
            throw SyncError(SyncCode::BadHeader, "page entry " + std::to_string(entry.officeSeq));
        }
        if (entry.type == PageEntryType::ReceiptRange && !isValidReceiptRange(entry, page.ackedDeviceSeq)) {
            throw SyncError(SyncCode::BadHeader, "page entry " + std::to_string(entry.officeSeq));
        }
        previous = entry.officeSeq;
        body.clear();
        writeEntryBody(body, entry);
        w.u8(static_cast<std::uint8_t>(entry.type));
        w.u32(static_cast<std::uint32_t>(body.size()));
        w.u64(entry.officeSeq);
        w.raw(body);
    }
    const Hash32 digest = crypto::blake2b({out});
    w.raw(crypto::signDigest(hubIdentity, crypto::Domain::Page, digest));
    if (out.size() > kMaxPagePayload) throw SyncError(SyncCode::TooLarge, "page");
    return out;
}

Page decodePage(std::span<const std::uint8_t> payload, const Id16& expectedHubId, const Id16& expectedRecipient,
                std::span<const std::uint8_t> hubIdentityPublicKey, std::string_view subject) {
    if (payload.size() > kMaxPagePayload) throw SyncError(SyncCode::TooLarge, std::string(subject));
    auto r = wireReader(payload, subject);
    if (r.fixed<4>() != kMagic) fail(r, SyncCode::BadMagic);
    if (r.u8() != kFormatVersion) fail(r, SyncCode::UnsupportedFormat);
    r.reserved(3);
    Page page;
    page.hubId = r.fixed<16>();
    page.recipient = r.fixed<16>();
    page.firstSeq = r.u64();
    page.lastSeq = r.u64();
    page.headSeq = r.u64();
    page.hubTimeMs = r.u64();
    page.ackedDeviceSeq = r.u64();
    const std::uint32_t entryCount = r.u32();
    page.office = r.str8();
    if (page.hubId != expectedHubId) fail(r, SyncCode::WrongHub);
    if (page.recipient != expectedRecipient) fail(r, SyncCode::WrongDevice);
    if (r.remaining() < crypto::kSignatureBytes) fail(r, SyncCode::Truncated);
    const std::size_t signedLength = payload.size() - crypto::kSignatureBytes;
    const Hash32 digest = crypto::blake2b({payload.first(signedLength)});
    if (!crypto::verifyDigest(hubIdentityPublicKey, crypto::Domain::Page, digest,
                              payload.subspan(signedLength))) {
        fail(r, SyncCode::BadHubSignature);
    }
    if (entryCount > kMaxPageEntries || page.firstSeq == 0 || page.firstSeq > page.lastSeq ||
        page.lastSeq > page.headSeq || !isValidOfficeCode(page.office)) {
        fail(r, SyncCode::BadHeader);
    }
    auto entries = wireReader(payload.subspan(r.offset(), signedLength - r.offset()), subject);
    std::uint64_t previous = 0;
    page.entries.reserve(entryCount);
    for (std::uint32_t i = 0; i < entryCount; ++i) {
        const std::uint8_t type = entries.u8();
        const std::uint32_t bodyLen = entries.u32();
        const std::uint64_t officeSeq = entries.u64();
        const auto body = entries.take(bodyLen);
        if (type < 1 || type > 5) fail(entries, SyncCode::BadHeader);
        if (officeSeq <= previous || officeSeq < page.firstSeq || officeSeq > page.lastSeq) {
            fail(entries, SyncCode::BadHeader);
        }
        previous = officeSeq;
        page.entries.push_back(readEntry(static_cast<PageEntryType>(type), officeSeq, body, subject));
        if (page.entries.back().type == PageEntryType::ReceiptRange &&
            !isValidReceiptRange(page.entries.back(), page.ackedDeviceSeq)) {
            fail(entries, SyncCode::BadHeader);
        }
    }
    entries.expectEnd();
    return page;
}

}  // namespace abri::wire
