#include "name_key.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <algorithm>

#include "common/error.h"

namespace abri::duplicates {

struct NameNormaliser::Icu {
    std::unique_ptr<icu::Transliterator> transliterator;
};

NameNormaliser::NameNormaliser() : icu_(std::make_unique<Icu>()) {
    UErrorCode status = U_ZERO_ERROR;
    icu_->transliterator.reset(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8("Any-Latin; Latin-ASCII; Lower"), UTRANS_FORWARD, status));
    // Missing ICU data is an installation fault, never a property of the data.
    if (U_FAILURE(status) || !icu_->transliterator) throw Error(ErrorCode::Internal, "icu", u_errorName(status));
}

NameNormaliser::~NameNormaliser() = default;

namespace {

bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isSeparator(char c) { return c == ' ' || c == '-' || c == '_' || c == ',' || c == '.' || c == '/' || c == '\t'; }

// Keeps a-z (lowering A-Z), turns separators into single spaces, drops the rest.
std::string foldAscii(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (isAsciiLetter(c)) out += static_cast<char>(c | 0x20);
        else if (isSeparator(c) && !out.empty() && out.back() != ' ') out += ' ';
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

constexpr std::size_t kMaxCached = 200'000;

bool isVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

std::string NameNormaliser::latinText(std::string_view utf8) {
    // Plain ASCII needs no transliteration (most names of a Latin-script region): skip ICU and the cache.
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return foldAscii(utf8);
    std::string key(utf8);
    if (auto found = cache_.find(key); found != cache_.end()) return found->second;
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    icu_->transliterator->transliterate(text);
    std::string ascii;
    text.toUTF8String(ascii);
    auto folded = foldAscii(ascii);
    if (cache_.size() >= kMaxCached) cache_.clear();  // bounded: a region's names repeat, arbitrary input need not
    cache_.emplace(std::move(key), folded);
    return folded;
}

std::vector<NameToken> NameNormaliser::tokens(std::string_view utf8) {
    std::vector<NameToken> out;
    const auto text = latinText(utf8);
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        std::string latin = text.substr(start, end - start);
        start = end + 1;
        if (latin.empty()) continue;
        if (std::any_of(out.begin(), out.end(), [&](const NameToken& t) { return t.latin == latin; })) continue;
        auto phonetic = phoneticKey(latin);
        out.push_back({std::move(latin), std::move(phonetic)});
    }
    return out;
}

std::string phoneticKey(std::string_view latin) {
    std::string s(latin);
    // Spellings of one sound: French "ch"/"ou"/"dj" and English "sh"/"u"/"j" transliterate the same Arabic letters;
    // p and v, which Arabic script lacks, come back as b and f.
    std::string merged;
    merged.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const char next = i + 1 < s.size() ? s[i + 1] : '\0';
        if ((c == 's' || c == 'c') && next == 'h') { merged += 's'; ++i; }
        else if ((c == 'k' || c == 'g' || c == 't' || c == 'd') && next == 'h') { merged += c; ++i; }
        else if (c == 'p' && next == 'h') { merged += 'f'; ++i; }
        else if (c == 'd' && next == 'j') { merged += 'j'; ++i; }
        else if (c == 'q' || c == 'c') merged += 'k';
        else if (c == 'x') merged += "ks";
        else if (c == 'v') merged += 'f';
        else if (c == 'p') merged += 'b';  // Arabic script has no p: "Paul" comes back as "bwl"
        else merged += c;
    }
    // The Arabic feminine ending: "fatma" is "fatmt" transliterated from فاطمة and "fatimah" in English.
    if (merged.size() > 3 && merged.back() == 'h' && isVowel(merged[merged.size() - 2])) merged.pop_back();
    if (merged.size() > 3 && merged.back() == 't' && !isVowel(merged[merged.size() - 2])) merged.pop_back();
    // Vowels (and w/y inside a word, which Arabic script writes for long vowels) are where spellings differ most.
    std::string out;
    for (std::size_t i = 0; i < merged.size(); ++i) {
        const char c = merged[i];
        if (isVowel(c)) continue;
        if ((c == 'w' || c == 'y') && i > 0) continue;
        if (!out.empty() && out.back() == c) continue;  // doubled letters: "mohammed", "youssef"
        out += c;
    }
    return out;
}

}  // namespace abri::duplicates
