// Fuzzes the want list parser (core/wire/chunks_wanted.h, sync/PROTOCOL.md §11.4), which abri-syncd and
// `abri-hub import` read from a folder anyone with the laptop or the stick can write: any text is refused or parses
// into wants that format back to exactly that text; never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "wire/chunks_wanted.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto wants = abri::wire::parseChunksWanted(text);
    if (wants && abri::wire::formatChunksWanted(*wants) != text) __builtin_trap();
    return 0;
}
