#include "vault/recovery_key.h"

#include <array>
#include <cstdint>

#include "common/error.h"
#include "crypto/primitives.h"

namespace abri::vault {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford: no I, L, O, U
constexpr std::size_t kChecksumBytes = 2;
constexpr std::size_t kPayloadBytes = kRecoveryKeyBytes + kChecksumBytes;            // 34 bytes = 272 bits
constexpr std::size_t kSymbols = (kPayloadBytes * 8 + 4) / 5;                       // 55 symbols (275 bits)
static_assert(kSymbols == kRecoveryKeyGroups * kRecoveryKeyGroupLength);

std::array<std::uint8_t, kChecksumBytes> checksum(std::span<const std::uint8_t> rawKey) {
    const auto hash = crypto::blake2b({crypto::asBytes("abri-recovery-key-checksum-v1"), rawKey});
    return {hash[0], hash[1]};
}

int symbolValue(char c) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') return 0;
    if (c == 'I' || c == 'L') return 1;
    const auto pos = kAlphabet.find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

}  // namespace

crypto::SecureBuffer generateRecoveryKey() { return crypto::randomKey(); }

crypto::SecureBuffer formatRecoveryKey(const crypto::SecureBuffer& rawKey) {
    if (rawKey.size() != kRecoveryKeyBytes) throw Error(ErrorCode::Internal, "recovery_key", "bad key length");
    crypto::SecureBuffer payload(kPayloadBytes);
    std::copy(rawKey.bytes().begin(), rawKey.bytes().end(), payload.data());
    const auto sum = checksum(rawKey.bytes());
    std::copy(sum.begin(), sum.end(), payload.data() + kRecoveryKeyBytes);

    crypto::SecureBuffer text(kSymbols + kRecoveryKeyGroups - 1);
    char* out = reinterpret_cast<char*>(text.data());
    std::size_t written = 0;
    std::uint32_t buffer = 0;
    int bits = 0;
    std::size_t symbol = 0;
    auto emit = [&](std::uint32_t value) {
        if (symbol > 0 && symbol % kRecoveryKeyGroupLength == 0) out[written++] = '-';
        out[written++] = kAlphabet[value & 0x1f];
        ++symbol;
    };
    for (std::uint8_t byte : payload.bytes()) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            emit(buffer >> bits);
        }
        buffer &= (1u << bits) - 1;  // keep only the bits not yet emitted
    }
    if (bits > 0) emit(buffer << (5 - bits));  // the last symbol is padded with zero bits
    buffer = 0;
    return text;
}

bool parseRecoveryKey(std::string_view text, crypto::SecureBuffer& rawKey) {
    rawKey.clear();
    crypto::SecureBuffer payload(kPayloadBytes);
    std::size_t bytesOut = 0;
    std::size_t symbols = 0;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        const int value = symbolValue(c);
        if (value < 0 || ++symbols > kSymbols) return false;
        buffer = (buffer << 5) | static_cast<std::uint32_t>(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            if (bytesOut == kPayloadBytes) return false;
            payload.data()[bytesOut++] = static_cast<std::uint8_t>(buffer >> bits);
            buffer &= (1u << bits) - 1;
        }
    }
    // Exactly 55 symbols, and the 3 padding bits of the last one must be zero (else it is not a key we printed).
    const bool complete = symbols == kSymbols && bytesOut == kPayloadBytes && buffer == 0;
    buffer = 0;
    if (!complete) return false;
    const auto key = payload.bytes().first(kRecoveryKeyBytes);
    const auto expected = checksum(key);
    if (!crypto::constantTimeEqual(expected, payload.bytes().subspan(kRecoveryKeyBytes))) return false;
    rawKey = crypto::SecureBuffer::copyOf(key);
    return true;
}

}  // namespace abri::vault
