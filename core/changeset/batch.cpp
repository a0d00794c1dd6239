#include "changeset/batch.h"

#include "changeset/byte_io.h"
#include "changeset/limits.h"

namespace abri::sync {

namespace {
constexpr std::array<std::uint8_t, 4> kMagic = {'A', 'B', 'B', 'T'};
constexpr std::size_t kDeviceOffset = 8;  // of a change-set (§3.2)
constexpr std::size_t kSeqOffset = 24;
}  // namespace

crypto::Bytes encodeBatch(const Batch& batch) {
    if (batch.changeSets.empty() || batch.changeSets.size() > kMaxBatchCount) {
        throw SyncError(SyncCode::BadHeader, "batch");
    }
    crypto::Bytes out;
    ByteWriter w(out);
    w.raw(kMagic);
    w.u8(kFormatVersion);
    w.zeros(3);
    w.raw(batch.deviceId);
    w.u64(batch.firstSeq);
    w.u32(static_cast<std::uint32_t>(batch.changeSets.size()));
    for (const auto& cs : batch.changeSets) {
        w.u32(static_cast<std::uint32_t>(cs.size()));
        w.raw(cs);
    }
    if (out.size() > kMaxBatchPayload) throw SyncError(SyncCode::TooLarge, "batch");
    return out;
}

Batch decodeBatch(std::span<const std::uint8_t> payload, std::string_view subject) {
    if (payload.size() > kMaxBatchPayload) throw SyncError(SyncCode::TooLarge, std::string(subject));
    ByteReader r(payload, subject);
    if (r.fixed<4>() != kMagic) r.fail(SyncCode::BadMagic);
    if (r.u8() != kFormatVersion) r.fail(SyncCode::UnsupportedFormat);
    r.reserved(3);
    Batch batch;
    batch.deviceId = r.fixed<16>();
    batch.firstSeq = r.u64();
    const std::uint32_t count = r.u32();
    if (count == 0 || count > kMaxBatchCount || batch.firstSeq == 0) r.fail(SyncCode::BadHeader);
    batch.changeSets.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::uint32_t length = r.u32();
        const auto cs = r.take(length);
        // Device and sequence sit at fixed offsets: checked here so a mixed batch fails as a whole (§3.11 step 1).
        // A change-set too short to hold them fails on its own decode (truncated).
        if (cs.size() >= kSeqOffset + 8) {
            if (!std::equal(batch.deviceId.begin(), batch.deviceId.end(), cs.begin() + kDeviceOffset) ||
                loadU64(cs, kSeqOffset) != batch.firstSeq + i) {
                r.fail(SyncCode::DeviceMismatch);
            }
        }
        batch.changeSets.emplace_back(cs.begin(), cs.end());
    }
    r.expectEnd();
    return batch;
}

}  // namespace abri::sync
