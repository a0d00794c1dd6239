#pragma once
// Password rules and a strength estimate for the app's feedback. Rules are deliberately simple (length first):
// the Argon2id cost does the rest.
#include <string_view>

namespace abri::vault {

constexpr std::size_t kMinPasswordLength = 10;

enum class PasswordStrength { TooShort, Weak, Fair, Strong, VeryStrong };

PasswordStrength estimatePasswordStrength(std::string_view password);
// Throws Error(WeakPassword, "", rule) when the password may not be used.
void checkPasswordPolicy(std::string_view password);

}  // namespace abri::vault
