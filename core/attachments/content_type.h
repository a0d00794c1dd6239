#pragma once
// What an attachment is, decided from its first bytes (magic numbers), never from its file name. The sniffer is a
// parser of files that cross the vault's boundary: it reads at most kSniffBytes, never allocates from what it
// reads, and has a fuzz target (fuzz/attachment_sniff_fuzzer.cpp).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace abri::attachments {

// The kinds of file a caseworker attaches: scans and photos of papers, and plain notes.
enum class ContentType { Pdf, Jpeg, Png, Tiff, WebP, PlainText };

// Why a file's content is refused.
enum class ContentRefusal {
    Executable,   // ELF, PE/DOS ("MZ"), Mach-O, or a script ("#!"): never stored, whatever its name says
    Unsupported,  // none of the types above (a word-processor file, an archive, binary data ...)
};

struct ContentVerdict {
    std::optional<ContentType> type;       // set when accepted
    std::optional<ContentRefusal> refusal; // set when refused (exactly one of the two is set)
};

// How many leading bytes the sniffer looks at (the plain-text check reads all of them).
constexpr std::size_t kSniffBytes = 4096;

// Decides from `head`, the file's first min(size, kSniffBytes) bytes. An empty head is Unsupported (empty files
// are refused before sniffing, with their own code).
ContentVerdict sniffContent(std::span<const std::uint8_t> head);

// For plain text, every later piece of the file must be text too (no NUL, no control characters other than
// tab, line feed, carriage return, form feed and escape): a text head in front of binary data is refused.
bool looksLikeTextContinuation(std::span<const std::uint8_t> bytes) noexcept;

std::string_view contentTypeCode(ContentType type) noexcept;    // "pdf", "jpeg", "png", "tiff", "webp", "text"
std::string_view mediaType(ContentType type) noexcept;          // "application/pdf", "image/jpeg", ...
std::optional<ContentType> contentTypeFromCode(std::string_view code) noexcept;

}  // namespace abri::attachments
