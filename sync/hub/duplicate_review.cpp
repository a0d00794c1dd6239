#include "duplicate_review.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "case_state.h"
#include "duplicate_merge.h"
#include "model/duplicate_links.h"
#include "common/error.h"
#include "crypto/primitives.h"
#include "wire/wire_types.h"

namespace abri::sync::hub {

namespace {

constexpr std::string_view kKeyName = "duplicates_key";

duplicates::DocumentHasher documentHasher(storage::Database& db) {
    auto st = db.prepare("SELECT value FROM meta WHERE key = ?");
    st.bind(1, kKeyName);
    if (!st.step()) throw Error(ErrorCode::VaultCorrupted, "meta.duplicates_key");
    auto key = st.blob(0);
    if (key.size() != duplicates::kDocumentKeyBytes) throw Error(ErrorCode::VaultCorrupted, "meta.duplicates_key");
    duplicates::DocumentHasher hasher(key);
    crypto::wipe(key.data(), key.size());
    return hasher;
}

// Every live case the hub holds (its create arrived, no tombstone), as the matcher's records, by ascending case id.
std::vector<duplicates::PersonRecord> liveCases(HubStore& store) {
    const auto hasher = documentHasher(store.db());
    std::vector<duplicates::PersonRecord> records;
    forEachCaseState(store.db(), std::nullopt, false, [&](const wire::Id16&, const merge::MergeState& state) {
        for (const auto& caseId : state.caseIds()) {
            const merge::EntityState* entity = state.find(caseId);
            if (entity == nullptr || entity->entity != merge::EntityKind::Case || entity->create() == nullptr ||
                entity->deleted())
                continue;
            // A case retired by a merge is the surviving case's person: not a candidate again (§6.4).
            if (model::isRetiredDuplicate(entity->document())) continue;
            records.push_back(duplicates::personFromCaseDocument(caseId, entity->document(), hasher));
        }
    });
    return records;
}

std::pair<std::string, std::string> ordered(const std::string& a, const std::string& b) {
    return a < b ? std::make_pair(a, b) : std::make_pair(b, a);
}

std::vector<std::uint8_t> idBytes(const std::string& hex) {
    const auto id = wire::idFromHex(hex);
    if (!id) throw Error(ErrorCode::VaultCorrupted, "case_state", "case id");
    return {id->begin(), id->end()};
}

std::set<std::pair<std::string, std::string>> dismissedPairs(storage::Database& db) {
    std::set<std::pair<std::string, std::string>> out;
    auto st = db.prepare("SELECT case_a, case_b FROM dismissed_duplicates");
    while (st.step())
        out.insert(ordered(wire::idToHex(caseIdFromBlob(st.blob(0))), wire::idToHex(caseIdFromBlob(st.blob(1)))));
    return out;
}

}  // namespace

void createDuplicatesKey(storage::Database& db) {
    auto key = crypto::randomBytes(duplicates::kDocumentKeyBytes);
    db.prepare("INSERT INTO meta(key, value) VALUES(?, ?)").bind(1, kKeyName).bindBlob(2, key).run();
    crypto::wipe(key.data(), key.size());
}

DuplicateListing listDuplicates(HubStore& store) {
    const auto records = liveCases(store);
    const auto dismissed = dismissedPairs(store.db());
    const auto result = duplicates::findDuplicates(records);
    DuplicateListing listing;
    listing.cases = records.size();
    listing.comparisons = result.comparisons;
    for (const auto& c : result.candidates) {
        const auto& a = records[c.a];
        const auto& b = records[c.b];
        if (dismissed.count(ordered(a.caseId, b.caseId)) > 0) {
            ++listing.dismissedHidden;
            continue;
        }
        listing.candidates.push_back({a.caseId, b.caseId, a.caseCode, b.caseCode, a.office, b.office, c.score,
                                      c.reasons});
    }
    return listing;
}

std::string_view dismissRefusalName(DismissRefusal refusal) noexcept {
    switch (refusal) {
        case DismissRefusal::SameCase: return "same_case";
        case DismissRefusal::UnknownCase: return "unknown_case";
        case DismissRefusal::AmbiguousCode: return "ambiguous_case_code";
        case DismissRefusal::AlreadyDismissed: return "already_dismissed";
    }
    return "unknown";
}

DismissRefused::DismissRefused(DismissRefusal refusal, std::string subject)
    : refusal_(refusal), subject_(std::move(subject)) {
    message_ = std::string(dismissRefusalName(refusal_)) + (subject_.empty() ? "" : ": " + subject_);
}

Dismissal dismissDuplicate(HubStore& store, const std::string& codeA, const std::string& codeB, std::uint64_t nowMs) {
    if (codeA == codeB) throw DismissRefused(DismissRefusal::SameCase, codeA);
    // The codes' live cases: each code must name exactly one.
    std::map<std::string, std::vector<std::string>> idsOf{{codeA, {}}, {codeB, {}}};
    for (const auto& record : liveCases(store)) {
        if (auto found = idsOf.find(record.caseCode); found != idsOf.end()) found->second.push_back(record.caseId);
    }
    for (const auto& code : {codeA, codeB}) {
        if (idsOf[code].empty()) throw DismissRefused(DismissRefusal::UnknownCase, code);
        if (idsOf[code].size() > 1) throw DismissRefused(DismissRefusal::AmbiguousCode, code);
    }
    const auto [first, second] = ordered(idsOf[codeA].front(), idsOf[codeB].front());
    if (first == second) throw DismissRefused(DismissRefusal::SameCase, codeA);

    storage::Transaction tx(store.db());
    auto exists = store.db().prepare("SELECT count(*) FROM dismissed_duplicates WHERE case_a = ? AND case_b = ?");
    exists.bindBlob(1, idBytes(first)).bindBlob(2, idBytes(second));
    if (exists.step() && exists.int64(0) > 0) throw DismissRefused(DismissRefusal::AlreadyDismissed, codeA + " " + codeB);
    store.db()
        .prepare("INSERT INTO dismissed_duplicates(case_a, case_b, dismissed_ms) VALUES(?, ?, ?)")
        .bindBlob(1, idBytes(first))
        .bindBlob(2, idBytes(second))
        .bind(3, static_cast<std::int64_t>(nowMs))
        .run();
    // Flags the operator set on the pair come off on every office's laptops too (§6.4).
    clearDuplicateFlags(store, first, second, nowMs);
    tx.commit();
    return {first, second};
}

}  // namespace abri::sync::hub
