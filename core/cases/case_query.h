#pragma once
// What the case list asks for: filters, sort order and a page. Used by the CLI and the app's paging model.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace abri::cases {

struct CaseFilter {
    std::optional<std::string> status;
    std::optional<std::string> office;
    std::optional<std::string> exploitationType;
    std::optional<std::string> caseworker;     // user id
    std::optional<bool> minor;
    std::optional<std::string> registeredFrom;  // inclusive, YYYY-MM-DD
    std::optional<std::string> registeredTo;    // inclusive
    std::string text;                           // full-text search (case code, names, aliases, notes); empty = none
};

enum class SortKey { RegisteredOn, CaseCode, Status, Office, UpdatedAt };

struct CaseQuery {
    CaseFilter filter;
    SortKey sort = SortKey::RegisteredOn;
    bool descending = true;
    std::int64_t offset = 0;
    int limit = 50;
};

// One row of the case list. No sensitive field appears here.
struct CaseSummary {
    std::string id;
    std::string caseCode;
    std::string office;
    std::string caseworker;    // user id (empty if unassigned)
    std::string status;
    std::string registeredOn;
    std::string screeningOutcome;
    std::string gender;
    bool minor = false;
    std::optional<bool> international;
    std::vector<std::string> exploitationTypes;
    std::int64_t updatedMs = 0;
};

}  // namespace abri::cases
