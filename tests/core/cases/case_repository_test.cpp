#include <catch2/catch.hpp>

#include "audit/audit_log.h"
#include "cases/case_store.h"
#include "common/error.h"
#include "journal/journal.h"
#include "model/case_rules.h"
#include "repository_fixture.h"

using namespace abri;
using cases::CaseQuery;
using cases::Json;
using model::Entity;

namespace {

// Filters read best as "where status is X": a small builder instead of designated initializers.
template <typename Set>
cases::CaseFilter where(Set&& set) {
    cases::CaseFilter f;
    set(f);
    return f;
}

[[maybe_unused]] cases::CaseQuery query(cases::CaseFilter filter, int limit = 50) {
    cases::CaseQuery q;
    q.filter = std::move(filter);
    q.limit = limit;
    return q;
}

Json sampleCase(const std::string& given = "Testname", const std::string& family = "Fakeperson") {
    return Json::parse(R"({
      "person": {"given_name": ")" + given + R"(", "family_name": ")" + family + R"(", "gender": "female",
                 "date_of_birth": "2000-03-04", "citizenship": "NG", "aliases": ["Alias Testalias"]},
      "screening": {"acts": ["recruitment"], "means": ["deception"], "purposes": ["forced_labour"],
                    "complete": true, "screened_on": "2026-05-01"},
      "situation": {"exploitation_types": ["forced_labour"], "recruitment_methods": ["job_offer"]},
      "items": [
        {"kind": "event", "type": "recruitment", "date": "2025-01-10", "country": "NG", "place": "Faketown"},
        {"kind": "event", "type": "exploitation", "date": "2025-03-10", "country": "TN"},
        {"kind": "note", "text": "First interview held, synthetic note quokka"}
      ]})");
}

ErrorCode codeOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.code();
    }
    FAIL("no abri::Error thrown");
    return ErrorCode::Internal;
}

std::string subjectOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.subject();
    }
    FAIL("no abri::Error thrown");
    return {};
}

}  // namespace

TEST_CASE("a created case loads back with derived values and masked sensitive fields", "[cases]") {
    test::RepositoryFixture f;
    auto repo = f.repo();
    const std::string id = repo.createCase(sampleCase());
    auto view = repo.load(id);
    REQUIRE(view);
    CHECK(view->doc["office"] == "TST-01");
    CHECK(view->doc["status"] == "registered");
    CHECK(view->doc["registered_on"] == "2026-05-28");
    CHECK(view->doc["caseworker"] == f.vault->currentUser().id);  // a caseworker's new case is theirs
    CHECK(view->doc["case_code"].get<std::string>().rfind("TST-01-26-", 0) == 0);
    CHECK(view->screeningOutcome == "presumed_victim");
    CHECK_FALSE(view->minor);
    CHECK(view->age == 26);
    CHECK(view->international == true);  // recruited in NG, exploited in TN
    // Names and aliases are not in the document handed out; their paths are listed as masked.
    CHECK(model::getField(view->doc, "person.given_name").is_null());
    CHECK(model::getField(view->doc, "person.date_of_birth").is_null());
    CHECK(std::find(view->masked.begin(), view->masked.end(), "person.given_name") != view->masked.end());
    REQUIRE(view->items.size() == 3);
    const auto& note = view->items[2];
    CHECK(note.kind == Entity::Note);
    CHECK(model::getField(note.doc, "text").is_null());
    CHECK(note.author == f.vault->currentUser().id);
    CHECK(repo.findIdByCode(view->doc["case_code"].get<std::string>()) == id);
}

TEST_CASE("revealing a sensitive field is permitted by role and audited", "[cases]") {
    test::RepositoryFixture f;
    std::string id = f.repo().createCase(sampleCase());
    auto repo = f.repo();
    const auto before = f.vault->audit().count();
    CHECK(repo.reveal(id, "person.given_name") == "Testname");
    CHECK(f.vault->audit().count() == before + 1);
    auto last = f.vault->audit().page(0, 1).at(0);
    CHECK(last.action == audit::Action::SensitiveRevealed);
    CHECK(last.entityId == id);
    CHECK(last.field == "person.given_name");
    CHECK(last.detail.find("Testname") == std::string::npos);

    auto note = repo.load(id)->items.at(2);
    CHECK(repo.reveal(note.id, "text") == "First interview held, synthetic note quokka");

    f.login("admin", test::kAdminPassword);
    auto adminRepo = f.repo();
    CHECK(codeOf([&] { adminRepo.reveal(id, "person.given_name"); }) == ErrorCode::PermissionDenied);
    CHECK(codeOf([&] { adminRepo.createCase(sampleCase()); }) == ErrorCode::PermissionDenied);
    CHECK(adminRepo.load(id).has_value());  // administrators see that a case exists, not who it is about
}

TEST_CASE("journal ops match the edits exactly", "[cases][journal]") {
    test::RepositoryFixture f;
    auto repo = f.repo();
    const std::string id = repo.createCase(sampleCase());
    auto& journal = f.vault->journal();
    auto created = journal.entriesFor(id);
    REQUIRE(created.size() == 1);
    CHECK(created[0].op.kind == journal::OpKind::Create);
    CHECK(created[0].op.entity == "case");
    CHECK(Json::parse(created[0].op.valueJson)["person"]["family_name"] == "Fakeperson");
    CHECK(Json::parse(created[0].op.valueJson).contains("items") == false);
    const auto totalAfterCreate = journal.unshippedCount();
    CHECK(totalAfterCreate == 4);  // the case and its three items

    f.nowMs += 1000;
    repo.updateField(id, "person.marital_status", "single");
    repo.updateField(id, "person.marital_status", "single");  // unchanged: no op
    f.nowMs += 1000;
    repo.updateField(id, "person.marital_status", "married");
    auto entries = journal.entriesFor(id);
    REQUIRE(entries.size() == 3);
    CHECK(entries[1].op.kind == journal::OpKind::Set);
    CHECK(entries[1].op.field == "person.marital_status");
    CHECK(entries[1].op.valueJson == "\"single\"");
    REQUIRE(entries[1].op.base);
    CHECK(entries[1].op.base->hlc == created[0].hlc);  // the first edit is based on the creation
    REQUIRE(entries[2].op.base);
    CHECK(entries[2].op.base->hlc == entries[1].hlc);  // the next on the previous edit
    CHECK(entries[2].device == f.vault->deviceId());
    CHECK(entries[2].userId == f.vault->currentUser().id);

    // Several fields in one call: one op each, in one transaction.
    repo.updateFields(id, Json{{"person.education", "upper_secondary"}, {"person.children", 2}});
    CHECK(journal.entriesFor(id).size() == 5);
    CHECK(journal.unshippedCount() == totalAfterCreate + 4);
}

TEST_CASE("invalid values are refused with the field named and nothing written", "[cases][validation]") {
    test::RepositoryFixture f;
    auto repo = f.repo();
    const std::string id = repo.createCase(sampleCase());
    const auto journalBefore = f.vault->journal().unshippedCount();
    const auto auditBefore = f.vault->audit().count();

    Json future = sampleCase();
    future["person"]["date_of_birth"] = "2031-01-01";
    CHECK(codeOf([&] { repo.createCase(future); }) == ErrorCode::DateInFuture);
    CHECK(subjectOf([&] { repo.createCase(future); }) == "person.date_of_birth");

    Json badCode = sampleCase();
    badCode["situation"]["exploitation_types"] = Json::array({"not_a_type"});
    CHECK(codeOf([&] { repo.createCase(badCode); }) == ErrorCode::InvalidCode);

    Json badItem = sampleCase();
    badItem["items"][0]["date"] = "2025-02-30";
    CHECK(codeOf([&] { repo.createCase(badItem); }) == ErrorCode::InvalidDate);
    CHECK(subjectOf([&] { repo.createCase(badItem); }) == "items[0].date");

    CHECK(codeOf([&] { repo.updateField(id, "person.estimated_age", 400); }) == ErrorCode::ValueOutOfRange);
    CHECK(codeOf([&] { repo.updateField(id, "person.shoe_size", 40); }) == ErrorCode::UnknownField);
    CHECK(codeOf([&] { repo.updateField(id, "case_code", "X"); }) == ErrorCode::InvalidValue);
    CHECK(codeOf([&] { repo.updateField("no-such-case", "person.gender", "male"); }) == ErrorCode::NotFound);

    CHECK(repo.count({}) == 1);
    CHECK(f.vault->journal().unshippedCount() == journalBefore);
    CHECK(f.vault->audit().count() == auditBefore);
}

TEST_CASE("the status lifecycle is enforced and closing fills the closing date", "[cases]") {
    test::RepositoryFixture f;
    auto repo = f.repo();
    const std::string id = repo.createCase(sampleCase());
    CHECK(codeOf([&] { repo.updateField(id, "status", "follow_up"); }) == ErrorCode::InvalidTransition);
    repo.updateField(id, "status", "under_assistance");
    // Closing needs a reason.
    CHECK(codeOf([&] { repo.updateField(id, "status", "closed"); }) == ErrorCode::MissingField);
    CHECK(subjectOf([&] { repo.updateField(id, "status", "closed"); }) == "closure_reason");
    CHECK(repo.load(id)->doc["status"] == "under_assistance");
    repo.updateFields(id, Json{{"status", "closed"}, {"closure_reason", "assistance_completed"}});
    auto closed = repo.load(id);
    CHECK(closed->doc["status"] == "closed");
    CHECK(closed->doc["closed_on"] == "2026-05-28");
    repo.updateField(id, "status", "under_assistance");  // reopened
    auto reopened = repo.load(id);
    CHECK(model::getField(reopened->doc, "closed_on").is_null());
    CHECK(model::getField(reopened->doc, "closure_reason").is_null());
}

TEST_CASE("outgoing referrals and transfers need the person's consent to share data", "[cases][consent]") {
    test::RepositoryFixture f;
    auto repo = f.repo();
    const std::string id = repo.createCase(sampleCase());
    Json referral = {{"direction", "outgoing"}, {"partner", "Fake Legal Aid Org"}, {"status", "requested"}};
    CHECK(codeOf([&] { repo.addItem(id, Entity::Referral, referral); }) == ErrorCode::ConsentRequired);
    Json incoming = referral;
    incoming["direction"] = "incoming";
    repo.addItem(id, Entity::Referral, incoming);  // incoming referrals share nothing

    const std::string consent = repo.addItem(
        id, Entity::Consent, {{"scope", "data_sharing"}, {"given", true}, {"recorded_on", "2026-05-20"}});
    repo.addItem(id, Entity::Referral, referral);
    repo.updateItemField(consent, "withdrawn_on", "2026-05-27");
    CHECK(codeOf([&] { repo.addItem(id, Entity::Transfer, {{"to_office", "TST-02"}}); }) == ErrorCode::ConsentRequired);

    Json withItems = sampleCase();
    withItems["items"].push_back({{"kind", "referral"}, {"direction", "outgoing"}, {"partner", "Fake Org"},
                                  {"status", "requested"}});
    CHECK(codeOf([&] { repo.createCase(withItems); }) == ErrorCode::ConsentRequired);
}

TEST_CASE("notes and services are append-only, corrections supersede", "[cases]") {
    test::RepositoryFixture f;
    auto repo = f.repo();
    const std::string id = repo.createCase(sampleCase());
    const std::string noteId = repo.load(id)->items.at(2).id;
    CHECK(codeOf([&] { repo.updateItemField(noteId, "text", "rewritten"); }) == ErrorCode::AppendOnly);
    CHECK(codeOf([&] { repo.deleteItem(noteId); }) == ErrorCode::AppendOnly);
    const std::string fixed = repo.correctItem(noteId, {{"text", "Corrected synthetic note wombat"}});
    auto view = repo.load(id);
    REQUIRE(view->items.size() == 4);
    CHECK(view->items[2].superseded);
    CHECK(view->items[3].supersedes == noteId);
    CHECK(view->items[3].id == fixed);
    CHECK(repo.count(where([](auto& w) { w.text = "wombat"; })) == 1);

    const std::string service = repo.addItem(id, Entity::Service, {{"type", "medical"}, {"status", "planned"}});
    CHECK(codeOf([&] { repo.updateItemField(service, "status", "completed"); }) == ErrorCode::AppendOnly);
    repo.correctItem(service, {{"type", "medical"}, {"status", "completed"}});

    const std::string eventId = repo.load(id)->items.at(0).id;
    repo.updateItemField(eventId, "place", "Othertown");
    repo.deleteItem(eventId);
    CHECK(repo.load(id)->items.size() == 5);
}

TEST_CASE("deleting a case leaves a tombstone", "[cases]") {
    test::RepositoryFixture f;
    const std::string id = f.repo().createCase(sampleCase());
    CHECK(codeOf([&] { f.repo().deleteCase(id); }) == ErrorCode::PermissionDenied);  // caseworkers cannot
    f.login("super", test::kSupervisorPassword);
    auto repo = f.repo();
    repo.deleteCase(id);
    CHECK_FALSE(repo.load(id).has_value());
    CHECK(repo.count({}) == 0);
    CHECK(repo.count(where([](auto& w) { w.text = "Testname"; })) == 0);
    auto entries = f.vault->journal().entriesFor(id);
    CHECK(entries.back().op.kind == journal::OpKind::Delete);
}

TEST_CASE("lists filter, sort, page and search", "[cases][list]") {
    test::RepositoryFixture f;
    auto repo = f.repo();
    std::vector<Json> docs;
    for (int i = 0; i < 30; ++i) {
        Json d = sampleCase("Given" + std::to_string(i), "Family" + std::to_string(i));
        d["registered_on"] = "2026-01-" + std::string(i % 28 + 1 < 10 ? "0" : "") + std::to_string(i % 28 + 1);
        d["screening"]["screened_on"] = "2026-02-01";
        if (i % 3 == 0) {
            d["situation"]["exploitation_types"] = Json::array({"sexual_exploitation", "forced_labour"});
        }
        if (i % 5 == 0) {
            d["person"]["date_of_birth"] = "2012-01-01";  // a minor
        }
        docs.push_back(d);
    }
    Json arabic = sampleCase("سلمى", "اختبار");
    arabic["registered_on"] = "2025-12-31";
    docs.push_back(arabic);
    auto ids = repo.importCases(docs);
    REQUIRE(ids.size() == 31);
    repo.updateField(ids[7], "status", "under_assistance");

    CHECK(repo.count({}) == 31);
    CHECK(repo.count(where([](auto& w) { w.status = "under_assistance"; })) == 1);
    CHECK(repo.count(where([](auto& w) { w.exploitationType = "sexual_exploitation"; })) == 10);
    CHECK(repo.count(where([](auto& w) { w.minor = true; })) == 6);
    CHECK(repo.count(where([](auto& w) { w.registeredFrom = "2026-01-10"; w.registeredTo = "2026-01-12"; })) == 3);
    CHECK(repo.count(where([](auto& w) { w.office = "TST-01"; })) == 31);
    CHECK(repo.count(where([](auto& w) { w.office = "OTHER"; })) == 0);
    CHECK(repo.count(where([&](auto& w) { w.caseworker = f.vault->currentUser().id; })) == 31);

    CaseQuery q;
    q.limit = 10;
    auto page1 = repo.list(q);
    q.offset = 10;
    auto page2 = repo.list(q);
    REQUIRE(page1.size() == 10);
    REQUIRE(page2.size() == 10);
    CHECK(page1.front().registeredOn >= page1.back().registeredOn);
    CHECK(page1.back().registeredOn >= page2.front().registeredOn);
    q.descending = false;
    q.offset = 0;
    CHECK(repo.list(q).front().registeredOn == "2025-12-31");
    q.sort = cases::SortKey::CaseCode;
    auto byCode = repo.list(q);
    CHECK(std::is_sorted(byCode.begin(), byCode.end(),
                         [](const auto& a, const auto& b) { return a.caseCode < b.caseCode; }));
    auto sexual = repo.list(query(where([](auto& w) { w.exploitationType = "sexual_exploitation"; }), 50));
    REQUIRE(sexual.size() == 10);
    CHECK(sexual[0].exploitationTypes.size() == 2);

    CHECK(repo.count(where([](auto& w) { w.text = "Given12"; })) == 1);
    CHECK(repo.count(where([](auto& w) { w.text = "given1"; })) == 11);  // prefix match: Given1, Given10..Given19
    CHECK(repo.count(where([](auto& w) { w.text = "quokka"; })) == 31);    // note text
    CHECK(repo.count(where([](auto& w) { w.text = "Testalias"; })) == 31);
    CHECK(repo.count(where([](auto& w) { w.text = "سلمى"; })) == 1);
    auto code = repo.list(query(where([](auto& w) { w.text = "Given3"; })))[0].caseCode;
    CHECK(repo.count(where([&](auto& w) { w.text = code; })) == 1);
    // FTS syntax in user input is neutralised, never an error.
    CHECK(repo.count(where([](auto& w) { w.text = "\"Given3 -( ^*"; })) == 1);
    CHECK(repo.count(where([](auto& w) { w.text = "Given3 OR Given4"; })) == 0);  // words are ANDed, OR is a word
    CHECK(repo.count(where([](auto& w) { w.text = "\"()*"; })) == 0);
    CHECK(repo.count(where([](auto& w) { w.text = "Given3"; w.status = "closed"; })) == 0);
}

TEST_CASE("single-filter counts agree with the full query after deletions", "[cases][list]") {
    test::RepositoryFixture f;
    auto ids = f.repo().importCases(std::vector<Json>(12, sampleCase()));
    f.login("super", test::kSupervisorPassword);
    auto repo = f.repo();
    repo.deleteCase(ids[0]);
    repo.deleteCase(ids[5]);
    auto withStatus = [](cases::CaseFilter filter) {
        filter.status = "registered";  // a second filter forces the general query
        return filter;
    };
    const auto byType = where([](auto& w) { w.exploitationType = "forced_labour"; });
    const auto byText = where([](auto& w) { w.text = "quokka"; });
    CHECK(repo.count(byType) == 10);
    CHECK(repo.count(withStatus(byType)) == 10);
    CHECK(repo.count(byText) == 10);
    CHECK(repo.count(withStatus(byText)) == 10);
    CHECK(repo.count(where([](auto& w) { w.text = "()"; })) == 0);
}

TEST_CASE("an import is all-or-nothing", "[cases]") {
    test::RepositoryFixture f;
    auto repo = f.repo();
    std::vector<Json> docs(5, sampleCase());
    docs[3]["person"]["gender"] = "robot";
    CHECK(codeOf([&] { repo.importCases(docs); }) == ErrorCode::InvalidCode);
    CHECK(subjectOf([&] { repo.importCases(docs); }) == "cases[3].person.gender");
    CHECK(repo.count({}) == 0);
    CHECK(f.vault->journal().unshippedCount() == 0);
}

TEST_CASE("history lists edits and reveals of a case and its items", "[cases]") {
    test::RepositoryFixture f;
    auto repo = f.repo();
    const std::string id = repo.createCase(sampleCase());
    f.nowMs += 5000;
    repo.updateField(id, "person.gender", "unknown");
    repo.reveal(id, "person.family_name");
    auto history = repo.history(id);
    auto has = [&](const std::string& what, const std::string& field) {
        return std::any_of(history.begin(), history.end(),
                           [&](const auto& h) { return h.what == what && h.field == field; });
    };
    CHECK(has("created", ""));
    CHECK(has("set", "person.gender"));
    CHECK(has("sensitive_revealed", "person.family_name"));
    CHECK(history.size() == 6);  // case + 3 items created, 1 edit, 1 reveal
}

TEST_CASE("a locked vault refuses repository calls", "[cases]") {
    test::RepositoryFixture f;
    auto repo = f.repo();
    repo.createCase(sampleCase());
    f.vault->lock();
    CHECK(codeOf([&] { repo.count({}); }) == ErrorCode::VaultLocked);
}

TEST_CASE("the case store names the case an item belongs to, deleted items too", "[cases][store]") {
    test::RepositoryFixture f;
    auto repo = f.repo();
    const std::string first = repo.createCase(sampleCase());
    const std::string second = repo.createCase(sampleCase("Othername", "Otherperson"));
    const std::string event = repo.load(second)->items.at(0).id;
    const std::string note = repo.load(first)->items.at(2).id;
    repo.deleteItem(event);

    cases::CaseStore store(f.vault->db());
    CHECK(store.caseOfItem(note) == first);
    CHECK(store.caseOfItem(event) == second);  // the outbox packs a deleted item's ops under its case
    CHECK_FALSE(store.caseOfItem(first).has_value());  // a case is not an item
    CHECK_FALSE(store.caseOfItem("00000000000000000000000000000000").has_value());
}
