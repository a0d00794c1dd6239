#include "wire/batch.h"

#include <algorithm>

#include "common/byte_io.h"
#include "wire/compression.h"
#include "wire/limits.h"
#include "wire/wire_reader.h"

namespace abri::wire {

namespace {
constexpr std::array<std::uint8_t, 4> kMagic = {'A', 'B', 'B', 'T'};
constexpr std::uint8_t kFlagZstd = 0x01;
constexpr std::size_t kHeaderBytes = 44;
// Of a change-set (§3.2).
constexpr std::size_t kDeviceOffset = 8;
constexpr std::size_t kSeqOffset = 24;
constexpr std::size_t kPrevHashOffset = 32;
constexpr std::size_t kSignatureBytes = 64;
constexpr std::size_t kStrongCompressionMaxBytes = 256 * 1024;
constexpr int kZstdMaxLevel = 19;

// id = H(S), S = the change-set without its signature. Only called on change-sets long enough to have one.
Hash32 idOf(std::span<const std::uint8_t> changeSet) {
    return crypto::blake2b({changeSet.first(changeSet.size() - kSignatureBytes)});
}

bool holdsPrevHash(std::span<const std::uint8_t> changeSet) {
    return changeSet.size() >= kPrevHashOffset + 32 + kSignatureBytes;
}
}  // namespace

crypto::Bytes encodeBatch(const Batch& batch) {
    if (batch.changeSets.empty() || batch.changeSets.size() > kMaxBatchCount) {
        throw SyncError(SyncCode::BadHeader, "batch");
    }
    // Records: each change-set after the first leaves out its prev_hash when it is the previous one's id, which
    // the decoder recomputes anyway; 32 random bytes per change-set are most of what compression cannot remove.
    crypto::Bytes records;
    ByteWriter rw(records);
    for (std::size_t i = 0; i < batch.changeSets.size(); ++i) {
        const auto& cs = batch.changeSets[i];
        rw.u32(static_cast<std::uint32_t>(cs.size()));
        const std::size_t at = records.size();
        rw.raw(cs);
        if (i > 0 && holdsPrevHash(cs) && holdsPrevHash(batch.changeSets[i - 1])) {
            const auto previous = idOf(batch.changeSets[i - 1]);
            if (std::equal(previous.begin(), previous.end(), cs.begin() + kPrevHashOffset)) {
                std::fill_n(records.begin() + static_cast<std::ptrdiff_t>(at + kPrevHashOffset), 32, std::uint8_t{0});
            }
        }
    }
    if (kHeaderBytes + records.size() > kMaxBatchPayload) throw SyncError(SyncCode::TooLarge, "batch");
    // A day's batch is small and goes over a 2G link: the strongest level costs a few ms there. Large batches (a
    // first upload of thousands of cases) keep the default, whose speed matters more.
    const auto compressed = compressBody(records, records.size() <= kStrongCompressionMaxBytes ? kZstdMaxLevel : kZstdLevel);
    crypto::Bytes out;
    ByteWriter w(out);
    w.raw(kMagic);
    w.u8(kFormatVersion);
    w.u8(compressed ? kFlagZstd : 0);
    w.zeros(2);
    w.raw(batch.deviceId);
    w.u64(batch.firstSeq);
    w.u32(static_cast<std::uint32_t>(batch.changeSets.size()));
    w.u32(static_cast<std::uint32_t>(records.size()));
    w.u32(static_cast<std::uint32_t>(compressed ? compressed->size() : records.size()));
    w.raw(compressed ? *compressed : records);
    return out;
}

Batch decodeBatch(std::span<const std::uint8_t> payload, std::string_view subject) {
    if (payload.size() > kMaxBatchPayload) throw SyncError(SyncCode::TooLarge, std::string(subject));
    auto r = wireReader(payload, subject);
    if (r.fixed<4>() != kMagic) fail(r, SyncCode::BadMagic);
    if (r.u8() != kFormatVersion) fail(r, SyncCode::UnsupportedFormat);
    const std::uint8_t flags = r.u8();
    if ((flags & ~kFlagZstd) != 0) fail(r, SyncCode::BadHeader);
    r.reserved(2);
    Batch batch;
    batch.deviceId = r.fixed<16>();
    batch.firstSeq = r.u64();
    const std::uint32_t count = r.u32();
    if (count == 0 || count > kMaxBatchCount || batch.firstSeq == 0) fail(r, SyncCode::BadHeader);
    const std::uint32_t rawLength = r.u32();
    const std::uint32_t length = r.u32();
    if (kHeaderBytes + std::size_t{rawLength} > kMaxBatchPayload) fail(r, SyncCode::TooLarge);
    if ((flags & kFlagZstd) == 0 && rawLength != length) fail(r, SyncCode::BadHeader);
    const auto stored = r.take(length);
    r.expectEnd();
    crypto::Bytes inflated;
    std::span<const std::uint8_t> records = stored;
    if ((flags & kFlagZstd) != 0) {
        inflated = decompressBody(stored, rawLength, subject);
        records = inflated;
    }

    auto rr = wireReader(records, subject);
    batch.changeSets.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::uint32_t csLength = rr.u32();
        const auto cs = rr.take(csLength);
        // Device and sequence sit at fixed offsets: checked here so a mixed batch fails as a whole (§3.11 step 1).
        // A change-set too short to hold them fails on its own decode (truncated).
        if (cs.size() >= kSeqOffset + 8) {
            if (!std::equal(batch.deviceId.begin(), batch.deviceId.end(), cs.begin() + kDeviceOffset) ||
                loadU64(cs, kSeqOffset) != batch.firstSeq + i) {
                fail(rr, SyncCode::DeviceMismatch);
            }
        }
        crypto::Bytes restored(cs.begin(), cs.end());
        // A left-out prev_hash (32 zero bytes after the first change-set, never valid there) is the previous id.
        if (i > 0 && holdsPrevHash(restored) && holdsPrevHash(batch.changeSets.back())) {
            const auto field = std::span<const std::uint8_t>(restored).subspan(kPrevHashOffset, 32);
            if (std::all_of(field.begin(), field.end(), [](std::uint8_t b) { return b == 0; })) {
                const auto previous = idOf(batch.changeSets.back());
                std::copy(previous.begin(), previous.end(), restored.begin() + kPrevHashOffset);
            }
        }
        batch.changeSets.push_back(std::move(restored));
    }
    rr.expectEnd();
    return batch;
}

}  // namespace abri::wire
