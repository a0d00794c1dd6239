#pragma once
// An outbox file the hub could not read (sync/PROTOCOL.md §7.1 "A refused file"): when abri-syncd holds a file back
// because the hub failed the WHOLE file (`bad_seal` and the other step-1 codes of §3.11: the seal or its header no
// longer open, as when the file was damaged on disk), the next sync step seals the same stored change-sets again.
// Automatic rather than a button: the signed change-sets are in the vault (sync_outgoing), only the sealed copy on
// disk is bad, and sealing them again sends the same change-set ids, so the hub's dedup holds and nothing is lost or
// doubled; a user could not judge better than this check. Refusals of a change-set inside a file that opened
// (clock, signature, office...) are not touched here: the same bytes would be refused again (refusals.h).
// A loop is bounded: when the hub refuses a file this step itself sealed (same name, same hash), the hub cannot open
// this laptop's seals at all (wrong key) and sealing again would not help; the step then leaves it and reports it.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "wire/sync_error.h"

namespace abri::storage {
class Database;
}

namespace abri::devicesync {

struct HeldOutbox {
    // The refused file removed so that writeOutboxFiles seals its change-sets again; empty when none was.
    std::string removedFile;
    // The daemon holds a file back that this step leaves as it is (a change-set refusal, or a fresh seal of this
    // laptop refused too): the changes in it stay pending. nullopt when nothing is held.
    std::optional<wire::SyncCode> stillHeld;
};

// Before A2 (writeOutboxFiles): reads `<syncDir>/upload-held`; if the hub failed the whole file, the file named
// there still has the refused bytes, this step did not seal those bytes itself, and the vault still holds every
// change-set of the file above `ackedSeq`, removes the file (A2 then writes them again, sealed afresh).
HeldOutbox removeUnreadableHeldFile(storage::Database& db, const std::filesystem::path& syncDir,
                                    std::uint64_t ackedSeq);

// The code the hub gave when it refused a file this laptop had already sealed again (the case the sync step leaves
// held): the app says so, as the hub sends no refusal notice for a file it could not read. nullopt otherwise.
std::optional<wire::SyncCode> refusedAfterReseal(storage::Database& db, const std::filesystem::path& syncDir);

// After A2: remembers (vault meta) the names and hashes of the files just written in place of a removed one, so that
// the hub refusing one of those is recognised as a refusal of a sound seal.
void rememberResealedFiles(storage::Database& db, const std::filesystem::path& outboxDir,
                           const std::vector<std::string>& names);

}  // namespace abri::devicesync
