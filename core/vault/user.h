#pragma once
#include <cstdint>
#include <string>

#include "vault/roles.h"

namespace abri::vault {

struct User {
    std::string id;           // 32 hex characters, stable
    std::string username;     // login name, shown on the unlock screen
    std::string displayName;
    Role role = Role::Caseworker;
    bool active = true;
    std::int64_t createdMs = 0;
};

}  // namespace abri::vault
