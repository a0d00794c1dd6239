#include <catch2/catch.hpp>

#include <set>

#include "cases/case_repository.h"
#include "common/error.h"
#include "demo/synthetic_cases.h"
#include "model/case_rules.h"
#include "model/code_lists.h"
#include "support/temp_dir.h"
#include "vault/vault.h"

using namespace abri;
using Json = nlohmann::json;

namespace {

constexpr std::string_view kToday = "2025-06-15";

std::string text(const Json& doc, std::string_view path) {
    const Json value = model::getField(doc, path);
    return value.is_string() ? value.get<std::string>() : std::string();
}

// The repository fills in case_code; everything else must already be valid.
void requireValidCase(Json doc) {
    doc["case_code"] = "TST-25-TEST1";
    model::validateDocument(model::Entity::Case, doc, kToday);
}

}  // namespace

TEST_CASE("dates convert to day numbers and back", "[demo]") {
    CHECK(demo::daysFromDate("1970-01-01") == 0);
    CHECK(demo::daysFromDate("1970-01-02") == 1);
    CHECK(demo::daysFromDate("1969-12-31") == -1);
    CHECK(demo::daysFromDate("2000-03-01") - demo::daysFromDate("2000-02-28") == 2);  // 2000 is a leap year
    CHECK(demo::daysFromDate("2100-03-01") - demo::daysFromDate("2100-02-28") == 1);  // 2100 is not
    for (std::int64_t day = -719'000; day < 2'900'000; day += 997) {  // years 0001 to 9900
        CHECK(demo::daysFromDate(demo::dateFromDays(day)) == day);
    }
    CHECK_THROWS_AS(demo::daysFromDate("2025-02-30"), Error);
}

TEST_CASE("synthetic cases are deterministic per seed", "[demo]") {
    const auto a = demo::makeSyntheticCases(200, 42, "TST-ONE", kToday);
    const auto b = demo::makeSyntheticCases(200, 42, "TST-ONE", kToday);
    const auto other = demo::makeSyntheticCases(200, 43, "TST-ONE", kToday);
    REQUIRE(a.size() == 200);
    CHECK(a == b);
    CHECK(a != other);
    // Case i does not depend on how many cases were asked for.
    const auto prefix = demo::makeSyntheticCases(20, 42, "TST-ONE", kToday);
    CHECK(std::equal(prefix.begin(), prefix.end(), a.begin()));
    // Items too.
    CHECK(demo::makeSyntheticItems(a[3], 9, kToday).size() == demo::makeSyntheticItems(a[3], 9, kToday).size());
    CHECK(demo::makeSyntheticItems(a[3], 9, kToday)[0].doc == demo::makeSyntheticItems(a[3], 9, kToday)[0].doc);
}

TEST_CASE("every synthetic case and item passes the model's validation", "[demo]") {
    for (std::uint64_t seed : {1ULL, 7ULL, 123456789ULL}) {
        const auto docs = demo::makeSyntheticCases(1500, seed, "TST-ONE", kToday);
        for (std::size_t i = 0; i < docs.size(); ++i) {
            INFO("seed " << seed << ", case " << i);
            REQUIRE_NOTHROW(requireValidCase(docs[i]));
            if (i % 5 != 0) continue;
            for (const auto& item : demo::makeSyntheticItems(docs[i], seed + i, kToday)) {
                INFO("item " << model::entityCode(item.kind));
                REQUIRE_NOTHROW(model::validateDocument(item.kind, item.doc, kToday));
                // Sharing beyond the office needs consent: the generator never produces it.
                CHECK(item.kind != model::Entity::Transfer);
                CHECK(item.kind != model::Entity::Referral);
            }
        }
    }
}

TEST_CASE("synthetic cases are varied and obviously fake", "[demo]") {
    const auto docs = demo::makeSyntheticCases(3000, 5, "TST-ONE", kToday);
    std::set<std::string> statuses, exploitation, citizenships, genders;
    std::size_t minors = 0;
    std::size_t withNotes = 0;
    const auto earliest = demo::daysFromDate(kToday) - 3 * 365;
    for (const auto& doc : docs) {
        CHECK(text(doc, "office") == "TST-ONE");
        CHECK(text(doc, "person.given_name").starts_with("Test"));
        CHECK(text(doc, "person.family_name").starts_with("Fake"));
        for (const auto& alias : model::getField(doc, "person.aliases")) {
            CHECK(alias.get<std::string>().starts_with("Fakealias"));
        }
        const auto registered = demo::daysFromDate(text(doc, "registered_on"));
        CHECK(registered >= earliest);
        CHECK(registered <= demo::daysFromDate(kToday));
        statuses.insert(text(doc, "status"));
        citizenships.insert(text(doc, "person.citizenship"));
        genders.insert(text(doc, "person.gender"));
        for (const auto& type : model::getField(doc, "situation.exploitation_types")) {
            exploitation.insert(type.get<std::string>());
        }
        if (model::isMinor(doc)) ++minors;
    }
    for (const auto& doc : std::vector<Json>(docs.begin(), docs.begin() + 100)) {
        for (const auto& item : demo::makeSyntheticItems(doc, 5, kToday)) {
            if (item.kind != model::Entity::Note) continue;
            ++withNotes;
            const auto noteText = text(item.doc, "text");
            CHECK((noteText.find("Test") != std::string::npos || noteText.find("Fake") != std::string::npos ||
                   noteText.find("Synthetic") != std::string::npos || noteText.find("Demo") != std::string::npos));
        }
    }
    CHECK(statuses.size() == model::codes(model::CodeList::CaseStatus).size());
    CHECK(exploitation.size() >= 8);
    CHECK(citizenships.size() >= 15);
    CHECK(genders.size() == 4);
    CHECK(minors > docs.size() / 12);  // about one in six
    CHECK(minors < docs.size() / 3);
    CHECK(withNotes >= 100);

    std::set<std::string> outcomes;
    for (const auto& doc : docs) outcomes.insert(model::screeningOutcome(doc));
    CHECK(outcomes == std::set<std::string>{"presumed_victim", "pending", "not_victim"});
}

TEST_CASE("the repository imports synthetic cases with their items", "[demo]") {
    test::TempDir dir;
    crypto::SecureBuffer recoveryKey;
    const std::string adminPassword = "Admin-Fake-Password-1";
    vault::CreateOptions options;
    options.path = dir / "demo.abri";
    options.office = "TST-ONE";
    options.adminUsername = "testadmin";
    options.adminDisplayName = "Testadmin Alpha";
    options.adminPassword = adminPassword;
    options.kdf = crypto::KdfParams::minimum();
    auto admin = vault::Vault::create(options, recoveryKey);
    admin->addUser("testworker", "Testworker Beta", vault::Role::Caseworker, "Worker-Fake-Password-2",
                   crypto::KdfParams::minimum());
    admin->lock();
    auto worker = vault::Vault::unlock(options.path, "testworker", "Worker-Fake-Password-2");

    auto docs = demo::makeSyntheticCases(60, 11, worker->office(), worker->today());
    std::size_t expectedItems = 0;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        Json items = Json::array();
        for (auto& item : demo::makeSyntheticItems(docs[i], 11 + i, worker->today())) {
            item.doc["kind"] = model::entityCode(item.kind);
            items.push_back(item.doc);
        }
        expectedItems += items.size();
        docs[i]["items"] = items;
    }
    cases::CaseRepository repository(*worker);
    const auto ids = repository.importCases(docs);
    REQUIRE(ids.size() == 60);
    CHECK(repository.count({}) == 60);
    std::size_t items = 0;
    for (const auto& id : ids) items += repository.load(id)->items.size();
    CHECK(items == expectedItems);
    // Notes are indexed: a word only the fake note texts contain finds cases.
    cases::CaseFilter filter;
    filter.text = "synthetic";
    CHECK(repository.count(filter) > 0);
}
