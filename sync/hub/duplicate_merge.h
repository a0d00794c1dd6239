#pragma once
// The operator's decisions on a duplicate pair that reach the offices (sync/PROTOCOL.md §6.4): flagging two cases
// as possibly one person, and merging them (A survives, B is retired: closed as `duplicate_case`, pointing to A).
// Both are hub change-sets (hub_device.h) admitted in one transaction; a refusal writes nothing.
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

#include "hub_store.h"

namespace abri::sync::hub {

enum class MergeRefusal {
    SameCase,       // both codes name one case
    UnknownCase,    // no non-deleted case has the code (subject: the code)
    AmbiguousCode,  // two have it (subject: the code)
    AlreadyMerged,  // the case is retired by an earlier merge (subject: the code)
    AlreadyFlagged, // flag: each case already lists the other
};
std::string_view mergeRefusalName(MergeRefusal refusal) noexcept;  // "same_case", ..., "already_merged"

class MergeRefused : public std::exception {
public:
    MergeRefused(MergeRefusal refusal, std::string subject);
    MergeRefusal refusal() const noexcept { return refusal_; }
    const std::string& subject() const noexcept { return subject_; }
    const char* what() const noexcept override { return message_.c_str(); }

private:
    MergeRefusal refusal_;
    std::string subject_;
    std::string message_;
};

struct DuplicateDecision {
    std::string caseA;  // ids (hex): A as named first (the surviving case of a merge)
    std::string caseB;
    std::size_t changeSets = 0;  // hub change-sets admitted
};

// `possible_duplicate_of` of each case gains the other's code. Throws MergeRefused.
DuplicateDecision flagDuplicate(HubStore& store, const std::string& codeA, const std::string& codeB,
                                std::uint64_t nowMs);
// B is retired as a duplicate of A; A lists B in `same_person_as`; a dismissal of the pair is removed.
// Throws MergeRefused.
DuplicateDecision mergeDuplicate(HubStore& store, const std::string& codeA, const std::string& codeB,
                                 std::uint64_t nowMs);
// For a dismissal (duplicate_review.h), inside its transaction: removes each case's code from the other's
// `possible_duplicate_of` where it is listed. Returns the change-sets admitted (0 when neither was flagged).
std::size_t clearDuplicateFlags(HubStore& store, const std::string& caseA, const std::string& caseB,
                                std::uint64_t nowMs);

}  // namespace abri::sync::hub
