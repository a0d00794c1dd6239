#include "merge/restamp.h"

#include <map>
#include <nlohmann/json.hpp>

#include "cases/case_store.h"
#include "journal/journal.h"
#include "storage/database.h"
#include "vault/vault.h"

namespace abri::merge {

namespace {

using journal::Hlc;

// Every place outside journal.hlc that names an op of this device by its HLC.
struct Reference {
    const char* table;
    const char* hlcColumn;
    const char* deviceColumn;
};
// (The case tables' references, creation and field versions, are renamed by their owner, cases::CaseStore.)
constexpr Reference kReferences[] = {
    {"journal", "base_hlc", "base_device"},
    {"conflicts", "losing_hlc", "losing_device"},
    {"conflicts", "winning_hlc", "winning_device"},
};

void rewriteReferences(storage::Database& db, const std::string& device, std::int64_t from, std::int64_t to) {
    cases::CaseStore(db).renameVersion(device, from, to);
    for (const auto& ref : kReferences) {
        db.cached(std::string("UPDATE ") + ref.table + " SET " + ref.hlcColumn + " = ? WHERE " + ref.deviceColumn +
                  " = ? AND " + ref.hlcColumn + " = ?")
            .bind(1, to)
            .bind(2, device)
            .bind(3, from)
            .run();
    }
}

}  // namespace

std::size_t restampUnshipped(vault::Vault& vault, Hlc restartAt) {
    auto& db = vault.db();
    auto& journal = vault.journal();
    const std::string device = vault.deviceId();
    const auto entries = journal.unshipped(0, 1 << 30);
    if (entries.empty()) return 0;
    vault.clock().resetTo(restartAt);

    // Two passes through a temporary negative HLC (-seq) so a new HLC never meets an old one still in place.
    for (const auto& e : entries) {
        db.cached("UPDATE journal SET hlc = ? WHERE seq = ?").bind(1, -e.seq).bind(2, e.seq).run();
        rewriteReferences(db, device, static_cast<std::int64_t>(e.hlc), -e.seq);
    }
    std::map<Hlc, Hlc> renamed;
    for (const auto& e : entries) {
        const Hlc fresh = vault.clock().now();
        renamed[e.hlc] = fresh;
        db.cached("UPDATE journal SET hlc = ?, eff_hlc = NULL WHERE seq = ?")
            .bind(1, static_cast<std::int64_t>(fresh))
            .bind(2, e.seq)
            .run();
        rewriteReferences(db, device, -e.seq, static_cast<std::int64_t>(fresh));
    }
    // Several parents (resolve ops) are kept as JSON.
    auto stmt = db.prepare("SELECT seq, parents FROM journal WHERE parents IS NOT NULL");
    std::vector<std::pair<std::int64_t, std::string>> rewritten;
    while (stmt.step()) {
        auto parents = nlohmann::json::parse(stmt.text(1), nullptr, false);
        if (!parents.is_array()) continue;
        bool changed = false;
        for (auto& p : parents) {
            if (!p.is_array() || p.size() != 2 || !p[0].is_number_unsigned() || p[1] != device) continue;
            auto it = renamed.find(p[0].get<Hlc>());
            if (it == renamed.end()) continue;
            p[0] = it->second;
            changed = true;
        }
        if (changed) rewritten.emplace_back(stmt.int64(0), parents.dump());
    }
    for (const auto& [seq, text] : rewritten)
        db.cached("UPDATE journal SET parents = ? WHERE seq = ?").bind(1, text).bind(2, seq).run();
    return entries.size();
}

}  // namespace abri::merge
