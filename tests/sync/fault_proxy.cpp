#include "fault_proxy.h"

#include <array>
#include <utility>  // before Asio: Boost 1.74 awaitable.hpp uses std::exchange without it
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include "common/token_bucket.h"

namespace abri::test {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

struct Link : std::enable_shared_from_this<Link> {
    Link(tcp::socket clientSide, asio::io_context& io) : client(std::move(clientSide)), server(io) {}
    tcp::socket client;
    tcp::socket server;
    std::uint64_t forwarded = 0;
    std::uint64_t generation = 0;
    bool closed = false;

    void close() {
        if (closed) return;
        closed = true;
        boost::system::error_code ignored;
        // RST rather than FIN: a cut link does not say goodbye.
        client.set_option(tcp::socket::linger(true, 0), ignored);
        server.set_option(tcp::socket::linger(true, 0), ignored);
        client.close(ignored);
        server.close(ignored);
    }
};

}  // namespace

struct FaultProxy::Impl {
    asio::io_context io;
    tcp::acceptor acceptor{io};
    std::uint16_t target = 0;
    FaultProxy* owner = nullptr;

    asio::awaitable<void> pause(std::chrono::nanoseconds d) {
        asio::steady_timer timer(io);
        timer.expires_after(d);
        boost::system::error_code ec;
        co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }

    asio::awaitable<void> pump(std::shared_ptr<Link> link, tcp::socket& from, tcp::socket& to) {
        std::array<std::uint8_t, 4096> buffer{};
        const bool up = &from == &link->client;
        sync::TokenBucket bucket(0, 4096);
        std::uint64_t bucketRate = 0;
        for (;;) {
            boost::system::error_code ec;
            auto n = co_await from.async_read_some(asio::buffer(buffer), asio::redirect_error(asio::use_awaitable, ec));
            if (ec || link->closed) break;
            auto settings = owner->settings();
            if (settings.stalled) owner->held_++;
            while (settings.stalled && !link->closed && settings.dropGeneration == link->generation) {
                co_await pause(std::chrono::milliseconds(20));
                settings = owner->settings();
            }
            if (link->closed || settings.dropGeneration != link->generation) break;
            if (settings.delay.count() > 0) co_await pause(settings.delay);
            if (settings.rate != bucketRate) {
                bucketRate = settings.rate;
                bucket = sync::TokenBucket(bucketRate, 1024);
            }
            if (settings.cutAfter > 0 && link->forwarded + n > settings.cutAfter) {
                // Forward up to the cut point, then cut.
                auto allowed = settings.cutAfter > link->forwarded ? settings.cutAfter - link->forwarded : 0;
                if (allowed > 0) {
                    co_await asio::async_write(to, asio::buffer(buffer.data(), allowed),
                                               asio::redirect_error(asio::use_awaitable, ec));
                    (up ? owner->forwardedUp_ : owner->forwardedDown_) += allowed;
                    owner->forwarded_ += allowed;
                }
                owner->cuts_++;
                break;
            }
            auto wait = bucket.reserve(n);
            if (wait.count() > 0) co_await pause(wait);
            if (link->closed) break;
            co_await asio::async_write(to, asio::buffer(buffer.data(), n),
                                       asio::redirect_error(asio::use_awaitable, ec));
            if (ec) break;
            link->forwarded += n;
            (up ? owner->forwardedUp_ : owner->forwardedDown_) += n;
            owner->forwarded_ += n;
        }
        link->close();
    }

    asio::awaitable<void> watchDrops(std::shared_ptr<Link> link) {
        while (!link->closed) {
            if (owner->settings().dropGeneration != link->generation) {
                link->close();
                owner->dropped_++;
                break;
            }
            co_await pause(std::chrono::milliseconds(20));
        }
    }

    asio::awaitable<void> serve(tcp::socket client) {
        auto settings = owner->settings();
        owner->accepted_++;
        auto link = std::make_shared<Link>(std::move(client), io);
        link->generation = settings.dropGeneration;
        if (settings.refuseNew) {
            link->close();
            co_return;
        }
        boost::system::error_code ec;
        co_await link->server.async_connect(tcp::endpoint(asio::ip::address_v4::loopback(), target),
                                            asio::redirect_error(asio::use_awaitable, ec));
        if (ec) {
            link->close();
            co_return;
        }
        asio::co_spawn(io, pump(link, link->client, link->server), asio::detached);
        asio::co_spawn(io, pump(link, link->server, link->client), asio::detached);
        asio::co_spawn(io, watchDrops(link), asio::detached);
    }

    asio::awaitable<void> acceptLoop() {
        for (;;) {
            boost::system::error_code ec;
            auto socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
            if (ec) {
                if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
                continue;
            }
            asio::co_spawn(io, serve(std::move(socket)), asio::detached);
        }
    }
};

FaultProxy::FaultProxy(std::uint16_t targetPort) : impl_(std::make_unique<Impl>()) {
    impl_->target = targetPort;
    impl_->owner = this;
    tcp::endpoint endpoint(asio::ip::address_v4::loopback(), 0);
    impl_->acceptor.open(endpoint.protocol());
    impl_->acceptor.set_option(tcp::acceptor::reuse_address(true));
    impl_->acceptor.bind(endpoint);
    impl_->acceptor.listen();
    port_ = impl_->acceptor.local_endpoint().port();
    asio::co_spawn(impl_->io, impl_->acceptLoop(), asio::detached);
    thread_ = std::thread([this] { impl_->io.run(); });
}

FaultProxy::~FaultProxy() {
    impl_->io.stop();
    if (thread_.joinable()) thread_.join();
}

FaultProxy::Settings FaultProxy::settings() const {
    std::lock_guard lock(mutex_);
    return settings_;
}

void FaultProxy::setDelay(std::chrono::milliseconds perChunk) {
    std::lock_guard lock(mutex_);
    settings_.delay = perChunk;
}

void FaultProxy::setRate(std::uint64_t bytesPerSecond) {
    std::lock_guard lock(mutex_);
    settings_.rate = bytesPerSecond;
}

void FaultProxy::cutAfterBytes(std::uint64_t bytes) {
    std::lock_guard lock(mutex_);
    settings_.cutAfter = bytes;
}

void FaultProxy::setStalled(bool stalled) {
    std::lock_guard lock(mutex_);
    settings_.stalled = stalled;
}

void FaultProxy::setRefuseNew(bool refuse) {
    std::lock_guard lock(mutex_);
    settings_.refuseNew = refuse;
}

void FaultProxy::dropAll() {
    std::lock_guard lock(mutex_);
    settings_.dropGeneration++;
}

}  // namespace abri::test
