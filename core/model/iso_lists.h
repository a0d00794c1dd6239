#pragma once
// Countries and languages from Debian's iso-codes, compiled in at build time (iso_lists.cpp is generated into
// the build tree by generate_iso_lists.cmake). Internal to core/model: other code uses code_lists.h.
#include <span>
#include <string_view>

namespace abri::model::iso {

struct Entry {
    std::string_view code;         // "TN" (ISO 3166-1 alpha-2) or "ar" (ISO 639-1)
    std::string_view englishName;  // iso-codes "name": also the gettext msgid of its translation domain
};

// Sorted by code.
std::span<const Entry> countries();
std::span<const Entry> languages();

}  // namespace abri::model::iso
