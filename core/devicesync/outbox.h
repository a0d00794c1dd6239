#pragma once
// The device side of upload (sync/PROTOCOL.md §3.2, §7.1): pack the vault's unshipped local journal into signed,
// chained change-sets (step A1, one vault transaction), then write them as sealed outbox files (step A2).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "wire/changeset.h"
#include "wire/hub_descriptor.h"
#include "wire/wire_types.h"
#include "crypto/signing.h"
#include "storage/database.h"

namespace abri::devicesync {

struct DeviceIdentity {
    wire::Id16 deviceId{};
    std::string office;
};

struct ChainHead {
    std::uint64_t seq = 0;  // 0: nothing sealed yet
    wire::Hash32 id{};      // zeros when seq == 0
};
ChainHead readChainHead(storage::Database& db);  // meta.sync_chain_head
// Moves the chain head (inside the caller's transaction): packing advances it, re-stamping (§7.5) sets it back.
void writeChainHead(storage::Database& db, const ChainHead& head);

struct PackResult {
    std::size_t changeSets = 0;
    std::size_t ops = 0;
    std::uint64_t firstSeq = 0;  // 0 when nothing was packed
    std::uint64_t lastSeq = 0;
    std::size_t bytes = 0;       // signed change-set bytes written
};

// A1: in ONE transaction, reads every unshipped journal entry with origin 'local' in journal order, groups them by
// case (preserving order, cases in order of first appearance), closes a change-set before its raw body would pass
// PACK_BODY_TARGET, MAX_OPS or 255 authors, signs each, chains them by prev_hash from meta.sync_chain_head, stores
// them in sync_outgoing, marks the entries shipped and advances the chain head. Nothing unshipped: no change.
// Each change-set is decoded again before it is stored, so the vault never holds one the hub would reject as
// malformed. Throws SyncError / abri::Error; the transaction then rolls back and nothing is marked shipped.
PackResult packUnshipped(storage::Database& db, const DeviceIdentity& identity, const crypto::SigningKeyPair& signer);

// A2: writes sealed batch files for the stored change-sets with device_seq > ackedSeq that no outbox file covers
// yet (consecutive seqs, at most MAX_BATCH_COUNT / MAX_BATCH_PAYLOAD per file), sealed to the hub's box key.
// Returns the names written. Files are immutable once renamed; existing ones are never rewritten.
std::vector<std::string> writeOutboxFiles(storage::Database& db, const DeviceIdentity& identity,
                                          const wire::HubDescriptor& hub, const std::filesystem::path& outboxDir,
                                          std::uint64_t ackedSeq = 0);

// Bench helper: the signed change-set bytes per op of a pack (0 when nothing was packed).
double bytesPerOp(const PackResult& result);

}  // namespace abri::devicesync
