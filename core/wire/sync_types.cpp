#include "wire/sync_types.h"

namespace abri::wire {

std::optional<OpKind> opKindFromWire(std::uint64_t value) noexcept {
    switch (value) {
    case wireValue(OpKind::Create): return OpKind::Create;
    case wireValue(OpKind::Set): return OpKind::Set;
    case wireValue(OpKind::Delete): return OpKind::Delete;
    case wireValue(OpKind::Resolve): return OpKind::Resolve;
    case wireValue(OpKind::Erase): return OpKind::Erase;
    default: return std::nullopt;
    }
}

std::string_view opKindCode(OpKind kind) noexcept {
    switch (kind) {
    case OpKind::Create: return "create";
    case OpKind::Set: return "set";
    case OpKind::Delete: return "delete";
    case OpKind::Resolve: return "resolve";
    case OpKind::Erase: return "erase";
    }
    return "set";  // unreachable: every enumerator is handled above (-Wswitch)
}

std::optional<OpKind> opKindFromCode(std::string_view code) noexcept {
    for (const OpKind kind : {OpKind::Create, OpKind::Set, OpKind::Delete, OpKind::Resolve, OpKind::Erase}) {
        if (opKindCode(kind) == code) return kind;
    }
    return std::nullopt;
}

std::optional<EntityKind> entityKindFromWire(std::uint64_t value) noexcept {
    switch (value) {
    case wireValue(EntityKind::Case): return EntityKind::Case;
    case wireValue(EntityKind::Item): return EntityKind::Item;
    default: return std::nullopt;
    }
}

std::string_view entityKindCode(EntityKind kind) noexcept {
    switch (kind) {
    case EntityKind::Case: return "case";
    case EntityKind::Item: return "item";
    }
    return "case";  // unreachable: every enumerator is handled above (-Wswitch)
}

std::optional<EntityKind> entityKindFromCode(std::string_view code) noexcept {
    for (const EntityKind kind : {EntityKind::Case, EntityKind::Item}) {
        if (entityKindCode(kind) == code) return kind;
    }
    return std::nullopt;
}

std::optional<CertRole> certRoleFromWire(std::uint64_t value) noexcept {
    switch (value) {
    case wireValue(CertRole::Caseworker): return CertRole::Caseworker;
    case wireValue(CertRole::Supervisor): return CertRole::Supervisor;
    case wireValue(CertRole::Administrator): return CertRole::Administrator;
    case wireValue(CertRole::Hub): return CertRole::Hub;
    default: return std::nullopt;
    }
}

}  // namespace abri::wire
