// Fuzzes the upload-held marker (core/wire/upload_held.h), written by abri-syncd and read by the app and the CLI:
// any text either parses into a marker that formats and parses back to the same, or is refused; never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "wire/upload_held.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto held = abri::wire::parseHeldUpload(text);
    if (!held) return 0;
    const auto again = abri::wire::parseHeldUpload(abri::wire::formatHeldUpload(*held));
    if (!again || again->fileName != held->fileName || again->fileHashHex != held->fileHashHex ||
        again->code != held->code || again->answeredMs != held->answeredMs || again->wholeFile != held->wholeFile) {
        __builtin_trap();
    }
    return 0;
}
