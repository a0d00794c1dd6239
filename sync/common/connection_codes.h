#pragma once
// Connection-level policy over the §9 codes (core/wire/sync_error.h): which refusals stop a client's retries.
#include "wire/sync_error.h"

namespace abri::sync {

// Identity refusals after which a client must not retry until the operator or user acts (§4.6).
bool isFatalIdentityCode(wire::SyncCode code) noexcept;

}  // namespace abri::sync
