// makeSyntheticItems (declared in synthetic_cases.h): the child records of one synthetic case.
#include <algorithm>
#include <optional>

#include "demo/demo_random.h"
#include "demo/fake_text.h"
#include "demo/synthetic_cases.h"
#include "demo/synthetic_profiles.h"
#include "model/case_rules.h"
#include "model/code_lists.h"

namespace abri::demo {

namespace {

using Json = nlohmann::json;

// What the items need to know of their case, read once from the case document.
struct CaseFacts {
    std::int64_t registered;
    std::int64_t started;       // situation.started_on (events may predate registration)
    std::int64_t serviceEnd;    // closed_on for a closed case, else today: services and referrals end by then
    std::int64_t todayDays;
    bool closed;
    bool closedReferred;
    bool screenedOut;
    bool minor;
    std::string citizenship;
    std::string mainExploitation;
};

std::optional<std::int64_t> dayAt(const Json& doc, std::string_view path) {
    const Json value = model::getField(doc, path);
    if (!value.is_string() || !model::isValidDate(value.get_ref<const std::string&>())) return std::nullopt;
    return daysFromDate(value.get_ref<const std::string&>());
}

std::string firstText(const Json& doc, std::string_view path) {
    Json value = model::getField(doc, path);
    if (value.is_array()) value = value.empty() ? Json() : value.front();
    return value.is_string() ? value.get<std::string>() : std::string();
}

CaseFacts readFacts(Rng& rng, const Json& caseDoc, std::int64_t todayDays) {
    CaseFacts facts{};
    facts.todayDays = todayDays;
    facts.registered = std::min(todayDays, dayAt(caseDoc, "registered_on").value_or(todayDays));
    facts.started = std::min(facts.registered, dayAt(caseDoc, "situation.started_on").value_or(facts.registered - 180));
    const std::string status = firstText(caseDoc, "status");
    facts.closed = status == "closed" || status == "closed_referred";
    facts.closedReferred = status == "closed_referred";
    const auto closedOn = dayAt(caseDoc, "closed_on");
    facts.serviceEnd = facts.closed && closedOn ? std::clamp(*closedOn, facts.registered, todayDays) : todayDays;
    facts.screenedOut = model::screeningOutcome(caseDoc) == "not_victim";
    facts.minor = model::isMinor(caseDoc);
    facts.citizenship = firstText(caseDoc, "person.citizenship");
    if (!model::isValidCode(model::CodeList::Country, facts.citizenship)) {
        facts.citizenship = std::string(profiles::citizenships().pick(rng));
    }
    facts.mainExploitation = firstText(caseDoc, "situation.exploitation_types");
    return facts;
}

// A value of the right type for a required field nobody planned for. Keeps the generator valid when the item
// registry grows a required field.
Json genericValue(Rng& rng, const model::FieldSpec& spec, const CaseFacts& facts) {
    switch (spec.type) {
    case model::FieldType::Text: return "Test " + fake::syllableWord(rng);
    case model::FieldType::LongText: return fake::noteText(rng);
    case model::FieldType::Date: return dateFromDays(rng.between(facts.registered, facts.todayDays));
    case model::FieldType::Integer: return spec.minValue;
    case model::FieldType::Boolean: return true;
    case model::FieldType::Code: {
        if (!spec.codeList || model::codes(*spec.codeList).empty()) return nullptr;
        const auto& all = model::codes(*spec.codeList);
        return std::string(all[rng.below(all.size())]);
    }
    case model::FieldType::CodeSet: {
        if (!spec.codeList || model::codes(*spec.codeList).empty()) return Json::array();
        const auto& all = model::codes(*spec.codeList);
        return Json::array({std::string(all[rng.below(all.size())])});
    }
    case model::FieldType::TextList: return Json::array({"Test " + fake::syllableWord(rng)});
    case model::FieldType::Contacts:
    case model::FieldType::IdentityDocuments: return Json::array();
    }
    return nullptr;
}

// Builds an item from planned values (applied only where the registry has the field) and fills any other
// required field generically.
Json buildItem(Rng& rng, model::Entity kind, const std::vector<std::pair<std::string_view, Json>>& planned,
               const CaseFacts& facts) {
    Json doc = Json::object();
    for (const auto& [path, value] : planned) {
        if (model::findField(kind, path) != nullptr && !value.is_null()) model::setField(doc, path, value);
    }
    auto isPlanned = [&planned](std::string_view path) {
        return std::any_of(planned.begin(), planned.end(),
                           [path](const auto& entry) { return entry.first == path && !entry.second.is_null(); });
    };
    for (const auto& spec : model::fieldsOf(kind)) {
        if (spec.required && !isPlanned(spec.path)) model::setField(doc, spec.path, genericValue(rng, spec, facts));
    }
    return doc;
}

std::string codeOr(model::CodeList list, std::string_view preferred) {
    if (model::isValidCode(list, preferred)) return std::string(preferred);
    return std::string(model::codes(list).front());
}

// Events: recruitment at home, sometimes transit, exploitation abroad (international) or at home (internal),
// sometimes the identification where the person was found.
void addEvents(Rng& rng, const CaseFacts& facts, std::vector<SyntheticItem>& out) {
    const bool international = rng.chance(profiles::internationalPercent(facts.mainExploitation, facts.minor));
    const std::string destination =
        international ? std::string(profiles::destinations().pickOtherThan(rng, facts.citizenship)) : facts.citizenship;
    auto event = [&](std::string_view type, std::int64_t day, const std::string& country, std::string place) {
        out.push_back({model::Entity::Event,
                       buildItem(rng, model::Entity::Event,
                                 {{"type", codeOr(model::CodeList::EventType, type)},
                                  {"date", dateFromDays(std::min(day, facts.todayDays))},
                                  {"country", country},
                                  {"place", std::move(place)}},
                                 facts)});
    };
    const std::int64_t recruitedOn = facts.started - rng.between(0, 30);
    event("recruitment", recruitedOn, facts.citizenship, "Fakeville " + fake::syllableWord(rng));
    if (international && rng.chance(45)) {
        const std::string transit(profiles::transitCountries().pickOtherThan(rng, facts.citizenship, destination));
        event("transit", recruitedOn + rng.between(1, 20), transit, "Testport " + fake::syllableWord(rng));
    }
    const std::int64_t exploitedOn = std::min(facts.registered, facts.started + rng.between(20, 60));
    event("exploitation", exploitedOn, destination, "Fakecity " + fake::syllableWord(rng));
    if (rng.chance(10)) {
        event("identification", rng.between(exploitedOn, facts.registered), destination,
              "Testtown " + fake::syllableWord(rng));
    }
}

Json consent(Rng& rng, const CaseFacts& facts, std::string_view scope, bool given, std::int64_t recordedOn,
             std::optional<std::int64_t> withdrawnOn = std::nullopt) {
    return buildItem(rng, model::Entity::Consent,
                     {{"scope", codeOr(model::CodeList::ConsentScope, scope)},
                      {"given", given},
                      {"recorded_on", dateFromDays(recordedOn)},
                      {"withdrawn_on", withdrawnOn ? Json(dateFromDays(*withdrawnOn)) : Json()}},
                     facts);
}

// Services whose status follows the case: a closed case's services are over; an open case has some ongoing,
// some completed and some planned (possibly starting after today).
void addServices(Rng& rng, const CaseFacts& facts, std::vector<SyntheticItem>& out, bool international) {
    std::size_t count = 0;
    if (facts.screenedOut) {
        count = rng.chance(50) ? 1 : 0;
    } else {
        const auto roll = rng.below(100);
        count = roll < 40 ? 1 : roll < 75 ? 2 : roll < 92 ? 3 : 4;
    }
    for (const auto& type : profiles::serviceTypes(international, facts.minor).pickDistinct(rng, count)) {
        const auto roll = rng.below(100);
        std::string_view status;
        if (facts.closed) {
            status = roll < 80 ? "completed" : roll < 90 ? "refused" : "cancelled";
        } else {
            status = roll < 30 ? "completed" : roll < 75 ? "ongoing" : roll < 90 ? "planned" : roll < 95 ? "refused"
                                                                                                       : "cancelled";
        }
        std::optional<std::int64_t> startedOn;
        std::optional<std::int64_t> endedOn;
        if (status == "planned") {
            if (rng.chance(70)) startedOn = facts.todayDays + rng.between(1, 45);
        } else if (status == "ongoing") {
            startedOn = rng.between(facts.registered, facts.todayDays);
        } else {
            startedOn = rng.between(facts.registered, facts.serviceEnd);
            if (status == "completed") endedOn = rng.between(*startedOn, facts.serviceEnd);
        }
        out.push_back({model::Entity::Service,
                       buildItem(rng, model::Entity::Service,
                                 {{"type", type},
                                  {"status", codeOr(model::CodeList::ServiceStatus, status)},
                                  {"provider", "Test Provider " + fake::syllableWord(rng)},
                                  {"started_on", startedOn ? Json(dateFromDays(*startedOn)) : Json()},
                                  {"ended_on", endedOn ? Json(dateFromDays(*endedOn)) : Json()},
                                  {"notes", rng.chance(30) ? Json(fake::noteText(rng)) : Json()}},
                                 facts)});
    }
}

Json referral(Rng& rng, const CaseFacts& facts, std::string_view direction, std::string_view status,
              std::int64_t day) {
    return buildItem(rng, model::Entity::Referral,
                     {{"direction", codeOr(model::CodeList::ReferralDirection, direction)},
                      {"partner", fake::partnerName(rng)},
                      {"reason", rng.chance(60) ? Json(fake::referralReason(rng)) : Json()},
                      {"status", codeOr(model::CodeList::ReferralStatus, status)},
                      {"date", dateFromDays(std::min(day, facts.todayDays))}},
                     facts);
}

std::string_view outgoingStatus(Rng& rng, const CaseFacts& facts, std::int64_t day) {
    const auto roll = rng.below(100);
    if (facts.closedReferred) return roll < 60 ? "completed" : "accepted";
    if (facts.todayDays - day < 30) return roll < 60 ? "requested" : roll < 90 ? "accepted" : "declined";
    return roll < 10 ? "requested" : roll < 45 ? "accepted" : roll < 85 ? "completed" : "declined";
}

// FNV-1a over the document's keys and values, walked in place (serialising it first cost a tenth of the time).
void hashBytes(std::uint64_t& hash, std::string_view bytes) {
    for (const char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    hash = (hash ^ 0xffU) * 0x100000001b3ULL;  // a separator, so {"ab"} and {"a","b"} differ
}

void hashValue(std::uint64_t& hash, const Json& value) {
    switch (value.type()) {
    case Json::value_t::object:
        for (auto entry = value.begin(); entry != value.end(); ++entry) {
            hashBytes(hash, entry.key());
            hashValue(hash, entry.value());
        }
        break;
    case Json::value_t::array:
        for (const Json& element : value) hashValue(hash, element);
        break;
    case Json::value_t::string: hashBytes(hash, value.get_ref<const std::string&>()); break;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: hashBytes(hash, std::to_string(value.get<std::int64_t>())); break;
    case Json::value_t::boolean: hashBytes(hash, value.get<bool>() ? "true" : "false"); break;
    default: hashBytes(hash, value.dump()); break;  // null, floats, binary: not in case documents
    }
}

std::uint64_t documentHash(const Json& doc) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    hashValue(hash, doc);
    return hash;
}

}  // namespace

std::vector<SyntheticItem> makeSyntheticItems(const Json& caseDoc, std::uint64_t seed, std::string_view today) {
    // Two cases given the same seed still get different items: the document's hash joins the seed.
    Rng rng(streamSeed(seed ^ documentHash(caseDoc), 0x17e5U));
    const CaseFacts facts = readFacts(rng, caseDoc, daysFromDate(today));

    std::vector<SyntheticItem> out;
    addEvents(rng, facts, out);
    const bool international = std::any_of(out.begin(), out.end(), [&](const SyntheticItem& item) {
        return item.doc.value("country", facts.citizenship) != facts.citizenship;
    });

    // Consents first: the repository accepts an outgoing referral only after a given data-sharing consent.
    out.push_back({model::Entity::Consent, consent(rng, facts, "assistance", true, facts.registered)});
    const bool referredOut = facts.closedReferred || (!facts.screenedOut && rng.chance(18));
    std::optional<std::int64_t> sharingFrom;
    if (referredOut || rng.chance(20)) {
        sharingFrom = rng.between(facts.registered, std::min(facts.serviceEnd, facts.registered + 7));
        out.push_back({model::Entity::Consent, consent(rng, facts, "data_sharing", true, *sharingFrom)});
    }
    // Research use: ~72% agree (a few later withdraw), some refuse on record, the others were never asked.
    const auto researchRoll = rng.below(100);
    const std::int64_t researchOn = rng.between(facts.registered, std::min(facts.todayDays, facts.registered + 14));
    if (researchRoll < 72) {
        std::optional<std::int64_t> withdrawnOn;
        if (rng.chance(4)) withdrawnOn = rng.between(researchOn, facts.todayDays);
        out.push_back({model::Entity::Consent, consent(rng, facts, "research", true, researchOn, withdrawnOn)});
    } else if (researchRoll < 78) {
        out.push_back({model::Entity::Consent, consent(rng, facts, "research", false, researchOn)});
    }

    addServices(rng, facts, out, international);

    // Referrals: some cases came from a partner; referred-out cases (always those closed as referred) went to one.
    if (rng.chance(10)) {
        const std::int64_t day = std::max(facts.started, facts.registered - rng.between(0, 10));
        out.push_back({model::Entity::Referral,
                       referral(rng, facts, "incoming", rng.chance(40) ? "accepted" : "completed", day)});
    }
    if (referredOut && sharingFrom) {
        const std::int64_t day = rng.between(*sharingFrom, facts.serviceEnd);
        out.push_back({model::Entity::Referral,
                       referral(rng, facts, "outgoing", outgoingStatus(rng, facts, day), day)});
    }

    // Notes matter to the case file, not to reports: few of them, since each costs a full-text index entry.
    const std::size_t notes = rng.chance(10) ? 2 : 1;
    for (std::size_t i = 0; i < notes; ++i) {
        out.push_back({model::Entity::Note, buildItem(rng, model::Entity::Note, {{"text", fake::noteText(rng)}}, facts)});
    }
    return out;
}

}  // namespace abri::demo
