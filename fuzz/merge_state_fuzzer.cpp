// Fuzzes the decoder of the hub's stored case states (core/merge/merge_state_codec.h): any bytes either decode or
// are refused with abri::Error, and what decodes encodes to bytes that decode to the same encoding again.
#include <cstddef>
#include <cstdint>
#include <span>

#include "common/error.h"
#include "merge/merge_state_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const auto state = abri::merge::decodeMergeState(std::span<const std::uint8_t>(data, size), "fuzz");
        const auto bytes = abri::merge::encodeMergeState(state);
        if (abri::merge::encodeMergeState(abri::merge::decodeMergeState(bytes, "fuzz")) != bytes) __builtin_trap();
    } catch (const abri::Error&) {
    }
    return 0;
}
