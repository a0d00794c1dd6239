#include <catch2/catch.hpp>

#include <optional>

#include "merge/authorisation.h"
#include "op_builders.h"

using namespace abri;
using merge::CertificateRole;
using merge::ExclusionReason;
using test::at;
using test::fakeId;

namespace {

const std::string kCase = fakeId(0xc1);
const std::string kDev = fakeId(0xd1);
const std::string kValidCase =
    R"({"case_code":"TST-A-26-AAAAAA","office":"TST-A","status":"registered","registered_on":"2026-01-05"})";

merge::HubContext context() {
    merge::HubContext c;
    c.today = "2026-02-01";
    c.hubOffices = {"TST-A", "TST-B"};
    return c;
}

merge::RemoteOp itemCreate(const std::string& itemId, const std::string& caseId, const std::string& valueJson,
                           journal::Hlc hlc) {
    merge::RemoteOp op = test::caseCreate(itemId, hlc, kDev, valueJson);
    op.entity = merge::EntityKind::Item;
    op.caseId = caseId;
    return op;
}

// Each op's exclusion reason; kAdmitted for an op that was not excluded.
constexpr std::nullopt_t kAdmitted = std::nullopt;
std::vector<std::optional<ExclusionReason>> reasons(const std::vector<merge::Exclusion>& excluded,
                                                    std::size_t opCount) {
    std::vector<std::optional<ExclusionReason>> out(opCount, kAdmitted);
    for (const auto& e : excluded) out.at(e.opIndex) = e.reason;
    return out;
}

}  // namespace

TEST_CASE("the hub authorises a case created by its own office and edits in order", "[merge][auth]") {
    merge::MergeState hub;
    const auto create = test::caseCreate(kCase, at(1), kDev, kValidCase);
    const std::vector<merge::RemoteOp> ops{
        create,
        test::fieldSet(kCase, kCase, "person.children", "2", create.identity(), at(2), kDev),
        test::fieldSet(kCase, kCase, "case_code", R"("TST-A-26-BBBBBB")", create.identity(), at(3), kDev),
        test::fieldSet(kCase, kCase, "person.nickname", R"("x")", create.identity(), at(4), kDev),
        test::fieldSet(kCase, kCase, "person.children", "99", create.identity(), at(5), kDev),
        test::entityDelete(kCase, kCase, at(6), kDev),
    };
    const auto got = reasons(merge::authorise(hub, {"TST-A", CertificateRole::Caseworker}, kCase, ops, context()), ops.size());
    CHECK(got[0] == kAdmitted);
    CHECK(got[1] == kAdmitted);  // sees the create earlier in the same change-set
    CHECK(got[2] == ExclusionReason::NotEditable);
    CHECK(got[3] == ExclusionReason::UnknownField);
    CHECK(got[4] == ExclusionReason::InvalidValue);
    CHECK(got[5] == ExclusionReason::ForbiddenRole);   // caseworkers do not delete

    const auto asSupervisor =
        reasons(merge::authorise(hub, {"TST-A", CertificateRole::Supervisor}, kCase, ops, context()), ops.size());
    CHECK(asSupervisor[5] == kAdmitted);
}

TEST_CASE("the hub refuses foreign offices, unknown entities, duplicates and append-only edits", "[merge][auth]") {
    merge::MergeState hub;
    const auto create = test::caseCreate(kCase, at(1), kDev, kValidCase);
    hub.add(create);
    const std::string note = fakeId(0x1e);
    const auto noteCreate =
        itemCreate(note, kCase, R"({"case_id":")" + kCase + R"(","doc":{"text":"Synthetic note"},"kind":"note"})", at(2));
    hub.add(noteCreate);

    SECTION("a device of another office may not touch the case") {
        const std::vector<merge::RemoteOp> ops{
            test::fieldSet(kCase, kCase, "person.children", "2", create.identity(), at(3), kDev)};
        CHECK(reasons(merge::authorise(hub, {"TST-B", CertificateRole::Supervisor}, kCase, ops, context()), 1)[0] ==
              ExclusionReason::ForbiddenCase);
        CHECK(reasons(merge::authorise(hub, {"*", CertificateRole::Hub}, kCase, ops, context()), 1)[0] ==
              kAdmitted);
    }
    SECTION("creating a case for another office") {
        const std::string other = fakeId(0xc2);
        std::string doc = kValidCase;
        doc.replace(doc.find("\"TST-A\""), 7, "\"TST-B\"");
        const std::vector<merge::RemoteOp> ops{test::caseCreate(other, at(3), kDev, doc)};
        CHECK(reasons(merge::authorise(hub, {"TST-A", CertificateRole::Supervisor}, other, ops, context()), 1)[0] ==
              ExclusionReason::ForeignOffice);
    }
    SECTION("second create, unknown entity, wrong case, append-only") {
        const std::string other = fakeId(0xc2);
        hub.add(test::caseCreate(other, at(2) + 5, kDev, kValidCase));
        const std::vector<merge::RemoteOp> ops{
            test::caseCreate(kCase, at(3), kDev, kValidCase),
            test::fieldSet(fakeId(0x99), kCase, "place", R"("Faketown")", create.identity(), at(4), kDev),
            test::fieldSet(other, other, "person.children", "1", {at(2) + 5, kDev}, at(5), kDev),
            test::fieldSet(note, kCase, "text", R"("changed")", noteCreate.identity(), at(6), kDev),
            test::entityDelete(note, kCase, at(7), kDev),
        };
        const auto got =
            reasons(merge::authorise(hub, {"TST-A", CertificateRole::Supervisor}, kCase, ops, context()), ops.size());
        CHECK(got[0] == ExclusionReason::EntityExists);
        CHECK(got[1] == ExclusionReason::UnknownEntity);
        CHECK(got[2] == ExclusionReason::WrongCase);
        CHECK(got[3] == ExclusionReason::AppendOnly);
        CHECK(got[4] == ExclusionReason::AppendOnly);
    }
    SECTION("an item create names its case and a valid document") {
        const std::vector<merge::RemoteOp> ops{
            itemCreate(fakeId(0x2e), kCase, R"({"case_id":")" + fakeId(0xc9) + R"(","doc":{"text":"x"},"kind":"note"})", at(3)),
            itemCreate(fakeId(0x3e), kCase, R"({"case_id":")" + kCase + R"(","doc":{"type":"nonsense"},"kind":"event"})", at(4)),
            itemCreate(fakeId(0x4e), kCase,
                       R"({"case_id":")" + kCase + R"(","doc":{"text":"corrected"},"kind":"note","supersedes":")" +
                           note + R"("})",
                       at(5)),
        };
        const auto got =
            reasons(merge::authorise(hub, {"TST-A", CertificateRole::Caseworker}, kCase, ops, context()), ops.size());
        CHECK(got[0] == ExclusionReason::WrongCase);
        CHECK(got[1] == ExclusionReason::InvalidValue);
        CHECK(got[2] == kAdmitted);
    }
}

TEST_CASE("a transfer grants access only with an active data-sharing consent", "[merge][auth]") {
    merge::MergeState hub;
    const auto create = test::caseCreate(kCase, at(1), kDev, kValidCase);
    hub.add(create);
    hub.add(itemCreate(fakeId(0x7e), kCase,
                       R"({"case_id":")" + kCase + R"(","doc":{"to_office":"TST-B"},"kind":"transfer"})", at(2)));
    CHECK(merge::accessSet(hub, kCase, {"TST-A", "TST-B"}) == std::set<std::string>{"*", "TST-A"});
    const auto consent = itemCreate(
        fakeId(0x8e), kCase,
        R"({"case_id":")" + kCase +
            R"(","doc":{"scope":"data_sharing","given":true,"recorded_on":"2026-01-06"},"kind":"consent"})",
        at(3));
    hub.add(consent);
    CHECK(merge::accessSet(hub, kCase, {"TST-A", "TST-B"}) == std::set<std::string>{"*", "TST-A", "TST-B"});
    hub.add(test::fieldSet(fakeId(0x8e), kCase, "withdrawn_on", R"("2026-01-20")", consent.identity(), at(4), kDev));
    CHECK(merge::accessSet(hub, kCase, {"TST-A", "TST-B"}) == std::set<std::string>{"*", "TST-A"});
}

TEST_CASE("the case's office is its create's top-level office, read as the whole document reads it", "[merge][auth]") {
    const auto officeOf = [](const std::string& createValue) {
        merge::MergeState hub;
        hub.add(test::caseCreate(kCase, at(1), kDev, createValue));
        return merge::accessSet(hub, kCase, {"TST-A", "TST-B"});
    };
    using Offices = std::set<std::string>;
    CHECK(officeOf(kValidCase) == Offices{"*", "TST-A"});
    // A nested "office" is not the case's; a repeated key counts as parseValue counts it (the last one).
    CHECK(officeOf(R"({"person":{"office":"TST-B"},"office":"TST-A"})") == Offices{"*", "TST-A"});
    CHECK(officeOf(R"({"office":"TST-B","office":"TST-A"})") == Offices{"*", "TST-A"});
    CHECK(officeOf(R"({"office":"TST-A","office":7})") == Offices{"*", ""});
    CHECK(officeOf(R"({"items":[{"office":"TST-B"}],"office":"TST-A","z":{"a":[1,{"office":"x"}]}})") ==
          Offices{"*", "TST-A"});
    // Not an object, not JSON, no office: no office at all (the empty string, as before).
    CHECK(officeOf(R"("TST-A")") == Offices{"*", ""});
    CHECK(officeOf(R"({"office":"TST-A")") == Offices{"*", ""});
    CHECK(officeOf(R"({"status":"registered"})") == Offices{"*", ""});
    CHECK(officeOf(R"(["office","TST-A"])") == Offices{"*", ""});
}

TEST_CASE("the hub admits an erasure from a supervisor's device only, and of a case it has", "[merge][auth]") {
    merge::MergeState hub;
    const auto create = test::caseCreate(kCase, at(1), kDev, kValidCase);
    hub.add(create);
    auto erase = test::entityDelete(kCase, kCase, at(2), kDev);
    erase.kind = journal::OpKind::Erase;
    auto reasonFor = [&](CertificateRole role, const std::string& office, const merge::RemoteOp& op) {
        return reasons(merge::authorise(hub, {office, role}, op.caseId, {op}, context()), 1)[0];
    };
    CHECK(reasonFor(CertificateRole::Supervisor, "TST-A", erase) == kAdmitted);
    CHECK(reasonFor(CertificateRole::Hub, "*", erase) == kAdmitted);
    CHECK(reasonFor(CertificateRole::Caseworker, "TST-A", erase) == ExclusionReason::ForbiddenRole);
    CHECK(reasonFor(CertificateRole::Administrator, "TST-A", erase) == ExclusionReason::ForbiddenRole);
    CHECK(reasonFor(CertificateRole::Supervisor, "TST-B", erase) == ExclusionReason::ForbiddenCase);
    const std::string other = fakeId(0xc2);
    auto unknown = erase;
    unknown.entityId = unknown.caseId = other;
    CHECK(reasonFor(CertificateRole::Supervisor, "TST-A", unknown) != kAdmitted);
    // An admitted erasure is not part of the merged state: it is carried out, not merged (PROTOCOL.md §5.9).
    CHECK_FALSE(hub.add(erase));
}

// PROTOCOL.md §6.4: the duplicate link and flag fields are written by the hub's own change-sets only.
TEST_CASE("only the hub sets the hub-only duplicate fields", "[merge][auth][duplicates]") {
    merge::MergeState hub;
    const auto create = test::caseCreate(kCase, at(1), kDev, kValidCase);
    hub.add(create);
    const std::vector<merge::RemoteOp> ops{
        test::fieldSet(kCase, kCase, "duplicate_of", R"("TST-B-26-BBBBBB")", create.identity(), at(2), kDev),
        test::fieldSet(kCase, kCase, "same_person_as", R"(["TST-B-26-BBBBBB"])", create.identity(), at(3), kDev),
        test::fieldSet(kCase, kCase, "possible_duplicate_of", R"(["TST-B-26-BBBBBB"])", create.identity(), at(4),
                       kDev),
    };
    for (const auto role : {CertificateRole::Caseworker, CertificateRole::Supervisor}) {
        const auto got = reasons(merge::authorise(hub, {"TST-A", role}, kCase, ops, context()), ops.size());
        for (const auto& reason : got) CHECK(reason == ExclusionReason::NotEditable);
    }
    const auto byHub = reasons(merge::authorise(hub, {"*", CertificateRole::Hub}, kCase, ops, context()), ops.size());
    for (const auto& reason : byHub) CHECK(reason == kAdmitted);

    // A device cannot plant a link in a case's create either.
    const std::string other = fakeId(0xc2);
    const std::string linked =
        R"({"case_code":"TST-A-26-CCCCCC","office":"TST-A","status":"registered","registered_on":"2026-01-05",)"
        R"("duplicate_of":"TST-B-26-BBBBBB"})";
    const std::vector<merge::RemoteOp> creates{test::caseCreate(other, at(5), kDev, linked)};
    CHECK(reasons(merge::authorise(hub, {"TST-A", CertificateRole::Supervisor}, other, creates, context()), 1)[0] ==
          ExclusionReason::NotEditable);
}

TEST_CASE("the hub admits an attachment record that is valid, append-only, and removed by a supervisor only",
          "[merge][auth][attachments]") {
    const std::string hash(64, 'a');
    auto attachmentValue = [&](const std::string& caseId, const std::string& extraDoc, std::uint64_t size,
                               int chunks) {
        std::string list;
        for (int i = 0; i < chunks; ++i) list += std::string(i ? "," : "") + "\"" + std::string(64, 'b') + "\"";
        return R"({"case_id":")" + caseId + R"(","kind":"attachment","doc":{"file_name":"scan.pdf",)" +
               R"("content_type":"pdf","size":)" + std::to_string(size) +
               R"(,"category":"consent_form","content_hash":")" + hash + R"(","chunk_bytes":262144,"chunks":[)" +
               list + R"(],"added_by":")" + fakeId(0xa) + R"(","added_ms":1767600000000)" + extraDoc + "}}";
    };
    const std::string att1 = fakeId(0xa1), att2 = fakeId(0xa2), att3 = fakeId(0xa3), att4 = fakeId(0xa4),
                      att5 = fakeId(0xa5), note = fakeId(0xb1);
    merge::MergeState hub;
    const auto create = test::caseCreate(kCase, at(1), kDev, kValidCase);
    const auto record = itemCreate(att1, kCase, attachmentValue(kCase, "", 300'000, 2), at(2));
    const std::vector<merge::RemoteOp> ops{
        create,
        record,
        // chunks do not fit the size
        itemCreate(att2, kCase, attachmentValue(kCase, "", 300'000, 1), at(3)),
        // supersedes an attachment of this case: admitted; one that does not exist: refused
        itemCreate(att3, kCase, attachmentValue(kCase, R"(,"supersedes":")" + att1 + "\"", 10, 1), at(4)),
        itemCreate(att4, kCase, attachmentValue(kCase, R"(,"supersedes":")" + note + "\"", 10, 1), at(5)),
        // an edit of a record: append-only
        test::fieldSet(att1, kCase, "file_name", R"("other.pdf")", record.identity(), at(6), kDev),
        // a removal by a caseworker's device
        test::entityDelete(att1, kCase, at(7), kDev),
        // a name that could be a path
        itemCreate(att5, kCase, attachmentValue(kCase, "", 10, 1), at(8)),
    };
    auto withPathName = ops;
    const auto value = attachmentValue(kCase, "", 10, 1);
    withPathName[7].valueJson = value.substr(0, value.find("scan.pdf")) + "../scan.pdf" +
                                value.substr(value.find("scan.pdf") + 8);
    const auto got = reasons(merge::authorise(hub, {"TST-A", CertificateRole::Caseworker}, kCase, withPathName, context()),
                             ops.size());
    CHECK(got[0] == kAdmitted);
    CHECK(got[1] == kAdmitted);
    CHECK(got[2] == ExclusionReason::InvalidValue);
    CHECK(got[3] == kAdmitted);
    CHECK(got[4] == ExclusionReason::InvalidValue);
    CHECK(got[5] == ExclusionReason::AppendOnly);
    CHECK(got[6] == ExclusionReason::ForbiddenRole);
    CHECK(got[7] == ExclusionReason::InvalidValue);

    // A supervisor's device may remove it; another office may not even see it.
    merge::MergeState admitted;
    admitted.add(create);
    admitted.add(record);
    const std::vector<merge::RemoteOp> removal{test::entityDelete(att1, kCase, at(9), kDev)};
    CHECK(reasons(merge::authorise(admitted, {"TST-A", CertificateRole::Supervisor}, kCase, removal, context()), 1)[0] ==
          kAdmitted);
    CHECK(reasons(merge::authorise(admitted, {"TST-B", CertificateRole::Supervisor}, kCase, removal, context()), 1)[0] ==
          ExclusionReason::ForbiddenCase);
}
