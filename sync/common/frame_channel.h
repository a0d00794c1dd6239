#pragma once
// Reads and writes frames on a (TLS) stream with the §4.6 time limits, as C++20 coroutines.
//  - idle: from the start of a read to the first byte of the next frame (no complete frame received);
//  - frame: from the first byte of a frame to its last byte (slow-loris);
//  - write: one frame written (a peer that stops reading).
// A limit that passes cancels the socket's pending operations; the read then throws SyncError(timeout), after
// which the caller may still try to send ERROR timeout (bounded by the write limit) and must close.
// Optional token bucket: the daemon's bandwidth cap applies to reads and writes.
#include <array>
#include <utility>  // before Asio: Boost 1.74 awaitable.hpp uses std::exchange without it
#include <boost/asio/awaitable.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <memory>

#include "frames.h"
#include "token_bucket.h"

namespace abri::sync {

namespace asio = boost::asio;

struct FrameTimeouts {
    std::chrono::milliseconds idle{180'000};
    std::chrono::milliseconds frame{60'000};
    std::chrono::milliseconds write{60'000};
};

// Shared with the watchdog handlers, which may outlive one read.
struct Watchdog {
    explicit Watchdog(const asio::any_io_executor& executor) : timer(executor) {}
    asio::steady_timer timer;
    bool fired = false;
};

template <typename Stream>
class FrameChannel {
public:
    FrameChannel(Stream& stream, FrameTimeouts timeouts)
        : stream_(stream), timeouts_(timeouts),
          readDog_(std::make_shared<Watchdog>(stream.get_executor())),
          writeDog_(std::make_shared<Watchdog>(stream.get_executor())) {}
    ~FrameChannel() {
        readDog_->timer.cancel();
        writeDog_->timer.cancel();
    }
    FrameChannel(const FrameChannel&) = delete;
    FrameChannel& operator=(const FrameChannel&) = delete;

    void setBandwidthLimit(std::shared_ptr<TokenBucket> bucket) { bucket_ = std::move(bucket); }
    void setTimeouts(FrameTimeouts timeouts) { timeouts_ = timeouts; }
    std::uint64_t bytesRead() const noexcept { return bytesRead_; }
    std::uint64_t bytesWritten() const noexcept { return bytesWritten_; }

    // Throws SyncError (timeout, frame_too_large, unknown_frame) or boost::system::system_error (socket).
    asio::awaitable<Frame> read() { return read(timeouts_.idle); }

    asio::awaitable<Frame> read(std::chrono::milliseconds idleLimit) {
        std::array<std::uint8_t, kFrameHeaderBytes> header{};
        arm(readDog_, idleLimit);
        co_await readExactly(std::span<std::uint8_t>(header.data(), 1));
        arm(readDog_, timeouts_.frame);
        co_await readExactly(std::span<std::uint8_t>(header.data() + 1, kFrameHeaderBytes - 1));
        const auto parsed = decodeFrameHeader(header);
        Frame frame{parsed.type, Bytes(parsed.payloadLength)};
        if (parsed.payloadLength > 0) co_await readExactly(frame.payload);
        readDog_->timer.cancel();
        co_await throttle(kFrameHeaderBytes + frame.payload.size());
        bytesRead_ += kFrameHeaderBytes + frame.payload.size();
        co_return frame;
    }

    asio::awaitable<void> write(FrameType type, std::span<const std::uint8_t> payload) {
        auto bytes = encodeFrame(type, payload);
        co_await throttle(bytes.size());
        arm(writeDog_, timeouts_.write);
        boost::system::error_code ec;
        co_await asio::async_write(stream_, asio::buffer(bytes), asio::redirect_error(asio::use_awaitable, ec));
        writeDog_->timer.cancel();
        if (writeDog_->fired) throw wire::SyncError(wire::SyncCode::Timeout, "write");
        if (ec) throw boost::system::system_error(ec);
        bytesWritten_ += bytes.size();
    }

    template <typename Payload>
    asio::awaitable<void> send(FrameType type, const Payload& payload) {
        auto body = encodePayload(payload);
        co_await write(type, body);
    }

private:
    void arm(const std::shared_ptr<Watchdog>& dog, std::chrono::milliseconds limit) {
        dog->fired = false;
        dog->timer.expires_after(limit);
        std::weak_ptr<Watchdog> weak = dog;
        auto* socket = &stream_.lowest_layer();
        dog->timer.async_wait([weak, socket](const boost::system::error_code& ec) {
            auto alive = weak.lock();
            if (ec || !alive) return;
            alive->fired = true;
            boost::system::error_code ignored;
            socket->cancel(ignored);
        });
    }

    asio::awaitable<void> readExactly(std::span<std::uint8_t> out) {
        boost::system::error_code ec;
        co_await asio::async_read(stream_, asio::buffer(out.data(), out.size()),
                                  asio::redirect_error(asio::use_awaitable, ec));
        if (readDog_->fired) throw wire::SyncError(wire::SyncCode::Timeout, "read");
        if (ec) throw boost::system::system_error(ec);
    }

    asio::awaitable<void> throttle(std::size_t bytes) {
        if (!bucket_ || bucket_->unlimited()) co_return;
        auto wait = bucket_->reserve(bytes);
        if (wait.count() <= 0) co_return;
        asio::steady_timer pause(stream_.get_executor());
        pause.expires_after(wait);
        boost::system::error_code ec;
        co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }

    Stream& stream_;
    FrameTimeouts timeouts_;
    std::shared_ptr<Watchdog> readDog_;
    std::shared_ptr<Watchdog> writeDog_;
    std::shared_ptr<TokenBucket> bucket_;
    std::uint64_t bytesRead_ = 0;
    std::uint64_t bytesWritten_ = 0;
};

}  // namespace abri::sync
