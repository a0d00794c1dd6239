#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

#include "model/fields.h"

using namespace abri::model;

namespace {

constexpr Entity kAllEntities[] = {Entity::Case,     Entity::Event, Entity::Consent, Entity::Service,
                                   Entity::Referral, Entity::Note,  Entity::Transfer};

std::set<std::string_view> pathsWhere(Entity entity, bool (*predicate)(const FieldSpec&)) {
    std::set<std::string_view> paths;
    for (const auto& spec : fieldsOf(entity)) {
        if (predicate(spec)) paths.insert(spec.path);
    }
    return paths;
}

bool always(const FieldSpec&) { return true; }
bool isSensitive(const FieldSpec& spec) { return spec.sensitive; }
bool isRequired(const FieldSpec& spec) { return spec.required; }
bool isFixed(const FieldSpec& spec) { return !spec.editable; }
bool isHubOnly(const FieldSpec& spec) { return spec.hubOnly; }

}  // namespace

TEST_CASE("entity codes round-trip and only notes and services are append-only", "[model][fields]") {
    std::set<std::string_view> seen;
    for (Entity entity : kAllEntities) {
        CHECK(entityFromCode(entityCode(entity)) == entity);
        CHECK(seen.insert(entityCode(entity)).second);
    }
    CHECK(entityCode(Entity::Case) == "case");
    CHECK(entityCode(Entity::Transfer) == "transfer");
    CHECK_FALSE(entityFromCode("Case").has_value());
    CHECK_FALSE(entityFromCode("").has_value());
    CHECK(isAppendOnly(Entity::Note));
    CHECK(isAppendOnly(Entity::Service));
    for (Entity entity : {Entity::Case, Entity::Event, Entity::Consent, Entity::Referral, Entity::Transfer}) {
        CHECK_FALSE(isAppendOnly(entity));
    }
}

TEST_CASE("the case fields are exactly those documented in fields.h", "[model][fields]") {
    const std::set<std::string_view> documented{
        "case_code", "office", "caseworker", "status", "closure_reason", "registered_on", "closed_on",
        "duplicate_of", "same_person_as", "possible_duplicate_of",
        "person.given_name", "person.family_name", "person.aliases", "person.gender", "person.date_of_birth",
        "person.estimated_age", "person.citizenship", "person.languages", "person.marital_status",
        "person.children", "person.education", "person.contacts", "person.identity_documents",
        "screening.acts", "screening.means", "screening.purposes", "screening.complete", "screening.screened_on",
        "situation.recruitment_methods", "situation.recruiter_relationship", "situation.control_means",
        "situation.exploitation_types", "situation.labour_sector", "situation.started_on", "situation.ended_on"};
    CHECK(pathsWhere(Entity::Case, always) == documented);
    CHECK(fieldsOf(Entity::Case).size() == documented.size());  // no path twice
}

TEST_CASE("item fields have the documented types, code lists and required flags", "[model][fields]") {
    struct Expected {
        Entity entity;
        std::string_view path;
        FieldType type;
        std::optional<CodeList> codeList;
        bool required;
    };
    const Expected expected[] = {
        {Entity::Event, "type", FieldType::Code, CodeList::EventType, true},
        {Entity::Event, "date", FieldType::Date, std::nullopt, false},
        {Entity::Event, "country", FieldType::Code, CodeList::Country, false},
        {Entity::Event, "place", FieldType::Text, std::nullopt, false},
        {Entity::Consent, "scope", FieldType::Code, CodeList::ConsentScope, true},
        {Entity::Consent, "given", FieldType::Boolean, std::nullopt, true},
        {Entity::Consent, "partner", FieldType::Text, std::nullopt, false},
        {Entity::Consent, "recorded_on", FieldType::Date, std::nullopt, true},
        {Entity::Consent, "recorded_by", FieldType::Text, std::nullopt, false},
        {Entity::Consent, "withdrawn_on", FieldType::Date, std::nullopt, false},
        {Entity::Service, "type", FieldType::Code, CodeList::ServiceType, true},
        {Entity::Service, "provider", FieldType::Text, std::nullopt, false},
        {Entity::Service, "status", FieldType::Code, CodeList::ServiceStatus, true},
        {Entity::Service, "started_on", FieldType::Date, std::nullopt, false},
        {Entity::Service, "ended_on", FieldType::Date, std::nullopt, false},
        {Entity::Service, "notes", FieldType::LongText, std::nullopt, false},
        {Entity::Referral, "direction", FieldType::Code, CodeList::ReferralDirection, true},
        {Entity::Referral, "partner", FieldType::Text, std::nullopt, true},
        {Entity::Referral, "reason", FieldType::LongText, std::nullopt, false},
        {Entity::Referral, "status", FieldType::Code, CodeList::ReferralStatus, true},
        {Entity::Referral, "date", FieldType::Date, std::nullopt, false},
        {Entity::Note, "text", FieldType::LongText, std::nullopt, true},
        {Entity::Transfer, "to_office", FieldType::Text, std::nullopt, true},
        {Entity::Transfer, "reason", FieldType::LongText, std::nullopt, false},
        {Entity::Transfer, "date", FieldType::Date, std::nullopt, false},
    };
    std::map<Entity, std::size_t> counts;
    for (const auto& field : expected) {
        INFO(entityCode(field.entity) << "." << field.path);
        const FieldSpec* spec = findField(field.entity, field.path);
        REQUIRE(spec != nullptr);
        CHECK(spec->path == field.path);
        CHECK(spec->type == field.type);
        CHECK(spec->codeList == field.codeList);
        CHECK(spec->required == field.required);
        CHECK(spec->editable);
        ++counts[field.entity];
    }
    for (const auto& [entity, count] : counts) {
        INFO(entityCode(entity));
        CHECK(fieldsOf(entity).size() == count);
    }
    CHECK(findField(Entity::Event, "kind") == nullptr);
    CHECK(findField(Entity::Case, "person") == nullptr);  // a group, not a field
    CHECK(findField(Entity::Case, "date_of_birth") == nullptr);
}

TEST_CASE("sensitive, required and fixed fields of a case", "[model][fields]") {
    CHECK(pathsWhere(Entity::Case, isSensitive) ==
          std::set<std::string_view>{"person.given_name", "person.family_name", "person.aliases",
                                     "person.date_of_birth", "person.contacts", "person.identity_documents"});
    CHECK(pathsWhere(Entity::Case, isRequired) ==
          std::set<std::string_view>{"case_code", "office", "status", "registered_on"});
    CHECK(pathsWhere(Entity::Case, isFixed) ==
          std::set<std::string_view>{"case_code", "office", "duplicate_of", "same_person_as", "possible_duplicate_of"});
    // Written by the hub's change-sets only (PROTOCOL.md §6.4), never by a device.
    CHECK(pathsWhere(Entity::Case, isHubOnly) ==
          std::set<std::string_view>{"duplicate_of", "same_person_as", "possible_duplicate_of"});
    for (Entity entity : {Entity::Event, Entity::Consent, Entity::Service, Entity::Referral, Entity::Note,
                          Entity::Transfer})
        CHECK(pathsWhere(entity, isHubOnly).empty());
    CHECK(pathsWhere(Entity::Note, isSensitive) == std::set<std::string_view>{"text"});
    CHECK(pathsWhere(Entity::Service, isSensitive) == std::set<std::string_view>{"notes"});
    for (Entity entity : {Entity::Event, Entity::Consent, Entity::Referral, Entity::Transfer}) {
        INFO(entityCode(entity));
        CHECK(pathsWhere(entity, isSensitive).empty());
    }
}

TEST_CASE("the registry is consistent with the code lists", "[model][fields]") {
    std::set<CodeList> used;
    for (Entity entity : kAllEntities) {
        std::set<std::string_view> paths;
        for (const auto& spec : fieldsOf(entity)) {
            INFO(entityCode(entity) << ": " << spec.path);
            CHECK(paths.insert(spec.path).second);
            const bool takesCodes = spec.type == FieldType::Code || spec.type == FieldType::CodeSet;
            CHECK(spec.codeList.has_value() == takesCodes);
            if (spec.codeList) used.insert(*spec.codeList);
            if (spec.type == FieldType::Integer) {
                CHECK(spec.minValue < spec.maxValue);
            } else {
                CHECK(spec.minValue == 0);
                CHECK(spec.maxValue == 0);
            }
            if (spec.futureAllowed) CHECK(spec.type == FieldType::Date);
            // Set once at creation, so it must be set then; or written by the hub only (§6.4), so devices never do.
            if (!spec.editable) CHECK(spec.required != spec.hubOnly);
        }
    }
    // Contacts and identity documents use their lists inside their records.
    used.insert({CodeList::ContactType, CodeList::IdentityDocumentType});
    for (CodeList list : allCodeLists()) {
        INFO(codeListName(list));
        // Derived lists: outcomes are computed (screeningOutcome), item kinds name entities.
        const bool derived = list == CodeList::ScreeningOutcome || list == CodeList::ItemKind;
        CHECK(used.count(list) == (derived ? 0U : 1U));
    }
}

TEST_CASE("integer ranges and future dates", "[model][fields]") {
    const FieldSpec* age = findField(Entity::Case, "person.estimated_age");
    REQUIRE(age != nullptr);
    CHECK(age->minValue == 0);
    CHECK(age->maxValue == 120);
    const FieldSpec* children = findField(Entity::Case, "person.children");
    REQUIRE(children != nullptr);
    CHECK(children->minValue == 0);
    CHECK(children->maxValue == 30);
    // Only planned services may have dates ahead of today.
    std::set<std::string> future;
    for (Entity entity : kAllEntities) {
        for (const auto& spec : fieldsOf(entity)) {
            if (spec.futureAllowed) future.insert(std::string(entityCode(entity)) + "." + std::string(spec.path));
        }
    }
    CHECK(future == std::set<std::string>{"service.started_on", "service.ended_on"});
}
