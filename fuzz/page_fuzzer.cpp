// Fuzzes the page decoder (sync/PROTOCOL.md §3.8) and the admission record and refusal notice layouts. The page
// signature is checked before the entries are parsed, so a second pass re-signs the input with the fixed hub key:
// mutated entry layouts then reach the entry parser, as they would from a buggy (not hostile) hub.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "wire/admission_record.h"
#include "wire/page.h"
#include "wire/refusal_notice.h"
#include "wire/sync_error.h"
#include "crypto/signing.h"

namespace {
abri::wire::Id16 filled(std::uint8_t b) {
    abri::wire::Id16 id{};
    id.fill(b);
    return id;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const abri::crypto::SigningKeyPair hub = [] {
        std::array<std::uint8_t, 32> seed{};
        seed.fill(2);
        return abri::crypto::SigningKeyPair::fromSeed(seed);
    }();
    const auto hubId = filled(0x4b);
    const auto device = filled(0xd2);
    std::span<const std::uint8_t> bytes(data, size);
    try {
        (void)abri::wire::decodePage(bytes, hubId, device, hub.publicKey, "fuzz");
    } catch (const abri::wire::SyncError&) {
    }
    if (size >= 64) {
        std::vector<std::uint8_t> resigned(data, data + size - 64);
        const auto sig = abri::crypto::signDigest(hub, abri::crypto::Domain::Page, abri::crypto::blake2b({resigned}));
        resigned.insert(resigned.end(), sig.begin(), sig.end());
        try {
            const auto page = abri::wire::decodePage(resigned, hubId, device, hub.publicKey, "fuzz");
            const auto again =
                abri::wire::decodePage(abri::wire::encodePage(page, hub), hubId, device, hub.publicKey, "fuzz");
            if (again.entries.size() != page.entries.size()) __builtin_trap();
        } catch (const abri::wire::SyncError&) {
        }
    }
    try {
        std::size_t used = 0;
        (void)abri::wire::decodeAdmissionRecord(bytes, used, "fuzz");
        if (used > size) __builtin_trap();
    } catch (const abri::wire::SyncError&) {
    }
    try {
        (void)abri::wire::decodeRefusalNotice(bytes, hub.publicKey, "fuzz");
    } catch (const abri::wire::SyncError&) {
    }
    return 0;
}
