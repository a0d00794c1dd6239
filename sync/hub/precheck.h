#pragma once
// The pure part of ingest (PROTOCOL.md §3.11 steps 2, 4 and 7: header, signature, body) for the change-sets of a
// batch, run on the other cores while the ingest thread admits the earlier ones. Verification and CBOR decoding
// are much of the CPU time of ingest and depend on nothing stored; the results (or the typed errors) are consumed
// in order by admitChangeSet, which raises each error at its own step, exactly as if it had been found there.
#include <atomic>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <span>
#include <thread>
#include <vector>

#include "wire/changeset.h"
#include "crypto/primitives.h"

namespace abri::sync::hub {

struct PrecheckedChangeSet {
    std::optional<wire::ChangeSetFrame> frame;  // step 2; else frameError
    std::exception_ptr frameError;
    bool signatureChecked = false;        // step 4 ran (a signer key was given); signatureError if it failed
    std::exception_ptr signatureError;
    std::optional<wire::ChangeSet> body;  // step 7 ran on a verified frame; else bodyError (when it ran)
    std::exception_ptr bodyError;
};

class BatchPrecheck {
public:
    // `changeSets` must outlive this object. `signerPublicKey` empty: the device is unknown, only headers are
    // decoded. `firstSeq` names the subjects of errors.
    BatchPrecheck(const std::vector<crypto::Bytes>& changeSets, std::uint64_t firstSeq,
                  std::span<const std::uint8_t> signerPublicKey);
    ~BatchPrecheck();  // stops the workers (a refused change-set ends a batch early) and joins them
    BatchPrecheck(const BatchPrecheck&) = delete;
    BatchPrecheck& operator=(const BatchPrecheck&) = delete;

    // The result for change-set `index`, waiting for it (or computing pending ones meanwhile) when not ready.
    const PrecheckedChangeSet& at(std::size_t index);

private:
    // Claims the next unclaimed change-set and checks it; false when none is left.
    bool checkNext();

    const std::vector<crypto::Bytes>& changeSets_;
    std::uint64_t firstSeq_;
    std::vector<std::uint8_t> signerPublicKey_;
    std::vector<PrecheckedChangeSet> results_;
    std::unique_ptr<std::atomic<bool>[]> ready_;
    std::atomic<std::size_t> next_{0};
    std::atomic<bool> stopping_{false};
    std::vector<std::jthread> workers_;
};

}  // namespace abri::sync::hub
