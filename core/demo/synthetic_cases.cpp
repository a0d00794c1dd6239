#include "demo/synthetic_cases.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "common/error.h"
#include "model/case_rules.h"
#include "model/code_lists.h"

namespace abri::demo {

using Json = nlohmann::json;

namespace {

// SplitMix64: tiny, fast and identical on every platform (std::uniform_*_distribution is not).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31U);
    }
    // Uniform in [0, bound). The modulo bias is irrelevant for demo data.
    std::size_t below(std::size_t bound) { return bound == 0 ? 0 : static_cast<std::size_t>(next() % bound); }
    std::int64_t between(std::int64_t low, std::int64_t high) {  // inclusive
        if (high <= low) return low;
        return low + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(high - low + 1));
    }
    bool chance(unsigned percent) { return below(100) < percent; }
    template <typename T>
    const T& pick(const std::vector<T>& values) { return values[below(values.size())]; }
    template <typename T, std::size_t N>
    const T& pick(const std::array<T, N>& values) { return values[below(N)]; }

private:
    std::uint64_t state_;
};

// Mixes the caller's seed with a stream number so each case (and each case's items) gets an independent stream:
// case i is the same whichever n is asked for.
std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t stream) {
    Rng mix(seed ^ (stream * 0xd1342543de82ef95ULL + 0x2545f4914f6cdd1dULL));
    return mix.next();
}

// ---- fake names: syllables plus a Test/Fake marker, some with non-ASCII letters ----
constexpr std::array<std::string_view, 14> kGivenEndings = {"a",   "o",   "ina", "elu", "omi", "ara", "ivo",
                                                            "enka", "ami", "uro", "éa",  "ilda", "oru", "ysse"};
constexpr std::array<std::string_view, 9> kFamilyStems = {"son", "man", "ley", "ova", "sen", "ides", "oglu", "escu",
                                                          "ström"};
constexpr std::array<std::string_view, 16> kSyllables = {"ko", "ru", "ma", "li", "ta", "ne", "zu", "pe",
                                                         "do", "ri", "sa", "vo", "ki", "lü", "mé", "bo"};

std::string capitalised(std::string_view syllable) {
    std::string out(syllable);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string fakeGivenName(Rng& rng) { return "Test" + std::string(rng.pick(kGivenEndings)); }

std::string fakeFamilyName(Rng& rng) {
    return "Fake" + std::string(rng.pick(kFamilyStems)) + "-" + capitalised(rng.pick(kSyllables)) +
           std::string(rng.pick(kSyllables));
}

std::string fakeAlias(Rng& rng) {
    return "Fakealias " + capitalised(rng.pick(kSyllables)) + std::string(rng.pick(kSyllables));
}

std::string digits(Rng& rng, int count) {
    std::string out;
    for (int i = 0; i < count; ++i) out += static_cast<char>('0' + rng.below(10));
    return out;
}

// ---- codes ----
const std::vector<std::string_view>& listCodes(model::CodeList list) { return model::codes(list); }

std::string pickCode(Rng& rng, model::CodeList list) {
    const auto& all = listCodes(list);
    if (all.empty()) throw Error(ErrorCode::Internal, std::string(model::codeListName(list)), "empty code list");
    return std::string(all[rng.below(all.size())]);
}

// A preferred code when the list has it, else a random one (keeps the generator working if a list changes).
std::string preferCode(Rng& rng, model::CodeList list, std::string_view preferred) {
    if (model::isValidCode(list, preferred)) return std::string(preferred);
    return pickCode(rng, list);
}

// `count` distinct codes, drawn with weights (weight 0 never drawn).
std::vector<std::string> pickWeighted(Rng& rng, model::CodeList list, std::size_t count,
                                      std::size_t (*weightOf)(std::string_view)) {
    const auto& all = listCodes(list);
    std::vector<std::size_t> weights;
    std::size_t total = 0;
    for (auto code : all) {
        weights.push_back(weightOf(code));
        total += weights.back();
    }
    std::vector<std::string> out;
    while (out.size() < count && total > 0) {
        std::size_t roll = rng.below(total);
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (roll < weights[i]) {
                out.emplace_back(all[i]);
                total -= weights[i];
                weights[i] = 0;
                break;
            }
            roll -= weights[i];
        }
    }
    return out;
}

std::size_t uniformWeight(std::string_view) { return 1; }

// Roughly the shape of reported cases: sexual exploitation and forced labour dominate.
std::size_t exploitationWeight(std::string_view code) {
    if (code.find("sexual") != std::string_view::npos) return 8;
    if (code.find("labour") != std::string_view::npos) return 7;
    if (code.find("domestic") != std::string_view::npos) return 3;
    if (code.find("criminal") != std::string_view::npos || code.find("begging") != std::string_view::npos) return 2;
    if (code.find("marriage") != std::string_view::npos) return 2;
    return 1;
}

// Citizenships common in the offices Abri targets, checked against the ISO list at run time.
constexpr std::array<std::string_view, 24> kCitizenships = {"NG", "VN", "RO", "UA", "TN", "MA", "ER", "SY",
                                                            "AF", "BD", "NP", "PH", "TH", "BR", "AL", "CN",
                                                            "IN", "ET", "CI", "GN", "LY", "SN", "MD", "PK"};
constexpr std::array<std::string_view, 12> kLanguages = {"en", "fr", "ar", "ro", "uk", "vi",
                                                         "ti", "bn", "ne", "es", "pt", "ru"};

std::string pickCountry(Rng& rng) {
    auto code = rng.pick(kCitizenships);
    return model::isValidCode(model::CodeList::Country, code) ? std::string(code)
                                                              : pickCode(rng, model::CodeList::Country);
}

// ---- field-registry aware setters: the document shape follows model/fields.h, not guesses ----
const model::FieldSpec* caseField(std::string_view path) { return model::findField(model::Entity::Case, path); }

// Sets a list of codes/strings as the field's type wants it: an array for sets and lists, the first value for a
// single code or text. Fields the registry does not know are skipped.
void putValues(Json& doc, std::string_view path, const std::vector<std::string>& values) {
    const auto* spec = caseField(path);
    if (spec == nullptr || values.empty()) return;
    if (spec->type == model::FieldType::CodeSet || spec->type == model::FieldType::TextList) {
        model::setField(doc, path, values);
    } else {
        model::setField(doc, path, values.front());
    }
}

void putValue(Json& doc, std::string_view path, const Json& value) {
    if (caseField(path) != nullptr) model::setField(doc, path, value);
}

std::int64_t clampToSpec(std::string_view path, std::int64_t value) {
    const auto* spec = caseField(path);
    if (spec == nullptr || spec->type != model::FieldType::Integer || spec->maxValue <= spec->minValue) return value;
    return std::clamp<std::int64_t>(value, spec->minValue, spec->maxValue);
}

}  // namespace

// ---- dates (proleptic Gregorian, Howard Hinnant's days_from_civil) ----
std::int64_t daysFromDate(std::string_view date) {
    if (!model::isValidDate(date)) throw Error(ErrorCode::InvalidDate, "date");
    auto number = [&](std::size_t pos, std::size_t len) {
        std::int64_t v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) v = v * 10 + (date[i] - '0');
        return v;
    };
    std::int64_t y = number(0, 4);
    const std::int64_t m = number(5, 2);
    const std::int64_t d = number(8, 2);
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::string dateFromDays(std::int64_t days) {
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m),
                  static_cast<int>(d));
    return buffer;
}

namespace {

struct StatusPlan {
    std::string_view status;
    unsigned weight;
    bool closed;
};
constexpr std::array<StatusPlan, 5> kStatuses = {{{"registered", 20, false},
                                                  {"under_assistance", 35, false},
                                                  {"follow_up", 20, false},
                                                  {"closed", 15, true},
                                                  {"closed_referred", 10, true}}};

const StatusPlan& pickStatus(Rng& rng) {
    auto roll = rng.below(100);
    for (const auto& plan : kStatuses) {
        if (roll < plan.weight) return plan;
        roll -= plan.weight;
    }
    return kStatuses[0];
}

Json makeCase(Rng& rng, std::string_view office, std::int64_t todayDays) {
    Json doc = Json::object();
    const std::int64_t registered = todayDays - rng.between(0, 3 * 365 - 1);
    putValue(doc, "office", std::string(office));
    putValue(doc, "registered_on", dateFromDays(registered));

    const auto& status = pickStatus(rng);
    if (model::isValidCode(model::CodeList::CaseStatus, status.status)) {
        putValue(doc, "status", std::string(status.status));
        if (status.closed) {
            putValue(doc, "closed_on", dateFromDays(std::min(todayDays, registered + rng.between(20, 500))));
            putValue(doc, "closure_reason", pickCode(rng, model::CodeList::ClosureReason));
        }
    }

    // ---- person ----
    const bool minor = rng.chance(16);
    const std::int64_t age = minor ? rng.between(8, 16) : rng.between(18, 55);
    putValue(doc, "person.given_name", fakeGivenName(rng));
    putValue(doc, "person.family_name", fakeFamilyName(rng));
    if (rng.chance(25)) putValues(doc, "person.aliases", {fakeAlias(rng)});
    const auto gender = rng.below(100);
    putValue(doc, "person.gender",
             preferCode(rng, model::CodeList::Gender,
                        gender < 58 ? "female" : gender < 94 ? "male" : gender < 97 ? "transgender_nonconforming"
                                                                                    : "unknown"));
    if (rng.chance(80)) {
        // Whole years plus up to ~10 months, so the age at registration is exactly `age`.
        const std::int64_t born = registered - (age * 365 + age / 4) - rng.between(1, 300);
        putValue(doc, "person.date_of_birth", dateFromDays(born));
    } else {
        putValue(doc, "person.estimated_age", clampToSpec("person.estimated_age", age));
    }
    const std::string citizenship = pickCountry(rng);
    putValues(doc, "person.citizenship", {citizenship});
    {
        std::vector<std::string> languages{std::string(rng.pick(kLanguages))};
        if (rng.chance(40)) {
            auto second = std::string(rng.pick(kLanguages));
            if (second != languages.front()) languages.push_back(second);
        }
        std::erase_if(languages, [](const std::string& l) { return !model::isValidCode(model::CodeList::Language, l); });
        putValues(doc, "person.languages", languages);
    }
    if (!minor) {
        putValue(doc, "person.marital_status", pickCode(rng, model::CodeList::MaritalStatus));
        putValue(doc, "person.children", clampToSpec("person.children", rng.chance(55) ? 0 : rng.between(1, 4)));
    }
    putValue(doc, "person.education", pickCode(rng, model::CodeList::Education));
    if (rng.chance(60)) {
        Json contacts = Json::array();
        contacts.push_back({{"type", preferCode(rng, model::CodeList::ContactType, "phone")},
                            {"value", "+000 555 0" + digits(rng, 3)}});
        if (rng.chance(30)) {
            contacts.push_back({{"type", preferCode(rng, model::CodeList::ContactType, "email")},
                                {"value", "test.fake" + digits(rng, 4) + "@example.invalid"}});
        }
        putValue(doc, "person.contacts", contacts);
    }
    if (rng.chance(35)) {
        Json documents = Json::array();
        documents.push_back({{"type", preferCode(rng, model::CodeList::IdentityDocumentType, "passport")},
                             {"number", "FAKE" + digits(rng, 6)},
                             {"country", citizenship}});
        putValue(doc, "person.identity_documents", documents);
    }

    // ---- trafficking situation ----
    const auto exploitation =
        pickWeighted(rng, model::CodeList::ExploitationType, rng.chance(20) ? 2 : 1, exploitationWeight);
    putValues(doc, "situation.exploitation_types", exploitation);
    putValues(doc, "situation.recruitment_methods",
              pickWeighted(rng, model::CodeList::RecruitmentMethod, 1 + rng.below(2), uniformWeight));
    putValue(doc, "situation.recruiter_relationship", pickCode(rng, model::CodeList::RecruiterRelationship));
    putValues(doc, "situation.control_means",
              pickWeighted(rng, model::CodeList::ControlMeans, 1 + rng.below(3), uniformWeight));
    const bool forcedLabour = std::any_of(exploitation.begin(), exploitation.end(), [](const std::string& code) {
        return code.find("labour") != std::string::npos;
    });
    if (forcedLabour) putValue(doc, "situation.labour_sector", pickCode(rng, model::CodeList::LabourSector));
    const std::int64_t started = registered - rng.between(60, 900);
    putValue(doc, "situation.started_on", dateFromDays(started));
    if (rng.chance(70)) putValue(doc, "situation.ended_on", dateFromDays(registered - rng.between(0, 45)));

    // ---- screening (Palermo art. 3): most presumed victims, some pending, a few screened out ----
    const auto screeningRoll = rng.below(100);
    const bool screenedOut = screeningRoll < 6;
    const bool pending = !screenedOut && screeningRoll < 20;
    if (!screenedOut) {
        putValues(doc, "screening.acts", pickWeighted(rng, model::CodeList::ScreeningAct, 1 + rng.below(3),
                                                      uniformWeight));
        // A pending minor lacks the purpose; a pending adult lacks the means.
        if (!(pending && minor)) putValues(doc, "screening.purposes", exploitation);
    }
    if (!screenedOut && !pending && (!minor || rng.chance(50))) {
        putValues(doc, "screening.means", pickWeighted(rng, model::CodeList::ScreeningMeans, 1 + rng.below(3),
                                                       uniformWeight));
    }
    if (pending) {
        putValue(doc, "screening.complete", false);
    } else {
        putValue(doc, "screening.complete", true);
        putValue(doc, "screening.screened_on", dateFromDays(std::min(todayDays, registered + rng.between(0, 14))));
    }
    return doc;
}

}  // namespace

namespace {

constexpr std::array<std::string_view, 10> kNoteSentences = {
    "Synthetic test note: follow-up call with the fake person went as planned.",
    "Test entry: accommodation visit scheduled with the demo shelter.",
    "Fake caseworker note: documents requested from the test embassy.",
    "Demo text: interpreter booked for the next appointment.",
    "Test note: medical check completed at the fictional clinic.",
    "Synthetic record: legal counselling session held with Test Lawyer Alpha.",
    "Fake text: family tracing request sent to the demo partner.",
    "Test note: vocational training options discussed.",
    "Synthetic entry: psychosocial support session attended.",
    "Demo note: safety plan reviewed with the fake person."};

std::string fakeNoteText(Rng& rng) {
    std::string text(rng.pick(kNoteSentences));
    if (rng.chance(50)) text += " " + std::string(rng.pick(kNoteSentences));
    return text;
}

// Context shared by the generic filler: which dates and countries make sense for this case.
struct ItemContext {
    std::int64_t fromDays;  // registration (events may predate it: from started_on)
    std::int64_t todayDays;
    std::string citizenship;
};

// A value of the right type for a required field nobody planned for. Keeps the generator valid when the item
// registry grows a required field.
Json genericValue(Rng& rng, const model::FieldSpec& spec, const ItemContext& ctx) {
    switch (spec.type) {
    case model::FieldType::Text: return "Test " + capitalised(rng.pick(kSyllables)) + std::string(rng.pick(kSyllables));
    case model::FieldType::LongText: return fakeNoteText(rng);
    case model::FieldType::Date: return dateFromDays(rng.between(ctx.fromDays, ctx.todayDays));
    case model::FieldType::Integer: return spec.minValue;
    case model::FieldType::Boolean: return true;
    case model::FieldType::Code:
        return spec.codeList ? Json(pickCode(rng, *spec.codeList)) : Json(nullptr);
    case model::FieldType::CodeSet:
        return spec.codeList ? Json::array({pickCode(rng, *spec.codeList)}) : Json::array();
    case model::FieldType::TextList: return Json::array({"Test " + std::string(rng.pick(kSyllables))});
    case model::FieldType::Contacts:
    case model::FieldType::IdentityDocuments: return Json::array();
    }
    return nullptr;
}

// Builds an item from planned values (applied only where the registry has the field) and fills any other
// required field generically.
Json buildItem(Rng& rng, model::Entity kind, const std::vector<std::pair<std::string_view, Json>>& planned,
               const ItemContext& ctx) {
    Json doc = Json::object();
    for (const auto& [path, value] : planned) {
        if (model::findField(kind, path) != nullptr && !value.is_null()) model::setField(doc, path, value);
    }
    for (const auto& spec : model::fieldsOf(kind)) {
        if (spec.required && model::getField(doc, spec.path).is_null()) {
            model::setField(doc, spec.path, genericValue(rng, spec, ctx));
        }
    }
    return doc;
}

std::string codeOr(std::string_view preferred, model::CodeList list, Rng& rng) {
    return preferCode(rng, list, preferred);
}

}  // namespace

std::vector<SyntheticItem> makeSyntheticItems(const Json& caseDoc, std::uint64_t seed, std::string_view today) {
    // FNV-1a of the document: two cases given the same seed still get different items.
    std::uint64_t docHash = 0xcbf29ce484222325ULL;
    for (unsigned char c : caseDoc.dump()) docHash = (docHash ^ c) * 0x100000001b3ULL;
    Rng rng(streamSeed(seed ^ docHash, 0x17e5U));
    const std::int64_t todayDays = daysFromDate(today);
    const Json registeredJson = model::getField(caseDoc, "registered_on");
    const std::int64_t registered =
        registeredJson.is_string() ? daysFromDate(registeredJson.get<std::string>()) : todayDays;
    const Json startedJson = model::getField(caseDoc, "situation.started_on");
    const std::int64_t started = startedJson.is_string() ? daysFromDate(startedJson.get<std::string>())
                                                         : registered - 180;
    Json citizenshipJson = model::getField(caseDoc, "person.citizenship");
    if (citizenshipJson.is_array()) citizenshipJson = citizenshipJson.empty() ? Json() : citizenshipJson.front();
    const std::string citizenship = citizenshipJson.is_string() ? citizenshipJson.get<std::string>() : pickCountry(rng);
    ItemContext ctx{registered, todayDays, citizenship};

    std::vector<SyntheticItem> out;
    // Events: recruitment at home, sometimes transit, exploitation at home (internal) or abroad (international).
    {
        const bool international = rng.chance(70);
        std::string destination = international ? pickCountry(rng) : citizenship;
        if (international && destination == citizenship) destination = citizenship == "FR" ? "IT" : "FR";
        const std::int64_t recruitedOn = started - rng.between(0, 30);
        out.push_back({model::Entity::Event,
                       buildItem(rng, model::Entity::Event,
                                 {{"type", codeOr("recruitment", model::CodeList::EventType, rng)},
                                  {"date", dateFromDays(recruitedOn)},
                                  {"country", citizenship},
                                  {"place", "Fakeville " + capitalised(rng.pick(kSyllables))}},
                                 ctx)});
        if (international && rng.chance(50)) {
            out.push_back({model::Entity::Event,
                           buildItem(rng, model::Entity::Event,
                                     {{"type", codeOr("transit", model::CodeList::EventType, rng)},
                                      {"date", dateFromDays(recruitedOn + rng.between(1, 20))},
                                      {"country", pickCountry(rng)},
                                      {"place", "Testport " + capitalised(rng.pick(kSyllables))}},
                                     ctx)});
        }
        out.push_back({model::Entity::Event,
                       buildItem(rng, model::Entity::Event,
                                 {{"type", codeOr("exploitation", model::CodeList::EventType, rng)},
                                  {"date", dateFromDays(std::min(registered, started + rng.between(20, 60)))},
                                  {"country", destination},
                                  {"place", "Fakecity " + capitalised(rng.pick(kSyllables))}},
                                 ctx)});
    }
    // Consent to assistance, given at registration.
    out.push_back({model::Entity::Consent,
                   buildItem(rng, model::Entity::Consent,
                             {{"scope", codeOr("assistance", model::CodeList::ConsentScope, rng)},
                              {"given", true},
                              {"recorded_on", dateFromDays(registered)}},
                             ctx)});
    // Services.
    const std::size_t services = rng.below(3);
    for (std::size_t i = 0; i < services; ++i) {
        const std::int64_t from = rng.between(registered, todayDays);
        const bool finished = rng.chance(50) && from < todayDays;
        out.push_back({model::Entity::Service,
                       buildItem(rng, model::Entity::Service,
                                 {{"type", pickCode(rng, model::CodeList::ServiceType)},
                                  {"status", codeOr(finished ? "completed" : "ongoing",
                                                    model::CodeList::ServiceStatus, rng)},
                                  {"provider", "Test Provider " + capitalised(rng.pick(kSyllables))},
                                  {"started_on", dateFromDays(from)},
                                  {"ended_on", finished ? Json(dateFromDays(rng.between(from, todayDays)))
                                                        : Json()},
                                  {"notes", rng.chance(30) ? Json(fakeNoteText(rng)) : Json()}},
                                 ctx)});
    }
    // Notes.
    const std::size_t notes = 1 + rng.below(2);
    for (std::size_t i = 0; i < notes; ++i) {
        out.push_back({model::Entity::Note,
                       buildItem(rng, model::Entity::Note, {{"text", fakeNoteText(rng)}}, ctx)});
    }
    return out;
}

std::vector<Json> makeSyntheticCases(std::size_t n, std::uint64_t seed, std::string_view office,
                                     std::string_view today) {
    const std::int64_t todayDays = daysFromDate(today);
    std::vector<Json> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        Rng rng(streamSeed(seed, i));
        out.push_back(makeCase(rng, office, todayDays));
    }
    return out;
}

}  // namespace abri::demo
