#include "case_listing.h"

#include <map>
#include <ostream>

#include "common/error.h"
#include "text_table.h"
#include "vault/vault.h"

namespace abri::cli {

namespace {

std::string joinedCodes(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& code : codes) out += (out.empty() ? "" : ",") + code;
    return out;
}

std::map<std::string, std::string> usernamesById(vault::Vault& vault) {
    std::map<std::string, std::string> names;
    try {
        for (const auto& user : vault.users()) names[user.id] = user.username;
    } catch (const Error&) {
        // Not allowed to read the user list: ids stay as they are.
    }
    return names;
}

}  // namespace

nlohmann::json summaryToJson(const cases::CaseSummary& summary) {
    nlohmann::json out = {{"id", summary.id},
                          {"case_code", summary.caseCode},
                          {"office", summary.office},
                          {"caseworker", summary.caseworker},
                          {"status", summary.status},
                          {"registered_on", summary.registeredOn},
                          {"screening_outcome", summary.screeningOutcome},
                          {"gender", summary.gender},
                          {"minor", summary.minor},
                          {"exploitation_types", summary.exploitationTypes},
                          {"updated_ms", summary.updatedMs}};
    out["international"] = summary.international ? nlohmann::json(*summary.international) : nlohmann::json();
    return out;
}

void printCaseList(vault::Vault& vault, const std::vector<cases::CaseSummary>& page, std::int64_t total,
                   const cases::CaseQuery& query, bool json, Io& io) {
    if (json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& summary : page) list.push_back(summaryToJson(summary));
        io.out << jsonText({{"total", total}, {"offset", query.offset}, {"limit", query.limit}, {"cases", list}})
               << "\n";
        return;
    }
    const auto names = usernamesById(vault);
    TextTable table({"CASE", "REGISTERED", "STATUS", "OFFICE", "EXPLOITATION", "MINOR", "SCREENING", "CASEWORKER"});
    for (const auto& s : page) {
        auto name = names.find(s.caseworker);
        table.addRow({s.caseCode, s.registeredOn, s.status, s.office, joinedCodes(s.exploitationTypes),
                      s.minor ? "yes" : "no", s.screeningOutcome, name != names.end() ? name->second : s.caseworker});
    }
    if (table.rowCount() > 0) io.out << table.render();
    if (page.empty()) {
        io.out << (total == 0 ? "No cases match.\n" : "No cases on this page.\n");
    } else {
        io.out << "Cases " << query.offset + 1 << "-" << query.offset + static_cast<std::int64_t>(page.size())
               << " of " << total << ".\n";
    }
}

}  // namespace abri::cli
