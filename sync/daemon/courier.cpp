#include "courier.h"

#include <fcntl.h>
#include <unistd.h>

#include <utility>  // before Asio: Boost 1.74 awaitable.hpp uses std::exchange without it
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "wire/limits.h"
#include "wire/sync_files.h"
#include "common/connection_codes.h"
#include "common/error.h"
#include "common/tls_context.h"
#include "held_upload.h"
#include "tls_session_file.h"
#include "courier_link.h"

namespace abri::sync::daemon {

using namespace abri::wire;  // the sync formats (core/wire) this file moves between the hub and the folders

namespace asio = boost::asio;
namespace fs = std::filesystem;
using asio::ip::tcp;
using TlsStream = ssl::stream<tcp::socket>;

namespace {

// The hub's session tickets, caught as they arrive (after the handshake, while frames are read).
struct ReceivedTicket {
    SslSessionPtr newest;
};

int receivedTicketIndex() {
    static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
}

int keepNewSession(SSL* ssl, SSL_SESSION* session) {
    auto* ticket = static_cast<ReceivedTicket*>(SSL_get_ex_data(ssl, receivedTicketIndex()));
    if (ticket == nullptr) return 0;
    ticket->newest.reset(session);
    return 1;  // we own it now
}

void keepNewSessions(SSL_CTX* ctx) {
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE);
    SSL_CTX_sess_set_new_cb(ctx, keepNewSession);
}

bool peerMatchesPin(SSL* ssl, const Hash32& pinnedFingerprint) {
    const auto key = peerEd25519Key(ssl);
    return key && crypto::constantTimeEqual(crypto::fingerprint(crypto::KeyType::Ed25519, *key), pinnedFingerprint);
}

constexpr std::size_t kMaxInboxFiles = 10'000;
constexpr std::uintmax_t kMaxInboxBytes = 256ULL * 1024 * 1024;

std::uint64_t wallMs() {
    return static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count());
}

void logLine(const std::string& line) { std::cerr << "abri-syncd " << wallMs() << " " << line << std::endl; }

struct NamedFile {
    SyncFileName name;
    fs::path path;
};

std::vector<NamedFile> listFiles(const fs::path& dir, SyncFileKind kind, const Id16& device) {
    std::vector<NamedFile> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        auto name = parseSyncFileName(entry.path().filename().string());
        if (name && name->kind == kind && name->deviceId == device) out.push_back({*name, entry.path()});
    }
    std::sort(out.begin(), out.end(), [](const NamedFile& a, const NamedFile& b) {
        return std::pair(a.name.firstSeq, a.name.lastSeq) < std::pair(b.name.firstSeq, b.name.lastSeq);
    });
    return out;
}

std::uint64_t readCheckpointFile(const fs::path& file) {
    std::ifstream in(file);
    std::string key;
    std::uint64_t value = 0;
    if (in >> key >> value && key == "office_seq") return value;
    return 0;
}

void fsyncPath(const fs::path& path, bool directory) {
    const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

template <typename Payload>
Payload expect(const Frame& frame, FrameType type, Payload (*decode)(std::span<const std::uint8_t>)) {
    if (frame.type == FrameType::Error) {
        auto error = decodeError(frame.payload);
        auto code = syncCodeFromWire(error.code).value_or(SyncCode::ProtocolViolation);
        throw SyncError(code, "hub", error.ref);
    }
    if (frame.type != type) throw SyncError(SyncCode::ProtocolViolation, frameTypeName(frame.type));
    return decode(frame.payload);
}

}  // namespace

Courier::Courier(CourierOptions options) : options_(std::move(options)), random_(std::random_device{}()) {
    config_ = loadDaemonConfig(options_.syncDir);
    fs::create_directories(options_.syncDir / "outbox");
    fs::create_directories(options_.syncDir / "inbox");
    loadLastKnownStatus();
}

void Courier::loadLastKnownStatus() {
    std::ifstream in(options_.syncDir / kStatusFile);
    if (!in) return;
    const auto status = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!status.is_object()) return;  // damaged: start from nothing, as before any session
    auto unsignedField = [&](const char* key) -> std::uint64_t {
        const auto it = status.find(key);
        return it != status.end() && it->is_number_unsigned() ? it->get<std::uint64_t>() : 0;
    };
    last_.ackedSeq = unsignedField("acked_seq");
    last_.headSeq = unsignedField("head_seq");
    lastSyncMs_ = unsignedField("last_sync_ms");
    if (const auto it = status.find("clock_offset_ms"); it != status.end() && it->is_number_integer()) {
        last_.clockOffsetMs = it->get<std::int64_t>();
    }
}

std::chrono::milliseconds Courier::nextBackoff() {
    // 2 s doubling to 15 min, ±20 % jitter (§4.6).
    const auto base = std::min<std::int64_t>(options_.backoffMax.count(),
                                             options_.backoffStart.count() << std::min(failures_, 20));
    std::uniform_real_distribution<double> jitter(0.8, 1.2);
    return std::chrono::milliseconds(static_cast<std::int64_t>(static_cast<double>(base) * jitter(random_)));
}

void Courier::writeStatus(const std::string& link, const std::optional<SyncCode>& error, std::uint64_t nextAttemptMs) {
    auto outbox = listFiles(options_.syncDir / "outbox", SyncFileKind::OutboxBatch, config_.deviceId);
    std::uintmax_t outboxBytes = 0;
    for (const auto& f : outbox) {
        std::error_code ec;
        outboxBytes += fs::file_size(f.path, ec);
    }
    auto inbox = listFiles(options_.syncDir / "inbox", SyncFileKind::InboxPage, config_.deviceId);
    nlohmann::json status = {{"version", 1},
                             {"link", link},
                             {"last_sync_ms", lastSyncMs_},
                             {"next_attempt_ms", nextAttemptMs},
                             {"outbox_files", outbox.size()},
                             {"outbox_bytes", outboxBytes},
                             {"acked_seq", last_.ackedSeq},
                             {"inbox_files", inbox.size()},
                             {"head_seq", last_.headSeq},
                             {"clock_offset_ms", last_.clockOffsetMs},
                             {"tls_resumed", last_.tlsResumed},
                             {"error", nullptr}};
    if (error) status["error"] = {{"code", wireValue(*error)}, {"name", syncCodeName(*error)}};
    const auto text = status.dump() + "\n";
    writeFileAtomically(options_.syncDir, std::string(kStatusFile), crypto::asBytes(text));
}

int Courier::run() {
    for (;;) {
        writeStatus("connecting", std::nullopt, 0);
        std::optional<SyncCode> error;
        bool fatal = false;
        bool sessionOk = false;  // the session ran to BYE (a change-set refusal inside it is reported, not retried)
        try {
            auto report = runSession();
            sessionOk = true;
            last_ = report;
            lastSyncMs_ = wallMs();
            failures_ = 0;
            error = report.refusal ? report.refusal : report.attachmentError;
            logLine("session done acked=" + std::to_string(report.ackedSeq) + " head=" +
                    std::to_string(report.headSeq) + " uploaded=" + std::to_string(report.filesUploaded) +
                    " pages=" + std::to_string(report.pagesDownloaded) +
                    " chunks_up=" + std::to_string(report.chunksUploaded) +
                    " chunks_down=" + std::to_string(report.chunksDownloaded));
        } catch (const SyncError& e) {
            error = e.code();
            fatal = isFatalIdentityCode(e.code());
            logLine(std::string("session failed: ") + std::string(e.name()));
        } catch (const boost::system::system_error& e) {
            error = SyncCode::Timeout;  // the link: reported as down with no finer §9 code
            logLine("session failed: link " + std::to_string(e.code().value()));
        } catch (const Error& e) {
            logLine(std::string("session failed: ") + e.what());
            error = SyncCode::ProtocolViolation;
        }
        if (!sessionOk && current_.authenticated) {  // failed after AUTH_OK: its seqs are newer than last_'s
            last_.ackedSeq = current_.ackedSeq;
            last_.headSeq = current_.headSeq;
            last_.clockOffsetMs = current_.clockOffsetMs;
        }
        last_.tlsResumed = current_.tlsResumed;  // of this session's handshake, whatever happened after it
        if (fatal) {
            writeStatus("refused", error, 0);
            return 3;
        }
        if (options_.once) {
            writeStatus(sessionOk ? "up" : "down", error, 0);
            return sessionOk ? 0 : 1;
        }
        std::chrono::milliseconds wait;
        if (sessionOk) {
            wait =
                options_.pollInterval.value_or(std::chrono::milliseconds(std::uint64_t{config_.pollIntervalS} * 1000));
        } else {
            wait = nextBackoff();
            ++failures_;
        }
        writeStatus(sessionOk ? "up" : "down", error, wallMs() + static_cast<std::uint64_t>(wait.count()));
        std::this_thread::sleep_for(wait);
    }
}

SessionReport Courier::runSession() {
    asio::io_context io;
    current_ = {};
    SessionReport& report = current_;
    std::exception_ptr failure;
    const auto transport = TlsIdentity::loadPrivateKeyPem(options_.syncDir / kTransportKeyFile,
                                                          "abri-dev-" + idToHex(config_.deviceId));
    auto context = makeDeviceTlsContext(transport);
    const TlsSessionFile sessions(options_.syncDir, transport, config_.hubFingerprint);
    ReceivedTicket ticket;
    keepNewSessions(context->native_handle());
    auto bucket = std::make_shared<TokenBucket>(
        options_.bandwidthBytesPerSecond.value_or(config_.bandwidthBytesPerSecond), 16 * 1024);

    auto session = [&]() -> asio::awaitable<void> {
        Link link(io, *context, bucket);
        link.sessions = &sessions;
        SSL_set_ex_data(link.stream.native_handle(), receivedTicketIndex(), &ticket);
        co_await connect(link, report);
        co_await upload(link, report);
        const bool atHead = co_await download(link, report, options_.downloadWaitMs);
        // Attachments only after the case changes both ways (§11.3, §11.4).
        co_await uploadAttachments(link, report);
        if (atHead) co_await downloadChunks(link, report);  // not after inbox_full or bad_since
        co_await link.channel->send(FrameType::Bye, Bye{0});
        boost::system::error_code ec;
        co_await link.stream.async_shutdown(asio::redirect_error(asio::use_awaitable, ec));
    };
    asio::co_spawn(io, session, [&](std::exception_ptr e) { failure = e; });
    io.run();
    // The hub's newest ticket, even from a session that failed later: it resumes the next run.
    if (ticket.newest) sessions.save(ticket.newest.get());
    if (failure) std::rethrow_exception(failure);
    return report;
}

asio::awaitable<void> Courier::connect(Link& link, SessionReport& report) {
    // Connect and handshake, each within its limit.
    tcp::resolver resolver(link.stream.get_executor());
    auto endpoints = co_await resolver.async_resolve(config_.hubHost, std::to_string(config_.hubPort),
                                                     asio::use_awaitable);
    link.armDog(options_.connectTimeout);
    boost::system::error_code ec;
    co_await asio::async_connect(link.stream.lowest_layer(), endpoints, asio::redirect_error(asio::use_awaitable, ec));
    if (link.dog.fired) throw SyncError(SyncCode::Timeout, "connect");
    if (ec) throw boost::system::system_error(ec);
    auto pin = std::make_shared<PinObservation>();
    installHubPin(link.stream, config_.hubFingerprint, pin);
    SSL* ssl = link.stream.native_handle();
    const auto saved = link.sessions != nullptr ? link.sessions->load() : nullptr;
    if (saved) SSL_set_session(ssl, saved.get());  // a hub that cannot resume it simply does a full handshake
    link.armDog(options_.connectTimeout);
    co_await link.stream.async_handshake(ssl::stream_base::client, asio::redirect_error(asio::use_awaitable, ec));
    link.dog.timer.cancel();
    if (pin->rejected) {
        logLine("wrong hub key " + (pin->seenFingerprint ? crypto::fingerprintShort(*pin->seenFingerprint) : "none"));
        throw SyncError(SyncCode::WrongHub, "handshake");
    }
    if (link.dog.fired) throw SyncError(SyncCode::Timeout, "handshake");
    if (ec) {
        // Whatever went wrong, the next attempt does not offer this session again.
        if (saved) link.sessions->forget();
        throw boost::system::system_error(ec);
    }
    // A resumed handshake skips the verify callback: the pin is checked on the session's hub certificate.
    report.tlsResumed = SSL_session_reused(ssl) == 1;
    if (!peerMatchesPin(ssl, config_.hubFingerprint)) {
        if (saved) link.sessions->forget();
        throw SyncError(SyncCode::WrongHub, "handshake");
    }
    if (!negotiatedAbriAlpn(link.stream.native_handle())) throw SyncError(SyncCode::ProtocolViolation, "alpn");

    auto& channel = link.channel.emplace(link.stream, FrameTimeouts{options_.replyTimeout,
                                                                     std::chrono::milliseconds(60'000),
                                                                     std::chrono::milliseconds(60'000)});
    channel.setBandwidthLimit(link.bucket);
    Hello hello;
    hello.capabilities = kCapPageResume | kCapLongPoll | kCapCompactAcks;
    // A restored vault (the app left "recovering", core/devicesync/restored_vault.h) re-reads its own change-sets.
    std::error_code noFile;
    if (std::filesystem::exists(options_.syncDir / "recovering", noFile)) hello.capabilities |= kCapOwnChangeSets;
    hello.purpose = Purpose::Sync;
    hello.deviceId = config_.deviceId;
    hello.clientTimeMs = wallMs();
    hello.software = "abri-syncd/0.1.0";
    co_await channel.send(FrameType::Hello, hello);
    auto ok = expect(co_await channel.read(), FrameType::AuthOk, decodeAuthOk);
    report.ackedSeq = ok.ackedSeq;
    report.headSeq = ok.officeHeadSeq;
    report.clockOffsetMs = static_cast<std::int64_t>(ok.hubTimeMs) - static_cast<std::int64_t>(hello.clientTimeMs);
    report.authenticated = true;
}

asio::awaitable<UploadAck> Courier::sendFile(Link& link, const Hash32& fileId, const Bytes& bytes,
                                             const SyncFileName& name) {
    auto& channel = *link.channel;
    const std::size_t chunk = [&] {
        const auto rate = link.bucket->bytesPerSecond();
        const std::size_t fast = kMaxFrame - kUploadDataOverhead;
        if (rate == 0) return std::size_t{16 * 1024};
        return std::clamp<std::size_t>(static_cast<std::size_t>(rate * 20), 1024, fast);
    }();
    UploadAck ack;
    for (int attempt = 0; attempt < 2; ++attempt) {  // once more if the hub saw other bytes than announced
        co_await channel.send(FrameType::UploadBegin,
                              UploadBegin{fileId, static_cast<std::uint32_t>(bytes.size()), name.firstSeq,
                                          name.lastSeq});
        auto reply = co_await channel.read();
        if (reply.type == FrameType::UploadAck) {
            ack = decodeUploadAck(reply.payload);
        } else {
            auto ready = expect(reply, FrameType::UploadReady, decodeUploadReady);
            if (ready.fileId != fileId || ready.offset > bytes.size()) {
                throw SyncError(SyncCode::ProtocolViolation, "upload ready");
            }
            for (std::size_t offset = ready.offset; offset < bytes.size(); offset += chunk) {
                UploadData data;
                data.fileId = fileId;
                data.offset = static_cast<std::uint32_t>(offset);
                const auto n = std::min(chunk, bytes.size() - offset);
                data.data.assign(bytes.begin() + static_cast<std::ptrdiff_t>(offset),
                                 bytes.begin() + static_cast<std::ptrdiff_t>(offset + n));
                co_await channel.send(FrameType::UploadData, data);
            }
            ack = expect(co_await channel.read(), FrameType::UploadAck, decodeUploadAck);
        }
        if (ack.fileStatus != wireValue(SyncCode::HashMismatch)) break;
    }
    co_return ack;
}

// Upload (§4.5): from the file containing acked_seq + 1, in first_seq order.
asio::awaitable<void> Courier::upload(Link& link, SessionReport& report) {
    const auto outboxDir = options_.syncDir / "outbox";
    const auto inboxDir = options_.syncDir / "inbox";
    // A file the hub refused is not sent again until the app replaces it (held_upload.h). A marker whose file
    // is gone (acknowledged after all, re-stamped, deleted) is forgotten here; one whose file now has other
    // bytes, in the loop below.
    std::optional<HeldUpload> heldUpload = loadHeldUpload(options_.syncDir);
    if (!heldUpload || !fs::exists(outboxDir / heldUpload->fileName)) {
        forgetHeldUpload(options_.syncDir);
        heldUpload.reset();
    }
    for (bool progress = true; progress && !report.refusal;) {
        progress = false;
        for (const auto& file : listFiles(outboxDir, SyncFileKind::OutboxBatch, config_.deviceId)) {
            if (file.name.lastSeq <= report.ackedSeq) {
                std::error_code removeError;
                fs::remove(file.path, removeError);
                continue;
            }
            if (file.name.firstSeq > report.ackedSeq + 1) break;  // wait for the app to write the missing seqs
            auto bytes = readWholeFile(file.path, kMaxBatchPayload + 1024);
            const Hash32 fileId = crypto::blake2b({bytes});
            const std::string fileName = file.path.filename().string();
            const bool sameFile = heldUpload && heldUpload->fileName == fileName &&
                                  heldUpload->fileHashHex == hashToHex(fileId);
            if (heldUpload && !sameFile) {  // the app wrote a new file for acked_seq + 1: upload it normally
                forgetHeldUpload(options_.syncDir);
                heldUpload.reset();
            }
            // clock_ahead is offered again after a while: the hub's signed notice carries its time, and the
            // app re-stamps only while the corrected clock is within MAX_AHEAD_MS of the newest hub time it
            // has seen (devicesync::restampAfterClockRefusal), which a quiet office gets from notices alone.
            const auto refreshMs = static_cast<std::uint64_t>(options_.clockHoldRefresh.count());
            const bool refreshDue = sameFile && heldUpload->code == SyncCode::ClockAhead &&
                                    wallMs() >= heldUpload->answeredMs + refreshMs;
            if (sameFile && !refreshDue) {
                report.refusal = heldUpload->code;
                logLine("held seqs=" + std::to_string(file.name.firstSeq) + "-" + std::to_string(file.name.lastSeq) +
                        " refused=" + std::to_string(wireValue(heldUpload->code)));
                break;
            }
            const UploadAck ack = co_await sendFile(link, fileId, bytes, file.name);
            report.ackedSeq = ack.ackedSeq;
            if (!ack.refusalNotice.empty()) {
                const std::uint64_t refusedSeq =
                    ack.results.empty() ? report.ackedSeq + 1 : ack.results.back().deviceSeq;
                writeFileAtomically(inboxDir, refusalFileName(config_.deviceId, refusedSeq), ack.refusalNotice);
            }
            for (const auto& r : ack.results) {
                if (r.status > 3 && r.status != wireValue(SyncCode::ChainGap)) {
                    report.refusal = syncCodeFromWire(r.status).value_or(SyncCode::ProtocolViolation);
                }
            }
            if (ack.fileStatus != 0) {
                report.refusal = syncCodeFromWire(ack.fileStatus).value_or(SyncCode::ProtocolViolation);
            }
            if (report.refusal && holdsUpload(*report.refusal) && ack.ackedSeq < file.name.lastSeq) {
                // file_status: the hub could not read the file at all (a seal damaged on disk, say); the app then
                // seals the same change-sets again (devicesync/held_outbox.h).
                saveHeldUpload(options_.syncDir, {fileName, hashToHex(fileId), *report.refusal, wallMs(),
                                                  /*wholeFile=*/ack.fileStatus != 0});
            } else if (heldUpload && !report.refusal) {  // offered again (clock_ahead) and taken after all
                forgetHeldUpload(options_.syncDir);
                heldUpload.reset();
            }
            logLine("uploaded seqs=" + std::to_string(file.name.firstSeq) + "-" + std::to_string(file.name.lastSeq) +
                    " acked=" + std::to_string(ack.ackedSeq) + " file_status=" + std::to_string(ack.fileStatus));
            if (ack.ackedSeq >= file.name.lastSeq) {
                std::error_code removeError;
                fs::remove(file.path, removeError);
                ++report.filesUploaded;
                progress = true;
            }
            if (report.refusal || !progress) break;
        }
    }
}

// Download (§4.5): since_seq from the checkpoint and the pages already in the inbox.
asio::awaitable<bool> Courier::download(Link& link, SessionReport& report, std::uint32_t waitMs) {
    auto& channel = *link.channel;
    const auto inboxDir = options_.syncDir / "inbox";
    std::uint32_t maxBytes = 32 * 1024;
    for (;;) {
        auto pages = listFiles(inboxDir, SyncFileKind::InboxPage, config_.deviceId);
        std::uintmax_t inboxBytes = 0;
        for (const auto& p : pages) {
            std::error_code sizeError;
            inboxBytes += fs::file_size(p.path, sizeError);
        }
        if (pages.size() >= kMaxInboxFiles || inboxBytes >= kMaxInboxBytes) {
            report.refusal = SyncCode::InboxFull;
            break;
        }
        std::uint64_t since = readCheckpointFile(options_.syncDir / kCheckpointFile);
        for (const auto& p : pages) {
            if (p.name.firstSeq > since + 1) break;
            since = std::max(since, p.name.lastSeq);
        }
        // A partial page from a cut download, if any.
        Download request;
        request.sinceSeq = since;
        request.maxEntries = 1000;
        request.maxBytes = maxBytes;
        request.waitMs = waitMs;
        request.office = config_.office;
        fs::path partial;
        for (const auto& entry : fs::directory_iterator(inboxDir)) {
            const auto name = entry.path().filename().string();
            if (name.rfind(".part-", 0) != 0) continue;
            if (name.rfind(".part-ck-", 0) == 0) continue;  // an attachment chunk's (attachment_courier.cpp)
            const auto dash = name.rfind('-');
            const auto pageHex = name.substr(6, dash - 6);
            const auto sinceText = name.substr(dash + 1);
            auto pageId = idFromHex(pageHex);
            if (pageId && sinceText == std::to_string(since)) {
                partial = entry.path();
                request.resumePageId = *pageId;
                request.resumeOffset = static_cast<std::uint32_t>(fs::file_size(entry.path()));
            } else {
                fs::remove(entry.path());
            }
        }
        const auto started = std::chrono::steady_clock::now();
        co_await channel.send(FrameType::Download, request);
        auto reply = co_await channel.read(options_.replyTimeout + std::chrono::milliseconds(request.waitMs));
        if (reply.type == FrameType::PageNone) {
            report.headSeq = decodePageNone(reply.payload).headSeq;
            co_return true;
        }
        if (reply.type == FrameType::Error) {
            auto error = decodeError(reply.payload);
            auto code = syncCodeFromWire(error.code).value_or(SyncCode::ProtocolViolation);
            if (error.fatal) throw SyncError(code, "download", error.ref);
            report.refusal = code;  // bad_since: the operator must look at the hub
            break;
        }
        auto begin = expect(reply, FrameType::PageBegin, decodePageBegin);
        const bool resuming = !partial.empty() && begin.pageId == request.resumePageId &&
                              begin.startOffset == request.resumeOffset;
        if (!resuming) {
            if (!partial.empty()) fs::remove(partial);
            if (begin.startOffset != 0) throw SyncError(SyncCode::ProtocolViolation, "page start");
        }
        partial = inboxDir / (".part-" + idToHex(begin.pageId) + "-" + std::to_string(since));
        std::uint32_t held = begin.startOffset;
        {
            std::ofstream out(partial, std::ios::binary | (resuming ? std::ios::app : std::ios::trunc));
            while (held < begin.size) {
                auto data = expect(co_await channel.read(), FrameType::PageData, decodePageData);
                if (data.pageId != begin.pageId || data.offset != held || data.data.size() > begin.size - held) {
                    throw SyncError(SyncCode::ProtocolViolation, "page data");
                }
                out.write(reinterpret_cast<const char*>(data.data.data()),
                          static_cast<std::streamsize>(data.data.size()));
                out.flush();
                held += static_cast<std::uint32_t>(data.data.size());
            }
        }
        auto bytes = readWholeFile(partial, kMaxPagePayload + 1024);
        if (crypto::blake2b({bytes}) != begin.fileHash) {
            fs::remove(partial);
            throw SyncError(SyncCode::HashMismatch, "page");
        }
        fsyncPath(partial, false);
        fs::rename(partial, inboxDir / pageFileName(config_.deviceId, begin.firstSeq, begin.lastSeq));
        fsyncPath(inboxDir, true);
        ++report.pagesDownloaded;
        report.headSeq = begin.headSeq;
        logLine("page seqs=" + std::to_string(begin.firstSeq) + "-" + std::to_string(begin.lastSeq) +
                " head=" + std::to_string(begin.headSeq));
        // §8: adapt the page size to the link.
        const auto took = std::chrono::steady_clock::now() - started;
        if (took < std::chrono::seconds(10)) maxBytes = std::min<std::uint32_t>(maxBytes * 2, kMaxDownloadBytes);
        if (begin.lastSeq >= begin.headSeq) co_return true;
    }
    co_return false;
}

}  // namespace abri::sync::daemon
