// Fuzzes the attachment type sniffer (core/attachments/content_type.h), the parser of every file a caseworker
// attaches: any bytes must give exactly one verdict, never a crash; an executable's magic is never accepted; the
// verdict depends on the first kSniffBytes only; and the continuation check of plain text never reads past its input.
#include <cstddef>
#include <cstdint>
#include <span>

#include "attachments/content_type.h"

using namespace abri::attachments;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> input(data, size);
    const ContentVerdict verdict = sniffContent(input);
    if (verdict.type.has_value() == verdict.refusal.has_value()) __builtin_trap();
    if (size >= 2 && ((data[0] == 'M' && data[1] == 'Z') || (data[0] == '#' && data[1] == '!'))) {
        if (verdict.refusal != ContentRefusal::Executable) __builtin_trap();
    }
    if (size >= 4 && data[0] == 0x7F && data[1] == 'E' && data[2] == 'L' && data[3] == 'F') {
        if (verdict.refusal != ContentRefusal::Executable) __builtin_trap();
    }
    if (size > kSniffBytes) {
        const ContentVerdict head = sniffContent(input.first(kSniffBytes));
        if (head.type != verdict.type || head.refusal != verdict.refusal) __builtin_trap();
    }
    if (verdict.type) {
        const auto code = contentTypeCode(*verdict.type);
        if (contentTypeFromCode(code) != verdict.type || mediaType(*verdict.type).empty()) __builtin_trap();
    }
    // Pieces after the first (a text file's later chunks), at any split.
    if (size > 0) (void)looksLikeTextContinuation(input.subspan(data[0] % size));
    return 0;
}
