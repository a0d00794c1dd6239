#pragma once
// The pure part of ingest (PROTOCOL.md §3.11 steps 2, 4 and 7: header, signature, body) for every change-set of a
// batch, run on all cores before the sequential, transactional part. Verification and CBOR decoding are most of
// the CPU time of ingest and depend on nothing stored, so a batch is checked in parallel; the results (or the
// typed errors) are then consumed in order by admitChangeSet, which raises each error at its own step, exactly as
// if it had been found there.
#include <exception>
#include <optional>
#include <span>
#include <vector>

#include "changeset/changeset.h"
#include "crypto/primitives.h"

namespace abri::sync::hub {

struct PrecheckedChangeSet {
    std::optional<ChangeSetFrame> frame;  // step 2; else frameError
    std::exception_ptr frameError;
    bool signatureChecked = false;        // step 4 ran (a signer key was given); signatureError if it failed
    std::exception_ptr signatureError;
    std::optional<ChangeSet> body;        // step 7 ran on a verified frame; else bodyError (when it ran)
    std::exception_ptr bodyError;
};

// `signerPublicKey` empty: the device is unknown, only the header is decoded. `firstSeq` names the subjects.
std::vector<PrecheckedChangeSet> precheckChangeSets(const std::vector<crypto::Bytes>& changeSets,
                                                    std::uint64_t firstSeq,
                                                    std::span<const std::uint8_t> signerPublicKey);

}  // namespace abri::sync::hub
