// Fuzzes the device certificate and hub descriptor decoders (sync/PROTOCOL.md §2.3, §2.4). A decoded certificate
// must re-issue (with the same fields) to bytes that decode again.
#include <cstddef>
#include <cstdint>
#include <span>

#include "wire/certificate.h"
#include "wire/hub_descriptor.h"
#include "wire/sync_error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const abri::crypto::SigningKeyPair hub = [] {
        std::array<std::uint8_t, 32> seed{};
        seed.fill(2);
        return abri::crypto::SigningKeyPair::fromSeed(seed);
    }();
    std::span<const std::uint8_t> bytes(data, size);
    try {
        const auto cert = abri::wire::decodeCertificate(bytes, "fuzz");
        try {
            abri::wire::verifyCertificate(cert, hub.publicKey, "fuzz");
        } catch (const abri::wire::SyncError&) {
        }
        const auto reissued = abri::wire::issueCertificate(cert, hub);
        if (abri::wire::decodeCertificate(reissued.bytes, "fuzz").serial != cert.serial) __builtin_trap();
    } catch (const abri::wire::SyncError&) {
    }
    try {
        (void)abri::wire::decodeHubDescriptor(bytes, "fuzz");
    } catch (const abri::wire::SyncError&) {
    }
    return 0;
}
