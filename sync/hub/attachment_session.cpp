#include "attachment_session.h"

#include <algorithm>

#include "common/decimal.h"
#include "common/error.h"
#include "crypto/primitives.h"
#include "storage/database.h"

namespace abri::sync::hub {

namespace {

constexpr std::string_view kBudgetKey = "attachment_budget_mib_per_day";
constexpr std::uint64_t kMib = 1024 * 1024;
constexpr std::uint64_t kDayMs = 86'400'000;

bool officeMayRead(HubStore& store, const wire::Id16& caseId, const std::string& office) {
    const auto offices = store.caseOffices(caseId);
    return std::find(offices.begin(), offices.end(), office) != offices.end();
}

}  // namespace

std::uint64_t attachmentBudgetMibPerDay(HubStore& store) {
    auto st = store.db().prepare("SELECT value FROM meta WHERE key = ?");
    st.bind(1, kBudgetKey);
    if (!st.step()) return kDefaultAttachmentBudgetMib;
    const auto bytes = st.blob(0);
    const auto mib = parseNonNegativeDecimal(std::string(bytes.begin(), bytes.end()));
    if (!mib || static_cast<std::uint64_t>(*mib) > kMaxAttachmentBudgetMib)
        throw Error(ErrorCode::VaultCorrupted, "meta.attachment_budget_mib_per_day");
    return static_cast<std::uint64_t>(*mib);
}

void setAttachmentBudgetMibPerDay(HubStore& store, std::uint64_t mib) {
    if (mib > kMaxAttachmentBudgetMib) throw Error(ErrorCode::InvalidValue, "attachment_budget_mib_per_day");
    const std::string text = std::to_string(mib);
    store.db()
        .prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")
        .bind(1, kBudgetKey)
        .bindBlob(2, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()))
        .run();
}

AttachmentBudget attachmentBudget(HubStore& store) {
    // Read at each request, so `abri-hub attachment-budget` takes effect on a serving hub.
    return AttachmentBudget{attachmentBudgetMibPerDay(store) * kMib};
}

std::optional<std::uint64_t> budgetRefusal(HubStore& store, const std::string& office, std::uint64_t bytes,
                                           std::uint64_t nowMs) {
    const auto budget = attachmentBudget(store);
    if (budget.bytesPerOfficePerDay == 0) return std::nullopt;
    if (attachmentBytesToday(store, office, nowMs) + bytes <= budget.bytesPerOfficePerDay) return std::nullopt;
    return (kDayMs - nowMs % kDayMs + 999) / 1000;
}

std::uint16_t finishChunkUpload(HubStore& store, const DeviceRecord& device, std::span<const std::uint8_t> file,
                                std::uint64_t nowMs) {
    try {
        acceptChunkUpload(store, device, file, nowMs, attachmentBudget(store));
        return 0;
    } catch (const wire::SyncError& e) {
        return e.wire();
    }
}

const ChunkCache::Entry* ChunkCache::find(const wire::Id16& device, const wire::ChunkWant& want) const {
    const auto it = entries_.find(device);
    if (it == entries_.end() || !(it->second.want == want)) return nullptr;
    if (std::chrono::steady_clock::now() - it->second.builtAt >= kChunkCacheLifetime) return nullptr;
    return &it->second;
}

const ChunkCache::Entry& ChunkCache::put(const wire::Id16& device, const wire::ChunkWant& want, Bytes sealedFile) {
    // Stale entries of devices that never came back go now: at most one chunk (~256 KiB) per recent device.
    const auto now = std::chrono::steady_clock::now();
    std::erase_if(entries_, [&](const auto& e) { return now - e.second.builtAt >= kChunkCacheLifetime; });
    Entry entry{want, std::move(sealedFile), {}, now};
    entry.fileHash = crypto::blake2b({entry.sealedFile});
    return entries_[device] = std::move(entry);
}

ChunkReply answerChunkGet(HubStore& store, const DeviceRecord& device, const ChunkGet& request, ChunkCache& cache,
                          std::uint64_t nowMs) {
    ChunkReply reply;
    // A cached file is served only while the office still has access: a case can leave an office within the hour.
    if (const auto* cached = cache.find(device.deviceId, request.want);
        cached != nullptr && officeMayRead(store, request.want.caseId, device.office)) {
        reply.file = cached;
        reply.fromCache = true;
        if (request.resumeOffset <= cached->sealedFile.size()) reply.start = request.resumeOffset;
        return reply;
    }
    try {
        auto sealed = chunkForDevice(store, device, request.want, nowMs, attachmentBudget(store));
        reply.file = &cache.put(device.deviceId, request.want, std::move(sealed));
    } catch (const wire::SyncError& e) {
        reply.refusal = e;
    }
    return reply;
}

}  // namespace abri::sync::hub
