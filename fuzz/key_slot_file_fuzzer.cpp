// Fuzzes the key-slot sidecar decoder and the recovery-key parser: a damaged or hostile `<vault>.keys` file or a
// mistyped recovery key must end in abri::Error or `false`, never a crash. A decoded file must re-encode to bytes
// that decode to the same slots (the writer and the reader agree).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "common/error.h"
#include "vault/key_slot_file.h"
#include "vault/recovery_key.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::span<const std::uint8_t> bytes(data, size);
    abri::crypto::SecureBuffer raw;
    (void)abri::vault::parseRecoveryKey(std::string_view(reinterpret_cast<const char*>(data), size), raw);
    try {
        auto file = abri::vault::decodeKeySlotFile(bytes, "fuzz.keys");
        auto again = abri::vault::decodeKeySlotFile(abri::vault::encodeKeySlotFile(file), "fuzz.keys");
        if (again.slots.size() != file.slots.size()) __builtin_trap();
    } catch (const abri::Error&) {
        // expected for bad input
    }
    return 0;
}
