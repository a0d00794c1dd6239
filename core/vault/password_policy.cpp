#include "vault/password_policy.h"

#include <cmath>
#include <cstdint>
#include <string>

#include "common/error.h"

namespace abri::vault {

namespace {

// Length is counted in characters (UTF-8 code points), not bytes: "é" is one character for the person typing it.
std::size_t countCodePoints(std::string_view text) {
    std::size_t n = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;  // skip continuation bytes
    }
    return n;
}

}  // namespace

PasswordStrength estimatePasswordStrength(std::string_view password) {
    const std::size_t length = countCodePoints(password);
    if (length < kMinPasswordLength) return PasswordStrength::TooShort;

    // A rough "length x log2(alphabet)" estimate: enough to nudge people towards long passphrases.
    bool lower = false, upper = false, digit = false, symbol = false, nonAscii = false;
    for (char c : password) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 'a' && u <= 'z') lower = true;
        else if (u >= 'A' && u <= 'Z') upper = true;
        else if (u >= '0' && u <= '9') digit = true;
        else if (u < 0x80) symbol = true;
        else nonAscii = true;
    }
    double alphabet = 0;
    if (lower) alphabet += 26;
    if (upper) alphabet += 26;
    if (digit) alphabet += 10;
    if (symbol) alphabet += 33;
    if (nonAscii) alphabet += 100;

    // Repetition ("aaaaaaaaaaaa", "abababababab") adds little: cap the counted length by the variety used.
    std::uint64_t seen[4] = {0, 0, 0, 0};
    std::size_t distinctBytes = 0;
    for (char c : password) {
        const auto u = static_cast<unsigned char>(c);
        const std::uint64_t bit = std::uint64_t{1} << (u % 64);
        if ((seen[u / 64] & bit) == 0) {
            seen[u / 64] |= bit;
            ++distinctBytes;
        }
    }
    const std::size_t counted = std::min(length, distinctBytes * 3);
    const double bits = static_cast<double>(counted) * std::log2(std::max(alphabet, 2.0));

    if (bits < 50) return PasswordStrength::Weak;
    if (bits < 70) return PasswordStrength::Fair;
    if (bits < 100) return PasswordStrength::Strong;
    return PasswordStrength::VeryStrong;
}

void checkPasswordPolicy(std::string_view password) {
    if (countCodePoints(password) < kMinPasswordLength) {
        throw Error(ErrorCode::WeakPassword, "", "min_length_" + std::to_string(kMinPasswordLength));
    }
}

}  // namespace abri::vault
