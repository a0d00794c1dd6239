// Fuzzes what `abri-cli case add` and imports accept: arbitrary bytes parsed as JSON, then validated as a case
// document and as every item kind, and turned into a search query. Bad input must end in abri::Error or a JSON
// parse error, never a crash, hang or sanitizer report.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cases/search_text.h"
#include "common/error.h"
#include "model/case_rules.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)abri::cases::ftsMatchQuery(text);
    const auto doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return 0;
    using abri::model::Entity;
    for (Entity entity : {Entity::Case, Entity::Event, Entity::Consent, Entity::Service, Entity::Referral,
                          Entity::Note, Entity::Transfer}) {
        try {
            abri::model::validateDocument(entity, doc, "2026-05-28");
            if (entity == Entity::Case) {
                (void)abri::model::screeningOutcome(doc);
                (void)abri::model::isMinor(doc);
                (void)abri::model::isInternational(doc, {});
            }
        } catch (const abri::Error&) {
            // expected for bad input
        }
    }
    return 0;
}
