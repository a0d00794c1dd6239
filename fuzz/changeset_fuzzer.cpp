// Fuzzes the change-set decoder (sync/PROTOCOL.md §3.2-3.5). The first input byte picks the mode: even = verify
// with the fixed test key (as the hub does), odd = skip the signature so the body parser (zstd, canonical CBOR,
// ops) is reached by mutated bodies. Anything but SyncError is a bug; an accepted change-set must re-decode to the
// same id.
#include <cstddef>
#include <cstdint>
#include <span>

#include "wire/changeset.h"
#include "wire/sync_error.h"
#include "crypto/signing.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const abri::crypto::SigningKeyPair key = [] {
        std::array<std::uint8_t, 32> seed{};
        seed.fill(7);  // the key of tests/core/wire (testSigner()) and of the seed corpus
        return abri::crypto::SigningKeyPair::fromSeed(seed);
    }();
    const bool verify = (data[0] & 1) == 0;
    std::span<const std::uint8_t> bytes(data + 1, size - 1);
    try {
        const auto cs = abri::wire::decodeChangeSet(
            bytes, verify ? std::span<const std::uint8_t>(key.publicKey) : std::span<const std::uint8_t>(), "fuzz");
        const auto again = abri::wire::decodeChangeSet(cs.bytes, {}, "fuzz");
        if (again.id != cs.id || again.ops.size() != cs.ops.size()) __builtin_trap();
    } catch (const abri::wire::SyncError&) {
        // expected for bad input
    }
    return 0;
}
