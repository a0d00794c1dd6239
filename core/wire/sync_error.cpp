#include "wire/sync_error.h"

#include <array>
#include <utility>

namespace abri::wire {

namespace {
struct CodeName {
    SyncCode code;
    std::string_view name;
};
constexpr std::array kNames = {
    CodeName{SyncCode::ProtocolViolation, "protocol_violation"},
    CodeName{SyncCode::FrameTooLarge, "frame_too_large"},
    CodeName{SyncCode::UnknownFrame, "unknown_frame"},
    CodeName{SyncCode::MalformedFrame, "malformed_frame"},
    CodeName{SyncCode::UnsupportedVersion, "unsupported_version"},
    CodeName{SyncCode::Timeout, "timeout"},
    CodeName{SyncCode::Busy, "busy"},
    CodeName{SyncCode::ShuttingDown, "shutting_down"},
    CodeName{SyncCode::Superseded, "superseded"},
    CodeName{SyncCode::UnknownDevice, "unknown_device"},
    CodeName{SyncCode::Revoked, "revoked"},
    CodeName{SyncCode::CertExpired, "cert_expired"},
    CodeName{SyncCode::KeyMismatch, "key_mismatch"},
    CodeName{SyncCode::WrongHub, "wrong_hub"},
    CodeName{SyncCode::DeviceQuarantined, "device_quarantined"},
    CodeName{SyncCode::TokenInvalid, "token_invalid"},
    CodeName{SyncCode::TokenExpired, "token_expired"},
    CodeName{SyncCode::TokenUsed, "token_used"},
    CodeName{SyncCode::TokenMalformed, "token_malformed"},
    CodeName{SyncCode::OfficeMismatch, "office_mismatch"},
    CodeName{SyncCode::DeviceExists, "device_exists"},
    CodeName{SyncCode::BadProof, "bad_proof"},
    CodeName{SyncCode::BadKey, "bad_key"},
    CodeName{SyncCode::Truncated, "truncated"},
    CodeName{SyncCode::BadMagic, "bad_magic"},
    CodeName{SyncCode::UnsupportedFormat, "unsupported_format"},
    CodeName{SyncCode::TooLarge, "too_large"},
    CodeName{SyncCode::BadHeader, "bad_header"},
    CodeName{SyncCode::BadEncoding, "bad_encoding"},
    CodeName{SyncCode::BadCompression, "bad_compression"},
    CodeName{SyncCode::BadOp, "bad_op"},
    CodeName{SyncCode::BadSignature, "bad_signature"},
    CodeName{SyncCode::BadSeal, "bad_seal"},
    CodeName{SyncCode::WrongRecipient, "wrong_recipient"},
    CodeName{SyncCode::HashMismatch, "hash_mismatch"},
    CodeName{SyncCode::DeviceMismatch, "device_mismatch"},
    CodeName{SyncCode::ChainGap, "chain_gap"},
    CodeName{SyncCode::Fork, "fork"},
    CodeName{SyncCode::Duplicate, "duplicate"},
    CodeName{SyncCode::UnauthorisedOffice, "unauthorised_office"},
    CodeName{SyncCode::ClockAhead, "clock_ahead"},
    CodeName{SyncCode::ClockOutOfBounds, "clock_out_of_bounds"},
    CodeName{SyncCode::ForbiddenCase, "forbidden_case"},
    CodeName{SyncCode::ForbiddenRole, "forbidden_role"},
    CodeName{SyncCode::ForeignOffice, "foreign_office"},
    CodeName{SyncCode::UnknownEntity, "unknown_entity"},
    CodeName{SyncCode::EntityExists, "entity_exists"},
    CodeName{SyncCode::WrongCase, "wrong_case"},
    CodeName{SyncCode::NotEditable, "not_editable"},
    CodeName{SyncCode::AppendOnly, "append_only"},
    CodeName{SyncCode::UnknownField, "unknown_field"},
    CodeName{SyncCode::InvalidValue, "invalid_value"},
    CodeName{SyncCode::Erased, "erased"},
    CodeName{SyncCode::OfficeNotAllowed, "office_not_allowed"},
    CodeName{SyncCode::BadSince, "bad_since"},
    CodeName{SyncCode::PageGap, "page_gap"},
    CodeName{SyncCode::WrongDevice, "wrong_device"},
    CodeName{SyncCode::BadHubSignature, "bad_hub_signature"},
    CodeName{SyncCode::InboxFull, "inbox_full"},
    CodeName{SyncCode::ChunkUnavailable, "chunk_unavailable"},
    CodeName{SyncCode::BudgetExhausted, "budget_exhausted"},
};
}  // namespace

std::string_view syncCodeName(SyncCode code) noexcept {
    for (const auto& entry : kNames) {
        if (entry.code == code) return entry.name;
    }
    return "unknown";
}

std::optional<SyncCode> syncCodeFromWire(std::uint16_t value) noexcept {
    for (const auto& entry : kNames) {
        if (wireValue(entry.code) == value) return entry.code;
    }
    return std::nullopt;
}

std::optional<SyncCode> syncCodeFromName(std::string_view name) noexcept {
    for (const auto& entry : kNames) {
        if (entry.name == name) return entry.code;
    }
    return std::nullopt;
}

std::optional<ExclusionReason> exclusionReasonFromCode(SyncCode code) noexcept {
    for (const ExclusionReason reason :
         {ExclusionReason::ForbiddenCase, ExclusionReason::ForbiddenRole, ExclusionReason::ForeignOffice,
          ExclusionReason::UnknownEntity, ExclusionReason::EntityExists, ExclusionReason::WrongCase,
          ExclusionReason::NotEditable, ExclusionReason::AppendOnly, ExclusionReason::UnknownField,
          ExclusionReason::InvalidValue, ExclusionReason::Erased}) {
        if (toSyncCode(reason) == code) return reason;
    }
    return std::nullopt;
}

std::optional<ExclusionReason> exclusionReasonFromWire(std::uint64_t value) noexcept {
    if (value > 0xffff) return std::nullopt;
    const auto code = syncCodeFromWire(static_cast<std::uint16_t>(value));
    return code ? exclusionReasonFromCode(*code) : std::nullopt;
}

SyncError::SyncError(SyncCode code, std::string subject, std::uint64_t ref)
    : code_(code), subject_(std::move(subject)), ref_(ref) {
    message_ = std::string(syncCodeName(code_));
    if (!subject_.empty()) message_ += ": " + subject_;
}

}  // namespace abri::wire
