#pragma once
// The outbox file the hub refused (sync/PROTOCOL.md §4.5, §7.5). After a refusal the daemon stops uploading until
// the app replaces the file holding acked_seq + 1: sending the same bytes again is refused again at every session,
// and for a clock refusal a change-set less than two days ahead could be admitted once the hub's clock catches up —
// racing the app's re-stamping of the same seq into a fork. The marker `<vault>.sync/upload-held` (its format is
// core's, wire/upload_held.h: the app reads it too) also says whether the hub failed the whole file; the app then
// seals the same change-sets again (devicesync/held_outbox.h). A file with other bytes (re-stamped or resealed), or
// no file of that name any more, ends the hold.
#include "wire/sync_error.h"
#include "wire/upload_held.h"

namespace abri::sync::daemon {

using wire::forgetHeldUpload;
using wire::HeldUpload;
using wire::loadHeldUpload;
using wire::saveHeldUpload;

// Whether an answer with this code is a refusal of the file's content that the same bytes would get again.
// hash_mismatch is the link's fault (the hub asks for the bytes again), chain_gap restarts from acked_seq + 1.
bool holdsUpload(wire::SyncCode code);

}  // namespace abri::sync::daemon
