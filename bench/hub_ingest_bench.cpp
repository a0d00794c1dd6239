#include "hub_ingest_bench.h"

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>

#include "cases/case_code.h"
#include "common/error.h"
#include "crypto/primitives.h"
#include "demo/synthetic_cases.h"
#include "hub_store.h"
#include "ingest.h"
#include "journal/hlc.h"
#include "timing.h"
#include "wire/batch.h"
#include "wire/certificate.h"
#include "wire/changeset.h"
#include "wire/limits.h"
#include "wire/sealed_file.h"
#include "work_folder.h"

namespace abri::bench {

namespace {

namespace fs = std::filesystem;
using sync::hub::HubStore;

constexpr const char* kOffice = "BEN-HB1";
constexpr const char* kPassphrase = "bench-hub-fake-passphrase";
constexpr std::size_t kPerFile = 256;  // change-sets per sealed file, as a daemon sends them

struct HeldCase {
    wire::Id16 id{};
    journal::Version created;
};

// One synthetic device of kOffice: its keys, its certificate issued by the hub, its chain.
class SyntheticDevice {
public:
    SyntheticDevice(HubStore& store, std::uint64_t seed)
        : keys_(crypto::SigningKeyPair::generate()), rng_(seed), nextMs_(sync::hub::nowMs() - 3'600'000) {
        wire::Certificate cert;
        cert.role = wire::CertRole::Caseworker;
        cert.serial = store.nextCertificateSerial();
        cert.hubId = store.hubId();
        crypto::randomFill(deviceId_);
        cert.deviceId = deviceId_;
        cert.signPk = keys_.publicKey;
        cert.boxPk = crypto::BoxKeyPair::generate().publicKey;
        cert.tlsPk = keys_.publicKey;
        cert.notBeforeMs = sync::hub::nowMs();
        cert.notAfterMs = cert.notBeforeMs + wire::kDefaultCertificateValidityMs;
        cert.office = kOffice;
        cert.label = "bench-device";
        sync::hub::DeviceRecord device;
        device.deviceId = deviceId_;
        device.office = kOffice;
        device.role = cert.role;
        device.statusMs = cert.notBeforeMs;
        device.certificate = wire::issueCertificate(cert, store.identity());
        storage::Transaction txn(store.db());
        store.insertDevice(device);
        sync::hub::ensureCertificateInFeed(store, kOffice, device);
        txn.commit();
        crypto::randomFill(author_);
    }

    // Sealed files of change-sets: `creates` new cases, then `edits` one-field edits of random `held` cases.
    std::vector<crypto::Bytes> files(const HubStore& store, std::size_t creates, std::size_t edits,
                                     std::vector<HeldCase>& held) {
        const auto docs = demo::makeSyntheticCases(creates, rng_(), kOffice, todayUtc());
        std::vector<crypto::Bytes> changeSets;
        for (auto doc : docs) {
            // What a laptop's case repository journals: the case document with its office, status, registration
            // date and code, then one create per item.
            HeldCase c;
            crypto::randomFill(c.id);
            const auto caseHex = wire::idToHex(c.id);
            auto items = doc.value("items", nlohmann::json::array());
            doc.erase("items");
            doc["office"] = kOffice;
            if (!doc.contains("status")) doc["status"] = "registered";
            if (!doc.contains("registered_on")) doc["registered_on"] = todayUtc();
            if (!doc.contains("case_code")) doc["case_code"] = cases::generateCaseCode(kOffice, todayUtc());
            std::vector<wire::Op> ops(1);
            ops[0].kind = wire::OpKind::Create;
            ops[0].entity = wire::EntityKind::Case;
            ops[0].entityId = c.id;
            ops[0].valueJson = doc.dump();
            ops[0].hlc = nextHlc();
            c.created = {ops[0].hlc, wire::idToHex(deviceId_)};
            for (auto& item : items) {
                wire::Op op;
                op.kind = wire::OpKind::Create;
                op.entity = wire::EntityKind::Item;
                crypto::randomFill(op.entityId);
                const auto kind = item["kind"].get<std::string>();
                item.erase("kind");
                op.valueJson = nlohmann::json{{"case_id", caseHex}, {"kind", kind}, {"doc", item}}.dump();
                op.hlc = nextHlc();
                ops.push_back(std::move(op));
            }
            changeSets.push_back(sign(c.id, std::move(ops)));
            held.push_back(std::move(c));
        }
        const std::size_t editable = held.size() - creates;  // only cases held before this workload
        for (std::size_t i = 0; i < edits && editable > 0; ++i) {
            const auto& target = held[std::uniform_int_distribution<std::size_t>(0, editable - 1)(rng_)];
            wire::Op op;
            op.kind = wire::OpKind::Set;
            op.entity = wire::EntityKind::Case;
            op.entityId = target.id;
            op.field = "person.given_name";
            op.valueJson = "\"Benchname " + std::to_string(seq_) + "\"";
            op.parents = {wire::OpVersion{target.created.hlc, deviceId_}};
            op.hlc = nextHlc();
            changeSets.push_back(sign(target.id, {std::move(op)}));
        }
        std::vector<crypto::Bytes> out;
        for (std::size_t first = 0; first < changeSets.size(); first += kPerFile) {
            wire::Batch batch;
            batch.deviceId = deviceId_;
            batch.firstSeq = firstSeqOfFile_;
            const auto last = std::min(changeSets.size(), first + kPerFile);
            for (std::size_t i = first; i < last; ++i) batch.changeSets.push_back(std::move(changeSets[i]));
            firstSeqOfFile_ += batch.changeSets.size();
            out.push_back(wire::encodeSealedFile(wire::SealedContent::Batch, store.boxKey().publicKey,
                                                 wire::encodeBatch(batch)));
        }
        return out;
    }

    const crypto::SigningKeyPair& keys() const { return keys_; }

private:
    journal::Hlc nextHlc() { return journal::makeHlc(nextMs_++, 0); }

    crypto::Bytes sign(const wire::Id16& caseId, std::vector<wire::Op> ops) {
        wire::ChangeSetDraft draft;
        draft.deviceId = deviceId_;
        draft.deviceSeq = ++seq_;
        draft.prevHash = prev_;
        draft.caseId = caseId;
        draft.office = kOffice;
        draft.authors = {author_};
        draft.ops = std::move(ops);
        auto cs = wire::encodeChangeSet(draft, keys_);
        prev_ = cs.id;
        return std::move(cs.bytes);
    }

    crypto::SigningKeyPair keys_;
    std::mt19937_64 rng_;
    std::uint64_t nextMs_;
    wire::Id16 deviceId_{};
    wire::Id16 author_{};
    std::uint64_t seq_ = 0;
    std::uint64_t firstSeqOfFile_ = 1;
    wire::Hash32 prev_{};
};

// Every change-set admitted without exclusion, or the benchmark measures something else.
std::size_t ingestAll(HubStore& store, const std::vector<crypto::Bytes>& files) {
    std::size_t changeSets = 0;
    for (const auto& file : files) {
        const auto result = sync::hub::ingestSealedFile(store, file, std::nullopt, sync::hub::nowMs());
        if (result.fileStatus != 0) throw Error(ErrorCode::Internal, "bench ingest", "file refused");
        for (const auto& r : result.results) {
            if (r.status != sync::hub::kStatusAdmitted) {
                throw Error(ErrorCode::Internal, "bench ingest",
                            "status " + std::to_string(r.status) + ", " + std::to_string(r.excludedCount) + " excluded");
            }
        }
        changeSets += result.results.size();
    }
    return changeSets;
}

double verifyAlone(HubStore& store, const std::vector<crypto::Bytes>& files, const SyntheticDevice& device) {
    Stopwatch watch;
    for (const auto& file : files) {
        auto opened = wire::openSealedFile(file, store.boxKey(), "bench");
        auto batch = wire::decodeBatch(opened.payload, "bench");
        for (const auto& bytes : batch.changeSets) {
            auto frame = wire::decodeChangeSetFrame(bytes, "bench");
            wire::verifyChangeSetSignature(frame, device.keys().publicKey, "bench");
        }
    }
    return watch.seconds();
}

}  // namespace

int runHubIngestBench(const HubIngestBenchOptions& options) {
    const WorkFolder folder(options.dir, "abri-hub-ingest-bench-", options.keepFiles);
    sync::hub::HubInitOptions init;
    init.dir = folder.path() / "hub";
    init.name = "bench-hub";
    init.address = "127.0.0.1:1";
    init.kdf = crypto::KdfParams::minimum();
    HubStore::create(init, kPassphrase);
    auto store = HubStore::open(init.dir, kPassphrase);
    SyntheticDevice device(store, options.seed);
    std::vector<HeldCase> held;

    std::printf("abri-bench hub-ingest: workload of %zu change-sets (%zu new cases, %zu one-field edits of held "
                "cases), %zu per file\n",
                options.workload, options.workload / 2, options.workload - options.workload / 2, kPerFile);
    std::vector<double> rates;
    for (const auto target : options.held) {
        if (held.size() < target) {
            std::fprintf(stderr, "abri-bench hub-ingest: staging %zu held cases...\n", target);
            Stopwatch staging;
            std::size_t staged = 0;
            while (held.size() < target) {  // in slices, so the change-sets never all sit in memory
                const auto n = std::min<std::size_t>(target - held.size(), 8 * kPerFile);
                staged += ingestAll(store, device.files(store, n, 0, held));
            }
            std::fprintf(stderr, "abri-bench hub-ingest: staged %zu change-sets in %.1f s\n", staged,
                         staging.seconds());
        }
        const std::size_t heldBefore = held.size();
        const auto files = device.files(store, options.workload / 2, options.workload - options.workload / 2, held);
        const double verifySeconds = verifyAlone(store, files, device);
        Stopwatch watch;
        const auto changeSets = ingestAll(store, files);
        const double seconds = watch.seconds();
        const double rate = static_cast<double>(changeSets) / seconds;
        rates.push_back(rate);
        std::printf("  %7zu cases held: ingest %.2f s = %.0f change-sets/s; verification alone %.2f s; "
                    "ingest/verify time ratio %.2f\n",
                    heldBefore, seconds, rate, verifySeconds, seconds / verifySeconds);
    }
    if (!rates.empty()) {
        const auto [lo, hi] = std::minmax_element(rates.begin(), rates.end());
        const double spread = *hi / *lo;
        std::printf("  max/min ingest rate %.2f (target <= 1.20): %s\n", spread, spread <= 1.2 ? "PASS" : "MISS");
    }
    return 0;
}

}  // namespace abri::bench
