#include <catch2/catch.hpp>

#include <array>
#include <cstdint>

#include "crypto/primitives.h"

TEST_CASE("crypto::wipe zeroes exactly the bytes it is given", "[common][crypto]") {
    std::array<std::uint8_t, 16> buffer{};
    buffer.fill(0xAB);
    abri::crypto::wipe(buffer.data() + 4, 8);
    for (std::size_t i = 0; i < buffer.size(); ++i) {
        INFO(i);
        CHECK(buffer[i] == (i >= 4 && i < 12 ? 0x00 : 0xAB));
    }
    abri::crypto::wipe(nullptr, 0);  // nothing to wipe is not an error
}
