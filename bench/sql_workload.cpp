#include "sql_workload.h"

#include <chrono>

#include "cases/code_list_column.h"
#include "cases/search_text.h"
#include "common/error.h"
#include "crypto/primitives.h"
#include "journal/journal.h"
#include "model/case_rules.h"

namespace abri::bench {

using Json = nlohmann::json;
using model::Entity;

namespace {

constexpr const char* kUserId = "00000000000000000000000000000001";

std::int64_t wallMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::optional<std::string> optionalString(const Json& doc, std::string_view path) {
    Json value = model::getField(doc, path);
    if (value.is_string()) return value.get<std::string>();
    return std::nullopt;
}

struct Prepared {
    Json doc;
    std::vector<std::pair<Entity, Json>> items;
};

// What CaseRepository::prepareCase does: split off the items, fill defaults, validate everything.
Prepared prepare(const Json& input, const std::string& today) {
    Prepared out{input, {}};
    if (out.doc.contains("items")) {
        for (const auto& entry : out.doc["items"]) {
            Json itemDoc = entry;
            const auto kind = model::entityFromCode(itemDoc["kind"].get<std::string>());
            if (!kind) throw Error(ErrorCode::InvalidCode, "items.kind", "item_kind");
            itemDoc.erase("kind");
            model::validateDocument(*kind, itemDoc, today);
            out.items.emplace_back(*kind, std::move(itemDoc));
        }
        out.doc.erase("items");
    }
    if (!out.doc.contains("status")) out.doc["status"] = "registered";
    if (!out.doc.contains("registered_on")) out.doc["registered_on"] = today;
    Json probe = out.doc;
    probe["case_code"] = "PENDING";
    model::validateDocument(Entity::Case, probe, today);
    return out;
}

}  // namespace

SqlWorkload::SqlWorkload(storage::Database& db, std::string today)
    : db_(db), today_(std::move(today)), clock_(wallMs) {}

void SqlWorkload::importCases(const std::vector<Json>& docs) {
    journal::Journal journal(db_, "bench0000000000000000000000000000", clock_);
    std::vector<Prepared> prepared;
    prepared.reserve(docs.size());
    for (const auto& doc : docs) prepared.push_back(prepare(doc, today_));

    storage::Transaction tx(db_);
    for (auto& [doc, items] : prepared) {
        // Case code: generated, then checked for uniqueness, as the repository does.
        std::string code;
        do {
            code = doc["office"].get<std::string>() + "-B" + std::to_string(nextCode_++);
            auto& taken = db_.cached("SELECT 1 FROM cases WHERE case_code = ?");
            taken.bind(1, code);
            const bool exists = taken.step();
            taken.reset();
            if (!exists) break;
        } while (true);
        doc["case_code"] = code;

        const std::string id = crypto::randomId();
        const std::string docText = doc.dump();
        const auto created = journal.append({"case", id, journal::OpKind::Create, "", docText, std::nullopt}, kUserId);
        std::vector<Json> events;
        for (const auto& [kind, itemDoc] : items) {
            if (kind == Entity::Event) events.push_back(itemDoc);
        }
        const bool minor = model::isMinor(doc);
        const std::string outcome = model::screeningOutcome(doc);
        const auto international = model::isInternational(doc, events);
        std::vector<std::string> types;
        for (const auto& type : model::getField(doc, "situation.exploitation_types")) types.push_back(type);

        auto& insert = db_.cached(
            "INSERT INTO cases (id, case_code, office, caseworker, status, registered_on, closed_on, minor, gender, "
            "screening_outcome, international, exploitation_types, updated_ms, created_hlc, created_device) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, id)
            .bind(2, code)
            .bind(3, doc["office"].get<std::string>())
            .bind(4, optionalString(doc, "caseworker"))
            .bind(5, doc["status"].get<std::string>())
            .bind(6, doc["registered_on"].get<std::string>())
            .bind(7, optionalString(doc, "closed_on"))
            .bind(8, minor ? 1 : 0)
            .bind(9, optionalString(doc, "person.gender"))
            .bind(10, outcome);
        if (international) {
            insert.bind(11, *international ? 1 : 0);
        } else {
            insert.bindNull(11);
        }
        insert.bind(12, cases::joinCodeColumn(types))
            .bind(13, wallMs())
            .bind(14, static_cast<std::int64_t>(created.hlc))
            .bind(15, created.device)
            .run();
        const std::int64_t rowid = db_.lastInsertRowId();
        db_.cached("INSERT INTO case_docs (doc, case_rowid) VALUES (?, ?)").bind(1, docText).bind(2, rowid).run();
        auto& exploitation = db_.cached("INSERT OR IGNORE INTO case_exploitation (type, case_rowid) VALUES (?, ?)");
        for (const auto& type : types) {
            exploitation.reset();
            exploitation.bind(1, type).bind(2, rowid).run();
        }

        std::vector<std::string> notes;
        for (const auto& [kind, itemDoc] : items) {
            const std::string itemId = crypto::randomId();
            const Json payload = {{"case_id", id}, {"kind", model::entityCode(kind)}, {"doc", itemDoc}};
            const auto itemCreated =
                journal.append({"item", itemId, journal::OpKind::Create, "", payload.dump(), std::nullopt}, kUserId);
            auto& item = db_.cached(
                "INSERT INTO case_items (id, case_id, kind, author, created_ms, created_hlc, created_device, "
                "supersedes, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            item.bind(1, itemId)
                .bind(2, id)
                .bind(3, model::entityCode(kind))
                .bind(4, kUserId)
                .bind(5, wallMs())
                .bind(6, static_cast<std::int64_t>(itemCreated.hlc))
                .bind(7, itemCreated.device)
                .bindNull(8)
                .bind(9, itemDoc.dump())
                .run();
            if (kind == Entity::Note) {
                if (auto text = optionalString(itemDoc, "text")) notes.push_back(*text);
            }
        }
        db_.cached("INSERT INTO case_search (docid, body) VALUES (?, ?)")
            .bind(1, rowid)
            .bind(2, cases::searchBody(doc, notes))
            .run();
    }
    tx.commit();
}

SqlWorkload::Page SqlWorkload::listPage(const cases::CaseQuery& query, bool withCount) {
    // The WHERE clause and the page query of CaseRepository::list/count (registered_on order only).
    std::string where = " WHERE c.deleted = 0";
    std::vector<std::string> params;
    if (query.filter.exploitationType) {
        where += " AND c.rowid IN (SELECT case_rowid FROM case_exploitation WHERE type = ?)";
        params.push_back(*query.filter.exploitationType);
    }
    if (!query.filter.text.empty()) {
        where += " AND c.rowid IN (SELECT docid FROM case_search WHERE case_search MATCH ?)";
        params.push_back(cases::ftsMatchQuery(query.filter.text));
    }
    const char* direction = query.descending ? " DESC" : " ASC";
    auto page = db_.prepare(
        "SELECT c.id, c.case_code, c.office, c.caseworker, c.status, c.registered_on, c.screening_outcome, c.gender, "
        "c.minor, c.international, c.exploitation_types, c.updated_ms FROM cases c" +
        where + " ORDER BY c.registered_on" + direction + ", c.rowid" + direction + " LIMIT ? OFFSET ?");
    int index = 1;
    for (const auto& p : params) page.bind(index++, p);
    page.bind(index, query.limit);
    page.bind(index + 1, query.offset);
    std::vector<cases::CaseSummary> rows;
    while (page.step()) {
        cases::CaseSummary s;
        s.id = page.text(0);
        s.caseCode = page.text(1);
        s.office = page.text(2);
        s.caseworker = page.optionalText(3).value_or("");
        s.status = page.text(4);
        s.registeredOn = page.text(5);
        s.screeningOutcome = page.text(6);
        s.gender = page.optionalText(7).value_or("");
        s.minor = page.int64(8) != 0;
        if (!page.isNull(9)) s.international = page.int64(9) != 0;
        s.exploitationTypes = cases::splitCodeColumn(page.text(10));
        s.updatedMs = page.int64(11);
        rows.push_back(std::move(s));
    }
    if (!withCount) return {rows.size(), -1};
    auto count = db_.prepare("SELECT count(*) FROM cases c" + where);
    index = 1;
    for (const auto& p : params) count.bind(index++, p);
    return {rows.size(), count.step() ? count.int64(0) : 0};
}

}  // namespace abri::bench
