#include "cases/case_code.h"

#include <array>
#include <cstdint>

#include "crypto/primitives.h"

namespace abri::cases {

std::string generateCaseCode(std::string_view office, std::string_view registeredOn) {
    // Crockford's alphabet: no I, L, O, U, so codes read aloud over a bad phone line stay unambiguous.
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    // 6 characters = 30 bits per office and year: two devices of one office picking the same code is unlikely,
    // and sync still has to treat it as a conflict (sync/PROTOCOL.md).
    std::array<std::uint8_t, 6> random{};
    crypto::randomFill(random);
    std::string code(office);
    code += '-';
    code += registeredOn.size() >= 4 ? std::string(registeredOn.substr(2, 2)) : std::string("00");
    code += '-';
    for (auto b : random) code.push_back(kAlphabet[b % 32]);
    return code;
}

}  // namespace abri::cases
