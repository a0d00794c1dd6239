#pragma once
// Erasure on request: a person asks that their case be erased, and a supervisor records it. The erasure is one
// journalled op (wire::OpKind::Erase, alone in its change-set) that sync carries to the hub and every device holding
// the case (sync/PROTOCOL.md §5.9); each of them purges the case (case_purge.h) and keeps only a tombstone, so no
// later change-set, page, bundle or restored backup brings it back. The audit log keeps that an erasure happened,
// by whom and when, never anything of the case. Published statistics are aggregates and stay as they are; the
// next reports no longer count the case.
#include <string_view>

namespace abri::vault {
class Vault;
}

namespace abri::erasure {

// Erases a case of this vault (live or deleted). Needs Permission::EraseCases (Error PermissionDenied
// "erase_cases") and, on a vault enrolled with a hub, a device certificate for supervisors (Error PermissionDenied
// "erase_cases_device": the hub would refuse the erasure); Error(NotFound, "case") for a case this vault does not
// hold (or erased already). Nothing changes on any of them. On success the
// case is gone from this vault at once, and its erasure waits in the journal for the next sync.
void eraseCase(vault::Vault& vault, std::string_view caseId);

// An erase op of another device, as sync applies it: purges (if this vault still holds anything of the case) and
// audits it with the author's user id and device (random ids). Runs in the caller's transaction; the caller runs
// scrubAfterPurge once its transaction is committed. Returns false when the case was purged already.
bool applyErasure(vault::Vault& vault, std::string_view caseId, std::string_view authorId, std::string_view device);

}  // namespace abri::erasure
