#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "vault/recovery_key.h"

using namespace abri;
using namespace abri::vault;

namespace {
std::string text(const crypto::SecureBuffer& b) { return std::string(b.view()); }
}  // namespace

TEST_CASE("a recovery key prints as 11 groups of 5 and parses back", "[vault][recovery]") {
    auto raw = generateRecoveryKey();
    REQUIRE(raw.size() == kRecoveryKeyBytes);
    const auto printed = text(formatRecoveryKey(raw));
    CHECK(printed.size() == 11 * 5 + 10);
    for (std::size_t i = 0; i < printed.size(); ++i) {
        if (i % 6 == 5) CHECK(printed[i] == '-');
        else CHECK(std::string_view("0123456789ABCDEFGHJKMNPQRSTVWXYZ").find(printed[i]) != std::string::npos);
    }
    crypto::SecureBuffer parsed;
    REQUIRE(parseRecoveryKey(printed, parsed));
    CHECK(parsed.equals(raw));
}

TEST_CASE("parsing tolerates case, spaces, dashes and look-alike letters", "[vault][recovery]") {
    auto raw = generateRecoveryKey();
    const auto printed = text(formatRecoveryKey(raw));
    std::string lower = printed;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
    std::replace(lower.begin(), lower.end(), '-', ' ');
    lower = "  " + lower + "\n";
    crypto::SecureBuffer parsed;
    REQUIRE(parseRecoveryKey(lower, parsed));
    CHECK(parsed.equals(raw));

    std::string squashed;
    for (char c : printed) {
        if (c == '-') continue;
        squashed.push_back(c == '0' ? 'O' : c == '1' ? 'l' : c);  // O for 0, l for 1
    }
    REQUIRE(parseRecoveryKey(squashed, parsed));
    CHECK(parsed.equals(raw));
}

TEST_CASE("a mistyped recovery key does not parse", "[vault][recovery]") {
    // A fixed key keeps this deterministic (a random one would slip past the 16-bit checksum once in ~1200 runs).
    crypto::SecureBuffer raw(kRecoveryKeyBytes);
    for (std::size_t i = 0; i < raw.size(); ++i) raw.data()[i] = static_cast<std::uint8_t>(i * 7 + 3);
    const auto printed = text(formatRecoveryKey(raw));
    crypto::SecureBuffer parsed;
    // Every single-character substitution is caught by the checksum (or by the zero padding bits at the end).
    int accepted = 0;
    for (std::size_t i = 0; i < printed.size(); ++i) {
        if (printed[i] == '-') continue;
        std::string typo = printed;
        typo[i] = printed[i] == 'X' ? 'Y' : 'X';
        if (parseRecoveryKey(typo, parsed)) ++accepted;
    }
    CHECK(accepted == 0);
    CHECK_FALSE(parseRecoveryKey(printed.substr(0, printed.size() - 1), parsed));  // one symbol missing
    CHECK_FALSE(parseRecoveryKey(printed + "A", parsed));                        // one symbol too many
    CHECK_FALSE(parseRecoveryKey("", parsed));
    std::string withU = printed;
    withU[0] = 'U';  // not in the alphabet
    CHECK_FALSE(parseRecoveryKey(withU, parsed));
    CHECK(parsed.empty());
}
