// abri-hub: the regional merge authority (PROTOCOL.md §1). Commands:
//   abri-hub init DIR --name NAME --address HOST:PORT [--kdf moderate|minimum]
//   abri-hub enroll DIR --office X [--role caseworker|supervisor] [--valid 72h]   prints a one-time token
//   abri-hub devices DIR | status DIR | revoke DIR DEVICE
//   abri-hub conflicts DIR [--office X]                                           open conflicts, never values
//   abri-hub state DIR --office X                                                 the office's state hash
//   abri-hub verify-state DIR                                                     rebuild and compare the merged state
//   abri-hub quarantine list DIR | quarantine release DIR ID
//   abri-hub import DIR FOLDER                                                    ingests FOLDER/abri-bundle/to-hub
//   abri-hub report DIR --report ID [--office X] [--format table|csv|json] [--from DATE] [--to DATE] [--round]
//                       [--min-cell-size K] | report DIR --list                      protected counts, never identities
//   abri-hub duplicates DIR [--json] [--limit N] | duplicates dismiss DIR CODE_A CODE_B  candidates by code, never names
//   abri-hub duplicates flag|merge DIR CODE_A CODE_B  hub change-sets sent to both offices (PROTOCOL.md §6.4)
//   abri-hub retention DIR [--years N | --off] [--apply]                          closed cases kept N years (default off)
//   abri-hub serve DIR [--listen HOST:PORT] [--port-file FILE] [timeouts in ms for tests]
//   abri-hub status DIR [--json]                                                  for monitoring
// The passphrase: passphrase_source.h. Logs never carry personal data.
// Exit codes: 0 ok, 1 failed, 2 usage, 4 quarantine release or duplicate dismissal refused, 5 the passphrase does not open the store (or
// none was given): abri-hub.service does not restart on 2 or 5, which only an operator can fix.
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <algorithm>
#include <array>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <sys/stat.h>
#include <unistd.h>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wire/enrolment_token.h"
#include "wire/sync_files.h"
#include "common/arguments.h"
#include "common/atomic_file.h"
#include "common/decimal.h"
#include "common/error.h"
#include "common/tls_identity.h"
#include "bundle_chunks.h"
#include "hub_server.h"
#include "ingest.h"
#include "case_state.h"
#include "open_conflicts.h"
#include "page_builder.h"
#include "quarantine_release.h"
#include "hub_backup.h"
#include "hub_report.h"
#include "duplicate_merge.h"
#include "duplicate_review.h"
#include "hub_retention.h"
#include "attachment_session.h"
#include "model/case_rules.h"
#include "passphrase_source.h"
#include "verify_state.h"
#include "reports/builtin_reports.h"

using namespace abri;
using namespace abri::sync;
using namespace abri::wire;
using namespace abri::sync::hub;

namespace {

constexpr int kExitWrongPassphrase = 5;

// Raised when no source has a passphrase: exits kExitWrongPassphrase like a wrong one (an operator must act).
struct NoPassphrase : Error {
    using Error::Error;
};

std::string passphrase(const ParsedArgs& args, bool confirm = false) {
    std::optional<std::string> file;
    if (auto name = args.valueOr("passphrase-file", ""); !name.empty()) file = name;
    try {
        return readPassphrase(passphraseSourcesFromEnvironment(file), confirm);
    } catch (const Error& e) {
        throw NoPassphrase(e.code(), e.subject(), e.detail());
    }
}

std::filesystem::path dirArg(const ParsedArgs& args) { return args.positional(0); }

// True when standard error is the systemd journal (JOURNAL_STREAM names its device and inode): lines then carry
// a syslog priority prefix ("<6>" info, "<3>" error) instead of a name and timestamp, which the journal adds.
bool stderrIsJournal() {
    static const bool journal = [] {
        const char* stream = std::getenv("JOURNAL_STREAM");
        struct stat st {};
        if (stream == nullptr || ::fstat(STDERR_FILENO, &st) != 0) return false;
        return std::string(stream) == std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
    }();
    return journal;
}

void logLine(const std::string& line) {
    if (stderrIsJournal()) std::cerr << "<6>" << line << std::endl;
    else std::cerr << "abri-hub " << nowMs() << " " << line << std::endl;
}

// A line that ends the command with an error: "abri-hub: ..." on a terminal, priority err in the journal.
std::ostream& errorLine() { return std::cerr << (stderrIsJournal() ? "<3>abri-hub: " : "abri-hub: "); }

// ISO 8601 UTC to the second, e.g. 2026-11-22T09:30:00Z.
std::string isoUtc(std::uint64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string codeName(std::uint16_t wire) {
    auto code = syncCodeFromWire(wire);
    return code ? std::string(syncCodeName(*code)) : std::to_string(wire);
}

std::uint64_t parseDurationMs(const std::string& text) {
    if (text.empty()) throw Error(ErrorCode::InvalidValue, "valid");
    std::uint64_t unitMs = 0;
    switch (text.back()) {
    case 'h': unitMs = 3600 * 1000; break;
    case 'd': unitMs = 24 * 3600 * 1000; break;
    case 'm': unitMs = 60 * 1000; break;
    default: break;
    }
    const auto count = parseNonNegativeDecimal(std::string_view(text).substr(0, text.size() - 1));
    if (!count || unitMs == 0) throw Error(ErrorCode::InvalidValue, "valid", "use 72h, 7d or 30m");
    const auto n = static_cast<std::uint64_t>(*count);
    return n > UINT64_MAX / unitMs ? UINT64_MAX : n * unitMs;  // the caller caps it at 30 days
}

constexpr std::array<std::string_view, 2> kKdfChoices = {"moderate", "minimum"};

int cmdInit(const ParsedArgs& args) {
    HubInitOptions options;
    options.dir = dirArg(args);
    options.name = args.valueOr("name", "abri-hub");
    options.address = args.valueOr("address", "");
    if (options.address.empty()) throw Error(ErrorCode::MissingField, "address");
    if (args.choice("kdf", kKdfChoices) == "minimum") options.kdf = crypto::KdfParams::minimum();
    const auto secret = passphrase(args, true);
    HubStore::create(options, secret);
    auto store = HubStore::open(options.dir, secret);
    store.descriptor();
    std::cout << "hub_id " << idToHex(store.hubId()) << "\n"
              << "fingerprint " << crypto::fingerprintDisplay(store.identityFingerprint()) << "\n";
    return 0;
}

int cmdEnroll(const ParsedArgs& args) {
    auto store = HubStore::open(dirArg(args), passphrase(args));
    EnrolmentToken token;
    const auto roleName = args.valueOr("role", "caseworker");
    if (roleName == "caseworker") token.role = CertRole::Caseworker;
    else if (roleName == "supervisor") token.role = CertRole::Supervisor;
    else throw Error(ErrorCode::InvalidValue, "role", "caseworker or supervisor");
    token.office = args.valueOr("office", "");
    if (!isValidOfficeCode(token.office)) throw Error(ErrorCode::InvalidValue, "office");
    constexpr std::uint64_t kMaxValidityMs = 30ULL * 24 * 3600 * 1000;
    const auto validity = std::min(parseDurationMs(args.valueOr("valid", "72h")), kMaxValidityMs);
    token.expiryMs = nowMs() + validity;
    token.hubFingerprint = store.identityFingerprint();
    token.hubAddress = store.address();
    token.secret = crypto::randomKey();
    TokenRecord record;
    record.secretHash = crypto::blake2b({token.secret.bytes()});
    record.office = token.office;
    record.role = token.role;
    record.expiryMs = token.expiryMs;
    store.addToken(record);
    std::cout << encodeTokenText(token) << "\n";
    return 0;
}

int cmdDevices(const ParsedArgs& args) {
    auto store = HubStore::open(dirArg(args), passphrase(args));
    for (const auto& d : store.devices()) {
        std::cout << idToHex(d.deviceId) << " " << d.office << " role=" << static_cast<int>(d.role) << " "
                  << deviceStatusName(d.status) << " acked=" << d.chainSeq << " label=" << d.certificate.label << "\n";
    }
    return 0;
}

int cmdBackup(const ParsedArgs& args) {
    const auto info = backupHub(dirArg(args), passphrase(args), args.positional(1), static_cast<std::int64_t>(nowMs()));
    std::cout << "Backed up hub " << info.hubId << " to " << args.positional(1) << " (" << info.bytes << " bytes)\n";
    return 0;
}

int cmdRestore(const ParsedArgs& args) {
    const auto info = restoreHub(args.positional(0), args.positional(1), passphrase(args));
    std::cout << "Restored hub " << info.hubId << " from the backup of " << isoUtc(static_cast<std::uint64_t>(info.takenMs))
              << "\n";
    return 0;
}

int cmdStatus(const ParsedArgs& args) {
    auto store = HubStore::open(dirArg(args), passphrase(args));
    const auto devices = store.devices();
    std::map<std::string, std::size_t> devicesByStatus;
    for (const auto& d : devices) ++devicesByStatus[std::string(deviceStatusName(d.status))];
    const auto quarantined = store.quarantineCount();
    const auto conflicts = openConflictTotal(store.db());
    if (args.has("json")) {
        // For monitoring: identities, counts and sequence numbers only, like the text form.
        nlohmann::json feeds = nlohmann::json::array();
        for (const auto& office : store.offices())
            feeds.push_back({{"office", office}, {"head", store.feedHead(office)}});
        const nlohmann::json status = {{"version", ABRI_VERSION},
                                       {"hub_id", idToHex(store.hubId())},
                                       {"name", store.name()},
                                       {"address", store.address()},
                                       {"fingerprint", crypto::fingerprintDisplay(store.identityFingerprint())},
                                       {"devices", devices.size()},
                                       {"devices_by_status", devicesByStatus},
                                       {"quarantined", quarantined},
                                       {"conflicts", conflicts},
                                       {"feeds", feeds}};
        std::cout << status.dump(2) << "\n";
        return 0;
    }
    std::cout << "hub_id " << idToHex(store.hubId()) << "\n"
              << "name " << store.name() << "\n"
              << "address " << store.address() << "\n"
              << "fingerprint " << crypto::fingerprintDisplay(store.identityFingerprint()) << "\n"
              << "devices " << devices.size() << "\n"
              << "quarantined " << quarantined << "\n"
              << "conflicts " << conflicts << "\n";
    for (const auto& office : store.offices())
        std::cout << "feed " << office << " head " << store.feedHead(office) << "\n";
    return 0;
}

// One line per open conflict (a field with several heads): identities only, never values (§5.3).
int cmdConflicts(const ParsedArgs& args) {
    auto store = HubStore::open(dirArg(args), passphrase(args));
    std::optional<std::string> office;
    if (auto code = args.valueOr("office", ""); !code.empty()) {
        if (!isValidOfficeCode(code)) throw Error(ErrorCode::InvalidValue, "office");
        office = code;
    }
    const auto conflicts = openConflicts(store, office);
    for (const auto& c : conflicts) {
        std::cout << "case=" << c.caseId << " entity=" << wire::entityKindCode(c.entity) << ":" << c.entityId
                  << " field=" << c.field << " heads=" << c.heads.size();
        for (const auto& head : c.heads) std::cout << " " << head.device << "@" << head.effHlc;
        if (c.entityDeleted) std::cout << " deleted";
        std::cout << "\n";
    }
    std::cout << "conflicts " << conflicts.size() << "\n";
    return 0;
}

// The state hash of an office's cases (§5.8): equal to `abri-cli sync --json`'s state_hash on each laptop of the
// office once it has synced everything; a difference means a laptop has not converged.
int cmdState(const ParsedArgs& args) {
    auto store = HubStore::open(dirArg(args), passphrase(args));
    const auto code = args.valueOr("office", "");
    if (!isValidOfficeCode(code)) throw Error(ErrorCode::InvalidValue, "office");
    const auto state = officeStateHash(store, code);
    std::cout << "office " << code << " cases " << state.cases << " feed_head " << store.feedHead(code)
              << " state_hash " << hashToHex(state.hash) << "\n";
    return 0;
}

// Every case rebuilt from its change-sets and compared with the stored merged state (§7.2). Case ids and counts
// only; exit 1 on any difference.
int cmdVerifyState(const ParsedArgs& args) {
    auto store = HubStore::open(dirArg(args), passphrase(args));
    const auto result = verifyCaseStates(store);
    for (const auto& m : result.mismatches)
        std::cout << "case=" << idToHex(m.caseId) << " " << stateDifferenceName(m.difference) << "\n";
    std::cout << "cases " << result.casesChecked << " differences " << result.mismatches.size() << "\n";
    return result.mismatches.empty() ? 0 : 1;
}

int cmdQuarantineList(const ParsedArgs& args) {
    auto store = HubStore::open(dirArg(args), passphrase(args));
    const auto rows = store.quarantined();
    for (const auto& row : rows) {
        std::cout << "id=" << row.id << " device=" << idToHex(row.deviceId) << " device_seq=" << row.deviceSeq
                  << " reason=" << codeName(row.reason) << " received=" << isoUtc(row.receivedMs)
                  << " bytes=" << row.size << "\n";
    }
    std::cout << "quarantined " << rows.size() << "\n";
    return 0;
}

// Why the chain refuses a release, in words that name sequences only.
std::string chainExplanation(const SyncError& e, std::uint64_t seq) {
    if (e.code() == SyncCode::ChainGap) {
        return "the hub holds device_seq " + std::to_string(e.ref()) + " of this device; release device_seq " +
               std::to_string(e.ref() + 1) + " first";
    }
    if (e.code() == SyncCode::Fork) {
        return seq <= e.ref() ? "device_seq " + std::to_string(seq) + " is already admitted with another change-set"
                              : "it does not follow the admitted device_seq " + std::to_string(e.ref());
    }
    return "refused by ingest";
}

int cmdQuarantineRelease(const ParsedArgs& args) {
    const auto parsedId = parseNonNegativeDecimal(args.positional(1));
    if (!parsedId || *parsedId <= 0) throw Error(ErrorCode::InvalidValue, "ID");
    const std::int64_t id = *parsedId;
    auto store = HubStore::open(dirArg(args), passphrase(args));
    auto row = store.findQuarantined(id);
    if (!row) throw Error(ErrorCode::NotFound, "quarantine " + std::to_string(id));
    const auto where = "id=" + std::to_string(id) + " device=" + idToHex(row->deviceId) +
                       " device_seq=" + std::to_string(row->deviceSeq);
    try {
        const auto outcome = releaseQuarantined(store, id, nowMs());
        const auto status = outcome.result.status == kStatusDuplicate ? std::string("duplicate")
                             : outcome.result.excludedCount > 0
                                 ? "admitted_with_exclusions excluded=" + std::to_string(outcome.result.excludedCount)
                                 : std::string("admitted");
        logLine("quarantine released " + where + " status=" + status);
        std::cout << "released " << where << " status=" << status << " head=" << outcome.deviceHead << "\n";
        return 0;
    } catch (const SyncError& e) {
        logLine("quarantine release refused " + where + " code=" + std::string(e.name()));
        std::cerr << "abri-hub: " << e.name() << ": quarantine " << where << ": "
                  << chainExplanation(e, row->deviceSeq) << "; nothing changed\n";
        return 4;
    }
}

int cmdRevoke(const ParsedArgs& args) {
    auto store = HubStore::open(dirArg(args), passphrase(args));
    auto id = idFromHex(args.positional(1));
    if (!id) throw Error(ErrorCode::InvalidValue, "DEVICE");
    auto device = store.findDevice(*id);
    if (!device) throw Error(ErrorCode::NotFound, "device");
    const auto now = nowMs();
    storage::Transaction txn(store.db());
    store.setDeviceStatus(*id, DeviceStatus::Revoked, now);
    FeedEntryRow revoked;
    revoked.type = PageEntryType::Cert;
    revoked.certStatus = CertStatus::Revoked;
    revoked.certStatusMs = now;
    revoked.certificate = device->certificate.bytes;
    std::vector<std::string> feeds = {device->office};
    for (const auto& office : store.offices()) {
        if (office != device->office && store.feedHasCertificate(office, *id, device->certificate.serial)) {
            feeds.push_back(office);
        }
    }
    for (const auto& office : feeds) store.appendFeed(office, revoked);
    txn.commit();
    logLine("revoked device=" + idToHex(*id));
    return 0;
}

int cmdImport(const ParsedArgs& args) {
    auto store = HubStore::open(dirArg(args), passphrase(args));
    const auto toHub = std::filesystem::path(args.positional(1)) / "abri-bundle" / "to-hub";
    std::vector<std::pair<SyncFileName, std::filesystem::path>> files;
    if (std::filesystem::is_directory(toHub)) {
        for (const auto& entry : std::filesystem::directory_iterator(toHub)) {
            auto parsed = parseSyncFileName(entry.path().filename().string());
            if (parsed && parsed->kind == SyncFileKind::OutboxBatch) files.emplace_back(*parsed, entry.path());
        }
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first.deviceId, a.first.firstSeq) < std::tie(b.first.deviceId, b.first.firstSeq);
    });
    const auto toDevice = std::filesystem::path(args.positional(1)) / "abri-bundle" / "to-device";
    int failures = 0;
    for (const auto& [name, path] : files) {
        auto bytes = readWholeFile(path, kMaxBatchPayload + 1024);
        auto result = ingestSealedFile(store, bytes, std::nullopt, nowMs());
        // A file whose change-sets were quarantined (revoked or forked device) was not admitted: say so, not 0.
        const auto quarantined = std::count_if(result.results.begin(), result.results.end(),
                                               [](const auto& r) { return r.status == kStatusQuarantined; });
        std::cout << path.filename().string() << " file_status="
                  << (result.fileStatus == 0 && quarantined > 0 ? std::string("quarantined")
                                                                 : std::to_string(result.fileStatus))
                  << " acked=" << result.ackedSeq;
        if (quarantined > 0) std::cout << " quarantined=" << quarantined;
        std::cout << "\n";
        if (result.fileStatus != 0) ++failures;
        if (!result.refusalNotice.empty() && !result.results.empty()) {
            const auto folder = toDevice / idToHex(name.deviceId);
            std::filesystem::create_directories(folder);
            writeFileAtomically(folder, refusalFileName(name.deviceId, result.results.back().deviceSeq),
                                result.refusalNotice);
        }
    }
    // Attachment chunks after every change-set, so their records are admitted first (§11.6).
    const auto chunks = importBundleChunks(store, toHub, toDevice, nowMs(), std::cout);
    failures += static_cast<int>(chunks.refused);
    if (chunks.accepted + chunks.refused > 0) std::cout << "chunks accepted=" << chunks.accepted << "\n";
    // Pages for each want file of an active device, from its checkpoint to the feed head (§7.6).
    if (std::filesystem::is_directory(toHub)) {
        for (const auto& entry : std::filesystem::directory_iterator(toHub)) {
            const auto fileName = entry.path().filename().string();
            if (fileName.rfind("want-", 0) != 0 || fileName.size() != 5 + 32 + 4) continue;
            auto deviceId = idFromHex(fileName.substr(5, 32));
            if (!deviceId) continue;
            auto device = store.findDevice(*deviceId);
            if (!device || device->status != DeviceStatus::Active) continue;
            std::ifstream in(entry.path());
            std::string key;
            std::uint64_t since = 0;
            if (!(in >> key >> since) || key != "office_seq") continue;
            const auto folder = toDevice / idToHex(*deviceId);
            std::filesystem::create_directories(folder);
            std::size_t pages = 0;
            while (since < store.feedHead(device->office)) {
                auto page = buildPage(store, *device, since, kMaxPageEntries, 1024 * 1024, nowMs());
                if (!page) break;
                writeFileAtomically(folder, pageFileName(*deviceId, page->firstSeq, page->lastSeq), page->sealedFile);
                since = page->lastSeq;
                ++pages;
            }
            std::cout << "device " << idToHex(*deviceId) << " pages=" << pages << "\n";
        }
    }
    return failures == 0 ? 0 : 4;
}

// `report DIR --list`: the built-in reports the hub runs (ids and titles).
int cmdReportList() {
    for (const auto& d : reports::builtinReports()) std::cout << d.id << "  " << d.title << "\n";
    return 0;
}

// Everything is checked before the store is opened, so a bad option prints an error and never a table.
int cmdReport(const ParsedArgs& args) {
    const auto dir = dirArg(args);
    if (args.has("list")) return cmdReportList();
    const auto id = args.valueOr("report", "");
    if (id.empty()) throw Error(ErrorCode::MissingField, "report", "a report id (abri-hub report DIR --list)");
    auto definition = reports::findBuiltinReport(id);
    if (!definition) throw Error(ErrorCode::InvalidValue, "report", "unknown report id (abri-hub report DIR --list)");
    if (auto from = args.valueOr("from", ""); !from.empty()) definition->from = from;
    if (auto to = args.valueOr("to", ""); !to.empty()) definition->to = to;
    reports::validate(*definition);  // names the field: "from", "to", "period"

    std::optional<std::string> office;
    if (auto code = args.valueOr("office", ""); !code.empty()) {
        if (!isValidOfficeCode(code)) throw Error(ErrorCode::InvalidValue, "office");
        office = code;
    }
    const auto format = args.valueOr("format", "table");
    if (format != "table" && format != "csv" && format != "json")
        throw Error(ErrorCode::InvalidValue, "format", "table, csv or json");

    reports::DisclosurePolicy policy;
    policy.roundToBase5 = args.has("round");
    if (auto text = args.valueOr("min-cell-size", ""); !text.empty()) {
        int k = 0;
        try {
            std::size_t used = 0;
            k = std::stoi(text, &used);
            if (used != text.size()) throw std::invalid_argument("min-cell-size");
        } catch (const std::exception&) {
            throw Error(ErrorCode::InvalidValue, "min-cell-size", "a whole number from 5 to 1000");
        }
        // The same bounds as a vault's setting: never below the floor, whoever asks.
        if (k < reports::kMinimumCellSizeFloor || k > 1000)
            throw Error(ErrorCode::ValueOutOfRange, "min-cell-size", "5 to 1000");
        policy.minimumCellSize = k;
    }

    auto store = HubStore::open(dir, passphrase(args));
    const auto table = runHubReport(store, *definition, office, policy);
    logLine("report " + id + " office=" + office.value_or("all") + " format=" + format +
            " k=" + std::to_string(policy.minimumCellSize));
    if (format == "json") {
        auto json = reports::toJson(table);
        json["office"] = office ? nlohmann::json(*office) : nlohmann::json(nullptr);
        std::cout << json.dump(2) << "\n";
    } else if (format == "csv") {
        std::cout << reports::toCsv(table);
    } else {
        std::cout << reportText(table, office);
    }
    return 0;
}

// `duplicates DIR`: possible duplicates among every office's merged cases, by case code, office, score and the
// fields that agree (duplicate_review.h); never a name or any other value of the cases. `--limit N`: the N
// highest-scoring pairs only (the summary still counts them all).
int cmdDuplicates(const ParsedArgs& args) {
    const auto limit = args.integer("limit", 1, 1'000'000'000);  // checked before the store is opened
    auto store = HubStore::open(dirArg(args), passphrase(args));
    const auto listing = listDuplicates(store);
    const std::size_t shown =
        limit ? std::min(listing.candidates.size(), static_cast<std::size_t>(*limit)) : listing.candidates.size();
    const std::size_t overLimit = listing.candidates.size() - shown;
    logLine("duplicates listed candidates=" + std::to_string(listing.candidates.size()) +
            " shown=" + std::to_string(shown) + " cases=" + std::to_string(listing.cases));
    auto agree = [](unsigned reasons) {
        std::string out;
        for (auto code : duplicates::reasonCodes(reasons)) out += (out.empty() ? "" : ",") + std::string(code);
        return out;
    };
    auto scoreText = [](double score) {
        char text[16];
        std::snprintf(text, sizeof text, "%.2f", score);
        return std::string(text);
    };
    if (args.has("json")) {
        nlohmann::json out = {{"cases", listing.cases},
                              {"comparisons", listing.comparisons},
                              {"dismissed_not_shown", listing.dismissedHidden},
                              {"limit", limit ? nlohmann::json(*limit) : nlohmann::json(nullptr)},
                              {"limit_not_shown", overLimit},
                              {"candidates", nlohmann::json::array()}};
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& c = listing.candidates[i];
            nlohmann::json agreeing = nlohmann::json::array();
            for (auto code : duplicates::reasonCodes(c.reasons)) agreeing.push_back(code);
            out["candidates"].push_back({{"score", std::stod(scoreText(c.score))},
                                         {"case_a", {{"code", c.codeA}, {"office", c.officeA}, {"id", c.caseA}}},
                                         {"case_b", {{"code", c.codeB}, {"office", c.officeB}, {"id", c.caseB}}},
                                         {"agree", agreeing}});
        }
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& c = listing.candidates[i];
        std::cout << "score=" << scoreText(c.score) << " case_a=" << c.codeA << " office_a=" << c.officeA
                  << " case_b=" << c.codeB << " office_b=" << c.officeB << " agree=" << agree(c.reasons) << "\n";
    }
    std::cout << "candidates " << listing.candidates.size() << " cases " << listing.cases << " comparisons "
              << listing.comparisons << " dismissed_not_shown " << listing.dismissedHidden;
    if (limit) std::cout << " limit_not_shown " << overLimit;
    std::cout << "\n";
    return 0;
}

// CODE_A and CODE_B of the duplicates sub-commands, checked before the store is opened: a case code is letters,
// digits and dashes ("TUN-SFX-26-K7Q3M2").
std::pair<std::string, std::string> caseCodeArguments(const ParsedArgs& args) {
    const auto codeA = args.positional(1);
    const auto codeB = args.positional(2);
    auto isCaseCode = [](const std::string& code) {
        return !code.empty() && code.size() <= 64 && std::all_of(code.begin(), code.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        });
    };
    if (!isCaseCode(codeA)) throw Error(ErrorCode::InvalidValue, "CODE_A", "a case code such as TUN-SFX-26-K7Q3M2");
    if (!isCaseCode(codeB)) throw Error(ErrorCode::InvalidValue, "CODE_B", "a case code such as TUN-SFX-26-K7Q3M2");
    return {codeA, codeB};
}

// `duplicates merge DIR CODE_A CODE_B` and `duplicates flag DIR CODE_A CODE_B`: hub change-sets that reach both
// offices' laptops (PROTOCOL.md §6.4); exit 4 and nothing written when refused.
int runDuplicateDecision(const ParsedArgs& args, bool merge) {
    const auto [codeA, codeB] = caseCodeArguments(args);
    auto store = HubStore::open(dirArg(args), passphrase(args));
    const std::string verb = merge ? "merge" : "flag";
    try {
        const auto decision =
            merge ? mergeDuplicate(store, codeA, codeB, nowMs()) : flagDuplicate(store, codeA, codeB, nowMs());
        logLine("duplicates " + verb + " case_a=" + decision.caseA + " case_b=" + decision.caseB +
                " changesets=" + std::to_string(decision.changeSets));
        std::cout << (merge ? "merged " : "flagged ") << codeA << " " << codeB << "\n";
        return 0;
    } catch (const MergeRefused& e) {
        logLine("duplicates " + verb + " refused code=" + std::string(mergeRefusalName(e.refusal())));
        std::cerr << "abri-hub: refused: " << e.what() << "; nothing changed\n";
        return 4;
    }
}

int cmdDuplicatesMerge(const ParsedArgs& args) { return runDuplicateDecision(args, true); }
int cmdDuplicatesFlag(const ParsedArgs& args) { return runDuplicateDecision(args, false); }

// `duplicates dismiss DIR CODE_A CODE_B`: the two cases are not the same person; the pair is not listed again.
int cmdDuplicatesDismiss(const ParsedArgs& args) {
    const auto [codeA, codeB] = caseCodeArguments(args);
    auto store = HubStore::open(dirArg(args), passphrase(args));
    try {
        const auto dismissal = dismissDuplicate(store, codeA, codeB, nowMs());
        logLine("duplicates dismissed case_a=" + dismissal.caseA + " case_b=" + dismissal.caseB);
        std::cout << "dismissed " << codeA << " " << codeB << "\n";
        return 0;
    } catch (const DismissRefused& e) {
        logLine("duplicates dismiss refused code=" + std::string(dismissRefusalName(e.refusal())));
        std::cerr << "abri-hub: refused: " << e.what() << "; nothing changed\n";
        return 4;
    }
}

constexpr long long kMaxTimeoutMs = 24LL * 3600 * 1000;
// How long sessions get to reach a frame boundary after SIGTERM; systemd waits 90 s before SIGKILL.
constexpr std::chrono::seconds kShutdownGrace{10};

// The hub's retention policy (hub_retention.h): shows it, sets it (--years N | --off), applies it (--apply).
int cmdRetention(const ParsedArgs& args) {
    auto store = HubStore::open(dirArg(args), passphrase(args));
    if (args.has("years") && args.has("off")) throw UsageError("--years and --off exclude each other");
    if (auto years = args.integer("years", 0, 1000)) {
        setHubRetentionYears(store, static_cast<int>(*years));
    } else if (args.has("off")) {
        setHubRetentionYears(store, std::nullopt);
    }
    const auto years = hubRetentionYears(store);
    std::cout << "retention " << (years ? std::to_string(*years) + " years after closing" : std::string("off"))
              << "\n";
    if (args.has("apply")) {
        const int purged = applyHubRetention(store, model::dateFromMs(static_cast<std::int64_t>(nowMs())), nowMs());
        logLine("retention purged=" + std::to_string(purged));
        std::cout << "purged " << purged << "\n";
    }
    return 0;
}

// The per-office daily attachment budget (attachment_session.h, PROTOCOL.md §11.5): shows it, sets it (--mib N).
int cmdAttachmentBudget(const ParsedArgs& args) {
    auto store = HubStore::open(dirArg(args), passphrase(args));
    if (auto mib = args.integer("mib", 0, static_cast<long long>(kMaxAttachmentBudgetMib))) {
        setAttachmentBudgetMibPerDay(store, static_cast<std::uint64_t>(*mib));
    }
    const auto mib = attachmentBudgetMibPerDay(store);
    std::cout << "attachment_budget_mib_per_day " << mib << (mib == 0 ? " (no budget)" : "") << "\n";
    return 0;
}

int cmdServe(const ParsedArgs& args) {
    auto store = HubStore::open(dirArg(args), passphrase(args));
    // Retention (off unless the operator set it) at start, then once a day while serving.
    // On the server's one thread, between sessions' steps, like every other use of the store. A failure (a busy
    // store) is logged and retried the next day; it never stops the server.
    auto applyRetention = [&store] {
        try {
            const int purged =
                applyHubRetention(store, model::dateFromMs(static_cast<std::int64_t>(nowMs())), nowMs());
            if (purged > 0) logLine("retention purged=" + std::to_string(purged));
        } catch (const Error& e) {
            logLine(std::string("retention failed: ") + std::string(errorCodeName(e.code())));
        }
    };
    applyRetention();
    ServerOptions options;
    auto listen = args.valueOr("listen", "127.0.0.1:7412");
    auto colon = listen.rfind(':');
    const auto port = colon == std::string::npos ? std::nullopt : parseNonNegativeDecimal(listen.substr(colon + 1));
    if (!port || *port > 65535) throw Error(ErrorCode::InvalidValue, "listen");
    options.listenHost = listen.substr(0, colon);
    options.listenPort = static_cast<std::uint16_t>(*port);
    auto ms = [&](const char* name, std::chrono::milliseconds fallback) {
        const auto value = args.integer(name, 0, kMaxTimeoutMs);
        return value ? std::chrono::milliseconds(*value) : fallback;
    };
    options.handshakeTimeout = ms("handshake-timeout-ms", options.handshakeTimeout);
    options.helloTimeout = ms("hello-timeout-ms", options.helloTimeout);
    options.frameTimeouts.frame = ms("frame-timeout-ms", options.frameTimeouts.frame);
    options.frameTimeouts.idle = ms("idle-timeout-ms", options.frameTimeouts.idle);
    options.connectionLifetime = ms("connection-lifetime-ms", options.connectionLifetime);
    options.enrolRequestTimeout = ms("enrol-timeout-ms", options.enrolRequestTimeout);
    if (auto n = args.integer("max-connections", 16, 1'000'000)) options.limits.maxConnections = static_cast<std::size_t>(*n);
    if (auto n = args.integer("max-anonymous-per-address", 2, 100'000))
        options.limits.maxAnonymousPerAddress = static_cast<std::size_t>(*n);
    // Every connection holds a descriptor: the limits are cut to what RLIMIT_NOFILE allows (admission_limits.h).
    const auto fileLimit = softFileLimit();
    options.limits = fitToFileLimit(options.limits, fileLimit, openFileDescriptors());
    if (auto wait = args.integer("max-wait-s", 0, UINT16_MAX)) options.maxWaitS = static_cast<std::uint16_t>(*wait);
    options.log = logLine;
    boost::asio::io_context io;
    HubServer server(io, store, options);
    boost::asio::steady_timer retentionTimer(io);
    std::function<void()> scheduleRetention = [&] {
        retentionTimer.expires_after(std::chrono::hours(24));
        retentionTimer.async_wait([&](const boost::system::error_code& ec) {
            if (ec) return;
            applyRetention();
            scheduleRetention();
        });
    };
    scheduleRetention();
    // SIGTERM (systemctl stop) or Ctrl+C, caught from before the port is announced (handled once run() starts):
    // stop accepting, end each session at a frame boundary with ERROR shutting_down, and return once every
    // connection has closed (run() has no work left). An upload cut there stays a resumable partial file;
    // change-sets are only ever admitted whole, in one transaction.
    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code& ec, int signal) {
        if (ec) return;
        logLine(std::string("stopping on ") + (signal == SIGTERM ? "SIGTERM" : "SIGINT"));
        retentionTimer.cancel();
        server.shutDown(kShutdownGrace);
    });
    const auto boundPort = server.start();
    if (auto portFile = args.valueOr("port-file", ""); !portFile.empty()) {
        auto text = std::to_string(boundPort) + "\n";
        abri::writeFileAtomically(portFile, crypto::asBytes(text));
    }
    logLine("listening port=" + std::to_string(boundPort) + " hub=" + idToHex(store.hubId()));
    logLine(describe(options.limits, fileLimit));
    logLine("attachment_budget_mib_per_day=" + std::to_string(attachmentBudgetMibPerDay(store)));
    io.run();
    logLine("stopped");
    return 0;
}


// ---- the command table: every command's arguments and options, for the shared parser (common/arguments.h) ----

struct HubCommand {
    CommandSpec spec;
    int (*run)(const ParsedArgs&);
};

constexpr OptionSpec kPassphraseOption{
    .name = "passphrase-file",
    .valueName = "FILE",
    .help = "Passphrase from FILE's first line, - for standard input (else the systemd credential, or a prompt)"};
constexpr PositionalSpec kDirArgument{"DIR", "The hub's folder (its encrypted store)"};
constexpr OptionSpec kOfficeOption{.name = "office", .valueName = "CODE", .help = "The office's code, e.g. TUN-SFX"};

// Test knobs of serve: accepted but left out of --help.
OptionSpec timeoutOption(std::string_view name) {
    return {.name = name, .valueName = "MS", .help = "Timeout in milliseconds", .hidden = true};
}

const std::vector<HubCommand>& hubCommands() {
    static const std::vector<HubCommand> commands = {
        {{.name = "init",
          .summary = "Create the hub store and its keys; prints the key fingerprint",
          .positionals = {kDirArgument},
          .options = {{.name = "name", .valueName = "NAME", .help = "The hub's name, shown to laptops"},
                      {.name = "address", .valueName = "HOST:PORT", .help = "Where laptops reach the hub (required)"},
                      {.name = "kdf", .valueName = "moderate|minimum", .help = "Key derivation cost", .hidden = true},
                      kPassphraseOption}},
         cmdInit},
        {{.name = "enroll",
          .summary = "Print a one-time enrolment token for one laptop of an office",
          .positionals = {kDirArgument},
          .options = {kOfficeOption,
                      {.name = "role", .valueName = "caseworker|supervisor", .help = "The laptop's role"},
                      {.name = "valid", .valueName = "DURATION", .help = "How long the token is valid: 72h, 7d, 30m"},
                      kPassphraseOption}},
         cmdEnroll},
        {{.name = "devices",
          .summary = "List enrolled devices (id, office, role, status, acked sequence)",
          .positionals = {kDirArgument},
          .options = {kPassphraseOption}},
         cmdDevices},
        {{.name = "status",
          .summary = "Hub identity, device count, quarantine, open conflicts, office feed heads",
          .positionals = {kDirArgument},
          .options = {{.name = "json", .help = "One JSON object, for monitoring"}, kPassphraseOption}},
         cmdStatus},
        {{.name = "revoke",
          .summary = "Refuse the device from now on; quarantine what it sends",
          .positionals = {kDirArgument, {"DEVICE_ID", "The device's id (32 hex digits, from 'devices')"}},
          .options = {kPassphraseOption}},
         cmdRevoke},
        {{.name = "conflicts",
          .summary = "List open conflicts by identity (case, entity, field, heads), never by value",
          .positionals = {kDirArgument},
          .options = {{.name = "office", .valueName = "CODE", .help = "Only the cases of this office"},
                      kPassphraseOption}},
         cmdConflicts},
        {{.name = "state",
          .summary = "The state hash of an office's cases (equal on every laptop of the office that has synced)",
          .positionals = {kDirArgument},
          .options = {kOfficeOption, kPassphraseOption}},
         cmdState},
        {{.name = "verify-state",
          .summary = "Rebuild every case from its change-sets and compare with the stored merged state",
          .positionals = {kDirArgument},
          .options = {kPassphraseOption}},
         cmdVerifyState},
        {{.name = "quarantine list",
          .summary = "What revoked or forked devices sent: id, device, device_seq, reason, received time, size",
          .positionals = {kDirArgument},
          .options = {kPassphraseOption}},
         cmdQuarantineList},
        {{.name = "quarantine release",
          .summary = "Admit one quarantined change-set through the normal checks (exit 4 when refused)",
          .positionals = {kDirArgument, {"ID", "The id from 'quarantine list'"}},
          .options = {kPassphraseOption}},
         cmdQuarantineRelease},
        {{.name = "backup",
          .summary = "Write an encrypted backup of the store to a new file (while the hub serves)",
          .positionals = {kDirArgument, {"DEST", "The backup file to create (must not exist)"}},
          .options = {kPassphraseOption}},
         cmdBackup},
        {{.name = "restore",
          .summary = "Replace the store with a backup after checking it (stop the hub first)",
          .positionals = {{"BACKUP", "The backup file"}, kDirArgument},
          .options = {kPassphraseOption}},
         cmdRestore},
        {{.name = "import",
          .summary = "Ingest FOLDER/abri-bundle/to-hub (a USB stick) and write pages for its want files",
          .positionals = {kDirArgument, {"FOLDER", "The folder holding abri-bundle/"}},
          .options = {kPassphraseOption}},
         cmdImport},
        {{.name = "report",
          .summary = "A built-in report over the merged cases of every office (or one), with disclosure control",
          .positionals = {kDirArgument},
          .options = {{.name = "report", .valueName = "ID", .help = "The report's id (see --list)"},
                      {.name = "list", .help = "List the built-in reports (ids and titles)"},
                      {.name = "office", .valueName = "CODE", .help = "Only the cases of this office"},
                      {.name = "format", .valueName = "table|csv|json", .help = "Output format (default table)"},
                      {.name = "from", .valueName = "DATE", .help = "Registered on or after DATE (YYYY-MM-DD)"},
                      {.name = "to", .valueName = "DATE", .help = "Registered on or before DATE (YYYY-MM-DD)"},
                      {.name = "round", .help = "Round published values to base 5"},
                      {.name = "min-cell-size", .valueName = "K", .help = "Counts below K show as <K (default 11, at least 5)"},
                      kPassphraseOption}},
         cmdReport},
        {{.name = "duplicates",
          .summary = "Possible duplicates among every office's cases: codes, offices, score, fields that agree",
          .positionals = {kDirArgument},
          .options = {{.name = "json", .help = "One JSON object"},
                      {.name = "limit", .valueName = "N",
                       .help = "Only the N highest-scoring pairs (default: all); the summary counts them all"},
                      kPassphraseOption}},
         cmdDuplicates},
        {{.name = "duplicates dismiss",
          .summary = "Record that two cases are not the same person: the pair is not listed again (exit 4 when "
                     "refused)",
          .positionals = {kDirArgument, {"CODE_A", "A case code from 'duplicates'"},
                          {"CODE_B", "The other case code"}},
          .options = {kPassphraseOption}},
         cmdDuplicatesDismiss},
        {{.name = "duplicates merge",
          .summary = "Merge two cases of one person: CODE_B is closed as a duplicate of CODE_A, both offices' "
                     "laptops get the link (exit 4 when refused)",
          .positionals = {kDirArgument, {"CODE_A", "The case that stays open"},
                          {"CODE_B", "The case retired as its duplicate"}},
          .options = {kPassphraseOption}},
         cmdDuplicatesMerge},
        {{.name = "duplicates flag",
          .summary = "Mark two cases as a possible duplicate: both offices' laptops show it (exit 4 when refused)",
          .positionals = {kDirArgument, {"CODE_A", "A case code from 'duplicates'"},
                          {"CODE_B", "The other case code"}},
          .options = {kPassphraseOption}},
         cmdDuplicatesFlag},
        {{.name = "retention",
          .summary = "Show, set (--years N | --off) or apply (--apply) how long closed cases are kept (default off)",
          .positionals = {kDirArgument},
          .options = {{.name = "years", .valueName = "N",
                       .help = "Purge closed cases N whole years after their closing date (1-100)"},
                      {.name = "off", .help = "Keep closed cases (the default)"},
                      {.name = "apply", .help = "Purge the cases past the period now (serve does it at start and daily)"},
                      kPassphraseOption}},
         cmdRetention},
        {{.name = "attachment-budget",
          .summary = "Show or set (--mib N) each office's daily attachment budget (default 200 MiB; 0 = none)",
          .positionals = {kDirArgument},
          .options = {{.name = "mib", .valueName = "N",
                       .help = "MiB of attachment chunks per office and UTC day, sent and received (0 = no budget)"},
                      kPassphraseOption}},
         cmdAttachmentBudget},
        {{.name = "serve",
          .summary = "Run the server in the foreground (Ctrl+C stops it)",
          .positionals = {kDirArgument},
          .options = {{.name = "listen", .valueName = "HOST:PORT", .help = "Where to listen (default 127.0.0.1:7412)"},
                      {.name = "port-file", .valueName = "FILE", .help = "Write the port listened on to FILE"},
                      timeoutOption("handshake-timeout-ms"), timeoutOption("hello-timeout-ms"),
                      timeoutOption("frame-timeout-ms"), timeoutOption("idle-timeout-ms"),
                      timeoutOption("connection-lifetime-ms"), timeoutOption("enrol-timeout-ms"),
                      {.name = "max-connections", .valueName = "N",
                       .help = "Connections at once, enrolled devices and anonymous peers (default 1024; lowered to "
                               "what the open-file limit allows)"},
                      {.name = "max-anonymous-per-address", .valueName = "N",
                       .help = "Connections not yet authenticated from one address (default 16; enrolled laptops "
                               "behind the same NAT are not counted)"},
                      {.name = "max-wait-s", .valueName = "S", .help = "Longest download wait", .hidden = true},
                      kPassphraseOption}},
         cmdServe},
    };
    return commands;
}

// The command named by the leading words (the longest match: "quarantine list" before a bare "quarantine").
const HubCommand* findCommand(const std::vector<std::string>& words, std::size_t& used) {
    const HubCommand* best = nullptr;
    for (const auto& command : hubCommands()) {
        std::vector<std::string_view> parts;
        for (std::string_view name = command.spec.name; !name.empty();) {
            const auto space = name.find(' ');
            parts.push_back(name.substr(0, space));
            name = space == std::string_view::npos ? std::string_view() : name.substr(space + 1);
        }
        if (parts.size() > words.size() || (best != nullptr && parts.size() <= used)) continue;
        if (std::equal(parts.begin(), parts.end(), words.begin())) {
            best = &command;
            used = parts.size();
        }
    }
    return best;
}

}  // namespace

constexpr const char* kUsage = R"(Usage: abri-hub COMMAND DIR [options]

The regional Abri hub: receives every office's signed change-sets, merges them and serves each office what it may
see (sync/PROTOCOL.md). DIR holds the hub's encrypted store. Its passphrase comes from --passphrase-file FILE
(first line; - reads standard input), else from the systemd credential "passphrase" ($CREDENTIALS_DIRECTORY/passphrase), else from
ABRI_HUB_PASSPHRASE (for tests only), else it is asked for on the terminal (without echo).

Commands:
  init DIR --name NAME --address HOST:PORT     create the hub store and its keys; prints the key fingerprint
  enroll DIR --office CODE [--role caseworker|supervisor] [--valid 72h]
                                               print a one-time enrolment token for one laptop of CODE
  devices DIR                                  list enrolled devices (id, office, role, status, acked sequence)
  status DIR [--json]                          hub identity, device count, quarantine, open conflicts, office
                                               feed heads; --json: one JSON object, for monitoring
  revoke DIR DEVICE_ID                         refuse the device from now on; quarantine what it sends
  conflicts DIR [--office CODE]                list open conflicts (fields with concurrent edits): case,
                                               entity, field path, heads as device@eff_hlc (winner first);
                                               identities only, never values; --office: its cases only
  state DIR --office CODE                      the state hash of the office's cases; a laptop of the office
                                               that has synced everything shows the same (abri-cli sync --json)
  verify-state DIR                             rebuild every case from its change-sets and compare with the
                                               merged state the hub keeps; prints the differing case ids and
                                               the counts; exits 1 on any difference
  quarantine list DIR                          what revoked or forked devices sent: id, device, device_seq,
                                               reason, received time (UTC), size
  quarantine release DIR ID                    admit one quarantined change-set through the normal checks
                                               (all but revocation); exits 4 and changes nothing when the
                                               chain refuses it (release earlier sequences first) or a check
                                               fails
  import DIR FOLDER                            ingest FOLDER/abri-bundle/to-hub (a USB stick) and write pages
                                               for the devices whose want files are there
  backup DIR DEST                              write an encrypted backup of the store to the new file DEST,
                                               consistent while the hub serves
  restore BACKUP DIR                           replace the store with BACKUP after checking it (damage,
                                               passphrase, same hub); stop the hub first
  report DIR --report ID [--office CODE] [--format table|csv|json] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
             [--round] [--min-cell-size K]
                                               a built-in report over the merged cases of every office (or
                                               of CODE's cases), with the offices' disclosure control: counts
                                               below K (default 11, never below 5) show as <K, and so does
                                               any value that could be worked out from the totals; --round
                                               rounds to base 5. Codes and counts only, never identities
  report DIR --list                            the built-in reports (ids and titles)
  duplicates DIR [--json] [--limit N]          possible duplicates among every office's merged cases (the
                                               same person registered twice): case codes, offices, a score
                                               from 0 to 1 and the fields that agree (name, alias,
                                               date_of_birth, birth_year, sex, citizenship,
                                               identity_document); never names or other values; --limit N:
                                               the N highest-scoring pairs only (default all)
  duplicates dismiss DIR CODE_A CODE_B         record that two cases are not the same person: the pair is
                                               not listed again; exits 4 and changes nothing for one case
                                               twice, an unknown code, a code two cases share or a pair
                                               already dismissed; removes the pair's flags
  duplicates flag DIR CODE_A CODE_B            mark the two cases as a possible duplicate: the laptops of
                                               both offices show it on each case
  duplicates merge DIR CODE_A CODE_B           one person: CODE_B is closed as a duplicate of CODE_A
                                               (duplicate_of), CODE_A lists CODE_B (same_person_as); both
                                               keep all their records; signed by the hub and sent to both
                                               offices' laptops; reports count the person once; exits 4
                                               and changes nothing for one case twice, an unknown or shared
                                               code, or a case already merged
  attachment-budget DIR [--mib N]              show or set attachment_budget_mib_per_day: the MiB of
                                               attachment chunks each office may send and receive per UTC
                                               day (default 200; 0 = none; takes effect at once)
  serve DIR [--listen HOST:PORT]               run the server in the foreground; SIGTERM or Ctrl+C stops it
                                               gracefully (sessions end at a frame boundary)

Run 'abri-hub COMMAND --help' for a command's options; an option the command does not know is an error.
'abri-hub --version' prints the version. Logs name devices, sequences and codes only, never personal data.
Exit status: 0 ok, 1 failed, 2 usage error, 4 quarantine release or duplicate dismissal refused, 5 wrong or
missing passphrase.
)";

int main(int argc, char** argv) {
    const std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty() || words[0] == "--help" || words[0] == "-h") {
        (words.empty() ? std::cerr : std::cout) << kUsage;
        return words.empty() ? 2 : 0;
    }
    if (words[0] == "--version") {
        std::cout << "abri-hub " << ABRI_VERSION << "\n";
        return 0;
    }
    std::size_t used = 0;
    const HubCommand* command = findCommand(words, used);
    if (command == nullptr) {
        std::string subCommands;  // "abri-hub quarantine" alone: name its sub-commands
        for (const auto& c : hubCommands()) {
            if (c.spec.name.starts_with(words[0] + " ")) {
                subCommands += (subCommands.empty() ? "" : ", ") + std::string(c.spec.name.substr(words[0].size() + 1));
            }
        }
        if (subCommands.empty()) std::cerr << "abri-hub: unknown command (see abri-hub --help)\n";
        else std::cerr << "abri-hub: '" << words[0] << "' needs a sub-command: " << subCommands << "\n";
        return 2;
    }
    const std::vector<std::string> rest(words.begin() + static_cast<std::ptrdiff_t>(used), words.end());
    try {
        const ParsedArgs args = parseArguments(command->spec, rest);
        if (args.helpRequested) {
            std::cout << helpText("abri-hub", command->spec);
            return 0;
        }
        return command->run(args);
    } catch (const UsageError& e) {
        const std::string help = helpText("abri-hub", command->spec);
        std::cerr << "abri-hub: " << e.what() << "\n"
                  << help.substr(0, help.find('\n')) << "\n"
                  << "Run 'abri-hub " << command->spec.name << " --help' for its options.\n";
        return 2;
    } catch (const SyncError& e) {
        std::cerr << "abri-hub: " << e.what() << "\n";
        return 1;
    } catch (const NoPassphrase& e) {
        errorLine() << "no passphrase for the hub store: " << e.what() << "\n";
        return kExitWrongPassphrase;
    } catch (const Error& e) {
        if (e.code() == ErrorCode::WrongPassword) {
            errorLine() << "wrong passphrase: it does not open the hub store; nothing was done\n";
            return kExitWrongPassphrase;
        }
        std::cerr << "abri-hub: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "abri-hub: internal error\n";
        return 1;
    }
}
