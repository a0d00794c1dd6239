#include <catch2/catch.hpp>

#include "vault/roles.h"

using namespace abri::vault;

TEST_CASE("role codes round-trip and unknown codes are refused", "[vault][roles]") {
    for (Role r : {Role::Caseworker, Role::Supervisor, Role::Administrator}) CHECK(roleFromCode(roleCode(r)) == r);
    CHECK(roleCode(Role::Supervisor) == "supervisor");
    CHECK_FALSE(roleFromCode("Administrator").has_value());
    CHECK_FALSE(roleFromCode("").has_value());
    CHECK(permissionCode(Permission::ManageUsers) == "manage_users");
}

TEST_CASE("each role has exactly its permissions", "[vault][roles]") {
    using P = Permission;
    struct Row {
        P p;
        bool caseworker, supervisor, administrator;
    };
    const Row table[] = {
        {P::ViewCases, true, true, true},          {P::EditCases, true, true, false},
        {P::RevealSensitive, true, true, false},   {P::DeleteCases, false, true, true},
        {P::ResolveConflicts, false, true, false}, {P::ManageUsers, false, false, true},
        {P::ExportData, true, true, true},         {P::ViewAudit, false, true, true},
    };
    for (const auto& row : table) {
        INFO(permissionCode(row.p));
        CHECK(roleAllows(Role::Caseworker, row.p) == row.caseworker);
        CHECK(roleAllows(Role::Supervisor, row.p) == row.supervisor);
        CHECK(roleAllows(Role::Administrator, row.p) == row.administrator);
    }
}
