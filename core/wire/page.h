#pragma once
// Page (`ABPG`, sync/PROTOCOL.md §3.8): a hub-signed slice of one office feed for one device; the payload of a
// sealed file of content 2.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "wire/admission_record.h"
#include "wire/wire_types.h"
#include "crypto/primitives.h"
#include "crypto/signing.h"

namespace abri::wire {

enum class PageEntryType : std::uint8_t { ChangeSet = 1, Receipt = 2, Cert = 3, Hub = 4, ReceiptRange = 5 };
enum class CertStatus : std::uint8_t { Active = 1, Revoked = 2 };

struct PageEntry {
    PageEntryType type = PageEntryType::ChangeSet;
    std::uint64_t officeSeq = 0;
    AdmissionRecord admission;    // ChangeSet, Receipt
    crypto::Bytes changeSet;      // ChangeSet: the signed change-set, verbatim (not decoded by decodePage)
    CertStatus certStatus = CertStatus::Active;  // Cert
    std::uint64_t certStatusMs = 0;              // Cert
    crypto::Bytes certificate;    // Cert: an ABCT (not decoded by decodePage)
    crypto::Bytes descriptor;     // Hub: an ABHD (not decoded by decodePage)
    // ReceiptRange (capability COMPACT_ACKS): the recipient's own device_seqs rangeFirstSeq..+rangeCount-1, all
    // admitted unclamped and without exclusions, so there is nothing for the device to record about them.
    std::uint64_t rangeFirstSeq = 0;
    std::uint32_t rangeCount = 0;
};

struct Page {
    Id16 hubId{};
    Id16 recipient{};
    std::uint64_t firstSeq = 0;
    std::uint64_t lastSeq = 0;
    std::uint64_t headSeq = 0;
    std::uint64_t hubTimeMs = 0;
    std::uint64_t ackedDeviceSeq = 0;
    std::string office;
    std::vector<PageEntry> entries;
};

// Builds and signs (hub identity key, domain abri/v1/page over H(all preceding bytes)). Throws SyncError for a page
// a decoder would refuse (too_large, bad_header).
crypto::Bytes encodePage(const Page& page, const crypto::SigningKeyPair& hubIdentity);

// Device-side checks in §3.11 order: too_large, truncated, bad_magic, unsupported_format, bad_header (reserved,
// first_seq > last_seq, last_seq > head_seq, entry_count > MAX), hub_id (wrong_hub), recipient (wrong_device),
// signature (bad_hub_signature); then the entries (truncated, bad_header: unknown type, office_seq not strictly
// increasing or outside first..last, count mismatch, trailing bytes; a RECEIPT_RANGE that is empty, starts at 0
// or reaches past acked_device_seq). Entry contents (change-sets, certificates,
// descriptors) are left for the caller, who knows which keys to check them with.
Page decodePage(std::span<const std::uint8_t> payload, const Id16& expectedHubId, const Id16& expectedRecipient,
                std::span<const std::uint8_t> hubIdentityPublicKey, std::string_view subject);

}  // namespace abri::wire
