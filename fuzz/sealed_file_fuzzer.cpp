// Fuzzes the sealed-file header and opening, then the batch decoder on the opened payload (sync/PROTOCOL.md §3.6,
// §3.7). The recipient key is fixed so seeds made for it open; mutated seals must end in bad_seal.
#include <cstddef>
#include <cstdint>
#include <span>

#include "wire/batch.h"
#include "wire/sealed_file.h"
#include "wire/sync_error.h"
#include "crypto/sealed_box.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const abri::crypto::BoxKeyPair key = [] {
        std::array<std::uint8_t, 32> secret{};
        secret.fill(9);  // the seed corpus was sealed to this key
        return *abri::crypto::BoxKeyPair::fromSecretKey(secret);
    }();
    std::span<const std::uint8_t> bytes(data, size);
    try {
        (void)abri::wire::decodeSealedHeader(bytes, "fuzz");
    } catch (const abri::wire::SyncError&) {
    }
    try {
        const auto opened = abri::wire::openSealedFile(bytes, key, "fuzz");
        if (opened.content == abri::wire::SealedContent::Batch) (void)abri::wire::decodeBatch(opened.payload, "fuzz");
    } catch (const abri::wire::SyncError&) {
    }
    // The batch decoder on raw input too: the sealed layer rarely lets mutations through.
    try {
        const auto batch = abri::wire::decodeBatch(bytes, "fuzz");
        if (abri::wire::decodeBatch(abri::wire::encodeBatch(batch), "fuzz").changeSets != batch.changeSets) {
            __builtin_trap();
        }
    } catch (const abri::wire::SyncError&) {
    }
    return 0;
}
