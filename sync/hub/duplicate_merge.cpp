#include "duplicate_merge.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>
#include <vector>

#include "case_state.h"
#include "common/error.h"
#include "hub_device.h"
#include "model/case_rules.h"
#include "model/duplicate_links.h"
#include "wire/wire_types.h"

namespace abri::sync::hub {

namespace {

struct HubCase {
    wire::Id16 id{};
    std::string code;
    nlohmann::json doc;
};

// The non-deleted case each code names (retired ones included: a merge must see them to refuse them).
std::pair<HubCase, HubCase> casesByCode(HubStore& store, const std::string& codeA, const std::string& codeB) {
    if (codeA == codeB) throw MergeRefused(MergeRefusal::SameCase, codeA);
    std::map<std::string, std::vector<HubCase>> found{{codeA, {}}, {codeB, {}}};
    forEachCaseState(store.db(), std::nullopt, false, [&](const wire::Id16&, const merge::MergeState& state) {
        for (const auto& caseId : state.caseIds()) {
            const merge::EntityState* entity = state.find(caseId);
            if (entity == nullptr || entity->entity != merge::EntityKind::Case || entity->create() == nullptr ||
                entity->deleted())
                continue;
            auto doc = entity->document();
            const auto code = doc.value("case_code", std::string());
            if (auto slot = found.find(code); slot != found.end()) {
                const auto id = wire::idFromHex(caseId);
                if (!id) throw Error(ErrorCode::VaultCorrupted, "case_state", "case id");
                slot->second.push_back({*id, code, std::move(doc)});
            }
        }
    });
    for (const auto& code : {codeA, codeB}) {
        if (found[code].empty()) throw MergeRefused(MergeRefusal::UnknownCase, code);
        if (found[code].size() > 1) throw MergeRefused(MergeRefusal::AmbiguousCode, code);
    }
    return {std::move(found[codeA].front()), std::move(found[codeB].front())};
}

std::vector<std::uint8_t> blob(const wire::Id16& id) { return {id.begin(), id.end()}; }

std::string_view firstRetired(const HubCase& a, const HubCase& b) {
    if (model::isRetiredDuplicate(a.doc)) return a.code;
    if (model::isRetiredDuplicate(b.doc)) return b.code;
    return {};
}

}  // namespace

std::string_view mergeRefusalName(MergeRefusal refusal) noexcept {
    switch (refusal) {
        case MergeRefusal::SameCase: return "same_case";
        case MergeRefusal::UnknownCase: return "unknown_case";
        case MergeRefusal::AmbiguousCode: return "ambiguous_case_code";
        case MergeRefusal::AlreadyMerged: return "already_merged";
        case MergeRefusal::AlreadyFlagged: return "already_flagged";
    }
    return "unknown";
}

MergeRefused::MergeRefused(MergeRefusal refusal, std::string subject)
    : refusal_(refusal), subject_(std::move(subject)) {
    message_ = std::string(mergeRefusalName(refusal_)) + (subject_.empty() ? "" : ": " + subject_);
}

DuplicateDecision flagDuplicate(HubStore& store, const std::string& codeA, const std::string& codeB,
                                std::uint64_t nowMs) {
    auto [a, b] = casesByCode(store, codeA, codeB);
    if (a.id == b.id) throw MergeRefused(MergeRefusal::SameCase, codeA);
    if (auto retired = firstRetired(a, b); !retired.empty())
        throw MergeRefused(MergeRefusal::AlreadyMerged, std::string(retired));
    const auto flagsA = model::codeList(a.doc, model::kPossibleDuplicateOfField);
    const auto flagsB = model::codeList(b.doc, model::kPossibleDuplicateOfField);
    const bool aListsB = std::count(flagsA.begin(), flagsA.end(), b.code) > 0;
    const bool bListsA = std::count(flagsB.begin(), flagsB.end(), a.code) > 0;
    if (aListsB && bListsA) throw MergeRefused(MergeRefusal::AlreadyFlagged, codeA + " " + codeB);

    DuplicateDecision decision{wire::idToHex(a.id), wire::idToHex(b.id), 0};
    storage::Transaction tx(store.db());
    std::optional<DeviceRecord> hub = hubDevice(store, nowMs);
    const std::string field(model::kPossibleDuplicateOfField);
    if (!aListsB) {
        admitHubEdits(store, hub, a.id, {{field, model::withCode(flagsA, b.code)}}, nowMs);
        ++decision.changeSets;
    }
    if (!bListsA) {
        admitHubEdits(store, hub, b.id, {{field, model::withCode(flagsB, a.code)}}, nowMs);
        ++decision.changeSets;
    }
    tx.commit();
    return decision;
}

DuplicateDecision mergeDuplicate(HubStore& store, const std::string& codeA, const std::string& codeB,
                                 std::uint64_t nowMs) {
    auto [a, b] = casesByCode(store, codeA, codeB);
    if (a.id == b.id) throw MergeRefused(MergeRefusal::SameCase, codeA);
    if (auto retired = firstRetired(a, b); !retired.empty())
        throw MergeRefused(MergeRefusal::AlreadyMerged, std::string(retired));

    DuplicateDecision decision{wire::idToHex(a.id), wire::idToHex(b.id), 2};
    const std::string flagField(model::kPossibleDuplicateOfField);
    storage::Transaction tx(store.db());
    std::optional<DeviceRecord> hub = hubDevice(store, nowMs);
    // The retired case first: closed as a duplicate of A, every other field and item kept.
    std::vector<HubFieldEdit> retire = {{"status", "closed"},
                                        {"closure_reason", model::kDuplicateClosureReason},
                                        {"closed_on", model::dateFromMs(static_cast<std::int64_t>(nowMs))},
                                        {std::string(model::kDuplicateOfField), a.code}};
    const auto flagsB = model::codeList(b.doc, flagField);
    if (std::count(flagsB.begin(), flagsB.end(), a.code) > 0)
        retire.push_back({flagField, model::withoutCode(flagsB, a.code)});
    // A closed_on before registration would fail the document rules: keep the registration date then.
    const auto registered = b.doc.value("registered_on", std::string());
    if (registered > retire[2].value.get<std::string>()) retire[2].value = registered;
    admitHubEdits(store, hub, b.id, retire, nowMs);

    std::vector<HubFieldEdit> survive = {
        {std::string(model::kSamePersonAsField),
         model::withCode(model::codeList(a.doc, model::kSamePersonAsField), b.code)}};
    const auto flagsA = model::codeList(a.doc, flagField);
    if (std::count(flagsA.begin(), flagsA.end(), b.code) > 0)
        survive.push_back({flagField, model::withoutCode(flagsA, b.code)});
    admitHubEdits(store, hub, a.id, survive, nowMs);

    // A dismissal of the pair was a mistake the merge corrects.
    const auto [first, second] = a.id < b.id ? std::pair(a.id, b.id) : std::pair(b.id, a.id);
    store.db()
        .prepare("DELETE FROM dismissed_duplicates WHERE case_a = ? AND case_b = ?")
        .bindBlob(1, blob(first))
        .bindBlob(2, blob(second))
        .run();
    tx.commit();
    return decision;
}

std::size_t clearDuplicateFlags(HubStore& store, const std::string& caseA, const std::string& caseB,
                                std::uint64_t nowMs) {
    const auto idA = wire::idFromHex(caseA);
    const auto idB = wire::idFromHex(caseB);
    if (!idA || !idB) throw Error(ErrorCode::Internal, "clear flags", "case id");
    auto docOf = [&](const wire::Id16& id) {
        const auto state = storedCaseState(store.db(), id);
        const merge::EntityState* entity = state.find(wire::idToHex(id));
        auto doc = entity != nullptr && entity->create() != nullptr ? entity->document() : nlohmann::json();
        return doc.is_object() ? doc : nlohmann::json::object();
    };
    const auto docA = docOf(*idA);
    const auto docB = docOf(*idB);
    const std::string field(model::kPossibleDuplicateOfField);
    std::optional<DeviceRecord> hub;
    std::size_t changeSets = 0;
    for (const auto& [id, doc, other] : {std::tuple(*idA, docA, docB), std::tuple(*idB, docB, docA)}) {
        const auto flags = model::codeList(doc, field);
        const auto otherCode = other.value("case_code", std::string());
        if (std::count(flags.begin(), flags.end(), otherCode) == 0) continue;
        if (!hub) hub = hubDevice(store, nowMs);
        admitHubEdits(store, hub, id, {{field, model::withoutCode(flags, otherCode)}}, nowMs);
        ++changeSets;
    }
    return changeSets;
}

}  // namespace abri::sync::hub
