#include "precheck.h"

#include <algorithm>
#include <string>
#include <system_error>
#include <thread>

namespace abri::sync::hub {

namespace {

// Below this many change-sets a thread costs more than it saves.
constexpr std::size_t kParallelThreshold = 16;
constexpr unsigned kMaxThreads = 8;

void precheckOne(const crypto::Bytes& bytes, std::uint64_t seq, std::span<const std::uint8_t> signerPublicKey,
                 PrecheckedChangeSet& out) {
    const std::string subject = "seq " + std::to_string(seq);
    try {
        out.frame = decodeChangeSetFrame(bytes, subject);
    } catch (...) {
        out.frameError = std::current_exception();
        return;
    }
    if (signerPublicKey.empty()) return;
    out.signatureChecked = true;
    try {
        verifyChangeSetSignature(*out.frame, signerPublicKey, subject);
    } catch (...) {
        out.signatureError = std::current_exception();
        return;
    }
    try {
        out.body = decodeChangeSetBody(*out.frame, bytes, subject);
    } catch (...) {
        out.bodyError = std::current_exception();
    }
}

}  // namespace

std::vector<PrecheckedChangeSet> precheckChangeSets(const std::vector<crypto::Bytes>& changeSets,
                                                    std::uint64_t firstSeq,
                                                    std::span<const std::uint8_t> signerPublicKey) {
    std::vector<PrecheckedChangeSet> out(changeSets.size());
    auto work = [&](std::size_t begin, std::size_t step) {
        for (std::size_t i = begin; i < changeSets.size(); i += step) {
            precheckOne(changeSets[i], firstSeq + i, signerPublicKey, out[i]);
        }
    };
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, kMaxThreads);
    if (threads == 1 || changeSets.size() < kParallelThreshold) {
        work(0, 1);
        return out;
    }
    // Interleaved slices: change-sets of one batch vary in size, so neighbours share the work evenly. Each worker
    // writes only its own elements of `out`; join() orders those writes before the caller reads them.
    std::vector<std::jthread> workers;
    try {
        for (unsigned t = 1; t < threads; ++t) workers.emplace_back(work, t, threads);
    } catch (const std::system_error&) {
        workers.clear();  // no thread to spare: check everything here
        out.assign(changeSets.size(), PrecheckedChangeSet{});
        work(0, 1);
        return out;
    }
    work(0, threads);
    workers.clear();
    return out;
}

}  // namespace abri::sync::hub
