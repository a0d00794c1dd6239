#include "merge/state_hash.h"

namespace abri::merge {

namespace {

constexpr std::string_view kStateDomain = "abri/v1/state";

// Ids are bstr(16) in the record; text that is not hex (never written by Abri) keeps its bytes.
Json idBytes(const std::string& hexId) {
    crypto::Bytes bytes;
    if (!crypto::fromHex(hexId, bytes)) bytes.assign(hexId.begin(), hexId.end());
    return Json::binary(std::move(bytes));
}

Json version(const RemoteOp& op) { return Json::array({op.effHlc, idBytes(op.device), op.hlc}); }

}  // namespace

std::vector<std::uint8_t> entityRecord(const EntityState& entity) {
    Json create = nullptr;
    if (const RemoteOp* c = entity.create()) create = Json::array({version(*c), parseValue(c->valueJson)});
    Json tombstone = nullptr;
    if (const RemoteOp* t = entity.tombstone()) tombstone = version(*t);
    Json fields = Json::array();
    for (const auto& [path, reg] : entity.fields) {  // ascending path bytes
        if (reg.ops.empty()) continue;
        Json heads = Json::array();
        for (const RemoteOp* h : reg.heads()) heads.push_back(Json::array({version(*h), parseValue(h->valueJson)}));
        fields.push_back(Json::array({path, std::move(heads)}));
    }
    const Json record = Json::array({entity.entity == EntityKind::Case ? 0 : 1, idBytes(entity.id),
                                     idBytes(entity.caseId), std::move(create), std::move(tombstone),
                                     std::move(fields)});
    return Json::to_cbor(record);
}

void appendCaseRecords(const MergeState& state, const std::string& caseId, std::vector<std::uint8_t>& out) {
    for (const EntityState* e : state.entitiesOfCase(caseId)) {
        const auto rec = entityRecord(*e);
        out.insert(out.end(), rec.begin(), rec.end());
    }
}

StateHash stateHashOfRecords(std::span<const std::uint8_t> records) {
    return crypto::blake2b({crypto::asBytes(kStateDomain), records});
}

StateHash stateHash(const MergeState& state, const std::optional<std::set<std::string>>& scope) {
    std::vector<std::uint8_t> all;
    for (const auto& caseId : state.caseIds()) {
        if (scope && scope->count(caseId) == 0) continue;
        appendCaseRecords(state, caseId, all);
    }
    return stateHashOfRecords(all);
}

}  // namespace abri::merge
