#pragma once
// abri-hub's network side (PROTOCOL.md §4): TLS 1.3 accept loop on one io_context, one coroutine per connection,
// the §4.6 time and admission limits, HELLO/AUTH_OK, enrolment, uploads with resume and downloads with long poll
// and resume. Logs carry device ids, sequence numbers and codes only (never a peer's address).
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <deque>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <set>
#include <boost/asio/steady_timer.hpp>
#include <string>

#include "common/frame_channel.h"
#include "common/tls_context.h"
#include "admission_limits.h"
#include "hub_store.h"

namespace abri::sync::hub {

using TlsStream = ssl::stream<boost::asio::ip::tcp::socket>;
class ChunkCache;  // attachment_session.h

struct ServerOptions {
    std::string listenHost = "127.0.0.1";
    std::uint16_t listenPort = 7412;  // 0: chosen by the OS
    std::chrono::milliseconds handshakeTimeout{20'000};
    // A session older than this is closed with BYE at its next frame (§4.6): the device reconnects, which renews
    // the TLS handshake and lets a revoked certificate or a new hub key take effect on long-lived links.
    std::chrono::milliseconds connectionLifetime{24LL * 3'600'000};
    std::chrono::milliseconds helloTimeout{10'000};
    // AUTH_OK of an enrol session → its whole ENROL_REQUEST received: an anonymous peer holds a slot briefly.
    std::chrono::milliseconds enrolRequestTimeout{10'000};
    FrameTimeouts frameTimeouts{};  // idle 180 s, frame 60 s, write 60 s
    std::uint16_t maxWaitS = 120;
    AdmissionLimits limits{};  // main() fits them to RLIMIT_NOFILE (admission_limits.h)
    // Failed enrolment attempts per source address within the window before ERROR busy (§4.6): a token's secret
    // has 256 bits, so this is not what keeps guessing out; it keeps a noisy client from filling the log.
    std::size_t maxEnrolFailuresPerAddress = 10;
    std::chrono::milliseconds enrolFailureWindow{3'600'000};
    std::function<void(const std::string&)> log;  // one line per event, no personal data
};

class HubServer {
public:
    HubServer(boost::asio::io_context& io, HubStore& store, ServerOptions options);
    ~HubServer();
    // Binds and starts accepting; returns the bound port.
    std::uint16_t start();
    // Stops accepting; live connections go on.
    void stop();
    // A graceful end (SIGTERM): stops accepting and ends every session at its next frame boundary with ERROR
    // shutting_down (a session waiting for a frame at once; one sending a page or admitting a file once that is
    // done). Connections still open after `grace` are closed. Once the last has ended the server holds no work on
    // the io_context, so io_context::run() returns.
    void shutDown(std::chrono::milliseconds grace);

    struct Connection;

private:
    boost::asio::awaitable<void> acceptLoop();
    // Admission (§4.6). Phases of a connection; Handshake and AwaitHello are anonymous and may be evicted,
    // Enrol is anonymous with its own caps and deadline, Device is authenticated.
    enum class Phase { Handshake, AwaitHello, Enrol, Device, Closed };
    // Makes room for one more anonymous connection from `address` by evicting older anonymous ones; false when
    // nothing may be evicted (the newcomer is then refused).
    bool admitAnonymous(const std::string& address);
    // The anonymous connection to give up for a newcomer: one whose peer has sent nothing yet, else the oldest;
    // only from `address` when given, only in the handshake when `handshakeOnly`. Null when there is none.
    Connection* evictionCandidate(const std::string* address, bool handshakeOnly) const;
    void evict(Connection& conn);
    void setPhase(Connection& conn, Phase phase);
    // Admission refusals and evictions are counted and logged once per interval, not once per connection.
    void noteAdmission(bool evicted);
    // Gives freed heap back to the system (glibc malloc_trim) once connections have drained after a burst.
    void trimMemoryIfDrained();
    boost::asio::awaitable<void> serve(boost::asio::ip::tcp::socket socket);
    void log(const std::string& line) const;
    // ENROL_REQUEST checks (§2.6 step 5) and the enrolment transaction; throws SyncError with the refusal.
    EnrolOk enrol(std::span<const std::uint8_t> payload, const wire::Hash32& clientKey, const wire::Id16& helloDevice);
    boost::asio::awaitable<void> syncSession(FrameChannel<TlsStream>& channel, Connection& conn,
                                             const wire::Id16& deviceId);
    boost::asio::awaitable<void> download(FrameChannel<TlsStream>& channel, Connection& conn,
                                          const wire::Id16& deviceId, const Download& request);
    // CHUNK_GET (§11.4): CHUNK_BEGIN and PAGE_DATA from the resume offset, or ERROR chunk_unavailable /
    // budget_exhausted (non-fatal). attachment_session.h holds the logic.
    boost::asio::awaitable<void> serveChunk(FrameChannel<TlsStream>& channel, Connection& conn,
                                            const DeviceRecord& device, const ChunkGet& request);

    boost::asio::io_context& io_;
    HubStore& store_;
    ServerOptions options_;
    std::shared_ptr<ssl::context> tls_;
    boost::asio::ip::tcp::acceptor acceptor_;
    std::set<std::shared_ptr<Connection>> live_;  // every open connection, for shutDown
    // Connections per phase (Closed ones are not counted: their descriptor is already closed).
    std::size_t handshakes_ = 0, awaitingHello_ = 0, enrolSessions_ = 0, devices_ = 0;
    std::size_t anonymous() const { return handshakes_ + awaitingHello_ + enrolSessions_; }
    struct AddressCounts {
        std::size_t anonymous = 0;
        std::size_t enrol = 0;
    };
    std::map<std::string, AddressCounts> anonymousByAddress_;
    std::list<Connection*> evictable_;  // Handshake and AwaitHello connections, oldest first
    std::size_t refusedSinceReport_ = 0, evictedSinceReport_ = 0;
    std::chrono::steady_clock::time_point lastAdmissionReport_{};
    std::unique_ptr<boost::asio::steady_timer> acceptPause_;
    std::size_t peakSinceTrim_ = 0;
    bool shuttingDown_ = false;
    std::unique_ptr<boost::asio::steady_timer> graceTimer_;
    std::map<std::string, std::deque<std::chrono::steady_clock::time_point>> enrolFailures_;
    // Seconds until `address` may try to enrol again; 0 when it may now. Forgets failures older than the window.
    std::uint64_t enrolRetryAfterS(const std::string& address);
    std::map<wire::Id16, std::weak_ptr<Connection>> byDevice_;
    struct CachedPage;
    std::map<wire::Id16, std::shared_ptr<CachedPage>> pageCache_;
    std::unique_ptr<ChunkCache> chunkCache_;  // sealed chunk files per device, for resume (1 h)

    friend struct Connection;
};

}  // namespace abri::sync::hub
