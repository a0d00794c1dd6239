#include "vault/roles.h"

namespace abri::vault {

std::string_view roleCode(Role role) {
    switch (role) {
    case Role::Caseworker: return "caseworker";
    case Role::Supervisor: return "supervisor";
    case Role::Administrator: return "administrator";
    }
    return "caseworker";
}

std::optional<Role> roleFromCode(std::string_view code) {
    if (code == "caseworker") return Role::Caseworker;
    if (code == "supervisor") return Role::Supervisor;
    if (code == "administrator") return Role::Administrator;
    return std::nullopt;
}

std::string_view permissionCode(Permission permission) {
    switch (permission) {
    case Permission::ViewCases: return "view_cases";
    case Permission::EditCases: return "edit_cases";
    case Permission::RevealSensitive: return "reveal_sensitive";
    case Permission::DeleteCases: return "delete_cases";
    case Permission::ResolveConflicts: return "resolve_conflicts";
    case Permission::ManageUsers: return "manage_users";
    case Permission::ExportData: return "export_data";
    case Permission::ViewAudit: return "view_audit";
    case Permission::ViewStatistics: return "view_statistics";
    case Permission::ViewInternalStatistics: return "view_internal_statistics";
    case Permission::ConfigureStatistics: return "configure_statistics";
    case Permission::ExportResearchData: return "export_research_data";
    case Permission::EraseCases: return "erase_cases";
    case Permission::ConfigureRetention: return "configure_retention";
    }
    return "unknown";
}

bool roleAllows(Role role, Permission permission) {
    switch (role) {
    case Role::Caseworker:
        // Caseworkers do the casework, including seeing who the person is; they do not delete or audit.
        return permission == Permission::ViewCases || permission == Permission::EditCases ||
               permission == Permission::RevealSensitive || permission == Permission::ExportData ||
               permission == Permission::ViewStatistics;
    case Role::Supervisor:
        // Supervisors are caseworkers who also tidy up (deletes, conflicts), check the audit trail and carry out a
        // person's request for erasure (they know the case; an administrator does not see who it is about).
        return permission == Permission::ViewCases || permission == Permission::EditCases ||
               permission == Permission::RevealSensitive || permission == Permission::ExportData ||
               permission == Permission::DeleteCases || permission == Permission::ResolveConflicts ||
               permission == Permission::ViewAudit || permission == Permission::ViewStatistics ||
               permission == Permission::ViewInternalStatistics || permission == Permission::ConfigureStatistics ||
               permission == Permission::ExportResearchData || permission == Permission::EraseCases;
    case Role::Administrator:
        // Separation of duties: whoever manages accounts (and so could hand themselves access) must not also see
        // identities or change the record. Administrators see masked cases, manage users, read the audit log,
        // export (audited) and delete (tombstones, audited), but never reveal sensitive fields nor edit cases.
        // Statistics: protected aggregates and settings, never record-level data. Retention is a vault policy.
        return permission == Permission::ViewCases || permission == Permission::ManageUsers ||
               permission == Permission::ViewAudit || permission == Permission::ExportData ||
               permission == Permission::DeleteCases || permission == Permission::ViewStatistics ||
               permission == Permission::ViewInternalStatistics || permission == Permission::ConfigureStatistics ||
               permission == Permission::ConfigureRetention;
    }
    return false;
}

}  // namespace abri::vault
