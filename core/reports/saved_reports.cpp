#include "reports/saved_reports.h"

#include "common/error.h"
#include "crypto/primitives.h"
#include "storage/database.h"
#include "vault/vault.h"

namespace abri::reports {

std::vector<ReportDefinition> savedReports(vault::Vault& vault) {
    vault.require(vault::Permission::ViewStatistics);
    auto stmt = vault.db().prepare("SELECT id, name, definition FROM saved_reports ORDER BY name");
    std::vector<ReportDefinition> out;
    while (stmt.step()) {
        ReportDefinition d = definitionFromJson(nlohmann::json::parse(stmt.text(2)));
        d.id = stmt.text(0);
        d.title = stmt.text(1);
        out.push_back(std::move(d));
    }
    return out;
}

std::string saveReport(vault::Vault& vault, ReportDefinition definition) {
    vault.require(vault::Permission::ViewStatistics);
    if (definition.title.empty()) throw Error(ErrorCode::MissingField, "title");
    if (definition.title.size() > 200) throw Error(ErrorCode::InvalidValue, "title", "at most 200 bytes");
    validate(definition);
    storage::Transaction tx(vault.db());
    auto& existing = vault.db().cached("SELECT id FROM saved_reports WHERE name = ?");
    existing.bind(1, definition.title);
    std::string id = existing.step() ? existing.text(0) : crypto::randomId();
    existing.reset();
    definition.id = id;
    vault.db()
        .cached("INSERT OR REPLACE INTO saved_reports (id, name, definition, created_by, created_ms) VALUES (?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, definition.title)
        .bind(3, toJson(definition).dump())
        .bind(4, vault.currentUser().id)
        .bind(5, vault.nowMs())
        .run();
    tx.commit();
    return id;
}

void deleteSavedReport(vault::Vault& vault, std::string_view id) {
    vault.require(vault::Permission::ViewStatistics);
    vault.db().cached("DELETE FROM saved_reports WHERE id = ?").bind(1, id).run();
    if (vault.db().changes() == 0) throw Error(ErrorCode::NotFound, "report");
}

}  // namespace abri::reports
