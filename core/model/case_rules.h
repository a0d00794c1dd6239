#pragma once
// Validation and derived values of the case model. Pure functions of their inputs ("today" is passed in).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/fields.h"

namespace abri::model {

using Json = nlohmann::json;

// Validates one field's value (JSON null clears an optional field). Throws abri::Error with the field path as
// subject: InvalidValue, InvalidCode, InvalidDate, DateInFuture, ValueOutOfRange, UnknownField, MissingField.
void validateField(Entity entity, std::string_view path, const Json& value, std::string_view today);
// Validates a whole document: unknown fields, required fields, every value, and cross-field rules
// (date of birth before registration, closed_on after registered_on, closure reason iff closed, ...).
void validateDocument(Entity entity, const Json& doc, std::string_view today);

// Reads a field by path; null when absent.
Json getField(const Json& doc, std::string_view path);
// Writes a field by path, creating intermediate objects.
void setField(Json& doc, std::string_view path, const Json& value);

// Age in whole years at `onDate` from date_of_birth, else estimated_age; nullopt when neither is known.
std::optional<int> ageOn(const Json& caseDoc, std::string_view onDate);
// Minor: younger than 18 at registration (unknown age is not minor).
bool isMinor(const Json& caseDoc);

// Palermo Protocol art. 3: act + means + purpose; for a minor, act + purpose suffice.
// presumed_victim when the elements are present; not_victim when screening is marked complete without them;
// pending otherwise.
std::string screeningOutcome(const Json& caseDoc);

// International when the countries involved (citizenship and event countries) differ; internal when all events
// happened in the person's country of citizenship; nullopt when not enough is known.
std::optional<bool> isInternational(const Json& caseDoc, const std::vector<Json>& eventDocs);

// Case status lifecycle: registered -> under_assistance -> follow_up -> closed | closed_referred;
// a closed case may be reopened (-> under_assistance). Throws Error(InvalidTransition, "status", "a->b").
void checkStatusTransition(std::string_view from, std::string_view to);

// Dates: strict YYYY-MM-DD with a real calendar day.
bool isValidDate(std::string_view date);
// Today's date (UTC) from milliseconds since the epoch.
std::string dateFromMs(std::int64_t ms);

}  // namespace abri::model
