#pragma once
// Duplicate review at the hub (`abri-hub duplicates`): the matcher (core/duplicates) over every merged live case the
// hub holds, listed as case codes, offices, a score and which fields agree; never a name, a date or a number. An
// operator who has checked that two cases are different people dismisses the pair, and it is not listed again
// (hub schema 3: dismissed_duplicates, by case id). Flags and merges are hub change-sets: duplicate_merge.h.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "duplicates/matcher.h"
#include "hub_store.h"
#include "storage/database.h"

namespace abri::sync::hub {

// Schema step 3, inside the migration's transaction: the random key identity document numbers are hashed with.
void createDuplicatesKey(storage::Database& db);

struct HubDuplicate {
    std::string caseA;  // case ids (hex)
    std::string caseB;
    std::string codeA;  // case codes, the lesser first
    std::string codeB;
    std::string officeA;
    std::string officeB;
    double score = 0;
    unsigned reasons = 0;  // duplicates::Reason bits
};

struct DuplicateListing {
    std::vector<HubDuplicate> candidates;  // the matcher's order (descending score), dismissed pairs left out
    std::size_t cases = 0;                 // live cases compared
    std::size_t dismissedHidden = 0;       // candidates left out because they were dismissed
    std::uint64_t comparisons = 0;         // pairs the matcher scored (never all pairs)
};

DuplicateListing listDuplicates(HubStore& store);

// Why a dismissal was refused; nothing was written.
enum class DismissRefusal {
    SameCase,          // both codes name one case
    UnknownCase,       // no live case has the code (subject: the code)
    AmbiguousCode,     // two live cases have the code (offices chose the same one; subject: the code)
    AlreadyDismissed,
};
std::string_view dismissRefusalName(DismissRefusal refusal) noexcept;  // "same_case", "unknown_case", ...

class DismissRefused : public std::exception {
public:
    DismissRefused(DismissRefusal refusal, std::string subject);
    DismissRefusal refusal() const noexcept { return refusal_; }
    const std::string& subject() const noexcept { return subject_; }
    const char* what() const noexcept override { return message_.c_str(); }

private:
    DismissRefusal refusal_;
    std::string subject_;
    std::string message_;
};

struct Dismissal {
    std::string caseA;  // ids (hex), the lesser first
    std::string caseB;
};
// Records that the cases with these codes are not the same person. Throws DismissRefused.
Dismissal dismissDuplicate(HubStore& store, const std::string& codeA, const std::string& codeB, std::uint64_t nowMs);

}  // namespace abri::sync::hub
