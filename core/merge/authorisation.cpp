#include "merge/authorisation.h"

#include <functional>
#include <optional>

#include "attachments/attachment_transfer.h"
#include "common/error.h"
#include "wire/sync_error.h"
#include "model/consent_rules.h"
#include "model/case_rules.h"

namespace abri::merge {

using model::Entity;
using vault::Permission;

bool certificateAllows(CertificateRole role, Permission permission) {
    switch (role) {
    case CertificateRole::Caseworker: return vault::roleAllows(vault::Role::Caseworker, permission);
    case CertificateRole::Supervisor: return vault::roleAllows(vault::Role::Supervisor, permission);
    case CertificateRole::Administrator: return vault::roleAllows(vault::Role::Administrator, permission);
    case CertificateRole::Hub: return true;
    }
    return false;
}

namespace {

std::string stringAt(const Json& doc, std::string_view key) {
    if (!doc.is_object()) return {};
    auto it = doc.find(std::string(key));
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The string value of a top-level key of a JSON object, "" when absent, not a string, or not an object; the last
// one when a key repeats, as parseValue gives it. Read with the SAX interface: the hub asks for a case's office
// on every admission, and building the whole document for one string was a tenth of ingest (docs/benchmarks.md).
class TopLevelString final : public nlohmann::json_sax<Json> {
public:
    explicit TopLevelString(std::string_view key) : key_(key) {}
    std::string value;

    bool null() override { return scalar(); }
    bool boolean(bool) override { return scalar(); }
    bool number_integer(number_integer_t) override { return scalar(); }
    bool number_unsigned(number_unsigned_t) override { return scalar(); }
    bool number_float(number_float_t, const string_t&) override { return scalar(); }
    bool string(string_t& text) override {
        if (wanted()) value = text;
        return after();
    }
    bool binary(binary_t&) override { return scalar(); }
    bool start_object(std::size_t) override { return open(); }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(); }
    bool end_array() override { return close(); }
    bool key(string_t& name) override {
        atKey_ = depth_ == 1 && name == key_;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        value.clear();
        return false;
    }

private:
    bool wanted() const { return depth_ == 1 && atKey_; }
    bool scalar() {
        if (wanted()) value.clear();
        return after();
    }
    bool open() {
        if (wanted()) value.clear();
        atKey_ = false;
        ++depth_;
        return true;
    }
    bool close() {
        --depth_;
        return true;
    }
    bool after() {
        atKey_ = false;
        if (depth_ == 0) value.clear();  // a bare scalar, not an object
        return true;
    }
    std::string_view key_;
    int depth_ = 0;
    bool atKey_ = false;
};

std::string topLevelString(std::string_view json, std::string_view key) {
    TopLevelString reader(key);
    if (!Json::sax_parse(json.begin(), json.end(), &reader)) return {};
    return std::move(reader.value);
}

bool hasActiveSharingConsent(const std::vector<const EntityState*>& entities) {
    for (const EntityState* e : entities) {
        if (e->deleted() || e->modelKind() != Entity::Consent) continue;
        if (model::isActiveConsent(e->document(), model::kDataSharingScope)) return true;
    }
    return false;
}

bool validates(const std::function<void()>& check) {
    try {
        check();
        return true;
    } catch (const Error&) {
        return false;
    } catch (const Json::exception&) {
        return false;
    }
}

// The authoriser's view: the case as the hub holds it plus the ops accepted so far from this change-set.
class AuthorisationView {
public:
    AuthorisationView(const MergeState& hub, std::string_view caseId) : hub_(hub), scratch_(hub.caseSubset(caseId)) {}

    const EntityState* find(std::string_view entityId) const {
        if (const EntityState* e = scratch_.find(entityId)) return e;
        return hub_.find(entityId);
    }
    // An entity "exists" once its create has been admitted.
    const EntityState* existing(std::string_view entityId) const {
        const EntityState* e = find(entityId);
        return e != nullptr && e->create() != nullptr ? e : nullptr;
    }
    const MergeState& scratch() const { return scratch_; }
    void accept(const RemoteOp& op) { scratch_.add(op); }

private:
    const MergeState& hub_;
    MergeState scratch_;
};

// A case document that sets a hub-only field (§6.4): only the hub may write duplicate links and flags.
bool carriesHubOnlyField(const Json& doc) {
    for (const auto& spec : model::fieldsOf(Entity::Case))
        if (spec.hubOnly && !model::getField(doc, std::string(spec.path)).is_null()) return true;
    return false;
}

std::optional<ExclusionReason> checkCaseCreate(const AuthorisationView& view, const DeviceAuthority& device,
                                               const RemoteOp& op, std::string_view today) {
    if (!certificateAllows(device.role, Permission::EditCases)) return ExclusionReason::ForbiddenRole;
    const Json doc = parseValue(op.valueJson);
    if (!doc.is_object()) return ExclusionReason::InvalidValue;
    if (device.role != CertificateRole::Hub && stringAt(doc, "office") != device.office)
        return ExclusionReason::ForeignOffice;
    if (view.find(op.entityId) != nullptr && view.find(op.entityId)->create() != nullptr)
        return ExclusionReason::EntityExists;
    if (!validates([&] { model::validateDocument(Entity::Case, doc, today); })) return ExclusionReason::InvalidValue;
    if (device.role != CertificateRole::Hub && carriesHubOnlyField(doc)) return ExclusionReason::NotEditable;
    return std::nullopt;
}

// An attachment record (§11.1): its doc must be a valid record, and the item it belongs to and the attachment it
// supersedes, if named, must be of this case.
std::optional<ExclusionReason> checkAttachmentCreate(const AuthorisationView& view, const RemoteOp& op,
                                                     std::string_view caseId, const Json& value) {
    if (value.contains("supersedes")) return ExclusionReason::InvalidValue;  // it lives in the doc
    std::optional<attachments::AttachmentRecord> record;
    try {
        record = attachments::recordFromDoc(op.entityId, caseId, op.device, value["doc"]);
    } catch (const wire::SyncError&) {
        return ExclusionReason::InvalidValue;
    }
    if (record->itemId) {
        const EntityState* item = view.existing(*record->itemId);
        if (item == nullptr || item->entity != EntityKind::Item || item->caseId != caseId || item->isAttachment())
            return ExclusionReason::InvalidValue;
    }
    if (record->supersedes) {
        const EntityState* old = view.existing(*record->supersedes);
        if (old == nullptr || old->caseId != caseId || !old->isAttachment()) return ExclusionReason::InvalidValue;
    }
    return std::nullopt;
}

std::optional<ExclusionReason> checkItemCreate(const AuthorisationView& view, const DeviceAuthority& device,
                                               const RemoteOp& op, std::string_view caseId, std::string_view today) {
    if (!certificateAllows(device.role, Permission::EditCases)) return ExclusionReason::ForbiddenRole;
    const EntityState* theCase = view.existing(caseId);
    if (theCase == nullptr || theCase->entity != EntityKind::Case) return ExclusionReason::UnknownEntity;
    if (view.existing(op.entityId) != nullptr) return ExclusionReason::EntityExists;
    const Json value = parseValue(op.valueJson);
    if (!value.is_object()) return ExclusionReason::InvalidValue;
    if (stringAt(value, "case_id") != caseId) return ExclusionReason::WrongCase;
    if (stringAt(value, "kind") == attachments::kAttachmentItemKind) {
        if (!value.contains("doc") || !value["doc"].is_object()) return ExclusionReason::InvalidValue;
        return checkAttachmentCreate(view, op, caseId, value);
    }
    const auto kind = model::entityFromCode(stringAt(value, "kind"));
    if (!kind || *kind == Entity::Case || !value.contains("doc")) return ExclusionReason::InvalidValue;
    const Json& doc = value["doc"];
    if (!doc.is_object()) return ExclusionReason::InvalidValue;
    if (!validates([&] { model::validateDocument(*kind, doc, today); })) return ExclusionReason::InvalidValue;
    if (value.contains("supersedes")) {
        // A correction names a record of the same case and kind, of an append-only kind (§5.4).
        const EntityState* old = view.existing(stringAt(value, "supersedes"));
        if (old == nullptr || old->caseId != caseId || old->modelKind() != kind || !model::isAppendOnly(*kind))
            return ExclusionReason::InvalidValue;
    }
    return std::nullopt;
}

std::optional<ExclusionReason> checkEdit(const AuthorisationView& view, const DeviceAuthority& device,
                                         const RemoteOp& op, std::string_view today) {
    const Permission needed = op.kind == OpKind::Delete    ? Permission::DeleteCases
                              : op.kind == OpKind::Erase   ? Permission::EraseCases
                              : op.kind == OpKind::Resolve ? Permission::ResolveConflicts
                                                           : Permission::EditCases;
    if (!certificateAllows(device.role, needed)) return ExclusionReason::ForbiddenRole;
    const EntityState* entity = view.existing(op.entityId);
    if (entity == nullptr || entity->entity != op.entity) return ExclusionReason::UnknownEntity;
    // An attachment record is append-only; its delete is the tombstone that purges the file everywhere (§11.1).
    if (entity->isAttachment()) return op.kind == OpKind::Delete ? std::nullopt : std::optional(ExclusionReason::AppendOnly);
    const auto kind = entity->modelKind();
    if (!kind) return ExclusionReason::UnknownEntity;
    if (op.kind == OpKind::Erase) return std::nullopt;  // entity 0 only (checked by the decoder)
    if (model::isAppendOnly(*kind)) return ExclusionReason::AppendOnly;
    if (op.kind == OpKind::Delete) return std::nullopt;
    const model::FieldSpec* spec = model::findField(*kind, op.field);
    if (spec == nullptr) return ExclusionReason::UnknownField;
    // Hub-only fields (§6.4) are not editable by devices, yet the hub's own change-sets set them.
    if (!spec->editable && !(spec->hubOnly && device.role == CertificateRole::Hub)) return ExclusionReason::NotEditable;
    const Json value = parseValue(op.valueJson);
    if (!validates([&] { model::validateField(*kind, op.field, value, today); })) return ExclusionReason::InvalidValue;
    return std::nullopt;
}

}  // namespace

std::set<std::string> accessSet(const MergeState& state, std::string_view caseId,
                                const std::set<std::string>& hubOffices) {
    std::set<std::string> access{std::string(kHubOffice)};
    const EntityState* theCase = state.find(caseId);
    if (theCase == nullptr || theCase->create() == nullptr) return access;
    access.insert(topLevelString(theCase->create()->valueJson, "office"));
    const auto entities = state.entitiesOfCase(caseId);
    if (!hasActiveSharingConsent(entities)) return access;
    for (const EntityState* e : entities) {
        if (e->deleted()) continue;
        const auto kind = e->modelKind();
        if (kind != Entity::Transfer && kind != Entity::Referral) continue;
        const Json doc = e->document();
        const std::string to = stringAt(doc, "to_office");
        if (to.empty()) continue;
        if (kind == Entity::Transfer || (stringAt(doc, "direction") == "outgoing" && hubOffices.count(to) > 0))
            access.insert(to);
    }
    return access;
}

std::vector<Exclusion> authorise(const MergeState& hubState, const DeviceAuthority& device, std::string_view caseId,
                                 const std::vector<RemoteOp>& ops, const HubContext& context) {
    const std::string_view today = context.today;
    std::vector<Exclusion> excluded;
    AuthorisationView view(hubState, caseId);
    // Whether the device's office is in the case's access set so far. Computing it parses the case document, so it
    // is kept until an accepted op could change it: anything but an edit of a case field (the office field itself
    // is not editable; access comes from the case's create and its items).
    std::optional<bool> officeHasAccess;
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const RemoteOp& op = ops[i];
        std::optional<ExclusionReason> reason;
        if (op.kind == OpKind::Create && op.entity == EntityKind::Case) {
            reason = checkCaseCreate(view, device, op, today);
        } else {
            if (!officeHasAccess) {
                officeHasAccess = context.grantedOffices.count(device.office) > 0 ||
                                  accessSet(view.scratch(), caseId, context.hubOffices).count(device.office) > 0;
            }
            if (!*officeHasAccess) {
                reason = ExclusionReason::ForbiddenCase;
            } else if (const EntityState* e = view.existing(op.entityId); e != nullptr && e->caseId != caseId) {
                reason = ExclusionReason::WrongCase;
            } else if (op.kind == OpKind::Create) {
                reason = checkItemCreate(view, device, op, caseId, today);
            } else {
                reason = checkEdit(view, device, op, today);
            }
        }
        if (reason) {
            excluded.push_back({static_cast<std::uint16_t>(i), *reason});
        } else {
            view.accept(op);
            const bool caseFieldEdit =
                op.entity == EntityKind::Case && (op.kind == OpKind::Set || op.kind == OpKind::Resolve);
            if (!caseFieldEdit) officeHasAccess.reset();
        }
    }
    return excluded;
}

}  // namespace abri::merge
