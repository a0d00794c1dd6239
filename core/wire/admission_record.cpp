#include "wire/admission_record.h"

#include "common/byte_io.h"
#include "wire/wire_reader.h"

namespace abri::wire {

std::size_t admissionRecordSize(const AdmissionRecord& record) {
    return kAdmissionFixedBytes + 4 * record.excluded.size();
}

void appendAdmissionRecord(crypto::Bytes& out, const AdmissionRecord& record) {
    if (record.excluded.size() > 0xffff) throw SyncError(SyncCode::BadHeader, "admission record");
    ByteWriter w(out);
    w.raw(record.changeSetId);
    w.raw(record.deviceId);
    w.u64(record.deviceSeq);
    w.raw(record.caseId);
    w.u64(record.hubSeq);
    w.u64(record.admittedMs);
    w.u64(record.clampCeiling);
    w.u64(record.clampFloor);
    w.u16(static_cast<std::uint16_t>(record.excluded.size()));
    for (const auto& e : record.excluded) {
        w.u16(e.opIndex);
        w.u16(wireValue(e.reason));
    }
}

crypto::Bytes encodeAdmissionRecord(const AdmissionRecord& record) {
    crypto::Bytes out;
    appendAdmissionRecord(out, record);
    return out;
}

AdmissionRecord decodeAdmissionRecord(std::span<const std::uint8_t> bytes, std::size_t& consumed,
                                      std::string_view subject) {
    auto r = wireReader(bytes, subject);
    AdmissionRecord a;
    a.changeSetId = r.fixed<32>();
    a.deviceId = r.fixed<16>();
    a.deviceSeq = r.u64();
    a.caseId = r.fixed<16>();
    a.hubSeq = r.u64();
    a.admittedMs = r.u64();
    a.clampCeiling = r.u64();
    a.clampFloor = r.u64();
    const std::uint16_t n = r.u16();
    a.excluded.reserve(n);
    for (std::uint16_t i = 0; i < n; ++i) {
        ExcludedOp e;
        e.opIndex = r.u16();
        const auto reason = exclusionReasonFromWire(r.u16());
        if (!reason) fail(r, SyncCode::BadHeader);
        if (!a.excluded.empty() && e.opIndex <= a.excluded.back().opIndex) fail(r, SyncCode::BadHeader);
        e.reason = *reason;
        a.excluded.push_back(e);
    }
    consumed = r.offset();
    return a;
}

}  // namespace abri::wire
