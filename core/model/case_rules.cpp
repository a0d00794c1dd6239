#include "model/case_rules.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <set>

#include "common/error.h"
#include "common/utf8.h"
#include "model/dates.h"

namespace abri::model {

namespace {

// Dates before this are typing errors, not history anyone alive has.
constexpr std::string_view kEarliestDate = "1900-01-01";
constexpr int kAdultAge = 18;

[[noreturn]] void fail(ErrorCode code, std::string_view subject, std::string detail = {}) {
    throw Error(code, std::string(subject), std::move(detail));
}

bool hasControlCharacter(std::string_view text, bool multiLine) {
    return std::any_of(text.begin(), text.end(), [multiLine](char c) {
        const auto byte = static_cast<unsigned char>(c);
        if (multiLine && (c == '\n' || c == '\r' || c == '\t')) return false;
        return byte < 0x20 || byte == 0x7F;
    });
}

bool isBlank(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

void checkText(const Json& value, std::string_view subject, bool multiLine, bool required) {
    if (!value.is_string()) fail(ErrorCode::InvalidValue, subject, "expected text");
    const auto& text = value.get_ref<const std::string&>();
    const std::size_t limit = multiLine ? kMaxLongTextBytes : kMaxTextBytes;
    if (text.size() > limit) {
        fail(ErrorCode::ValueOutOfRange, subject, "longer than " + std::to_string(limit) + " bytes");
    }
    // nlohmann::json throws when dumping invalid UTF-8, so it must never get into a document.
    if (!isValidUtf8(text)) fail(ErrorCode::InvalidValue, subject, "not valid UTF-8");
    if (hasControlCharacter(text, multiLine)) fail(ErrorCode::InvalidValue, subject, "control character");
    if (required && isBlank(text)) fail(ErrorCode::MissingField, subject);
}

void checkCode(const Json& value, CodeList list, std::string_view subject) {
    if (!value.is_string()) fail(ErrorCode::InvalidValue, subject, "expected a code");
    if (!isValidCode(list, value.get_ref<const std::string&>())) {
        fail(ErrorCode::InvalidCode, subject, std::string(codeListName(list)));
    }
}

void checkList(const Json& value, std::string_view subject) {
    if (!value.is_array()) fail(ErrorCode::InvalidValue, subject, "expected a list");
    if (value.size() > kMaxListEntries) {
        fail(ErrorCode::ValueOutOfRange, subject, "more than " + std::to_string(kMaxListEntries) + " entries");
    }
}

void checkCodeSet(const Json& value, CodeList list, std::string_view subject) {
    checkList(value, subject);
    std::set<std::string_view> seen;
    for (const Json& entry : value) {
        checkCode(entry, list, subject);
        if (!seen.insert(entry.get_ref<const std::string&>()).second) {
            fail(ErrorCode::InvalidValue, subject, "duplicate code");
        }
    }
}

// Contacts and identity documents: lists of small objects with known keys.
struct SubField {
    std::string_view key;
    std::optional<CodeList> codeList;  // else text
    bool required;
};

void checkRecords(const Json& value, std::span<const SubField> subFields, std::string_view subject) {
    checkList(value, subject);
    for (const Json& record : value) {
        if (!record.is_object()) fail(ErrorCode::InvalidValue, subject, "expected an object per entry");
        for (auto entry = record.begin(); entry != record.end(); ++entry) {
            const std::string& key = entry.key();
            const bool known = std::any_of(subFields.begin(), subFields.end(),
                                           [&key](const SubField& sub) { return sub.key == key; });
            if (!known) fail(ErrorCode::UnknownField, subject, key);
        }
        for (const SubField& sub : subFields) {
            const auto found = record.find(sub.key);
            if (found == record.end() || found->is_null()) {
                if (sub.required) fail(ErrorCode::MissingField, subject, std::string(sub.key));
                continue;
            }
            if (sub.codeList) {
                checkCode(*found, *sub.codeList, subject);
            } else {
                checkText(*found, subject, false, sub.required);
            }
        }
    }
}

constexpr SubField kContactFields[] = {
    {"type", CodeList::ContactType, true},
    {"value", std::nullopt, true},
};
constexpr SubField kIdentityDocumentFields[] = {
    {"type", CodeList::IdentityDocumentType, true},
    {"number", std::nullopt, false},
    {"country", CodeList::Country, false},
};

void checkInteger(const Json& value, const FieldSpec& spec) {
    if (!value.is_number_integer()) fail(ErrorCode::InvalidValue, spec.path, "expected a whole number");
    const bool inRange = value.is_number_unsigned()
                             ? value.get<std::uint64_t>() <= static_cast<std::uint64_t>(spec.maxValue)
                             : value.get<std::int64_t>() >= spec.minValue && value.get<std::int64_t>() <= spec.maxValue;
    if (!inRange) {
        fail(ErrorCode::ValueOutOfRange, spec.path,
             std::to_string(spec.minValue) + ".." + std::to_string(spec.maxValue));
    }
}

void checkDate(const Json& value, const FieldSpec& spec, std::string_view today) {
    if (!value.is_string()) fail(ErrorCode::InvalidValue, spec.path, "expected a date");
    const auto& date = value.get_ref<const std::string&>();
    if (!isValidDate(date)) fail(ErrorCode::InvalidDate, spec.path);
    if (date < kEarliestDate) fail(ErrorCode::ValueOutOfRange, spec.path, "before " + std::string(kEarliestDate));
    if (!spec.futureAllowed && date > today) fail(ErrorCode::DateInFuture, spec.path);
}

void checkValue(const FieldSpec& spec, const Json& value, std::string_view today) {
    if (value.is_null()) {
        if (spec.required) fail(ErrorCode::MissingField, spec.path);
        return;
    }
    switch (spec.type) {
    case FieldType::Text: checkText(value, spec.path, false, spec.required); return;
    case FieldType::LongText: checkText(value, spec.path, true, spec.required); return;
    case FieldType::Date: checkDate(value, spec, today); return;
    case FieldType::Integer: checkInteger(value, spec); return;
    case FieldType::Boolean:
        if (!value.is_boolean()) fail(ErrorCode::InvalidValue, spec.path, "expected true or false");
        return;
    case FieldType::Code: checkCode(value, *spec.codeList, spec.path); return;
    case FieldType::CodeSet: checkCodeSet(value, *spec.codeList, spec.path); return;
    case FieldType::TextList:
        checkList(value, spec.path);
        for (const Json& entry : value) checkText(entry, spec.path, false, true);
        return;
    case FieldType::Contacts: checkRecords(value, kContactFields, spec.path); return;
    case FieldType::IdentityDocuments: checkRecords(value, kIdentityDocumentFields, spec.path); return;
    }
    fail(ErrorCode::Internal, spec.path, "unhandled field type");
}

void checkToday(std::string_view today) {
    if (!isValidDate(today)) fail(ErrorCode::InvalidDate, "today");
}

// True when `path` is a group of fields ("person"), i.e. a prefix of some field path.
bool isGroup(Entity entity, std::string_view path) {
    return std::any_of(fieldsOf(entity).begin(), fieldsOf(entity).end(), [path](const FieldSpec& spec) {
        return spec.path.size() > path.size() && spec.path.starts_with(path) && spec.path[path.size()] == '.';
    });
}

void checkNoUnknownFields(Entity entity, const Json& object, const std::string& prefix) {
    for (auto entry = object.begin(); entry != object.end(); ++entry) {
        const std::string path = prefix.empty() ? entry.key() : prefix + "." + entry.key();
        const Json& value = entry.value();
        // A dotted key ({"person.gender": ...}) would look like a field path but is never read as one.
        if (entry.key().find('.') != std::string::npos) fail(ErrorCode::UnknownField, path);
        if (findField(entity, path) != nullptr) continue;
        if (!isGroup(entity, path)) fail(ErrorCode::UnknownField, path);
        if (value.is_null()) continue;
        if (!value.is_object()) fail(ErrorCode::InvalidValue, path, "expected an object");
        checkNoUnknownFields(entity, value, path);
    }
}

// The string value of a field when present (documents are validated before cross-field rules run).
std::optional<std::string> textAt(const Json& doc, std::string_view path) {
    const Json value = getField(doc, path);
    if (!value.is_string()) return std::nullopt;
    return value.get<std::string>();
}

void checkNotBefore(const Json& doc, std::string_view laterPath, std::string_view earlierPath) {
    const auto later = textAt(doc, laterPath);
    const auto earlier = textAt(doc, earlierPath);
    if (later && earlier && *later < *earlier) {
        fail(ErrorCode::InvalidValue, laterPath, "before " + std::string(earlierPath));
    }
}

bool isClosedStatus(std::string_view status) { return status == "closed" || status == "closed_referred"; }

void checkCrossFieldRules(Entity entity, const Json& doc) {
    switch (entity) {
    case Entity::Case: {
        const auto birth = textAt(doc, "person.date_of_birth");
        const auto registered = textAt(doc, "registered_on");
        if (birth && registered && *birth > *registered) {
            fail(ErrorCode::InvalidValue, "person.date_of_birth", "after registered_on");
        }
        checkNotBefore(doc, "closed_on", "registered_on");
        checkNotBefore(doc, "situation.ended_on", "situation.started_on");
        const bool closed = isClosedStatus(textAt(doc, "status").value_or(""));
        const bool hasReason = textAt(doc, "closure_reason").has_value();
        if (closed && !hasReason) fail(ErrorCode::MissingField, "closure_reason");
        if (!closed && hasReason) fail(ErrorCode::InvalidValue, "closure_reason", "case is not closed");
        return;
    }
    case Entity::Service: checkNotBefore(doc, "ended_on", "started_on"); return;
    case Entity::Consent: checkNotBefore(doc, "withdrawn_on", "recorded_on"); return;
    case Entity::Event:
    case Entity::Referral:
    case Entity::Note:
    case Entity::Transfer: return;
    }
}

std::vector<std::string_view> splitPath(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = path.find('.', start);
        parts.push_back(path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    if (std::any_of(parts.begin(), parts.end(), [](std::string_view part) { return part.empty(); })) {
        fail(ErrorCode::UnknownField, path, "malformed path");
    }
    return parts;
}

// True when the list field at `path` holds at least one valid code.
bool hasAnyCode(const Json& doc, std::string_view path, CodeList list) {
    const Json value = getField(doc, path);
    if (!value.is_array()) return false;
    return std::any_of(value.begin(), value.end(), [list](const Json& entry) {
        return entry.is_string() && isValidCode(list, entry.get_ref<const std::string&>());
    });
}

std::optional<std::string> countryAt(const Json& doc, std::string_view path) {
    auto code = textAt(doc, path);
    if (code && isValidCode(CodeList::Country, *code)) return code;
    return std::nullopt;
}

}  // namespace

void validateField(Entity entity, std::string_view path, const Json& value, std::string_view today) {
    checkToday(today);
    const FieldSpec* spec = findField(entity, path);
    if (spec == nullptr) fail(ErrorCode::UnknownField, path);
    checkValue(*spec, value, today);
}

void validateDocument(Entity entity, const Json& doc, std::string_view today) {
    checkToday(today);
    if (!doc.is_object()) fail(ErrorCode::InvalidValue, entityCode(entity), "expected an object");
    checkNoUnknownFields(entity, doc, {});
    for (const FieldSpec& spec : fieldsOf(entity)) checkValue(spec, getField(doc, spec.path), today);
    checkCrossFieldRules(entity, doc);
}

Json getField(const Json& doc, std::string_view path) {
    const Json* node = &doc;
    for (std::string_view part : splitPath(path)) {
        if (!node->is_object()) return nullptr;
        const auto found = node->find(part);
        if (found == node->end()) return nullptr;
        node = &*found;
    }
    return *node;
}

void setField(Json& doc, std::string_view path, const Json& value) {
    const auto parts = splitPath(path);
    if (doc.is_null()) doc = Json::object();
    if (!doc.is_object()) fail(ErrorCode::InvalidValue, path, "document is not an object");

    if (value.is_null()) {
        // Clearing removes the key, then any group left empty: a document has one canonical form whatever the
        // order in which fields were set and cleared (replicas compare state hashes).
        std::vector<Json*> chain{&doc};
        for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
            const auto found = chain.back()->find(parts[i]);
            if (found == chain.back()->end() || !found->is_object()) return;
            chain.push_back(&*found);
        }
        chain.back()->erase(std::string(parts.back()));
        for (std::size_t i = chain.size() - 1; i > 0 && chain[i]->empty(); --i) {
            chain[i - 1]->erase(std::string(parts[i - 1]));
        }
        return;
    }

    Json* node = &doc;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        Json& child = (*node)[std::string(parts[i])];
        if (child.is_null()) child = Json::object();
        if (!child.is_object()) fail(ErrorCode::InvalidValue, path, "a parent is not an object");
        node = &child;
    }
    (*node)[std::string(parts.back())] = value;
}

std::optional<int> ageOn(const Json& caseDoc, std::string_view onDate) {
    const auto on = dates::parse(onDate);
    if (!on) return std::nullopt;
    if (const auto birthText = textAt(caseDoc, "person.date_of_birth")) {
        const auto birth = dates::parse(*birthText);
        if (birth && *birthText <= onDate) return dates::wholeYearsBetween(*birth, *on);
        if (birth) return std::nullopt;  // not born yet on that date
    }
    const Json estimated = getField(caseDoc, "person.estimated_age");
    if (!estimated.is_number_integer()) return std::nullopt;
    const auto estimatedAge = estimated.get<std::int64_t>();
    if (estimatedAge < 0 || estimatedAge > std::numeric_limits<int>::max() / 2) return std::nullopt;
    // The estimate is the age at registration: the person gets older with the case.
    int age = static_cast<int>(estimatedAge);
    if (const auto registered = textAt(caseDoc, "registered_on")) {
        if (const auto registeredDate = dates::parse(*registered)) {
            age += dates::wholeYearsBetween(*registeredDate, *on);
        }
    }
    return std::max(age, 0);
}

bool isMinor(const Json& caseDoc) {
    const auto registered = textAt(caseDoc, "registered_on");
    if (!registered) return false;
    const auto age = ageOn(caseDoc, *registered);
    return age && *age < kAdultAge;
}

std::string screeningOutcome(const Json& caseDoc) {
    const bool act = hasAnyCode(caseDoc, "screening.acts", CodeList::ScreeningAct);
    const bool means = hasAnyCode(caseDoc, "screening.means", CodeList::ScreeningMeans);
    const bool purpose = hasAnyCode(caseDoc, "screening.purposes", CodeList::ExploitationType);
    // Palermo Protocol art. 3(c): for a child, recruitment etc. for exploitation is trafficking whatever the means.
    const bool meansSatisfied = means || isMinor(caseDoc);
    if (act && meansSatisfied && purpose) return "presumed_victim";
    if (getField(caseDoc, "screening.complete") == Json(true)) return "not_victim";
    return "pending";
}

std::optional<bool> isInternational(const Json& caseDoc, const std::vector<Json>& eventDocs) {
    const auto citizenship = countryAt(caseDoc, "person.citizenship");
    std::set<std::string> eventCountries;
    for (const Json& event : eventDocs) {
        if (auto country = countryAt(event, "country")) eventCountries.insert(std::move(*country));
    }
    std::set<std::string> all = eventCountries;
    if (citizenship) all.insert(*citizenship);
    if (all.size() > 1) return true;
    if (citizenship && !eventCountries.empty()) return false;  // every event in the country of citizenship
    return std::nullopt;
}

void checkStatusTransition(std::string_view from, std::string_view to) {
    if (!isValidCode(CodeList::CaseStatus, from)) fail(ErrorCode::InvalidCode, "status", "case_status");
    if (!isValidCode(CodeList::CaseStatus, to)) fail(ErrorCode::InvalidCode, "status", "case_status");
    if (from == to) return;  // nothing changes
    const bool allowed = [&] {
        if (isClosedStatus(to)) return !isClosedStatus(from);  // any open case may close, either way
        if (to == "under_assistance") return from == "registered" || from == "follow_up" || isClosedStatus(from);
        if (to == "follow_up") return from == "under_assistance";
        return false;  // nothing goes back to "registered"
    }();
    if (!allowed) fail(ErrorCode::InvalidTransition, "status", std::string(from) + "->" + std::string(to));
}

}  // namespace abri::model
