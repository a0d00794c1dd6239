#include "demo/synthetic_cases.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "common/error.h"
#include "demo/demo_random.h"
#include "demo/fake_text.h"
#include "demo/registration_calendar.h"
#include "demo/synthetic_profiles.h"
#include "model/case_rules.h"
#include "model/code_lists.h"

namespace abri::demo {

using Json = nlohmann::json;

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

// A preferred code when the list has it, else the list's first (keeps the generator valid if a list changes).
std::string codeOr(model::CodeList list, std::string_view preferred) {
    if (model::isValidCode(list, preferred)) return std::string(preferred);
    const auto& all = model::codes(list);
    if (all.empty()) throw Error(ErrorCode::Internal, std::string(model::codeListName(list)), "empty code list");
    return std::string(all.front());
}

// Where an office stands among the offices asked for: the first is the largest and open all along; each further
// one is smaller and opened six months after the previous one (at most two years into the window).
struct OfficePlan {
    std::string code;
    unsigned weight;
    std::size_t openingMonth;
};

std::vector<OfficePlan> planOffices(const std::vector<std::string>& offices) {
    if (offices.empty()) throw Error(ErrorCode::InvalidValue, "offices", "at least one office is needed");
    std::vector<OfficePlan> plans;
    for (std::size_t k = 0; k < offices.size(); ++k) {
        plans.push_back({offices[k], static_cast<unsigned>(12 / (k + 1) + 2), std::min<std::size_t>(6 * k, 24)});
    }
    return plans;
}

const OfficePlan& pickOffice(Rng& rng, const std::vector<OfficePlan>& plans) {
    unsigned total = 0;
    for (const auto& plan : plans) total += plan.weight;
    auto roll = static_cast<unsigned>(rng.below(total));
    for (const auto& plan : plans) {
        if (roll < plan.weight) return plan;
        roll -= plan.weight;
    }
    return plans.front();
}

// The case's status and, when closed, its closure. Older cases are more often closed; recent ones are still
// "registered"; open cases move to follow-up as they age.
void setLifecycle(Rng& rng, Json& doc, std::int64_t registered, std::int64_t todayDays, bool screenedOut,
                  std::optional<std::int64_t> screenedOn) {
    const std::int64_t ageDays = todayDays - registered;
    auto close = [&](std::string_view status, std::string reason, std::int64_t closedOn) {
        putValue(doc, "status", std::string(status));
        putValue(doc, "closure_reason", std::move(reason));
        putValue(doc, "closed_on", dateFromDays(std::clamp(closedOn, registered, todayDays)));
    };
    if (screenedOut && rng.chance(70)) {  // most screened-out cases are closed soon after screening
        close("closed", codeOr(model::CodeList::ClosureReason, "not_a_victim"),
              screenedOn.value_or(registered) + rng.between(0, 30));
        return;
    }
    const std::int64_t closedPercent = ageDays < 30 ? 3 : std::min<std::int64_t>(85, 10 + ageDays * 75 / 1460);
    if (rng.chance(static_cast<unsigned>(closedPercent))) {
        const bool referred = rng.chance(25);
        // Assistance usually lasts a few months to a year and a half.
        const std::int64_t duration = rng.between(std::min<std::int64_t>(ageDays, 30), std::min<std::int64_t>(ageDays, 540));
        close(referred ? "closed_referred" : "closed", std::string(profiles::closureReasons(referred).pick(rng)),
              registered + duration);
        return;
    }
    const unsigned registeredPercent = ageDays < 30 ? 60 : ageDays < 120 ? 20 : 4;
    if (rng.chance(registeredPercent)) {
        putValue(doc, "status", std::string("registered"));
        return;
    }
    const auto followUpPercent = static_cast<unsigned>(std::min<std::int64_t>(50, ageDays * 50 / 730));
    putValue(doc, "status", std::string(rng.chance(followUpPercent) ? "follow_up" : "under_assistance"));
}

std::vector<std::string> languagesFor(Rng& rng, const std::string& citizenship) {
    std::vector<std::string> languages;
    const std::string_view main = profiles::mainLanguageOf(citizenship);
    languages.emplace_back(main.empty() ? profiles::secondLanguages().pick(rng) : main);
    if (rng.chance(35)) {
        const std::string_view second = profiles::secondLanguages().pickOtherThan(rng, languages.front());
        if (second != languages.front()) languages.emplace_back(second);
    }
    return languages;
}

Json makeCase(Rng& rng, const std::vector<OfficePlan>& offices, const RegistrationCalendar& calendar,
              std::int64_t todayDays) {
    Json doc = Json::object();
    const OfficePlan& office = pickOffice(rng, offices);
    const std::int64_t registered = calendar.draw(rng, office.openingMonth);
    putValue(doc, "office", office.code);
    putValue(doc, "registered_on", dateFromDays(registered));

    // ---- person ----
    const std::string gender(profiles::genders().pick(rng));
    const std::optional<std::int64_t> age = profiles::drawAge(rng, gender);
    const bool minor = age && *age < 18;
    putValue(doc, "person.given_name", fake::givenName(rng));
    putValue(doc, "person.family_name", fake::familyName(rng));
    if (rng.chance(25)) putValues(doc, "person.aliases", {fake::alias(rng)});
    putValue(doc, "person.gender", gender);
    std::optional<std::int64_t> born;
    if (age && rng.chance(70)) {
        // Whole years plus up to ~10 months, so the age at registration is exactly `age`.
        born = registered - (*age * 365 + *age / 4) - rng.between(1, 300);
        putValue(doc, "person.date_of_birth", dateFromDays(*born));
    } else if (age) {
        putValue(doc, "person.estimated_age", clampToSpec("person.estimated_age", *age));
    }
    const std::string citizenship(profiles::citizenships().pick(rng));
    putValues(doc, "person.citizenship", {citizenship});
    putValues(doc, "person.languages", languagesFor(rng, citizenship));
    if (!minor) {
        putValue(doc, "person.marital_status", std::string(profiles::maritalStatuses().pick(rng)));
        putValue(doc, "person.children", clampToSpec("person.children", rng.chance(55) ? 0 : rng.between(1, 4)));
    }
    putValue(doc, "person.education", std::string(profiles::educations(minor).pick(rng)));
    if (rng.chance(60)) {
        Json contacts = Json::array();
        contacts.push_back({{"type", codeOr(model::CodeList::ContactType, "phone")},
                            {"value", "+000 555 0" + fake::digits(rng, 3)}});
        if (rng.chance(30)) {
            contacts.push_back({{"type", codeOr(model::CodeList::ContactType, "email")},
                                {"value", "test.fake" + fake::digits(rng, 4) + "@example.invalid"}});
        }
        putValue(doc, "person.contacts", contacts);
    }
    if (rng.chance(35)) {
        Json documents = Json::array();
        documents.push_back({{"type", codeOr(model::CodeList::IdentityDocumentType, "passport")},
                             {"number", "FAKE" + fake::digits(rng, 6)},
                             {"country", citizenship}});
        putValue(doc, "person.identity_documents", documents);
    }

    // ---- trafficking situation: the exploitation follows sex and age; recruitment and control follow it ----
    const auto& exploitationTable = profiles::exploitationTypes(gender, minor, rng);
    std::vector<std::string> exploitation{std::string(exploitationTable.pick(rng))};
    if (rng.chance(14)) {
        const std::string_view second = exploitationTable.pickOtherThan(rng, exploitation.front());
        if (second != exploitation.front()) exploitation.emplace_back(second);
    }
    const auto group = profiles::groupOf(exploitation.front());
    putValues(doc, "situation.exploitation_types", exploitation);
    putValues(doc, "situation.recruitment_methods",
              profiles::recruitmentMethods(group, minor).pickDistinct(rng, rng.chance(30) ? 2 : 1));
    if (rng.chance(92)) {
        putValue(doc, "situation.recruiter_relationship",
                 std::string(profiles::recruiterRelationships(group, minor).pick(rng)));
    }
    putValues(doc, "situation.control_means", profiles::controlMeans(group).pickDistinct(rng, 2 + rng.below(3)));
    if (std::find(exploitation.begin(), exploitation.end(), "forced_labour") != exploitation.end()) {
        putValue(doc, "situation.labour_sector", std::string(profiles::labourSectors(gender).pick(rng)));
    }
    // Exploitation began months to a few years before registration (never before birth).
    const std::int64_t longestBack = age ? std::clamp<std::int64_t>(*age * 365 / 2, 61, 900) : 900;
    std::int64_t started = registered - rng.between(60, longestBack);
    if (born) started = std::max(started, *born + 1);
    putValue(doc, "situation.started_on", dateFromDays(started));
    if (rng.chance(70)) {
        putValue(doc, "situation.ended_on", dateFromDays(std::max(started, registered - rng.between(0, 45))));
    }

    // ---- screening (Palermo art. 3): most presumed victims; recent cases more often pending; a few screened out ----
    const bool screenedOut = rng.chance(5);
    const bool pending = !screenedOut && rng.chance(todayDays - registered < 60 ? 35 : 8);
    if (!screenedOut) {
        putValues(doc, "screening.acts", profiles::screeningActs().pickDistinct(rng, 1 + rng.below(3)));
        // A pending minor lacks the purpose; a pending adult lacks the means.
        if (!(pending && minor)) putValues(doc, "screening.purposes", exploitation);
    }
    if (!screenedOut && !pending && (!minor || rng.chance(50))) {
        putValues(doc, "screening.means", profiles::screeningMeans().pickDistinct(rng, 1 + rng.below(3)));
    }
    std::optional<std::int64_t> screenedOn;
    if (pending) {
        putValue(doc, "screening.complete", false);
    } else {
        screenedOn = std::min(todayDays, registered + rng.between(0, 14));
        putValue(doc, "screening.complete", true);
        putValue(doc, "screening.screened_on", dateFromDays(*screenedOn));
    }

    setLifecycle(rng, doc, registered, todayDays, screenedOut, screenedOn);
    return doc;
}

}  // namespace

std::vector<Json> makeSyntheticCases(std::size_t n, std::uint64_t seed, const std::vector<std::string>& offices,
                                     std::string_view today) {
    const std::int64_t todayDays = daysFromDate(today);
    const auto plans = planOffices(offices);
    const RegistrationCalendar calendar(todayDays);
    std::vector<Json> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        Rng rng(streamSeed(seed, i));
        out.push_back(makeCase(rng, plans, calendar, todayDays));
    }
    return out;
}

std::vector<Json> makeSyntheticCases(std::size_t n, std::uint64_t seed, std::string_view office,
                                     std::string_view today) {
    return makeSyntheticCases(n, seed, std::vector<std::string>{std::string(office)}, today);
}

}  // namespace abri::demo
