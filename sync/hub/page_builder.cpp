#include "page_builder.h"

#include <algorithm>

#include "wire/admission_record.h"
#include "wire/limits.h"
#include "wire/sealed_file.h"
#include "common/error.h"

namespace abri::sync::hub {

namespace {
constexpr std::size_t kEntryHeaderBytes = 13;
constexpr std::size_t kReceiptRangeBodyBytes = 12;

// Folds an own, unclamped, unexcluded receipt into the page's last entry when that is a range ending just before it.
bool extendsReceiptRange(wire::Page& page, const wire::AdmissionRecord& admission, std::uint64_t officeSeq) {
    if (page.entries.empty()) return false;
    auto& last = page.entries.back();
    if (last.type != wire::PageEntryType::ReceiptRange) return false;
    if (last.rangeFirstSeq + last.rangeCount != admission.deviceSeq) return false;
    ++last.rangeCount;
    last.officeSeq = officeSeq;
    return true;
}

bool isPlainReceipt(const wire::AdmissionRecord& admission) {
    return admission.clampCeiling == 0 && admission.excluded.empty();
}
}  // namespace

std::optional<BuiltPage> buildPage(HubStore& store, const DeviceRecord& device, std::uint64_t sinceSeq,
                                   std::size_t maxEntries, std::size_t maxBytes, std::uint64_t hubNowMs,
                                   bool ownChangeSets, bool receiptRanges) {
    const auto head = store.feedHead(device.office);
    if (sinceSeq > head) throw wire::SyncError(wire::SyncCode::BadSince, "since_seq", head);
    if (sinceSeq == head) return std::nullopt;
    maxEntries = std::clamp<std::size_t>(maxEntries, 1, wire::kMaxPageEntries);
    maxBytes = std::clamp<std::size_t>(maxBytes, 1024, wire::kMaxPagePayload - 4096);

    wire::Page page;
    page.hubId = store.hubId();
    page.recipient = device.deviceId;
    page.firstSeq = sinceSeq + 1;
    page.lastSeq = sinceSeq;
    page.headSeq = head;
    page.hubTimeMs = hubNowMs;
    page.ackedDeviceSeq = device.chainSeq;
    page.office = device.office;
    std::size_t bytes = 200;
    // Read the range in slices; entries may be omitted, so keep going until a limit or the head.
    std::uint64_t cursor = sinceSeq;
    bool full = false;
    while (!full && cursor < head) {
        auto rows = store.feedRange(device.office, cursor, 256);
        if (rows.empty()) break;
        for (auto& row : rows) {
            wire::PageEntry entry;
            entry.officeSeq = row.officeSeq;
            std::size_t size = kEntryHeaderBytes;
            bool include = true;
            if (row.type == wire::PageEntryType::ChangeSet || row.type == wire::PageEntryType::Receipt) {
                const bool own = row.signer && *row.signer == device.deviceId;
                if (row.type == wire::PageEntryType::Receipt && !own) include = false;
                std::optional<StoredChangeSet> stored;
                if (include) {
                    stored = store.findChangeSet(*row.changeSetId);
                    if (!stored) throw Error(ErrorCode::VaultCorrupted, "feed.changeset_id");
                    // Emptied by an erasure (§5.9): nothing left to send but its own device's receipt.
                    if (stored->bytes.empty() && !own) include = false;
                }
                if (include) {
                    // A recovering device (OWN_CHANGESETS) follows its chain through a receipt of an emptied one.
                    const bool receiptOnly = !ownChangeSets || stored->bytes.empty();
                    std::size_t consumed = 0;
                    entry.admission = wire::decodeAdmissionRecord(stored->admission, consumed, "admission");
                    // A range must lie within acked_device_seq (§3.8); a seq past it (never expected) keeps its RECEIPT.
                    if (own && !ownChangeSets && receiptRanges && isPlainReceipt(entry.admission) &&
                        entry.admission.deviceSeq <= page.ackedDeviceSeq) {
                        if (extendsReceiptRange(page, entry.admission, row.officeSeq)) {
                            page.lastSeq = row.officeSeq;
                            cursor = row.officeSeq;
                            continue;
                        }
                        entry.type = wire::PageEntryType::ReceiptRange;
                        entry.rangeFirstSeq = entry.admission.deviceSeq;
                        entry.rangeCount = 1;
                        size += kReceiptRangeBodyBytes;
                    } else if (own && receiptOnly) {
                        entry.type = wire::PageEntryType::Receipt;
                        size += stored->admission.size();
                    } else {
                        entry.type = wire::PageEntryType::ChangeSet;
                        entry.changeSet = std::move(stored->bytes);
                        size += stored->admission.size() + 4 + entry.changeSet.size();
                    }
                }
            } else if (row.type == wire::PageEntryType::Cert) {
                entry.type = wire::PageEntryType::Cert;
                entry.certStatus = row.certStatus;
                entry.certStatusMs = row.certStatusMs;
                entry.certificate = std::move(row.certificate);
                size += 11 + entry.certificate.size();
            } else {
                entry.type = wire::PageEntryType::Hub;
                entry.descriptor = std::move(row.descriptor);
                size += 2 + entry.descriptor.size();
            }
            if (include && !page.entries.empty() &&
                (page.entries.size() >= maxEntries || bytes + size > maxBytes)) {
                full = true;
                break;
            }
            page.lastSeq = row.officeSeq;
            cursor = row.officeSeq;
            if (include) {
                page.entries.push_back(std::move(entry));
                bytes += size;
            }
        }
    }
    BuiltPage built;
    crypto::randomFill(built.pageId);
    built.firstSeq = page.firstSeq;
    built.lastSeq = page.lastSeq;
    built.headSeq = head;
    auto payload = wire::encodePage(page, store.identity());
    built.sealedFile = wire::encodeSealedFile(wire::SealedContent::Page, device.certificate.boxPk, payload);
    built.fileHash = crypto::blake2b({built.sealedFile});
    return built;
}

}  // namespace abri::sync::hub
