#include "precheck.h"

#include <algorithm>
#include <string>
#include <system_error>

namespace abri::sync::hub {

namespace {

// Below this many change-sets a thread costs more than it saves.
constexpr std::size_t kParallelThreshold = 16;
constexpr unsigned kMaxWorkers = 7;

void precheckOne(const crypto::Bytes& bytes, std::uint64_t seq, std::span<const std::uint8_t> signerPublicKey,
                 PrecheckedChangeSet& out) {
    const std::string subject = "seq " + std::to_string(seq);
    try {
        out.frame = wire::decodeChangeSetFrame(bytes, subject);
    } catch (...) {
        out.frameError = std::current_exception();
        return;
    }
    if (signerPublicKey.empty()) return;
    out.signatureChecked = true;
    try {
        wire::verifyChangeSetSignature(*out.frame, signerPublicKey, subject);
    } catch (...) {
        out.signatureError = std::current_exception();
        return;
    }
    try {
        out.body = wire::decodeChangeSetBody(*out.frame, bytes, subject);
    } catch (...) {
        out.bodyError = std::current_exception();
    }
}

}  // namespace

BatchPrecheck::BatchPrecheck(const std::vector<crypto::Bytes>& changeSets, std::uint64_t firstSeq,
                             std::span<const std::uint8_t> signerPublicKey)
    : changeSets_(changeSets),
      firstSeq_(firstSeq),
      signerPublicKey_(signerPublicKey.begin(), signerPublicKey.end()),
      results_(changeSets.size()),
      ready_(std::make_unique<std::atomic<bool>[]>(changeSets.size())) {
    if (changeSets.size() < kParallelThreshold) return;  // at() checks them on the ingest thread
    // The ingest thread itself admits (SQLite, one writer): the other cores check ahead of it.
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const unsigned workers = std::clamp(cores - 1, 1u, kMaxWorkers);
    try {
        for (unsigned i = 0; i < workers; ++i) {
            workers_.emplace_back([this] {
                while (!stopping_.load(std::memory_order_relaxed) && checkNext()) {
                }
            });
        }
    } catch (const std::system_error&) {
        // No thread to spare: whatever was started keeps going, at() does the rest.
    }
}

BatchPrecheck::~BatchPrecheck() {
    stopping_.store(true);
    workers_.clear();  // joins
}

bool BatchPrecheck::checkNext() {
    const std::size_t index = next_.fetch_add(1);
    if (index >= changeSets_.size()) return false;
    precheckOne(changeSets_[index], firstSeq_ + index, signerPublicKey_, results_[index]);
    // Each element is written by the one thread that claimed it; the release store publishes it to at().
    ready_[index].store(true, std::memory_order_release);
    ready_[index].notify_all();
    return true;
}

const PrecheckedChangeSet& BatchPrecheck::at(std::size_t index) {
    while (!ready_[index].load(std::memory_order_acquire)) {
        // Help while waiting; once everything is claimed, wait for the worker that holds `index`.
        if (!checkNext()) ready_[index].wait(false, std::memory_order_acquire);
    }
    return results_[index];
}

}  // namespace abri::sync::hub
