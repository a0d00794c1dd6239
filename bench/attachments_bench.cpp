#include "attachments_bench.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <vector>

#include "attachments/attachment_repository.h"
#include "cases/case_repository.h"
#include "crypto/primitives.h"
#include "demo/synthetic_cases.h"
#include "timing.h"
#include "vault/vault.h"
#include "work_folder.h"

namespace abri::bench {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr const char* kOffice = "BEN-AT1";
constexpr const char* kPassword = "Bench-Fake-Password-2024";
constexpr double kRatioTarget = 1.10;  // the case list at most 10% slower with 10,000 attachments
constexpr double kMiB = 1024.0 * 1024.0;

// Synthetic PDF-looking content: the magic, then random bytes (so no two attachments share a chunk).
std::vector<std::uint8_t> syntheticPdf(std::size_t size) {
    std::vector<std::uint8_t> out(size);
    crypto::randomFill(out);
    static const std::string head = "%PDF-1.4\n% abri-bench synthetic content\n";
    std::copy(head.begin(), head.begin() + static_cast<std::ptrdiff_t>(std::min(head.size(), size)), out.begin());
    return out;
}

std::uintmax_t vaultBytes(const fs::path& file) {
    std::error_code ec;
    std::uintmax_t total = 0;
    for (const char* suffix : {"", "-wal", "-shm", ".keys"}) {
        const auto size = fs::file_size(file.string() + suffix, ec);
        if (!ec) total += size;
    }
    return total;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

std::unique_ptr<vault::Vault> unlock(const fs::path& path) {
    return vault::Vault::unlock(path, "benchworker", kPassword);
}

// The case list as the app asks for it: the first page by registration date, newest first, and the total.
struct CaseListPair {
    Latency without;
    Latency with;
};

// Both vaults measured in one loop, alternately, so that load from other processes on the machine falls on both
// alike. Fresh sessions: each vault's first run is cold (empty page cache), as right after an unlock.
CaseListPair caseLists(const fs::path& without, const fs::path& with, int runs) {
    auto sessionA = unlock(without);
    auto sessionB = unlock(with);
    cases::CaseRepository a(*sessionA);
    cases::CaseRepository b(*sessionB);
    cases::CaseQuery query;
    query.sort = cases::SortKey::RegisteredOn;
    query.descending = true;
    query.limit = 50;
    auto once = [&](cases::CaseRepository& repository) {
        Stopwatch watch;
        const auto page = repository.list(query);
        const auto total = repository.count(query.filter);
        const double ms = watch.ms();
        if (page.empty() || total == 0) std::fprintf(stderr, "  warning: the case list is empty\n");
        return ms;
    };
    CaseListPair out;
    out.without.coldMs = once(a);
    out.with.coldMs = once(b);
    std::vector<double> samplesA;
    std::vector<double> samplesB;
    for (int i = 0; i < runs; ++i) {
        // Alternate which goes first, so neither always runs right after the other.
        if (i % 2 == 0) {
            samplesA.push_back(once(a));
            samplesB.push_back(once(b));
        } else {
            samplesB.push_back(once(b));
            samplesA.push_back(once(a));
        }
    }
    out.without.p50Ms = percentile(samplesA, 50);
    out.without.p95Ms = percentile(samplesA, 95);
    out.with.p50Ms = percentile(samplesB, 50);
    out.with.p95Ms = percentile(samplesB, 95);
    sessionA->lock();
    sessionB->lock();
    return out;
}

}  // namespace

int runAttachmentsBench(const AttachmentsBenchOptions& options) {
    WorkFolder work(options.dir, "abri-bench-attachments-", options.keepFiles);
    // Two vaults with the same synthetic cases: `plainPath` keeps none, `path` gets the attachments.
    const fs::path plainPath = work.path() / "without.abri";
    const fs::path path = work.path() / "with.abri";
    const auto docs = demo::makeSyntheticCases(options.cases, options.seed, kOffice, todayUtc());
    std::vector<std::string> caseIds;
    for (const auto& target : {plainPath, path}) {
        {
            crypto::SecureBuffer recoveryKey;
            vault::CreateOptions create;
            create.path = target;
            create.office = kOffice;
            create.adminUsername = "benchadmin";
            create.adminDisplayName = "Benchadmin Test";
            create.adminPassword = "Bench-Admin-Fake-Password";
            create.kdf = crypto::KdfParams::minimum();  // unlock time is not measured here
            auto admin = vault::Vault::create(create, recoveryKey);
            admin->addUser("benchworker", "Benchworker Test", vault::Role::Supervisor, kPassword,
                           crypto::KdfParams::minimum());
            admin->lock();
        }
        std::fprintf(stderr, "  importing %zu synthetic cases into %s...\n", options.cases,
                     target.filename().string().c_str());
        auto session = unlock(target);
        cases::CaseRepository repository(*session);
        caseIds = repository.importCases(docs);
        session->lock();
    }

    const std::uintmax_t bytesBefore = vaultBytes(path);

    // ---- a large attachment: add from a file, open, export ----
    const std::size_t largeBytes = options.largeMiB * 1024 * 1024;
    attachments::Limits limits;
    limits.maxFileBytes = std::max<std::uint64_t>(limits.maxFileBytes, largeBytes);
    std::vector<double> addSeconds;
    std::vector<double> openSeconds;
    double exportSeconds = 0;
    std::string largeId;
    {
        auto session = unlock(path);
        attachments::AttachmentRepository repository(*session, limits);
        std::fprintf(stderr, "  adding and opening a %zu MiB attachment...\n", options.largeMiB);
        for (int i = 0; i < 3; ++i) {  // three distinct files: no chunk is shared between them
            const fs::path input = work.path() / ("large-" + std::to_string(i) + ".pdf");
            {
                const auto content = syntheticPdf(largeBytes);
                std::ofstream(input, std::ios::binary)
                    .write(reinterpret_cast<const char*>(content.data()), static_cast<std::streamsize>(content.size()));
            }
            attachments::AddOptions add;
            add.category = attachments::Category::IdentityDocument;
            Stopwatch watch;
            largeId = repository.addFile(caseIds.front(), input, add);
            addSeconds.push_back(watch.seconds());
            fs::remove(input);
        }
        for (int i = 0; i < 5; ++i) {
            std::size_t bytes = 0;
            Stopwatch watch;
            repository.read(largeId, [&](std::span<const std::uint8_t> piece) { bytes += piece.size(); });
            openSeconds.push_back(watch.seconds());
            if (bytes != largeBytes) std::fprintf(stderr, "  warning: read back %zu bytes\n", bytes);
        }
        Stopwatch watch;
        repository.exportTo(largeId, work.path() / "exported.pdf");
        exportSeconds = watch.seconds();
        fs::remove(work.path() / "exported.pdf");
        session->lock();
    }

    // ---- many attachments, then the case list again ----
    double manySeconds = 0;
    {
        std::fprintf(stderr, "  adding %zu attachments of %zu KiB...\n", options.attachments, options.attachmentKiB);
        auto session = unlock(path);
        attachments::AttachmentRepository repository(*session, limits);
        Stopwatch watch;
        for (std::size_t i = 0; i < options.attachments; ++i) {
            const auto content = syntheticPdf(options.attachmentKiB * 1024);
            attachments::AddOptions add;
            add.category = attachments::Category::ConsentForm;
            add.fileName = "bench-" + std::to_string(i) + ".pdf";
            repository.addBytes(caseIds[i % caseIds.size()], content, add);
        }
        manySeconds = watch.seconds();
        session->lock();
    }
    std::fprintf(stderr, "  case list on both vaults, interleaved...\n");
    const CaseListPair lists = caseLists(plainPath, path, options.runs);
    const Latency& before = lists.without;
    const Latency& after = lists.with;
    const std::uintmax_t bytesAfter = vaultBytes(path);

    // ---- report ----
    const double largeMiB = static_cast<double>(largeBytes) / kMiB;
    const double add = median(addSeconds);
    const double open = median(openSeconds);
    std::printf("abri-bench attachments: two vaults of %zu cases; one gets a %zu MiB attachment (x3), then %zu "
                "attachments of %zu KiB\n\n",
                options.cases, options.largeMiB, options.attachments, options.attachmentKiB);
    std::printf("%-46s %12s %12s\n", "large attachment", "seconds", "MiB/s");
    std::printf("%-46s %12s %12s\n", "add from a file (median of 3)", number(add, 3).c_str(),
                number(largeMiB / add, 1).c_str());
    std::printf("%-46s %12s %12s\n", "open: read back, hashes checked (median of 5)", number(open, 3).c_str(),
                number(largeMiB / open, 1).c_str());
    std::printf("%-46s %12s %12s\n", "export to a file (atomic, fsync)", number(exportSeconds, 3).c_str(),
                number(largeMiB / exportSeconds, 1).c_str());
    const double perAttachmentMs =
        manySeconds * 1000.0 / static_cast<double>(std::max<std::size_t>(1, options.attachments));
    std::printf("\n%zu attachments of %zu KiB added in %s s (%s ms per attachment)\n", options.attachments,
                options.attachmentKiB, number(manySeconds, 1).c_str(), number(perAttachmentMs, 2).c_str());
    std::printf("vault files: %s MiB without attachments, %s MiB with\n\n",
                number(static_cast<double>(bytesBefore) / kMiB, 1).c_str(),
                number(static_cast<double>(bytesAfter) / kMiB, 1).c_str());

    const double ratio = before.p50Ms > 0 ? after.p50Ms / before.p50Ms : 0.0;
    std::printf("%-40s %-22s %-22s %-8s %-10s %s\n", "case list (page 50 + total count)", "without attachments",
                "with attachments", "ratio", "target", "result");
    std::printf("%-40s %-22s %-22s %-8s %-10s %s\n", "p50 / p95", latencyText(before).c_str(),
                latencyText(after).c_str(), number(ratio, 2).c_str(), ("<= " + number(kRatioTarget, 2)).c_str(),
                ratio <= kRatioTarget ? "PASS" : "MISS");
    std::printf("%-40s %-22s %-22s %-8s\n", "cold (first run of a fresh session)",
                (number(before.coldMs, 2) + " ms").c_str(), (number(after.coldMs, 2) + " ms").c_str(),
                number(before.coldMs > 0 ? after.coldMs / before.coldMs : 0.0, 2).c_str());
    return 0;
}

}  // namespace abri::bench
