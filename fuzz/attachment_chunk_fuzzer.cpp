// Fuzzes the attachment chunk decoder (core/wire/attachment_chunk.h, sync/PROTOCOL.md §11.2), which reads chunks
// from the network, the inbox and USB sticks: any bytes are a typed SyncError or a chunk whose data matches its
// hash and re-encodes to the same signed bytes; never a crash.
#include <cstddef>
#include <cstdint>
#include <span>

#include "crypto/primitives.h"
#include "wire/attachment_chunk.h"
#include "wire/sync_error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> bytes(data, size);
    try {
        const auto decoded = abri::wire::decodeAttachmentChunk(bytes, "fuzz");
        const auto& c = decoded.chunk;
        if (abri::crypto::blake2b({c.data}) != c.chunkHash) __builtin_trap();
        if (c.chunkIndex >= c.chunkCount || c.data.empty()) __builtin_trap();
        if (decoded.signature.size() != abri::crypto::kSignatureBytes) __builtin_trap();
        if (decoded.signedDigest !=
            abri::crypto::blake2b({bytes.first(size - abri::crypto::kSignatureBytes)}))
            __builtin_trap();
    } catch (const abri::wire::SyncError&) {
    }
    return 0;
}
