#include "catch_qt.h"

#include "i18n/code_labels.h"
#include "i18n/field_labels.h"
#include "i18n/iso_names.h"
#include "i18n/mo_catalog.h"
#include "language_guard.h"
#include "model/code_lists.h"
#include "model/fields.h"

using abri::app::CodeLabels;
using abri::app::FieldLabels;
using abri::model::CodeList;
using abri::model::Entity;

TEST_CASE("every code of every list has a written label", "[app][labels]") {
    for (CodeList list : abri::model::allCodeLists()) {
        for (std::string_view code : abri::model::codes(list)) {
            INFO(abri::model::codeListName(list) << "/" << code);
            CHECK(CodeLabels::hasLabel(list, code));
            CHECK_FALSE(CodeLabels::label(list, code).isEmpty());
        }
    }
}

TEST_CASE("every field of every entity has a label", "[app][labels]") {
    for (Entity entity : {Entity::Case, Entity::Event, Entity::Consent, Entity::Service, Entity::Referral,
                          Entity::Note, Entity::Transfer}) {
        for (const auto& spec : abri::model::fieldsOf(entity)) {
            INFO(abri::model::entityCode(entity) << "." << spec.path);
            CHECK(FieldLabels::hasLabel(entity, spec.path));
        }
    }
}

TEST_CASE("code labels and country names follow the language", "[app][labels][i18n]") {
    CHECK(CodeLabels::label(CodeList::CaseStatus, std::string_view("under_assistance")) == QStringLiteral("Under assistance"));
    CHECK(CodeLabels::label(CodeList::Country, std::string_view("DE")) == QStringLiteral("Germany"));
    {
        abri::app::test::LanguageGuard guard(QStringLiteral("fr"));
        CHECK(CodeLabels::label(CodeList::Country, std::string_view("DE")) == QStringLiteral("Allemagne"));
        CHECK(CodeLabels::label(CodeList::CaseStatus, std::string_view("under_assistance")) != QStringLiteral("Under assistance"));
        // The same English word in two lists may be translated differently; both are translated.
        CHECK(CodeLabels::label(CodeList::ScreeningAct, std::string_view("transfer")) != QStringLiteral("Transfer"));
    }
    {
        abri::app::test::LanguageGuard guard(QStringLiteral("ar"));
        CHECK(CodeLabels::label(CodeList::Country, std::string_view("DE")) == QStringLiteral("ألمانيا"));
        CHECK(CodeLabels::label(CodeList::Language, std::string_view("fr")) != QStringLiteral("French"));
    }
    CHECK(CodeLabels::label(CodeList::Country, std::string_view("DE")) == QStringLiteral("Germany"));
}

TEST_CASE("an unknown code from a newer client still reads", "[app][labels]") {
    CHECK(CodeLabels::label(CodeList::ServiceType, std::string_view("some_new_service")) == QStringLiteral("some new service"));
    CHECK(CodeLabels::label(CodeList::ServiceType, std::string_view("")).isEmpty());
}

TEST_CASE("countries are sorted by their translated names", "[app][labels][i18n]") {
    abri::app::test::LanguageGuard guard(QStringLiteral("fr"));
    const auto entries = CodeLabels::entries(CodeList::Country);
    REQUIRE(entries.size() > 200);
    // "Allemagne" (DE) comes before "Belgique" (BE) in French, unlike the codes.
    qsizetype germany = -1, belgium = -1;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries[i].first == QStringLiteral("DE")) germany = i;
        if (entries[i].first == QStringLiteral("BE")) belgium = i;
    }
    CHECK(germany >= 0);
    CHECK(germany < belgium);
}

TEST_CASE("MoCatalog rejects garbage and reads gettext catalogues", "[app][labels]") {
    CHECK(abri::app::MoCatalog::fromBytes(QByteArray("not a catalogue at all")).isEmpty());
    CHECK(abri::app::MoCatalog::fromBytes(QByteArray()).isEmpty());
    const auto catalog = abri::app::MoCatalog::load(QStringLiteral("/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo"));
    REQUIRE_FALSE(catalog.isEmpty());
    CHECK(catalog.translate("Morocco") == QStringLiteral("Maroc"));
    CHECK(catalog.translate("No such country").isNull());
}
