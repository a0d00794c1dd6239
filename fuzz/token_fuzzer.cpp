// Fuzzes the enrolment token (sync/PROTOCOL.md §2.5) in both forms and the fingerprint display parser: a mistyped
// or hostile token must end in token_malformed, never a crash.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "wire/enrolment_token.h"
#include "wire/sync_error.h"
#include "crypto/signing.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto token = abri::wire::decodeTokenText(text);
        const auto again = abri::wire::decodeTokenText(abri::wire::encodeTokenText(token));
        if (again.office != token.office || !again.secret.equals(token.secret)) __builtin_trap();
    } catch (const abri::wire::SyncError& e) {
        if (e.code() != abri::wire::SyncCode::TokenMalformed) __builtin_trap();
    }
    try {
        (void)abri::wire::decodeTokenBytes(std::span<const std::uint8_t>(data, size));
    } catch (const abri::wire::SyncError& e) {
        if (e.code() != abri::wire::SyncCode::TokenMalformed) __builtin_trap();
    }
    if (auto fp = abri::crypto::parseFingerprintDisplay(text)) {
        if (abri::crypto::parseFingerprintDisplay(abri::crypto::fingerprintDisplay(*fp)) != fp) __builtin_trap();
    }
    return 0;
}
