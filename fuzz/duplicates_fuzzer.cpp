// Fuzzes what the duplicate matcher reads from merged case documents, which devices wrote: arbitrary bytes as a
// name (ICU transliteration of any UTF-8, valid or not, then the phonetic key) and, when they parse as JSON, as a
// case document turned into a person record and compared with itself and with a fixed person. Never a crash, a
// hang or a sanitizer report.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "duplicates/matcher.h"
#include "duplicates/scoring.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace abri::duplicates;
    static NameNormaliser normaliser;
    static const DocumentHasher hasher(std::vector<std::uint8_t>(kDocumentKeyBytes, 0x42));
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        for (const auto& token : normaliser.tokens(text)) (void)phoneticKey(token.latin);
        const auto doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
        if (doc.is_discarded()) return 0;
        PersonRecord fixed;
        fixed.caseId = "fixed";
        fixed.givenName = "Testname";
        fixed.familyName = "Fakeperson";
        fixed.dateOfBirth = BirthDate{1990, 1, 2};
        std::vector<PersonRecord> records{personFromCaseDocument("fuzz", doc, hasher), fixed};
        records.push_back(records.front());
        const auto a = prepare(records[0], normaliser);
        (void)compare(a, a);
        (void)compare(a, prepare(fixed, normaliser));
        (void)findDuplicates(records);
    } catch (const abri::Error&) {
        // expected for bad input
    }
    return 0;
}
