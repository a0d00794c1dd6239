#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
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

// The registration window: from the first day of the month 47 months before today's month.
const std::int64_t kWindowStart = demo::daysFromDate("2021-07-01");

bool hasCode(const Json& doc, std::string_view path, std::string_view code) {
    const Json values = model::getField(doc, path);
    return std::any_of(values.begin(), values.end(), [code](const Json& value) { return value == code; });
}

std::vector<Json> prefix50(const std::vector<Json>& docs) { return {docs.begin(), docs.begin() + 50}; }

double share(std::size_t part, std::size_t whole) { return whole == 0 ? 0.0 : double(part) / double(whole); }

// Research consent that covers research use: given and not withdrawn.
bool hasResearchConsent(const std::vector<demo::SyntheticItem>& items) {
    return std::any_of(items.begin(), items.end(), [](const demo::SyntheticItem& item) {
        return item.kind == model::Entity::Consent && item.doc.value("scope", "") == "research" &&
               item.doc.value("given", false) && !item.doc.contains("withdrawn_on");
    });
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
    // Items too: same kinds and documents in the same order.
    for (std::size_t i : {0U, 3U, 77U, 199U}) {
        const auto first = demo::makeSyntheticItems(a[i], 9 + i, kToday);
        const auto again = demo::makeSyntheticItems(b[i], 9 + i, kToday);
        REQUIRE(first.size() == again.size());
        for (std::size_t k = 0; k < first.size(); ++k) {
            CHECK(first[k].kind == again[k].kind);
            CHECK(first[k].doc == again[k].doc);
        }
    }
    // Two cases given the same item seed still get different items.
    CHECK(demo::makeSyntheticItems(a[0], 9, kToday).back().doc != demo::makeSyntheticItems(a[1], 9, kToday).back().doc);
    // With several offices as well.
    const std::vector<std::string> offices{"TST-ONE", "TST-TWO", "TST-THR"};
    CHECK(demo::makeSyntheticCases(150, 42, offices, kToday) == demo::makeSyntheticCases(150, 42, offices, kToday));
    // One office in the list is the same as that office alone.
    CHECK(demo::makeSyntheticCases(50, 42, std::vector<std::string>{"TST-ONE"}, kToday) == prefix50(a));
}

TEST_CASE("every synthetic case and item passes the model's validation", "[demo]") {
    for (std::uint64_t seed : {1ULL, 7ULL, 123456789ULL}) {
        const auto docs = demo::makeSyntheticCases(1500, seed, "TST-ONE", kToday);
        for (std::size_t i = 0; i < docs.size(); ++i) {
            INFO("seed " << seed << ", case " << i);
            REQUIRE_NOTHROW(requireValidCase(docs[i]));
            if (i % 5 != 0) continue;
            bool sharingConsent = false;
            for (const auto& item : demo::makeSyntheticItems(docs[i], seed + i, kToday)) {
                INFO("item " << model::entityCode(item.kind));
                REQUIRE_NOTHROW(model::validateDocument(item.kind, item.doc, kToday));
                // Sharing beyond the office needs consent: no transfers, and an outgoing referral only after a
                // given data-sharing consent (the order the repository checks).
                CHECK(item.kind != model::Entity::Transfer);
                if (item.kind == model::Entity::Consent && item.doc["scope"] == "data_sharing" &&
                    item.doc["given"] == true && !item.doc.contains("withdrawn_on")) {
                    sharingConsent = true;
                }
                if (item.kind == model::Entity::Referral && item.doc["direction"] == "outgoing") {
                    CHECK(sharingConsent);
                }
            }
        }
    }
}

TEST_CASE("synthetic cases are varied and obviously fake", "[demo]") {
    const auto docs = demo::makeSyntheticCases(3000, 5, "TST-ONE", kToday);
    std::set<std::string> statuses, exploitation, citizenships, genders;
    std::size_t minors = 0;
    std::size_t withNotes = 0;
    std::size_t inFirstMonth = 0;  // the window is used from its start
    const auto earliest = kWindowStart;
    for (const auto& doc : docs) {
        CHECK(text(doc, "office") == "TST-ONE");
        CHECK(text(doc, "person.given_name").starts_with("Test"));
        CHECK(text(doc, "person.family_name").starts_with("Fake"));
        for (const auto& alias : model::getField(doc, "person.aliases")) {
            CHECK(alias.get<std::string>().starts_with("Fakealias"));
        }
        const auto registered = demo::daysFromDate(text(doc, "registered_on"));
        inFirstMonth += registered < earliest + 31 ? 1 : 0;
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
    CHECK(inFirstMonth > 0);
    CHECK(withNotes >= 100);

    std::set<std::string> outcomes;
    for (const auto& doc : docs) outcomes.insert(model::screeningOutcome(doc));
    CHECK(outcomes == std::set<std::string>{"presumed_victim", "pending", "not_victim"});
}

TEST_CASE("synthetic caseload has realistic distributions for reports", "[demo]") {
    constexpr std::size_t kCases = 5000;
    const auto docs = demo::makeSyntheticCases(kCases, 2024, "TST-ONE", kToday);
    std::size_t women = 0, men = 0, minors = 0, unknownAge = 0, youngAdults = 0, twoTypes = 0;
    std::size_t international = 0, internationalKnown = 0, research = 0, presumed = 0, closed = 0;
    std::size_t withReferral = 0, summer = 0, winter = 0;
    std::size_t sexualWomen = 0, sexual = 0, labourMen = 0, labourWomen = 0;
    std::map<std::string, std::size_t> years, closedByYear;
    std::set<std::string> serviceTypes, serviceStatuses, closureReasons;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const Json& doc = docs[i];
        INFO("case " << i);
        const std::string gender = text(doc, "person.gender");
        const std::string registered = text(doc, "registered_on");
        const std::string year = registered.substr(0, 4);
        const std::string month = registered.substr(5, 2);
        ++years[year];
        summer += month == "06" || month == "07" || month == "08" ? 1 : 0;
        winter += month == "12" || month == "01" || month == "02" ? 1 : 0;
        women += gender == "female" ? 1 : 0;
        men += gender == "male" ? 1 : 0;

        const auto age = model::ageOn(doc, registered);
        if (!age) ++unknownAge;
        if (model::isMinor(doc)) ++minors;
        if (age && *age >= 18 && *age <= 29) ++youngAdults;

        const Json types = model::getField(doc, "situation.exploitation_types");
        REQUIRE(types.is_array());
        REQUIRE_FALSE(types.empty());
        for (const auto& type : types) CHECK(model::isValidCode(model::CodeList::ExploitationType, type.get<std::string>()));
        twoTypes += types.size() == 2 ? 1 : 0;
        const bool isSexual = hasCode(doc, "situation.exploitation_types", "sexual_exploitation");
        const bool isLabour = hasCode(doc, "situation.exploitation_types", "forced_labour");
        sexual += isSexual ? 1 : 0;
        sexualWomen += isSexual && gender == "female" ? 1 : 0;
        labourMen += isLabour && gender == "male" ? 1 : 0;
        labourWomen += isLabour && gender == "female" ? 1 : 0;
        // A labour sector exactly when there is forced labour; several means of control; a recruitment method.
        CHECK(model::getField(doc, "situation.labour_sector").is_string() == isLabour);
        CHECK(model::getField(doc, "situation.control_means").size() >= 2);
        CHECK(model::getField(doc, "situation.recruitment_methods").size() >= 1);

        presumed += model::screeningOutcome(doc) == "presumed_victim" ? 1 : 0;
        const std::string status = text(doc, "status");
        if (status == "closed" || status == "closed_referred") {
            ++closed;
            ++closedByYear[year];
            const std::string reason = text(doc, "closure_reason");
            CHECK(model::isValidCode(model::CodeList::ClosureReason, reason));
            closureReasons.insert(reason);
            CHECK(text(doc, "closed_on") >= registered);
            CHECK(text(doc, "closed_on") <= std::string(kToday));
        } else {
            CHECK(model::getField(doc, "closure_reason").is_null());
            CHECK(model::getField(doc, "closed_on").is_null());
        }

        const auto items = demo::makeSyntheticItems(doc, 2024 + i, kToday);
        std::vector<Json> events;
        bool referral = false;
        for (const auto& item : items) {
            if (item.kind == model::Entity::Event) events.push_back(item.doc);
            if (item.kind == model::Entity::Referral) referral = true;
            if (item.kind == model::Entity::Service) {
                serviceTypes.insert(item.doc["type"].get<std::string>());
                serviceStatuses.insert(item.doc["status"].get<std::string>());
                // A closed case's services are over.
                if (status == "closed" || status == "closed_referred") {
                    CHECK(item.doc["status"] != "ongoing");
                    CHECK(item.doc["status"] != "planned");
                }
            }
        }
        withReferral += referral ? 1 : 0;
        if (status == "closed_referred") CHECK(referral);
        research += hasResearchConsent(items) ? 1 : 0;
        if (const auto isInternational = model::isInternational(doc, events)) {
            ++internationalKnown;
            international += *isInternational ? 1 : 0;
        }
    }
    INFO("women " << women << ", men " << men << ", minors " << minors << ", unknown age " << unknownAge
                  << ", international " << international << "/" << internationalKnown << ", research " << research
                  << ", presumed " << presumed << ", closed " << closed);
    // Sex: ~70% women, ~28% men.
    CHECK(share(women, kCases) >= 0.60);
    CHECK(share(women, kCases) <= 0.80);
    CHECK(share(men, kCases) >= 0.18);
    CHECK(share(men, kCases) <= 0.38);
    // Age: a real share of minors, many young adults, a few unknown ages.
    CHECK(share(minors, kCases) >= 0.10);
    CHECK(share(minors, kCases) <= 0.30);
    CHECK(share(youngAdults, kCases) >= 0.35);
    CHECK(share(unknownAge, kCases) >= 0.01);
    CHECK(share(unknownAge, kCases) <= 0.10);
    // International vs internal, derived from the events as reports derive it.
    CHECK(internationalKnown == kCases);
    CHECK(share(international, internationalKnown) >= 0.45);
    CHECK(share(international, internationalKnown) <= 0.75);
    // Exploitation follows sex: sexual exploitation mostly women; forced labour more common among men.
    CHECK(share(sexualWomen, sexual) >= 0.80);
    CHECK(share(labourMen, men) > share(labourWomen, women) * 2);
    CHECK(share(twoTypes, kCases) >= 0.05);
    CHECK(share(twoTypes, kCases) <= 0.25);
    // Registration over several years, growing, with a summer peak.
    CHECK(years.size() >= 3);
    CHECK(years["2024"] > years["2022"]);
    CHECK(summer > winter);
    // Lifecycle: mostly presumed victims; older cases more often closed, with reasons.
    CHECK(share(presumed, kCases) >= 0.70);
    CHECK(share(closedByYear["2022"], years["2022"]) > share(closedByYear["2025"], years["2025"]));
    CHECK(closureReasons.size() >= 5);
    // Assistance: services of several types and statuses, some referrals, research consent for ~70%.
    CHECK(serviceTypes.size() >= 8);
    CHECK(serviceStatuses.size() == model::codes(model::CodeList::ServiceStatus).size());
    CHECK(share(withReferral, kCases) >= 0.10);
    CHECK(share(research, kCases) >= 0.55);
    CHECK(share(research, kCases) <= 0.85);
}

TEST_CASE("synthetic cases can be spread over several offices", "[demo]") {
    const std::vector<std::string> offices{"TST-ONE", "TST-TWO", "TST-THR", "TST-FOU"};
    const auto docs = demo::makeSyntheticCases(4000, 8, offices, kToday);
    std::map<std::string, std::size_t> perOffice;
    std::map<std::string, std::string> firstRegistration;
    for (const auto& doc : docs) {
        REQUIRE_NOTHROW(requireValidCase(doc));
        const std::string office = text(doc, "office");
        ++perOffice[office];
        auto& first = firstRegistration[office];
        if (first.empty() || text(doc, "registered_on") < first) first = text(doc, "registered_on");
    }
    REQUIRE(perOffice.size() == offices.size());
    // The first office is the largest; later ones are smaller and opened later.
    CHECK(perOffice["TST-ONE"] > perOffice["TST-TWO"]);
    CHECK(perOffice["TST-TWO"] > perOffice["TST-FOU"]);
    CHECK(firstRegistration["TST-ONE"] < firstRegistration["TST-TWO"]);
    CHECK(firstRegistration["TST-TWO"] < firstRegistration["TST-THR"]);
    CHECK_THROWS_AS(demo::makeSyntheticCases(1, 8, std::vector<std::string>{}, kToday), Error);
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

    // Enough cases that some carry outgoing referrals, which the repository accepts only after a data-sharing consent.
    auto docs = demo::makeSyntheticCases(60, 11, worker->office(), worker->today());
    std::size_t expectedItems = 0;
    std::size_t outgoingReferrals = 0;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        Json items = Json::array();
        for (auto& item : demo::makeSyntheticItems(docs[i], 11 + i, worker->today())) {
            item.doc["kind"] = model::entityCode(item.kind);
            items.push_back(item.doc);
        }
        expectedItems += items.size();
        for (const auto& item : items) outgoingReferrals += item["kind"] == "referral" && item["direction"] == "outgoing";
        docs[i]["items"] = items;
    }
    CHECK(outgoingReferrals > 0);
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
