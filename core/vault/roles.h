#pragma once
// Users' roles and what each may do. The single place that answers "may this role do X?".
#include <optional>
#include <string>
#include <string_view>

namespace abri::vault {

enum class Role { Caseworker, Supervisor, Administrator };

std::string_view roleCode(Role role);  // "caseworker", "supervisor", "administrator"
std::optional<Role> roleFromCode(std::string_view code);

enum class Permission {
    ViewCases,          // list, open, search cases (sensitive fields stay masked)
    EditCases,          // create cases, edit fields, add items
    RevealSensitive,    // reveal names, contacts, identity documents, note texts (audited)
    DeleteCases,        // tombstone a case or an item
    ResolveConflicts,   // pick the value to keep after a concurrent edit
    ManageUsers,        // add/disable users, reset passwords, new recovery key
    ExportData,         // export reports and bundles (audited)
    ViewAudit,          // read and verify the audit log
    ViewStatistics,     // run reports: protected aggregates only (core/reports)
    ViewInternalStatistics,  // reports broken down by office or caseworker (internal, not for publication)
    ConfigureStatistics,     // the vault's minimum cell size for reports
    ExportResearchData,      // the anonymised record-level export for researchers (audited)
    EraseCases,              // carry out a person's request to erase their case on every copy (audited)
    ConfigureRetention,      // how long closed cases are kept before they are purged
};

// Stable machine name, e.g. "manage_users" (the subject of Error(PermissionDenied)).
std::string_view permissionCode(Permission permission);

// Administrators run the vault but do not see people's identities: separation of duties.
bool roleAllows(Role role, Permission permission);

}  // namespace abri::vault
