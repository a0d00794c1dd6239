#pragma once
// Admission record (sync/PROTOCOL.md §3.8): written once by the hub when it admits a change-set; never changes.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "wire/sync_error.h"
#include "wire/wire_types.h"
#include "crypto/primitives.h"

namespace abri::wire {

struct ExcludedOp {
    std::uint16_t opIndex = 0;
    ExclusionReason reason = ExclusionReason::InvalidValue;
    friend bool operator==(const ExcludedOp&, const ExcludedOp&) = default;
};

struct AdmissionRecord {
    Hash32 changeSetId{};
    Id16 deviceId{};
    std::uint64_t deviceSeq = 0;
    Id16 caseId{};
    std::uint64_t hubSeq = 0;
    std::uint64_t admittedMs = 0;
    std::uint64_t clampCeiling = 0;  // 0 = not clamped (§5.1)
    std::uint64_t clampFloor = 0;
    std::vector<ExcludedOp> excluded;  // ascending op index
    friend bool operator==(const AdmissionRecord&, const AdmissionRecord&) = default;
};

constexpr std::size_t kAdmissionFixedBytes = 106;
std::size_t admissionRecordSize(const AdmissionRecord& record);  // 106 + 4n
void appendAdmissionRecord(crypto::Bytes& out, const AdmissionRecord& record);
crypto::Bytes encodeAdmissionRecord(const AdmissionRecord& record);
// Reads one record at the start of `bytes`; `consumed` receives its size. truncated; bad_header (exclusions not
// ascending, a reason outside 500-510).
AdmissionRecord decodeAdmissionRecord(std::span<const std::uint8_t> bytes, std::size_t& consumed,
                                      std::string_view subject);

}  // namespace abri::wire
