#include "sql_workload.h"

#include <chrono>

#include "cases/case_store.h"
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
    cases::CaseStore store(db_);
    std::vector<Prepared> prepared;
    prepared.reserve(docs.size());
    for (const auto& doc : docs) prepared.push_back(prepare(doc, today_));

    storage::Transaction tx(db_);
    for (auto& [doc, items] : prepared) {
        // Case code: generated, then checked for uniqueness, as the repository does.
        std::string code;
        do {
            code = doc["office"].get<std::string>() + "-B" + std::to_string(nextCode_++);
        } while (store.caseCodeTaken(code));
        doc["case_code"] = code;

        cases::StoredCase row;
        row.id = crypto::randomId();
        row.caseCode = code;
        row.created = journal.append({"case", row.id, journal::OpKind::Create, "", doc.dump(), std::nullopt}, kUserId);
        row.doc = std::move(doc);
        std::vector<cases::StoredItem> stored;
        for (const auto& [kind, itemDoc] : items) {
            cases::StoredItem item;
            item.id = crypto::randomId();
            item.caseId = row.id;
            item.kind = kind;
            item.author = kUserId;
            item.createdMs = wallMs();
            item.doc = itemDoc;
            const Json payload = {{"case_id", row.id}, {"kind", model::entityCode(kind)}, {"doc", itemDoc}};
            item.created =
                journal.append({"item", item.id, journal::OpKind::Create, "", payload.dump(), std::nullopt}, kUserId);
            stored.push_back(std::move(item));
        }
        store.insertCase(row, stored, wallMs());
    }
    tx.commit();
}

SqlWorkload::Page SqlWorkload::listPage(const cases::CaseQuery& query, bool withCount) {
    cases::CaseStore store(db_);
    const auto rows = store.list(query);
    if (!withCount) return {rows.size(), -1};
    return {rows.size(), store.count(query.filter)};
}

}  // namespace abri::bench
