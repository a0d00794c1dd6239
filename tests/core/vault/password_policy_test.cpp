#include <catch2/catch.hpp>

#include "common/error.h"
#include "vault/password_policy.h"

using namespace abri;
using namespace abri::vault;

TEST_CASE("passwords shorter than ten characters are refused", "[vault][password]") {
    CHECK_THROWS_MATCHES(checkPasswordPolicy("short-pw1"), Error,
                         Catch::Predicate<Error>([](const Error& e) { return e.code() == ErrorCode::WeakPassword; }));
    CHECK_THROWS_AS(checkPasswordPolicy(""), Error);
    CHECK_NOTHROW(checkPasswordPolicy("ten chars!"));
    // Length counts characters, not UTF-8 bytes: nine accented letters are still nine.
    CHECK_THROWS_AS(checkPasswordPolicy("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"),
                    Error);
    CHECK_NOTHROW(checkPasswordPolicy("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"));
}

TEST_CASE("strength grows with length and variety, not with repetition", "[vault][password]") {
    CHECK(estimatePasswordStrength("abc") == PasswordStrength::TooShort);
    CHECK(estimatePasswordStrength("abcdefghij") == PasswordStrength::Weak);
    CHECK(estimatePasswordStrength("aaaaaaaaaaaaaaaaaaaaaaaa") == PasswordStrength::Weak);
    CHECK(estimatePasswordStrength("Tr7!kq2#Lm") == PasswordStrength::Fair);
    CHECK(estimatePasswordStrength("Tr7!kq2#Lm9$Vx") == PasswordStrength::Strong);
    CHECK(estimatePasswordStrength("purple camel drinks forty blue lanterns") == PasswordStrength::VeryStrong);
    CHECK(static_cast<int>(estimatePasswordStrength("abcdefghijklmnop")) >
          static_cast<int>(estimatePasswordStrength("abcdefghij")));
}
