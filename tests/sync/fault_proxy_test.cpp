// The fault proxy itself: forwarding, rate cap, cuts, stalls, drops — so the process tests can trust it.
#include <catch2/catch.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "fault_proxy.h"
#include "sync_test_support.h"

namespace asio = boost::asio;
using asio::ip::tcp;
using abri::test::FaultProxy;

namespace {

// Echo server on its own thread, one more thread per connection. Every thread is joined before the io_context
// goes away: a detached connection thread would destroy its socket after its service (use after free).
struct EchoServer {
    asio::io_context io;
    tcp::acceptor acceptor{io, tcp::endpoint(asio::ip::address_v4::loopback(), 0)};
    std::thread thread;
    std::mutex mutex;
    std::vector<std::thread> connections;
    std::vector<std::shared_ptr<tcp::socket>> sockets;  // kept open until joined, so shutdown() hits the right fd
    EchoServer() {
        thread = std::thread([this] {
            for (;;) {
                boost::system::error_code ec;
                tcp::socket socket(io);
                acceptor.accept(socket, ec);
                if (ec) return;
                std::lock_guard lock(mutex);
                auto shared = std::make_shared<tcp::socket>(std::move(socket));
                sockets.push_back(shared);
                connections.emplace_back([s = shared]() {
                    std::array<char, 4096> buffer{};
                    for (;;) {
                        boost::system::error_code readError;
                        auto n = s->read_some(asio::buffer(buffer), readError);
                        if (readError) return;
                        asio::write(*s, asio::buffer(buffer.data(), n), readError);
                        if (readError) return;
                    }
                });
            }
        });
    }
    ~EchoServer() {
        // shutdown() wakes the blocking accept() and reads; close() alone does not on Linux.
        ::shutdown(acceptor.native_handle(), SHUT_RDWR);
        boost::system::error_code ec;
        acceptor.close(ec);
        if (thread.joinable()) thread.join();
        std::lock_guard lock(mutex);
        for (auto& socket : sockets) ::shutdown(socket->native_handle(), SHUT_RDWR);
        for (auto& t : connections) t.join();
        sockets.clear();
    }
    std::uint16_t port() const { return acceptor.local_endpoint().port(); }
};

// Sends n bytes through the proxy and reads the echo; returns bytes echoed before an error.
std::size_t echoThrough(std::uint16_t port, std::size_t n) {
    asio::io_context io;
    tcp::socket socket(io);
    socket.connect(tcp::endpoint(asio::ip::address_v4::loopback(), port));
    std::vector<char> out(n, 'x'), in(n);
    boost::system::error_code ec;
    asio::write(socket, asio::buffer(out), ec);
    auto got = asio::read(socket, asio::buffer(in), ec);
    return got;
}

}  // namespace

TEST_CASE("Fault proxy forwards, caps the rate and cuts after N bytes", "[sync][proxy]") {
    EchoServer echo;
    FaultProxy proxy(echo.port());
    CHECK(echoThrough(proxy.port(), 10000) == 10000);

    proxy.setRate(20000);  // 20 kB/s each way: 10 kB takes about half a second
    auto start = std::chrono::steady_clock::now();
    CHECK(echoThrough(proxy.port(), 10000) == 10000);
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(300));
    proxy.setRate(0);

    proxy.cutAfterBytes(5000);  // both directions count: 5000 out, then the echo is cut at once
    CHECK(echoThrough(proxy.port(), 10000) < 10000);
    CHECK(proxy.cutsMade() >= 1);
    proxy.cutAfterBytes(0);
    CHECK(echoThrough(proxy.port(), 100) == 100);
}

TEST_CASE("Fault proxy stalls and drops live connections", "[sync][proxy]") {
    EchoServer echo;
    FaultProxy proxy(echo.port());
    asio::io_context io;
    tcp::socket socket(io);
    socket.connect(tcp::endpoint(asio::ip::address_v4::loopback(), proxy.port()));
    proxy.setStalled(true);
    asio::write(socket, asio::buffer(std::string("ping")));
    REQUIRE(abri::test::waitUntil([&] { return proxy.chunksHeld() >= 1; }));  // the proxy has the bytes...
    CHECK(socket.available() == 0);                                             // ...and holds them
    proxy.setStalled(false);
    std::array<char, 4> reply{};
    asio::read(socket, asio::buffer(reply));
    CHECK(std::string(reply.data(), 4) == "ping");

    proxy.dropAll();
    REQUIRE(abri::test::waitUntil([&] { return proxy.connectionsDropped() >= 1; }));
    boost::system::error_code ec;
    asio::write(socket, asio::buffer(std::string("more")), ec);
    asio::read(socket, asio::buffer(reply), ec);
    CHECK(ec);  // the link was cut
    CHECK(echoThrough(proxy.port(), 100) == 100);  // new connections work again
}
