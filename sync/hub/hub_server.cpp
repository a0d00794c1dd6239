#include "hub_server.h"

#include <utility>  // before Asio: Boost 1.74 awaitable.hpp uses std::exchange without it
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <malloc.h>
#include <openssl/bio.h>
#include <openssl/ssl.h>
#include <fstream>

#include "wire/enrolment_token.h"
#include "wire/limits.h"
#include "common/connection_codes.h"
#include "common/error.h"
#include "crypto/sealed_box.h"
#include "ingest.h"
#include "attachment_session.h"
#include "certificate_renewal.h"
#include "page_builder.h"
#include "partial_uploads.h"

namespace abri::sync::hub {

namespace asio = boost::asio;
using asio::ip::tcp;

struct HubServer::Connection {
    Connection(tcp::socket socket, ssl::context& context, std::string peer)
        : stream(std::move(socket), context), address(std::move(peer)) {}
    TlsStream stream;
    std::string address;  // for the per-address caps only, never logged
    Phase phase = Phase::Closed;
    std::list<Connection*>::iterator queued{};  // in evictable_ while Handshake or AwaitHello
    // The peer has sent at least one byte into TLS: a silent one is the first to be evicted.
    bool peerSpoke() {
        BIO* in = SSL_get_rbio(stream.native_handle());
        return in != nullptr && BIO_number_read(in) > 0;
    }
    bool superseded = false;
    bool shuttingDown = false;  // the hub is stopping: end at the next frame boundary with ERROR shutting_down
    bool reading = false;  // awaiting the next frame (HELLO, ENROL_REQUEST or a sync session's)
    bool ownChangeSets = false;  // kCapOwnChangeSets negotiated: a restored vault re-reads its own change-sets
    bool compactAcks = false;  // kCapCompactAcks negotiated: RECEIPT_RANGE entries, UPLOAD_ACK without plain admissions
    void cancel() {
        boost::system::error_code ignored;
        stream.lowest_layer().cancel(ignored);
    }
    // A newer connection of the same device (§4.5): this one ends with ERROR superseded. Only a pending read is
    // interrupted (a partly read frame is dropped); a frame being written is finished first and the session checks
    // the flag between frames, so the ERROR frame never lands inside another frame.
    void supersede() {
        superseded = true;
        if (reading) cancel();
    }
    // The same boundary rule as supersede(), for a hub that is stopping.
    void endForShutdown() {
        shuttingDown = true;
        if (reading) cancel();
    }
    // Whoever asked the connection to end, checked between frames.
    void throwIfEnding(const char* where) const {
        if (superseded) throw wire::SyncError(wire::SyncCode::Superseded, where);
        if (shuttingDown) throw wire::SyncError(wire::SyncCode::ShuttingDown, where, kShutdownRetryAfterS);
    }
    // What a device should wait before reconnecting to a hub that is stopping (a restart takes a few seconds).
    static constexpr std::uint64_t kShutdownRetryAfterS = 30;
};

namespace {
// Clears Connection::reading however the read ends.
struct ReadingGuard {
    explicit ReadingGuard(HubServer::Connection& c) : conn(c) { conn.reading = true; }
    ~ReadingGuard() { conn.reading = false; }
    ReadingGuard(const ReadingGuard&) = delete;
    ReadingGuard& operator=(const ReadingGuard&) = delete;
    HubServer::Connection& conn;
};
}  // namespace

struct HubServer::CachedPage {
    BuiltPage page;
    std::chrono::steady_clock::time_point builtAt;
};

namespace {

constexpr std::size_t kPageChunk = 16 * 1024;
constexpr std::uint64_t kMaxUploadFile = wire::kMaxBatchPayload + 48 + 20;

std::string hex(const wire::Id16& id) { return wire::idToHex(id); }

asio::awaitable<void> sendError(FrameChannel<TlsStream>& channel, wire::SyncCode code, bool fatal,
                                std::uint64_t ref = 0, std::string detail = {}) {
    ErrorFrame error{wire::wireValue(code), fatal, ref,
                     detail.empty() ? std::string(wire::syncCodeName(code)) : detail};
    co_await channel.send(FrameType::Error, error);
}

struct UploadState {
    wire::Hash32 fileId{};
    std::uint32_t size = 0;
    std::filesystem::path partial;
    std::uint32_t held = 0;
    bool chunkFile = false;  // an at- file (§11.3): accepted into the chunk store, not ingested
};

std::uint32_t fileSizeOr0(const std::filesystem::path& p) {
    std::error_code ec;
    auto size = std::filesystem::file_size(p, ec);
    return ec ? 0 : static_cast<std::uint32_t>(std::min<std::uintmax_t>(size, 0xFFFFFFFFu));
}

}  // namespace

HubServer::HubServer(asio::io_context& io, HubStore& store, ServerOptions options)
    : io_(io), store_(store), options_(std::move(options)), acceptor_(io) {
    auto seed = store_.identity().seed();
    auto identity = TlsIdentity::fromSeed(seed, "abri-hub-" + hex(store_.hubId()));
    tls_ = makeHubTlsContext(identity);
    // Idle connections (most of them, and every one a hostile peer holds open) keep no 16 KiB read/write buffers.
    SSL_CTX_set_mode(tls_->native_handle(), SSL_MODE_RELEASE_BUFFERS);
}

HubServer::~HubServer() = default;

void HubServer::log(const std::string& line) const {
    if (options_.log) options_.log(line);
}

std::uint16_t HubServer::start() {
    tcp::endpoint endpoint(asio::ip::make_address(options_.listenHost), options_.listenPort);
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(tcp::acceptor::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen();
    asio::co_spawn(io_, acceptLoop(), asio::detached);
    return acceptor_.local_endpoint().port();
}

void HubServer::stop() {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    if (acceptPause_) acceptPause_->cancel();
}

void HubServer::shutDown(std::chrono::milliseconds grace) {
    stop();
    shuttingDown_ = true;
    log("shutting down connections=" + std::to_string(live_.size()));
    for (const auto& conn : live_) conn->endForShutdown();
    if (live_.empty()) return;
    graceTimer_ = std::make_unique<asio::steady_timer>(io_, grace);
    graceTimer_->async_wait([this](const boost::system::error_code& e) {
        if (e) return;  // cancelled: every connection ended in time
        log("shutdown grace over: closing connections=" + std::to_string(live_.size()));
        for (const auto& conn : live_) {
            boost::system::error_code ignored;
            conn->stream.lowest_layer().close(ignored);
        }
    });
}

namespace {
// accept() failing for want of descriptors or memory fails again at once: pause, 100 ms doubling to 1 s.
constexpr std::chrono::milliseconds kAcceptPauseFirst{100};
constexpr std::chrono::milliseconds kAcceptPauseMax{1000};
// Accept failures and admission refusals are summed into one log line per interval.
constexpr std::chrono::seconds kAdmissionReportInterval{10};
// What an anonymous peer refused for the admission caps should wait before trying again (ERROR busy ref).
constexpr std::uint64_t kAnonymousRetryAfterS = 10;
constexpr std::uint64_t kDeviceRetryAfterS = 30;

const char* acceptErrorName(const boost::system::error_code& ec) {
    switch (ec.value()) {
    case EMFILE: return "EMFILE";
    case ENFILE: return "ENFILE";
    case ENOBUFS: return "ENOBUFS";
    case ENOMEM: return "ENOMEM";
    default: return "other";
    }
}
}  // namespace

asio::awaitable<void> HubServer::acceptLoop() {
    auto pause = kAcceptPauseFirst;
    std::size_t failures = 0;
    auto lastReport = std::chrono::steady_clock::time_point{};
    for (;;) {
        boost::system::error_code ec;
        auto socket = co_await acceptor_.async_accept(asio::redirect_error(asio::use_awaitable, ec));
        if (!acceptor_.is_open()) co_return;
        if (ec == asio::error::connection_aborted) continue;  // that peer left before accept: the next one may not
        if (ec) {
            // Out of descriptors or memory: the pending connection stays queued and accept() would fail again at
            // once, so wait. A silent anonymous connection gives its descriptor up for the waiting one.
            if (ec.value() == EMFILE || ec.value() == ENFILE) {
                if (auto* victim = evictionCandidate(nullptr, false)) evict(*victim);
            }
            ++failures;
            const auto now = std::chrono::steady_clock::now();
            if (failures == 1 || now - lastReport >= kAdmissionReportInterval) {
                log(std::string("accept failing: ") + acceptErrorName(ec) + " failures=" + std::to_string(failures) +
                    " pause_ms=" + std::to_string(pause.count()));
                lastReport = now;
            }
            acceptPause_ = std::make_unique<asio::steady_timer>(io_, pause);
            co_await acceptPause_->async_wait(asio::redirect_error(asio::use_awaitable, ec));
            pause = std::min(pause * 2, kAcceptPauseMax);
            continue;
        }
        if (failures > 0) {
            log("accept resumed after failures=" + std::to_string(failures));
            failures = 0;
            pause = kAcceptPauseFirst;
        }
        asio::co_spawn(io_, serve(std::move(socket)), asio::detached);
    }
}

void HubServer::setPhase(Connection& conn, Phase phase) {
    if (conn.phase == phase) return;
    auto anonymousPhase = [](Phase p) { return p == Phase::Handshake || p == Phase::AwaitHello || p == Phase::Enrol; };
    auto evictablePhase = [](Phase p) { return p == Phase::Handshake || p == Phase::AwaitHello; };
    auto counter = [this](Phase p) -> std::size_t* {
        switch (p) {
        case Phase::Handshake: return &handshakes_;
        case Phase::AwaitHello: return &awaitingHello_;
        case Phase::Enrol: return &enrolSessions_;
        case Phase::Device: return &devices_;
        case Phase::Closed: break;
        }
        return nullptr;
    };
    const Phase old = conn.phase;
    if (auto* n = counter(old)) --*n;
    if (auto* n = counter(phase)) ++*n;
    // Each phase queues the connection anew: the oldest is the one longest in its present phase.
    if (evictablePhase(old)) evictable_.erase(conn.queued);
    if (evictablePhase(phase)) conn.queued = evictable_.insert(evictable_.end(), &conn);
    if (old == Phase::Enrol) --anonymousByAddress_[conn.address].enrol;
    if (phase == Phase::Enrol) ++anonymousByAddress_[conn.address].enrol;
    if (!anonymousPhase(old) && anonymousPhase(phase)) {
        ++anonymousByAddress_[conn.address].anonymous;
    } else if (anonymousPhase(old) && !anonymousPhase(phase)) {
        auto it = anonymousByAddress_.find(conn.address);
        if (it != anonymousByAddress_.end() && --it->second.anonymous == 0) anonymousByAddress_.erase(it);
    }
    conn.phase = phase;
}

HubServer::Connection* HubServer::evictionCandidate(const std::string* address, bool handshakeOnly) const {
    Connection* oldest = nullptr;
    for (Connection* c : evictable_) {
        if (address != nullptr && c->address != *address) continue;
        if (handshakeOnly && c->phase != Phase::Handshake) continue;
        if (c->phase == Phase::Handshake && !c->peerSpoke()) return c;
        if (oldest == nullptr) oldest = c;
    }
    return oldest;
}

void HubServer::evict(Connection& conn) {
    setPhase(conn, Phase::Closed);
    boost::system::error_code ignored;
    conn.stream.lowest_layer().close(ignored);  // the descriptor is free now; the coroutine ends on its own
    noteAdmission(true);
}

bool HubServer::admitAnonymous(const std::string& address) {
    const auto& limits = options_.limits;
    for (;;) {
        auto it = anonymousByAddress_.find(address);
        if (it == anonymousByAddress_.end() || it->second.anonymous < limits.maxAnonymousPerAddress) break;
        auto* victim = evictionCandidate(&address, false);
        if (victim == nullptr) return false;
        evict(*victim);
    }
    while (anonymous() >= limits.maxAnonymous) {
        auto* victim = evictionCandidate(nullptr, false);
        if (victim == nullptr) return false;
        evict(*victim);
    }
    while (handshakes_ >= limits.maxHandshakes) {
        auto* victim = evictionCandidate(nullptr, true);
        if (victim == nullptr) return false;
        evict(*victim);
    }
    return true;
}

void HubServer::noteAdmission(bool evicted) {
    ++(evicted ? evictedSinceReport_ : refusedSinceReport_);
    const auto now = std::chrono::steady_clock::now();
    if (now - lastAdmissionReport_ < kAdmissionReportInterval) return;
    log("admission limits reached: evicted=" + std::to_string(evictedSinceReport_) +
        " refused=" + std::to_string(refusedSinceReport_) + " handshakes=" + std::to_string(handshakes_) +
        " awaiting_hello=" + std::to_string(awaitingHello_) + " enrol=" + std::to_string(enrolSessions_) +
        " devices=" + std::to_string(devices_));
    lastAdmissionReport_ = now;
    evictedSinceReport_ = refusedSinceReport_ = 0;
}

void HubServer::trimMemoryIfDrained() {
    // A burst leaves freed TLS buffers and coroutine frames spread over glibc's arenas; without a trim the
    // process keeps that memory. Trimmed once all connections have ended, or most of a large peak has.
    peakSinceTrim_ = std::max(peakSinceTrim_, live_.size());
    const bool drained = live_.empty() && peakSinceTrim_ > 0;
    const bool mostlyDrained = peakSinceTrim_ >= 64 && live_.size() <= peakSinceTrim_ / 4;
    if (!drained && !mostlyDrained) return;
    ::malloc_trim(0);
    peakSinceTrim_ = live_.size();
}

asio::awaitable<void> HubServer::serve(tcp::socket socket) {
    boost::system::error_code ec;
    auto address = socket.remote_endpoint(ec).address().to_string();
    if (ec || !admitAnonymous(address)) {
        noteAdmission(false);
        socket.close(ec);
        co_return;
    }
    auto conn = std::make_shared<Connection>(std::move(socket), *tls_, std::move(address));
    setPhase(*conn, Phase::Handshake);
    std::optional<wire::Id16> registeredDevice;
    live_.insert(conn);
    peakSinceTrim_ = std::max(peakSinceTrim_, live_.size());
    if (shuttingDown_) conn->shuttingDown = true;
    bool admissionRefusal = false;  // counted in the admission summary instead of a line of its own

    try {
        // TLS handshake within its limit (§4.6): no frame is possible yet, so a breach just closes.
        Watchdog handshakeDog(io_.get_executor());
        handshakeDog.timer.expires_after(options_.handshakeTimeout);
        handshakeDog.timer.async_wait([conn](const boost::system::error_code& e) {
            if (!e) conn->cancel();
        });
        co_await conn->stream.async_handshake(ssl::stream_base::server, asio::redirect_error(asio::use_awaitable, ec));
        handshakeDog.timer.cancel();
        if (ec) throw boost::system::system_error(ec);
        setPhase(*conn, Phase::AwaitHello);
        const auto clientKey = peerEd25519Key(conn->stream.native_handle());
        FrameChannel<TlsStream> channel(conn->stream, options_.frameTimeouts);
        std::optional<wire::SyncError> refusal;  // answered after the try: no co_await inside a handler
        try {
            if (!negotiatedAbriAlpn(conn->stream.native_handle()) || !clientKey) {
                throw wire::SyncError(wire::SyncCode::ProtocolViolation, "alpn");
            }
            conn->throwIfEnding("hello");
            Frame first;
            {
                ReadingGuard guard(*conn);
                first = co_await channel.read(options_.helloTimeout);
            }
            conn->throwIfEnding("hello");
            if (first.type != FrameType::Hello) throw wire::SyncError(wire::SyncCode::ProtocolViolation, "first frame");
            auto hello = decodeHello(first.payload);
            if (hello.protoMin > wire::kProtocolVersion || hello.protoMax < wire::kProtocolVersion) {
                throw wire::SyncError(wire::SyncCode::UnsupportedVersion, "proto", wire::kProtocolVersion);
            }
            const auto now = nowMs();
            AuthOk ok;
            ok.capabilities =
                hello.capabilities & (kCapPageResume | kCapLongPoll | kCapOwnChangeSets | kCapCompactAcks);
            conn->ownChangeSets = (ok.capabilities & kCapOwnChangeSets) != 0;
            conn->compactAcks = (ok.capabilities & kCapCompactAcks) != 0;
            ok.hubTimeMs = now;
            ok.idleTimeoutS = static_cast<std::uint16_t>(options_.frameTimeouts.idle.count() / 1000);
            ok.maxWaitS = options_.maxWaitS;
            ok.descriptor = store_.descriptor().bytes;

            if (hello.purpose == Purpose::Enrol) {
                const auto& limits = options_.limits;
                if (enrolSessions_ >= limits.maxEnrolSessions ||
                    anonymousByAddress_[conn->address].enrol >= limits.maxEnrolPerAddress) {
                    admissionRefusal = true;
                    throw wire::SyncError(wire::SyncCode::Busy, "enrol sessions", kAnonymousRetryAfterS);
                }
                setPhase(*conn, Phase::Enrol);
                log("hello purpose=enrol device=" + hex(hello.deviceId));
                ok.session = Purpose::Enrol;
                co_await channel.send(FrameType::AuthOk, ok);
                if (const auto wait = enrolRetryAfterS(address); wait > 0) {
                    throw wire::SyncError(wire::SyncCode::Busy, "enrol", wait);
                }
                conn->throwIfEnding("enrol");
                Frame request;
                {
                    // The whole request within its deadline: a frame begun and left unfinished does not extend it.
                    auto enrolDog = std::make_shared<Watchdog>(io_.get_executor());
                    enrolDog->timer.expires_after(options_.enrolRequestTimeout);
                    enrolDog->timer.async_wait([conn, weak = std::weak_ptr<Watchdog>(enrolDog)](
                                                   const boost::system::error_code& e) {
                        auto dog = weak.lock();
                        if (e || !dog) return;
                        dog->fired = true;
                        conn->cancel();
                    });
                    ReadingGuard guard(*conn);
                    try {
                        request = co_await channel.read(options_.enrolRequestTimeout);
                    } catch (const boost::system::system_error&) {
                        if (!enrolDog->fired) throw;
                    }
                    enrolDog->timer.cancel();
                    if (enrolDog->fired) throw wire::SyncError(wire::SyncCode::Timeout, "enrol request");
                }
                conn->throwIfEnding("enrol");
                if (request.type != FrameType::EnrolRequest) throw wire::SyncError(wire::SyncCode::ProtocolViolation, "enrol");
                EnrolOk enrolled;
                try {
                    enrolled = enrol(request.payload, *clientKey, hello.deviceId);
                } catch (const wire::SyncError&) {
                    if (enrolFailures_.size() > 4096) {  // many addresses: forget those whose window has passed
                        for (auto it = enrolFailures_.begin(); it != enrolFailures_.end();) {
                            const std::string key = it->first;
                            ++it;
                            enrolRetryAfterS(key);
                        }
                    }
                    enrolFailures_[address].push_back(std::chrono::steady_clock::now());
                    throw;
                }
                co_await channel.send(FrameType::EnrolOk, enrolled);
                log("enrolled device=" + hex(hello.deviceId));
            } else {

            // Sync session: identity is the device certificate whose tls_pk is the TLS client key.
            auto device = store_.findDevice(hello.deviceId);
            if (!device) throw wire::SyncError(wire::SyncCode::UnknownDevice, "hello");
            if (device->status == DeviceStatus::Revoked) throw wire::SyncError(wire::SyncCode::Revoked, "hello");
            if (device->status == DeviceStatus::Forked)
                throw wire::SyncError(wire::SyncCode::DeviceQuarantined, "hello");
            if (!device->certificate.validAt(now)) throw wire::SyncError(wire::SyncCode::CertExpired, "hello");
            if (!crypto::constantTimeEqual(device->certificate.tlsPk, *clientKey)) {
                throw wire::SyncError(wire::SyncCode::KeyMismatch, "hello");
            }
            if (renewCertificateIfDue(store_, *device, now)) {
                log("certificate renewed device=" + hex(device->deviceId) +
                    " serial=" + std::to_string(device->certificate.serial));
            }
            auto older = byDevice_[device->deviceId].lock();
            // Enrolled devices have slots of their own that anonymous peers never reach; a device replacing its
            // own connection needs no new one.
            if (!older && devices_ >= options_.limits.deviceSlots()) {
                throw wire::SyncError(wire::SyncCode::Busy, "device slots", kDeviceRetryAfterS);
            }
            setPhase(*conn, Phase::Device);
            if (older) older->supersede();
            byDevice_[device->deviceId] = conn;
            registeredDevice = device->deviceId;
            ok.ackedSeq = device->chainSeq;
            ok.officeHeadSeq = store_.feedHead(device->office);
            ok.certificate = device->certificate.bytes;
            co_await channel.send(FrameType::AuthOk, ok);
            log("session device=" + hex(device->deviceId) + " acked=" + std::to_string(device->chainSeq));
            co_await syncSession(channel, *conn, device->deviceId);
            }
        } catch (const wire::SyncError& e) {
            refusal = e;
        } catch (const boost::system::system_error&) {
            // The read a newer connection or a stopping hub interrupted; any other socket error ends the connection
            // silently.
            if (conn->superseded) refusal = wire::SyncError(wire::SyncCode::Superseded, "session");
            else if (conn->shuttingDown) refusal = wire::SyncError(wire::SyncCode::ShuttingDown, "session", Connection::kShutdownRetryAfterS);
            else throw;
        }
        if (refusal) {
            if (admissionRefusal) noteAdmission(false);
            else log("closing connection: " + std::string(conn->superseded ? "superseded" : refusal->name()));
            if (conn->superseded) {
                co_await sendError(channel, wire::SyncCode::Superseded, true);
            } else {
                co_await sendError(channel, refusal->code(), true, refusal->ref());
            }
        }
        co_await conn->stream.async_shutdown(asio::redirect_error(asio::use_awaitable, ec));
    } catch (const wire::SyncError& e) {
        log("connection closed: " + std::string(e.name()));
    } catch (const boost::system::system_error&) {
        // Socket errors and cancelled handshakes: nothing to answer.
    } catch (const std::exception& e) {
        log(std::string("connection failed: internal"));
    }
    setPhase(*conn, Phase::Closed);
    if (registeredDevice) {
        auto it = byDevice_.find(*registeredDevice);
        if (it != byDevice_.end() && it->second.lock() == conn) byDevice_.erase(it);
    }
    boost::system::error_code ignored;
    conn->stream.lowest_layer().close(ignored);
    live_.erase(conn);
    trimMemoryIfDrained();
    if (live_.empty() && graceTimer_) graceTimer_->cancel();
}

std::uint64_t HubServer::enrolRetryAfterS(const std::string& address) {
    auto it = enrolFailures_.find(address);
    if (it == enrolFailures_.end()) return 0;
    auto& failures = it->second;
    const auto now = std::chrono::steady_clock::now();
    while (!failures.empty() && now - failures.front() >= options_.enrolFailureWindow) failures.pop_front();
    if (failures.empty()) {
        enrolFailures_.erase(it);
        return 0;
    }
    if (failures.size() < options_.maxEnrolFailuresPerAddress) return 0;
    const auto wait = failures.front() + options_.enrolFailureWindow - now;
    return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::seconds>(wait).count()) + 1;
}

EnrolOk HubServer::enrol(std::span<const std::uint8_t> payload, const wire::Hash32& clientKey,
                         const wire::Id16& helloDevice) {
    const auto request = decodeEnrolRequest(payload);
    const auto now = nowMs();
    const wire::Hash32 secretHash = crypto::blake2b({request.secret});
    const wire::Hash32 requestHash = crypto::blake2b({payload});
    auto token = store_.findToken(secretHash);
    if (!token) throw wire::SyncError(wire::SyncCode::TokenInvalid, "enrol");
    // An identical retry of a completed enrolment gets the same certificate (§2.6, §7.4), even after expiry.
    if (token->usedBy) {
        if (*token->usedBy == request.deviceId && token->requestHash && *token->requestHash == requestHash) {
            auto device = store_.findDevice(request.deviceId);
            if (device && device->status == DeviceStatus::Active) {
                return EnrolOk{device->certificate.bytes, store_.descriptor().bytes, now,
                               store_.feedHead(device->office)};
            }
        }
        throw wire::SyncError(wire::SyncCode::TokenUsed, "enrol");
    }
    if (now >= token->expiryMs) throw wire::SyncError(wire::SyncCode::TokenExpired, "enrol");
    if (!crypto::constantTimeEqual(request.tlsPk, clientKey))
        throw wire::SyncError(wire::SyncCode::KeyMismatch, "enrol");
    if (request.deviceId != helloDevice) throw wire::SyncError(wire::SyncCode::ProtocolViolation, "device_id");
    if (!crypto::isValidSigningKey(request.signPk) || !crypto::isValidSigningKey(request.tlsPk)) {
        throw wire::SyncError(wire::SyncCode::BadKey, "enrol");
    }
    try {
        const std::array<std::uint8_t, 1> probe{0};
        (void)crypto::sealToRecipient(request.boxPk, probe);
    } catch (const Error&) {
        throw wire::SyncError(wire::SyncCode::BadKey, "box_pk");
    }
    const auto digest =
        wire::enrolmentProofDigest(store_.identityFingerprint(), secretHash, request.deviceId, request.signPk,
                                   request.boxPk, request.tlsPk, request.office, request.label);
    if (!crypto::verifyDigest(request.signPk, crypto::Domain::Enrolment, digest, request.proof)) {
        throw wire::SyncError(wire::SyncCode::BadProof, "enrol");
    }
    if (request.office != token->office) throw wire::SyncError(wire::SyncCode::OfficeMismatch, "enrol");
    if (auto existing = store_.findDevice(request.deviceId); existing && existing->status == DeviceStatus::Active) {
        throw wire::SyncError(wire::SyncCode::DeviceExists, "enrol");
    }
    storage::Transaction txn(store_.db());
    wire::Certificate cert;
    cert.role = token->role;
    cert.serial = store_.nextCertificateSerial();
    cert.hubId = store_.hubId();
    cert.deviceId = request.deviceId;
    cert.signPk = request.signPk;
    cert.boxPk = request.boxPk;
    cert.tlsPk = request.tlsPk;
    cert.notBeforeMs = now;
    cert.notAfterMs = now + wire::kDefaultCertificateValidityMs;
    cert.office = request.office;
    cert.label = request.label;
    DeviceRecord device;
    device.deviceId = request.deviceId;
    device.office = request.office;
    device.role = token->role;
    device.status = DeviceStatus::Active;
    device.statusMs = now;
    device.certificate = wire::issueCertificate(std::move(cert), store_.identity());
    store_.insertDevice(device);
    store_.markTokenUsed(secretHash, request.deviceId, requestHash);
    ensureCertificateInFeed(store_, device.office, device);
    txn.commit();
    return EnrolOk{device.certificate.bytes, store_.descriptor().bytes, now, store_.feedHead(device.office)};
}

asio::awaitable<void> HubServer::syncSession(FrameChannel<TlsStream>& channel, Connection& conn,
                                             const wire::Id16& deviceId) {
    std::optional<UploadState> upload;
    const auto partialDir = store_.dir() / "partial" / hex(deviceId);
    std::filesystem::create_directories(partialDir);
    auto lastPing = std::chrono::steady_clock::time_point{};
    const auto sessionStart = std::chrono::steady_clock::now();
    for (;;) {
        conn.throwIfEnding("session");
        Frame frame;
        {
            ReadingGuard guard(conn);
            frame = co_await channel.read();
        }
        conn.throwIfEnding("session");
        if (std::chrono::steady_clock::now() - sessionStart >= options_.connectionLifetime) {
            // The frame is not handled: whatever it asked for, the device asks again after reconnecting.
            log("session lifetime reached device=" + hex(deviceId));
            co_await channel.send(FrameType::Bye, Bye{0});
            co_return;
        }
        // Revocation takes effect on live connections at their next frame.
        auto device = store_.findDevice(deviceId);
        if (!device || device->status == DeviceStatus::Revoked)
            throw wire::SyncError(wire::SyncCode::Revoked, "session");
        if (device->status == DeviceStatus::Forked) throw wire::SyncError(wire::SyncCode::DeviceQuarantined, "session");
        switch (frame.type) {
        case FrameType::Ping: {
            const auto now = std::chrono::steady_clock::now();
            if (now - lastPing < std::chrono::seconds(10))
                throw wire::SyncError(wire::SyncCode::ProtocolViolation, "ping flood");
            lastPing = now;
            co_await channel.send(FrameType::Pong, decodePingPong(frame.payload));
            break;
        }
        case FrameType::Bye:
            decodeBye(frame.payload);
            co_return;
        case FrameType::UploadBegin: {
            auto begin = decodeUploadBegin(frame.payload);
            const bool chunkFile = isChunkUpload(begin);
            if (begin.size > (chunkFile ? kMaxChunkUploadFile : kMaxUploadFile))
                throw wire::SyncError(wire::SyncCode::TooLarge, "upload");
            if (chunkFile) {
                // The budget is checked before any byte is taken (§11.5); change-sets are never held back by it.
                if (const auto wait = budgetRefusal(store_, device->office, begin.size, nowMs())) {
                    log("chunk upload refused device=" + hex(deviceId) + " budget_exhausted");
                    co_await sendError(channel, wire::SyncCode::BudgetExhausted, false, *wait);
                    break;
                }
            } else if (begin.lastSeq <= device->chainSeq) {
                UploadAck ack;
                ack.fileId = begin.fileId;
                ack.ackedSeq = device->chainSeq;
                for (auto seq = begin.firstSeq; seq <= begin.lastSeq && ack.results.size() < kMaxUploadResults; ++seq) {
                    ack.results.push_back({seq, kStatusDuplicate, 0});
                }
                co_await channel.send(FrameType::UploadAck, ack);
                break;
            }
            UploadState state;
            state.fileId = begin.fileId;
            state.size = begin.size;
            state.partial = partialDir / (wire::hashToHex(begin.fileId) + ".part");
            if (const auto pruned = prunePartialUploads(partialDir, state.partial.filename()); pruned > 0) {
                log("partial uploads dropped device=" + hex(deviceId) + " count=" + std::to_string(pruned));
            }
            state.held = fileSizeOr0(state.partial);
            if (state.held > state.size) {
                std::filesystem::remove(state.partial);
                state.held = 0;
            }
            state.chunkFile = chunkFile;
            upload = state;
            log(std::string(chunkFile ? "chunk upload begin" : "upload begin") + " device=" + hex(deviceId) +
                " seqs=" + std::to_string(begin.firstSeq) + "-" + std::to_string(begin.lastSeq) +
                " offset=" + std::to_string(state.held));
            co_await channel.send(FrameType::UploadReady, UploadReady{state.fileId, state.held});
            break;
        }
        case FrameType::UploadData: {
            auto data = decodeUploadData(frame.payload);
            if (!upload || data.fileId != upload->fileId || data.offset != upload->held ||
                data.data.size() > upload->size - upload->held) {
                throw wire::SyncError(wire::SyncCode::ProtocolViolation, "upload offset");
            }
            {
                std::ofstream out(upload->partial, std::ios::binary | std::ios::app);
                out.write(reinterpret_cast<const char*>(data.data.data()),
                          static_cast<std::streamsize>(data.data.size()));
                out.flush();
                if (!out) throw Error(ErrorCode::IoError, "partial upload");
            }
            upload->held += static_cast<std::uint32_t>(data.data.size());
            if (upload->held < upload->size) break;
            std::ifstream in(upload->partial, std::ios::binary);
            Bytes file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            in.close();
            std::filesystem::remove(upload->partial);
            UploadAck ack;
            ack.fileId = upload->fileId;
            const bool chunkFile = upload->chunkFile;
            upload.reset();
            const wire::Hash32 actual = crypto::blake2b({file});
            if (actual != ack.fileId) {
                ack.fileStatus = wire::wireValue(wire::SyncCode::HashMismatch);
                ack.ackedSeq = device->chainSeq;
            } else if (chunkFile) {
                // §11.3: file_status 0 also for a chunk already held; acked_seq unchanged, no results.
                ack.fileStatus = finishChunkUpload(store_, *device, file, nowMs());
                ack.ackedSeq = device->chainSeq;
            } else {
                auto result = ingestSealedFile(store_, file, deviceId, nowMs());
                ack.fileStatus = result.fileStatus;
                ack.ackedSeq = result.ackedSeq;
                ack.results = std::move(result.results);
                ack.refusalNotice = std::move(result.refusalNotice);
            }
            std::string statuses;
            for (const auto& r : ack.results)
                statuses += " " + std::to_string(r.deviceSeq) + ":" + std::to_string(r.status);
            log("upload ack device=" + hex(deviceId) + " file_status=" + std::to_string(ack.fileStatus) +
                " acked=" + std::to_string(ack.ackedSeq) + statuses);
            if (conn.compactAcks) {
                // acked_seq says these were admitted as they were (§4.4): only the others are listed.
                std::erase_if(ack.results, [](const ChangeSetResult& r) { return r.status == kStatusAdmitted; });
            }
            co_await channel.send(FrameType::UploadAck, ack);
            break;
        }
        case FrameType::ChunkGet: {
            co_await serveChunk(channel, conn, *device, decodeChunkGet(frame.payload));
            break;
        }
        case FrameType::Download: {
            auto request = decodeDownload(frame.payload);
            if (request.office != device->office) throw wire::SyncError(wire::SyncCode::OfficeNotAllowed, "download");
            co_await download(channel, conn, deviceId, request);
            break;
        }
        default:
            throw wire::SyncError(wire::SyncCode::ProtocolViolation, frameTypeName(frame.type));
        }
    }
}

asio::awaitable<void> HubServer::download(FrameChannel<TlsStream>& channel, Connection& conn,
                                          const wire::Id16& deviceId, const Download& request) {
    auto device = store_.findDevice(deviceId);
    const auto head = store_.feedHead(device->office);
    if (request.sinceSeq > head) {
        co_await sendError(channel, wire::SyncCode::BadSince, false, head);
        co_return;
    }
    std::shared_ptr<CachedPage> page;
    std::uint32_t start = 0;
    if (auto cached = pageCache_.find(deviceId); cached != pageCache_.end()) {
        const bool fresh = std::chrono::steady_clock::now() - cached->second->builtAt < std::chrono::hours(1);
        if (fresh && cached->second->page.pageId == request.resumePageId &&
            cached->second->page.firstSeq == request.sinceSeq + 1 &&
            request.resumeOffset <= cached->second->page.sealedFile.size()) {
            page = cached->second;
            start = request.resumeOffset;
        }
    }
    if (!page) {
        // Long poll (§4.5): wait for something newer, up to min(wait_ms, max_wait_s).
        const auto deadline = std::chrono::steady_clock::now() +
                              std::min(std::chrono::milliseconds(request.waitMs),
                                       std::chrono::milliseconds(std::uint64_t{options_.maxWaitS} * 1000));
        std::optional<BuiltPage> built;
        for (;;) {
            conn.throwIfEnding("long poll");
            device = store_.findDevice(deviceId);
            built = buildPage(store_, *device, request.sinceSeq, request.maxEntries, request.maxBytes, nowMs(),
                              conn.ownChangeSets, conn.compactAcks);
            if (built || std::chrono::steady_clock::now() >= deadline) break;
            asio::steady_timer pause(io_, std::chrono::milliseconds(250));
            co_await pause.async_wait(asio::use_awaitable);
        }
        if (!built) {
            co_await channel.send(FrameType::PageNone, PageNone{store_.feedHead(device->office)});
            co_return;
        }
        page = std::make_shared<CachedPage>(CachedPage{std::move(*built), std::chrono::steady_clock::now()});
        pageCache_[deviceId] = page;
    }
    const auto& p = page->page;
    PageBegin begin{p.pageId, p.firstSeq, p.lastSeq, p.headSeq, static_cast<std::uint32_t>(p.sealedFile.size()),
                    p.fileHash, start};
    co_await channel.send(FrameType::PageBegin, begin);
    for (std::size_t offset = start; offset < p.sealedFile.size(); offset += kPageChunk) {
        if (conn.superseded) throw wire::SyncError(wire::SyncCode::Superseded, "page");
        const auto n = std::min(kPageChunk, p.sealedFile.size() - offset);
        PageData data;
        data.pageId = p.pageId;
        data.offset = static_cast<std::uint32_t>(offset);
        data.data.assign(p.sealedFile.begin() + static_cast<std::ptrdiff_t>(offset),
                         p.sealedFile.begin() + static_cast<std::ptrdiff_t>(offset + n));
        co_await channel.send(FrameType::PageData, data);
    }
    log("page device=" + hex(deviceId) + " seqs=" + std::to_string(p.firstSeq) + "-" + std::to_string(p.lastSeq) +
        " head=" + std::to_string(p.headSeq));
}

asio::awaitable<void> HubServer::serveChunk(FrameChannel<TlsStream>& channel, Connection& conn,
                                            const DeviceRecord& device, const ChunkGet& request) {
    if (!chunkCache_) chunkCache_ = std::make_unique<ChunkCache>();
    const auto reply = answerChunkGet(store_, device, request, *chunkCache_, nowMs());
    if (reply.refusal) {
        // Not held, not this case's, no access (not told apart), or over budget: the session goes on.
        log("chunk refused device=" + hex(device.deviceId) + " " + std::string(reply.refusal->name()));
        co_await sendError(channel, reply.refusal->code(), false, reply.refusal->ref());
        co_return;
    }
    const auto& file = reply.file->sealedFile;
    // The entry may be replaced by another CHUNK_GET only after this one: one request at a time per connection,
    // one connection per device. Still, the bytes are copied so nothing here depends on that.
    const Bytes sealed = file;
    const wire::Hash32 fileHash = reply.file->fileHash;
    co_await channel.send(FrameType::ChunkBegin, ChunkBegin{request.want.chunkHash,
                                                            static_cast<std::uint32_t>(sealed.size()), fileHash,
                                                            reply.start});
    wire::Id16 pageId{};
    std::copy_n(request.want.chunkHash.begin(), pageId.size(), pageId.begin());
    for (std::size_t offset = reply.start; offset < sealed.size(); offset += kPageChunk) {
        if (conn.superseded) throw wire::SyncError(wire::SyncCode::Superseded, "chunk");
        const auto n = std::min(kPageChunk, sealed.size() - offset);
        PageData data;
        data.pageId = pageId;
        data.offset = static_cast<std::uint32_t>(offset);
        data.data.assign(sealed.begin() + static_cast<std::ptrdiff_t>(offset),
                         sealed.begin() + static_cast<std::ptrdiff_t>(offset + n));
        co_await channel.send(FrameType::PageData, data);
    }
    log("chunk sent device=" + hex(device.deviceId) + " bytes=" + std::to_string(sealed.size() - reply.start) +
        " start=" + std::to_string(reply.start) + (reply.fromCache ? " cached" : ""));
}

}  // namespace abri::sync::hub
