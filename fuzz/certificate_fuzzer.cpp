// Fuzzes the device certificate and hub descriptor decoders (sync/PROTOCOL.md §2.3, §2.4). A decoded certificate
// must re-issue (with the same fields) to bytes that decode again.
#include <cstddef>
#include <cstdint>
#include <span>

#include "changeset/certificate.h"
#include "changeset/hub_descriptor.h"
#include "changeset/sync_error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const abri::crypto::SigningKeyPair hub = [] {
        std::array<std::uint8_t, 32> seed{};
        seed.fill(2);
        return abri::crypto::SigningKeyPair::fromSeed(seed);
    }();
    std::span<const std::uint8_t> bytes(data, size);
    try {
        const auto cert = abri::sync::decodeCertificate(bytes, "fuzz");
        try {
            abri::sync::verifyCertificate(cert, hub.publicKey, "fuzz");
        } catch (const abri::sync::SyncError&) {
        }
        const auto reissued = abri::sync::issueCertificate(cert, hub);
        if (abri::sync::decodeCertificate(reissued.bytes, "fuzz").serial != cert.serial) __builtin_trap();
    } catch (const abri::sync::SyncError&) {
    }
    try {
        (void)abri::sync::decodeHubDescriptor(bytes, "fuzz");
    } catch (const abri::sync::SyncError&) {
    }
    return 0;
}
