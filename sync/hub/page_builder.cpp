#include "page_builder.h"

#include <algorithm>

#include "changeset/admission_record.h"
#include "changeset/limits.h"
#include "changeset/sealed_file.h"
#include "common/error.h"

namespace abri::sync::hub {

std::optional<BuiltPage> buildPage(HubStore& store, const DeviceRecord& device, std::uint64_t sinceSeq,
                                   std::size_t maxEntries, std::size_t maxBytes, std::uint64_t hubNowMs,
                                   bool ownChangeSets) {
    const auto head = store.feedHead(device.office);
    if (sinceSeq > head) throw SyncError(SyncCode::BadSince, "since_seq", head);
    if (sinceSeq == head) return std::nullopt;
    maxEntries = std::clamp<std::size_t>(maxEntries, 1, kMaxPageEntries);
    maxBytes = std::clamp<std::size_t>(maxBytes, 1024, kMaxPagePayload - 4096);

    Page page;
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
            PageEntry entry;
            entry.officeSeq = row.officeSeq;
            std::size_t size = 13;
            bool include = true;
            if (row.type == PageEntryType::ChangeSet || row.type == PageEntryType::Receipt) {
                const bool own = row.signer && *row.signer == device.deviceId;
                if (row.type == PageEntryType::Receipt && !own) include = false;
                if (include) {
                    auto stored = store.findChangeSet(*row.changeSetId);
                    if (!stored) throw Error(ErrorCode::VaultCorrupted, "feed.changeset_id");
                    std::size_t consumed = 0;
                    entry.admission = decodeAdmissionRecord(stored->admission, consumed, "admission");
                    if (own && !ownChangeSets) {
                        entry.type = PageEntryType::Receipt;
                    } else {
                        entry.type = PageEntryType::ChangeSet;
                        entry.changeSet = std::move(stored->bytes);
                    }
                    size += stored->admission.size() + 4 + entry.changeSet.size();
                }
            } else if (row.type == PageEntryType::Cert) {
                entry.type = PageEntryType::Cert;
                entry.certStatus = row.certStatus;
                entry.certStatusMs = row.certStatusMs;
                entry.certificate = std::move(row.certificate);
                size += 11 + entry.certificate.size();
            } else {
                entry.type = PageEntryType::Hub;
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
    auto payload = encodePage(page, store.identity());
    built.sealedFile = encodeSealedFile(SealedContent::Page, device.certificate.boxPk, payload);
    built.fileHash = crypto::blake2b({built.sealedFile});
    return built;
}

}  // namespace abri::sync::hub
