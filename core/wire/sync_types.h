#pragma once
// The vocabulary every part of sync shares — the journal, the merge engine, the change-set codec, the hub — defined
// once, with its text codes (the journal's `op` and `entity` columns) and its wire values (sync/PROTOCOL.md §2.4,
// §3.4). Values from outside (a decoded byte, a stored text) come in only through the checked `...From...`
// functions, which return nullopt for a value this version does not know; never through a cast.
#include <cstdint>
#include <optional>
#include <string_view>

namespace abri::wire {

// What an op does (§3.4). Wire values are stable: never renumber, only add.
enum class OpKind : std::uint8_t {
    Create = 0,   // value: the whole initial document (JSON) of a case or item
    Set = 1,      // field + value (JSON) + base version (the version the editor saw)
    Delete = 2,   // tombstone; value null
    Resolve = 3,  // field + chosen value; parents = the winner and every open-conflict head (§5.5)
    Erase = 4,    // a case erased on request: the only op of its change-set; every replica purges the case (§5.9)
};
constexpr std::uint8_t wireValue(OpKind kind) noexcept { return static_cast<std::uint8_t>(kind); }
std::optional<OpKind> opKindFromWire(std::uint64_t value) noexcept;
std::string_view opKindCode(OpKind kind) noexcept;  // "create", "set", "delete", "resolve", "erase" (journal.op)
std::optional<OpKind> opKindFromCode(std::string_view code) noexcept;

// What an op is about (§3.4): a case, or an item of a case.
enum class EntityKind : std::uint8_t { Case = 0, Item = 1 };
constexpr std::uint8_t wireValue(EntityKind kind) noexcept { return static_cast<std::uint8_t>(kind); }
std::optional<EntityKind> entityKindFromWire(std::uint64_t value) noexcept;
std::string_view entityKindCode(EntityKind kind) noexcept;  // "case", "item" (journal.entity)
std::optional<EntityKind> entityKindFromCode(std::string_view code) noexcept;

// The role a device certificate grants (§2.4); the hub's own certificate has role Hub.
enum class CertRole : std::uint8_t { Caseworker = 1, Supervisor = 2, Administrator = 3, Hub = 16 };
constexpr std::uint8_t wireValue(CertRole role) noexcept { return static_cast<std::uint8_t>(role); }
std::optional<CertRole> certRoleFromWire(std::uint64_t value) noexcept;

}  // namespace abri::wire
