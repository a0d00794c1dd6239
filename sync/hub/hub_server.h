#pragma once
// abri-hub's network side (PROTOCOL.md §4): TLS 1.3 accept loop on one io_context, one coroutine per connection,
// the §4.6 time limits, HELLO/AUTH_OK, enrolment, uploads with resume and downloads with long poll and resume.
// Logs carry device ids, sequence numbers and codes only.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <boost/asio/steady_timer.hpp>
#include <string>

#include "common/frame_channel.h"
#include "common/tls_context.h"
#include "hub_store.h"

namespace abri::sync::hub {

using TlsStream = ssl::stream<boost::asio::ip::tcp::socket>;

struct ServerOptions {
    std::string listenHost = "127.0.0.1";
    std::uint16_t listenPort = 7412;  // 0: chosen by the OS
    std::chrono::milliseconds handshakeTimeout{20'000};
    // A session older than this is closed with BYE at its next frame (§4.6): the device reconnects, which renews
    // the TLS handshake and lets a revoked certificate or a new hub key take effect on long-lived links.
    std::chrono::milliseconds connectionLifetime{24LL * 3'600'000};
    std::chrono::milliseconds helloTimeout{10'000};
    FrameTimeouts frameTimeouts{};  // idle 180 s, frame 60 s, write 60 s
    std::uint16_t maxWaitS = 120;
    std::size_t maxConnections = 1024;
    std::size_t maxPerAddressBeforeHello = 16;
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
    boost::asio::awaitable<void> serve(boost::asio::ip::tcp::socket socket);
    void log(const std::string& line) const;
    // ENROL_REQUEST checks (§2.6 step 5) and the enrolment transaction; throws SyncError with the refusal.
    EnrolOk enrol(std::span<const std::uint8_t> payload, const wire::Hash32& clientKey, const wire::Id16& helloDevice);
    boost::asio::awaitable<void> syncSession(FrameChannel<TlsStream>& channel, Connection& conn,
                                             const wire::Id16& deviceId);
    boost::asio::awaitable<void> download(FrameChannel<TlsStream>& channel, Connection& conn,
                                          const wire::Id16& deviceId, const Download& request);

    boost::asio::io_context& io_;
    HubStore& store_;
    ServerOptions options_;
    std::shared_ptr<ssl::context> tls_;
    boost::asio::ip::tcp::acceptor acceptor_;
    std::size_t connections_ = 0;
    std::set<std::shared_ptr<Connection>> live_;  // every open connection, for shutDown
    bool shuttingDown_ = false;
    std::unique_ptr<boost::asio::steady_timer> graceTimer_;
    std::map<std::string, std::size_t> preHelloByAddress_;
    std::map<std::string, std::deque<std::chrono::steady_clock::time_point>> enrolFailures_;
    // Seconds until `address` may try to enrol again; 0 when it may now. Forgets failures older than the window.
    std::uint64_t enrolRetryAfterS(const std::string& address);
    std::map<wire::Id16, std::weak_ptr<Connection>> byDevice_;
    struct CachedPage;
    std::map<wire::Id16, std::shared_ptr<CachedPage>> pageCache_;

    friend struct Connection;
};

}  // namespace abri::sync::hub
