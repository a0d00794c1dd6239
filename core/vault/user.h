#pragma once
#include <cstdint>
#include <string>
#include <string_view>

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

namespace abri::vault {

constexpr std::size_t kMaxUsernameBytes = 64;
constexpr std::size_t kMaxDisplayNameBytes = 200;

// Login names: 1-64 bytes of valid UTF-8, no control characters, no leading or trailing space.
// Throws Error(InvalidValue, "user.username", rule).
void checkUsername(std::string_view username);
// Display names: at most 200 bytes of valid UTF-8 without control characters.
// Throws Error(InvalidValue, "user.display_name", rule).
void checkDisplayName(std::string_view displayName);

}  // namespace abri::vault
