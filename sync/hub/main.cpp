// abri-hub: the regional merge authority (PROTOCOL.md §1). Commands:
//   abri-hub init DIR --name NAME --address HOST:PORT [--kdf moderate|minimum]
//   abri-hub enroll DIR --office X [--role caseworker|supervisor] [--valid 72h]   prints a one-time token
//   abri-hub devices DIR | status DIR | revoke DIR DEVICE
//   abri-hub conflicts DIR [--office X]                                           open conflicts, never values
//   abri-hub state DIR --office X                                                 the office's state hash
//   abri-hub quarantine list DIR | quarantine release DIR ID
//   abri-hub import DIR FOLDER                                                    ingests FOLDER/abri-bundle/to-hub
//   abri-hub serve DIR [--listen HOST:PORT] [--port-file FILE] [timeouts in ms for tests]
// The passphrase comes from ABRI_HUB_PASSPHRASE or --passphrase-file FILE. Logs never carry personal data.
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wire/enrolment_token.h"
#include "wire/sync_files.h"
#include "common/error.h"
#include "common/tls_identity.h"
#include "hub_server.h"
#include "ingest.h"
#include "case_state.h"
#include "open_conflicts.h"
#include "page_builder.h"
#include "quarantine_release.h"

using namespace abri;
using namespace abri::sync;
using namespace abri::wire;
using namespace abri::sync::hub;

namespace {

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    std::string opt(const std::string& name, const std::string& fallback = {}) const {
        auto it = options.find(name);
        return it == options.end() ? fallback : it->second;
    }
};

Args parseArgs(int argc, char** argv) {
    Args args;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) == 0) {
            if (i + 1 >= argc) throw Error(ErrorCode::InvalidValue, a, "missing value");
            args.options[a.substr(2)] = argv[++i];
        } else {
            args.positional.push_back(a);
        }
    }
    return args;
}

std::string passphrase(const Args& args) {
    if (auto file = args.opt("passphrase-file"); !file.empty()) {
        std::ifstream in(file);
        std::string line;
        std::getline(in, line);
        if (line.empty()) throw Error(ErrorCode::InvalidValue, "passphrase-file");
        return line;
    }
    if (const char* env = std::getenv("ABRI_HUB_PASSPHRASE"); env != nullptr && *env != '\0') return env;
    throw Error(ErrorCode::InvalidValue, "passphrase", "set ABRI_HUB_PASSPHRASE or --passphrase-file");
}

std::filesystem::path dirArg(const Args& args) {
    if (args.positional.empty()) throw Error(ErrorCode::InvalidValue, "DIR", "missing");
    return args.positional[0];
}

void logLine(const std::string& line) {
    std::cerr << "abri-hub " << nowMs() << " " << line << std::endl;
}

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
    const char unit = text.back();
    const std::uint64_t n = std::stoull(text.substr(0, text.size() - 1));
    switch (unit) {
    case 'h': return n * 3600 * 1000;
    case 'd': return n * 24 * 3600 * 1000;
    case 'm': return n * 60 * 1000;
    default: throw Error(ErrorCode::InvalidValue, "valid", "use 72h, 7d or 30m");
    }
}

int cmdInit(const Args& args) {
    HubInitOptions options;
    options.dir = dirArg(args);
    options.name = args.opt("name", "abri-hub");
    options.address = args.opt("address");
    if (options.address.empty()) throw Error(ErrorCode::MissingField, "address");
    if (args.opt("kdf") == "minimum") options.kdf = crypto::KdfParams::minimum();
    HubStore::create(options, passphrase(args));
    auto store = HubStore::open(options.dir, passphrase(args));
    store.descriptor();
    std::cout << "hub_id " << idToHex(store.hubId()) << "\n"
              << "fingerprint " << crypto::fingerprintDisplay(store.identityFingerprint()) << "\n";
    return 0;
}

int cmdEnroll(const Args& args) {
    auto store = HubStore::open(dirArg(args), passphrase(args));
    EnrolmentToken token;
    const auto roleName = args.opt("role", "caseworker");
    if (roleName == "caseworker") token.role = CertRole::Caseworker;
    else if (roleName == "supervisor") token.role = CertRole::Supervisor;
    else throw Error(ErrorCode::InvalidValue, "role", "caseworker or supervisor");
    token.office = args.opt("office");
    if (!isValidOfficeCode(token.office)) throw Error(ErrorCode::InvalidValue, "office");
    const auto validity = std::min<std::uint64_t>(parseDurationMs(args.opt("valid", "72h")), 30ULL * 24 * 3600 * 1000);
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

int cmdDevices(const Args& args) {
    auto store = HubStore::open(dirArg(args), passphrase(args));
    for (const auto& d : store.devices()) {
        std::cout << idToHex(d.deviceId) << " " << d.office << " role=" << static_cast<int>(d.role) << " "
                  << deviceStatusName(d.status) << " acked=" << d.chainSeq << " label=" << d.certificate.label << "\n";
    }
    return 0;
}

int cmdStatus(const Args& args) {
    auto store = HubStore::open(dirArg(args), passphrase(args));
    std::cout << "hub_id " << idToHex(store.hubId()) << "\n"
              << "name " << store.name() << "\n"
              << "address " << store.address() << "\n"
              << "fingerprint " << crypto::fingerprintDisplay(store.identityFingerprint()) << "\n"
              << "devices " << store.devices().size() << "\n"
              << "quarantined " << store.quarantineCount() << "\n"
              << "conflicts " << openConflicts(store).size() << "\n";
    for (const auto& office : store.offices())
        std::cout << "feed " << office << " head " << store.feedHead(office) << "\n";
    return 0;
}

// One line per open conflict (a field with several heads): identities only, never values (§5.3).
int cmdConflicts(const Args& args) {
    auto store = HubStore::open(dirArg(args), passphrase(args));
    std::optional<std::string> office;
    if (auto code = args.opt("office"); !code.empty()) {
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
int cmdState(const Args& args) {
    auto store = HubStore::open(dirArg(args), passphrase(args));
    const auto code = args.opt("office");
    if (!isValidOfficeCode(code)) throw Error(ErrorCode::InvalidValue, "office");
    const auto state = officeStateHash(store, code);
    std::cout << "office " << code << " cases " << state.cases << " feed_head " << store.feedHead(code)
              << " state_hash " << hashToHex(state.hash) << "\n";
    return 0;
}

int cmdQuarantineList(const std::filesystem::path& dir, const Args& args) {
    auto store = HubStore::open(dir, passphrase(args));
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

int cmdQuarantineRelease(const std::filesystem::path& dir, const Args& args) {
    if (args.positional.size() < 3) throw Error(ErrorCode::InvalidValue, "ID", "missing");
    std::int64_t id = 0;
    try {
        std::size_t used = 0;
        id = std::stoll(args.positional[2], &used);
        if (used != args.positional[2].size() || id <= 0) throw std::invalid_argument("id");
    } catch (const std::exception&) {
        throw Error(ErrorCode::InvalidValue, "ID");
    }
    auto store = HubStore::open(dir, passphrase(args));
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

int cmdQuarantine(const Args& args) {
    if (args.positional.size() < 2) throw Error(ErrorCode::InvalidValue, "quarantine", "list DIR | release DIR ID");
    const auto& sub = args.positional[0];
    const std::filesystem::path dir = args.positional[1];
    if (sub == "list") return cmdQuarantineList(dir, args);
    if (sub == "release") return cmdQuarantineRelease(dir, args);
    throw Error(ErrorCode::InvalidValue, "quarantine", "list DIR | release DIR ID");
}

int cmdRevoke(const Args& args) {
    if (args.positional.size() < 2) throw Error(ErrorCode::InvalidValue, "DEVICE", "missing");
    auto store = HubStore::open(dirArg(args), passphrase(args));
    auto id = idFromHex(args.positional[1]);
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

int cmdImport(const Args& args) {
    if (args.positional.size() < 2) throw Error(ErrorCode::InvalidValue, "FOLDER", "missing");
    auto store = HubStore::open(dirArg(args), passphrase(args));
    const auto toHub = std::filesystem::path(args.positional[1]) / "abri-bundle" / "to-hub";
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
    const auto toDevice = std::filesystem::path(args.positional[1]) / "abri-bundle" / "to-device";
    int failures = 0;
    for (const auto& [name, path] : files) {
        auto bytes = readWholeFile(path, kMaxBatchPayload + 1024);
        auto result = ingestSealedFile(store, bytes, std::nullopt, nowMs());
        std::cout << path.filename().string() << " file_status=" << result.fileStatus << " acked=" << result.ackedSeq
                  << "\n";
        if (result.fileStatus != 0) ++failures;
        if (!result.refusalNotice.empty() && !result.results.empty()) {
            const auto folder = toDevice / idToHex(name.deviceId);
            std::filesystem::create_directories(folder);
            writeFileAtomically(folder, refusalFileName(name.deviceId, result.results.back().deviceSeq),
                                result.refusalNotice);
        }
    }
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

int cmdServe(const Args& args) {
    auto store = HubStore::open(dirArg(args), passphrase(args));
    ServerOptions options;
    auto listen = args.opt("listen", "127.0.0.1:7412");
    auto colon = listen.rfind(':');
    if (colon == std::string::npos) throw Error(ErrorCode::InvalidValue, "listen");
    options.listenHost = listen.substr(0, colon);
    options.listenPort = static_cast<std::uint16_t>(std::stoul(listen.substr(colon + 1)));
    auto ms = [&](const char* name, std::chrono::milliseconds fallback) {
        auto v = args.opt(name);
        return v.empty() ? fallback : std::chrono::milliseconds(std::stoull(v));
    };
    options.handshakeTimeout = ms("handshake-timeout-ms", options.handshakeTimeout);
    options.helloTimeout = ms("hello-timeout-ms", options.helloTimeout);
    options.frameTimeouts.frame = ms("frame-timeout-ms", options.frameTimeouts.frame);
    options.frameTimeouts.idle = ms("idle-timeout-ms", options.frameTimeouts.idle);
    options.connectionLifetime = ms("connection-lifetime-ms", options.connectionLifetime);
    if (auto w = args.opt("max-wait-s"); !w.empty()) options.maxWaitS = static_cast<std::uint16_t>(std::stoul(w));
    options.log = logLine;
    boost::asio::io_context io;
    HubServer server(io, store, options);
    const auto port = server.start();
    if (auto portFile = args.opt("port-file"); !portFile.empty()) {
        auto text = std::to_string(port) + "\n";
        writePrivateFileAtomically(portFile, crypto::asBytes(text));
    }
    logLine("listening port=" + std::to_string(port) + " hub=" + idToHex(store.hubId()));
    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code&, int) {
        server.stop();
        io.stop();
    });
    io.run();
    logLine("stopped");
    return 0;
}

}  // namespace

constexpr const char* kUsage = R"(Usage: abri-hub COMMAND DIR [options]

The regional Abri hub: receives every office's signed change-sets, merges them and serves each office what it may
see (sync/PROTOCOL.md). DIR holds the hub's encrypted store. The store's passphrase comes from the environment
variable ABRI_HUB_PASSPHRASE or from --passphrase-file FILE (first line).

Commands:
  init DIR --name NAME --address HOST:PORT     create the hub store and its keys; prints the key fingerprint
  enroll DIR --office CODE [--role caseworker|supervisor] [--valid 72h]
                                               print a one-time enrolment token for one laptop of CODE
  devices DIR                                  list enrolled devices (id, office, role, status, acked sequence)
  status DIR                                   hub identity, device count, quarantine, open conflicts, office
                                               feed heads
  revoke DIR DEVICE_ID                         refuse the device from now on; quarantine what it sends
  conflicts DIR [--office CODE]                list open conflicts (fields with concurrent edits): case,
                                               entity, field path, heads as device@eff_hlc (winner first);
                                               identities only, never values; --office: its cases only
  state DIR --office CODE                      the state hash of the office's cases; a laptop of the office
                                               that has synced everything shows the same (abri-cli sync --json)
  quarantine list DIR                          what revoked or forked devices sent: id, device, device_seq,
                                               reason, received time (UTC), size
  quarantine release DIR ID                    admit one quarantined change-set through the normal checks
                                               (all but revocation); exits 4 and changes nothing when the
                                               chain refuses it (release earlier sequences first) or a check
                                               fails
  import DIR FOLDER                            ingest FOLDER/abri-bundle/to-hub (a USB stick) and write pages
                                               for the devices whose want files are there
  serve DIR [--listen HOST:PORT]               run the server in the foreground (Ctrl+C stops it)

Logs name devices, sequences and codes only, never personal data.
)";

int main(int argc, char** argv) {
    if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h") {
        (argc < 2 ? std::cerr : std::cout) << kUsage;
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    try {
        auto args = parseArgs(argc, argv);
        if (command == "init") return cmdInit(args);
        if (command == "enroll") return cmdEnroll(args);
        if (command == "devices") return cmdDevices(args);
        if (command == "status") return cmdStatus(args);
        if (command == "revoke") return cmdRevoke(args);
        if (command == "conflicts") return cmdConflicts(args);
        if (command == "state") return cmdState(args);
        if (command == "quarantine") return cmdQuarantine(args);
        if (command == "import") return cmdImport(args);
        if (command == "serve") return cmdServe(args);
        std::cerr << "abri-hub: unknown command (see abri-hub --help)\n";
        return 2;
    } catch (const SyncError& e) {
        std::cerr << "abri-hub: " << e.what() << "\n";
        return 1;
    } catch (const Error& e) {
        std::cerr << "abri-hub: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "abri-hub: internal error\n";
        return 1;
    }
}
