#pragma once
// Typed errors of the sync protocol (sync/PROTOCOL.md §9). Decoders, the hub, the daemon and the app all report a
// failure as one SyncError: a stable wire code, its snake_case name, and a NON-PERSONAL subject (a file name, an op
// index, a field path, a sequence number, a short fingerprint) — never a value taken from a case.
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

namespace abri::wire {

// Wire values are stable: never renumber, only add.
enum class SyncCode : std::uint16_t {
    // 1xx: frames and sessions
    ProtocolViolation = 100,
    FrameTooLarge = 101,
    UnknownFrame = 102,
    MalformedFrame = 103,
    UnsupportedVersion = 104,
    Timeout = 105,
    Busy = 106,
    ShuttingDown = 107,
    Superseded = 108,
    // 2xx: identity and enrolment
    UnknownDevice = 200,
    Revoked = 201,
    CertExpired = 202,
    KeyMismatch = 203,
    WrongHub = 204,
    DeviceQuarantined = 205,
    TokenInvalid = 210,
    TokenExpired = 211,
    TokenUsed = 212,
    TokenMalformed = 213,
    OfficeMismatch = 214,
    DeviceExists = 215,
    BadProof = 216,
    BadKey = 217,
    // 3xx: files and change-sets
    Truncated = 300,
    BadMagic = 301,
    UnsupportedFormat = 302,
    TooLarge = 303,
    BadHeader = 304,
    BadEncoding = 305,
    BadCompression = 306,
    BadOp = 307,
    BadSignature = 308,
    BadSeal = 309,
    WrongRecipient = 310,
    HashMismatch = 311,
    DeviceMismatch = 312,
    // 4xx: chain and admission
    ChainGap = 400,
    Fork = 401,
    Duplicate = 402,
    UnauthorisedOffice = 403,
    ClockAhead = 404,
    ClockOutOfBounds = 405,
    // 5xx: op exclusions (reasons in admission records)
    ForbiddenCase = 500,
    ForbiddenRole = 501,
    ForeignOffice = 502,
    UnknownEntity = 503,
    EntityExists = 504,
    WrongCase = 505,
    NotEditable = 506,
    AppendOnly = 507,
    UnknownField = 508,
    InvalidValue = 509,
    Erased = 510,
    // 6xx: download and inbox
    OfficeNotAllowed = 600,
    BadSince = 601,
    PageGap = 602,
    WrongDevice = 603,
    BadHubSignature = 604,
    InboxFull = 605,
    ChunkUnavailable = 606,  // §11.4
    BudgetExhausted = 607,   // §11.5
};

// "bad_signature" etc.; "unknown" for a value that is not in §9.
std::string_view syncCodeName(SyncCode code) noexcept;
// Wire value -> code; nullopt for a value that is not in §9 (a peer from a newer version).
std::optional<SyncCode> syncCodeFromWire(std::uint16_t value) noexcept;
std::optional<SyncCode> syncCodeFromName(std::string_view name) noexcept;
constexpr std::uint16_t wireValue(SyncCode code) noexcept { return static_cast<std::uint16_t>(code); }

// Why the hub excluded an op (§6.3): exactly the 5xx codes above, as their own type so that an admission record, the
// merge engine and the journal's excluded_reason column can hold nothing else.
enum class ExclusionReason : std::uint16_t {
    ForbiddenCase = wireValue(SyncCode::ForbiddenCase),
    ForbiddenRole = wireValue(SyncCode::ForbiddenRole),
    ForeignOffice = wireValue(SyncCode::ForeignOffice),
    UnknownEntity = wireValue(SyncCode::UnknownEntity),
    EntityExists = wireValue(SyncCode::EntityExists),
    WrongCase = wireValue(SyncCode::WrongCase),
    NotEditable = wireValue(SyncCode::NotEditable),
    AppendOnly = wireValue(SyncCode::AppendOnly),
    UnknownField = wireValue(SyncCode::UnknownField),
    InvalidValue = wireValue(SyncCode::InvalidValue),
    Erased = wireValue(SyncCode::Erased),
};
constexpr SyncCode toSyncCode(ExclusionReason reason) noexcept {
    switch (reason) {
    case ExclusionReason::ForbiddenCase: return SyncCode::ForbiddenCase;
    case ExclusionReason::ForbiddenRole: return SyncCode::ForbiddenRole;
    case ExclusionReason::ForeignOffice: return SyncCode::ForeignOffice;
    case ExclusionReason::UnknownEntity: return SyncCode::UnknownEntity;
    case ExclusionReason::EntityExists: return SyncCode::EntityExists;
    case ExclusionReason::WrongCase: return SyncCode::WrongCase;
    case ExclusionReason::NotEditable: return SyncCode::NotEditable;
    case ExclusionReason::AppendOnly: return SyncCode::AppendOnly;
    case ExclusionReason::UnknownField: return SyncCode::UnknownField;
    case ExclusionReason::InvalidValue: return SyncCode::InvalidValue;
    case ExclusionReason::Erased: return SyncCode::Erased;
    }
    return SyncCode::InvalidValue;  // unreachable: every enumerator is handled above (-Wswitch)
}
constexpr std::uint16_t wireValue(ExclusionReason reason) noexcept { return wireValue(toSyncCode(reason)); }
// nullopt for a code that is not an exclusion reason.
std::optional<ExclusionReason> exclusionReasonFromCode(SyncCode code) noexcept;
// nullopt for a value that is not one of the exclusion codes (a 5xx code this version does not know included).
std::optional<ExclusionReason> exclusionReasonFromWire(std::uint64_t value) noexcept;

class SyncError : public std::exception {
public:
    // subject: non-personal (file name, "op 3", "op 3.field", a sequence number); ref: the §9 `ref` (a sequence,
    // a time or 0) where the code has one, e.g. the hub's head for chain_gap.
    explicit SyncError(SyncCode code, std::string subject = {}, std::uint64_t ref = 0);

    SyncCode code() const noexcept { return code_; }
    std::uint16_t wire() const noexcept { return wireValue(code_); }
    std::string_view name() const noexcept { return syncCodeName(code_); }
    const std::string& subject() const noexcept { return subject_; }
    std::uint64_t ref() const noexcept { return ref_; }
    // "bad_signature: cs-...abri" (name, then the subject when there is one).
    const char* what() const noexcept override { return message_.c_str(); }

private:
    SyncCode code_;
    std::string subject_;
    std::uint64_t ref_;
    std::string message_;
};

}  // namespace abri::wire
