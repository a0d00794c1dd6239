#pragma once
// One abri-syncd session's connection (courier.cpp, attachment_courier.cpp): private to the daemon.
#include <utility>  // before Asio: Boost 1.74 awaitable.hpp uses std::exchange without it
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <memory>
#include <optional>

#include "common/frame_channel.h"
#include "common/tls_context.h"
#include "common/token_bucket.h"
#include "courier.h"
#include "tls_session_file.h"

namespace abri::sync::daemon {

namespace asio = boost::asio;
using TlsStream = ssl::stream<asio::ip::tcp::socket>;

// One session's connection: the TLS stream, a watchdog for the steps without frame timeouts (connect, handshake)
// and, once connected, the frame channel. Lives in the session coroutine's frame; never moved.
struct Courier::Link {
    Link(asio::io_context& io, ssl::context& context, std::shared_ptr<TokenBucket> limit)
        : stream(io, context), dog(io.get_executor()), bucket(std::move(limit)) {}

    // Closes the socket if `limit` passes before the timer is cancelled; dog.fired tells why the step failed.
    void armDog(std::chrono::milliseconds limit) {
        dog.fired = false;
        dog.timer.expires_after(limit);
        dog.timer.async_wait([this](const boost::system::error_code& ec) {
            if (ec) return;
            dog.fired = true;
            boost::system::error_code ignored;
            stream.lowest_layer().close(ignored);
        });
    }

    TlsStream stream;
    Watchdog dog;
    std::shared_ptr<TokenBucket> bucket;
    const TlsSessionFile* sessions = nullptr;  // the saved TLS session to offer (§4.1)
    std::optional<FrameChannel<TlsStream>> channel;  // set by connect()
};

}  // namespace abri::sync::daemon
