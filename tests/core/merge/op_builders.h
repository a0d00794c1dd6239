#pragma once
// Small builders of merge ops for the pure tests.
#include <string>
#include <vector>

#include "merge/admitted_change_set.h"
#include "seeds.h"

namespace abri::test {

inline merge::RemoteOp caseCreate(const std::string& caseId, journal::Hlc hlc, const std::string& device,
                                  const std::string& docJson = R"({"office":"TST-A","status":"registered"})") {
    merge::RemoteOp op;
    op.kind = journal::OpKind::Create;
    op.entity = merge::EntityKind::Case;
    op.entityId = caseId;
    op.caseId = caseId;
    op.valueJson = docJson;
    op.hlc = op.effHlc = hlc;
    op.device = device;
    op.author = fakeId(0xa);
    return op;
}

inline merge::RemoteOp fieldSet(const std::string& entityId, const std::string& caseId, const std::string& field,
                                const std::string& valueJson, journal::Version base, journal::Hlc hlc,
                                const std::string& device) {
    merge::RemoteOp op;
    op.kind = journal::OpKind::Set;
    op.entity = entityId == caseId ? merge::EntityKind::Case : merge::EntityKind::Item;
    op.entityId = entityId;
    op.caseId = caseId;
    op.field = field;
    op.valueJson = valueJson;
    op.parents = {std::move(base)};
    op.hlc = op.effHlc = hlc;
    op.device = device;
    op.author = fakeId(0xa);
    return op;
}

inline merge::RemoteOp entityDelete(const std::string& entityId, const std::string& caseId, journal::Hlc hlc,
                                    const std::string& device) {
    merge::RemoteOp op;
    op.kind = journal::OpKind::Delete;
    op.entity = entityId == caseId ? merge::EntityKind::Case : merge::EntityKind::Item;
    op.entityId = entityId;
    op.caseId = caseId;
    op.hlc = op.effHlc = hlc;
    op.device = device;
    op.author = fakeId(0xa);
    return op;
}

inline journal::Hlc at(std::uint64_t minutesAfter2026) {
    return journal::makeHlc(1'767'225'600'000ULL + minutesAfter2026 * 60'000ULL, 0);
}

}  // namespace abri::test
