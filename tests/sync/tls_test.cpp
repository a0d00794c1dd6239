// TLS 1.3 with Ed25519 pins (PROTOCOL.md §4.1), in process over 127.0.0.1, and the timed frame channel (§4.6).
#include <catch2/catch.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <openssl/ssl.h>

#include "common/frame_channel.h"
#include "common/tls_context.h"

using namespace abri::sync;
using namespace abri::wire;
namespace asio = boost::asio;
using asio::ip::tcp;
using TlsStream = asio::ssl::stream<tcp::socket>;

namespace {

struct ServerOutcome {
    bool handshakeOk = false;
    std::optional<Hash32> clientKey;
    bool alpn = false;
    std::optional<SyncCode> readError;
    std::optional<Frame> frame;
};

struct ClientOutcome {
    bool handshakeOk = false;
    bool alpn = false;
    std::shared_ptr<PinObservation> pin = std::make_shared<PinObservation>();
};

// One server connection: handshake, then read one frame with the given limits.
asio::awaitable<void> serveOnce(tcp::acceptor& acceptor, asio::ssl::context& context, FrameTimeouts timeouts,
                                ServerOutcome& out) {
    auto socket = co_await acceptor.async_accept(asio::use_awaitable);
    TlsStream stream(std::move(socket), context);
    boost::system::error_code ec;
    co_await stream.async_handshake(asio::ssl::stream_base::server, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    out.handshakeOk = true;
    out.clientKey = peerEd25519Key(stream.native_handle());
    out.alpn = negotiatedAbriAlpn(stream.native_handle());
    FrameChannel<TlsStream> channel(stream, timeouts);
    try {
        out.frame = co_await channel.read();
    } catch (const SyncError& e) {
        out.readError = e.code();
    } catch (const boost::system::system_error&) {
    }
}

struct Harness {
    asio::io_context io;
    tcp::acceptor acceptor{io, tcp::endpoint(asio::ip::address_v4::loopback(), 0)};
    std::uint16_t port() const { return acceptor.local_endpoint().port(); }
};

}  // namespace

TEST_CASE("Client and hub complete TLS 1.3 with pins, ALPN and the client's raw key", "[sync][tls]") {
    Harness h;
    auto hubId = TlsIdentity::generate("abri-hub-test");
    auto device = TlsIdentity::generate("abri-dev-test");
    auto hubContext = makeHubTlsContext(hubId);
    auto deviceContext = makeDeviceTlsContext(device);
    ServerOutcome server;
    ClientOutcome client;
    asio::co_spawn(h.io, serveOnce(h.acceptor, *hubContext, {}, server), asio::detached);
    asio::co_spawn(
        h.io,
        [&]() -> asio::awaitable<void> {
            TlsStream stream(h.io, *deviceContext);
            co_await stream.next_layer().async_connect(tcp::endpoint(asio::ip::address_v4::loopback(), h.port()),
                                                       asio::use_awaitable);
            installHubPin(stream, hubId.fingerprint(), client.pin);
            co_await stream.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
            client.handshakeOk = true;
            client.alpn = negotiatedAbriAlpn(stream.native_handle());
            CHECK(std::string(SSL_get_version(stream.native_handle())) == "TLSv1.3");
            FrameChannel<TlsStream> channel(stream, {});
            co_await channel.send(FrameType::Ping, PingPong{77});
        },
        asio::detached);
    h.io.run_for(std::chrono::seconds(10));
    CHECK(client.handshakeOk);
    CHECK(client.alpn);
    CHECK(server.handshakeOk);
    CHECK(server.alpn);
    REQUIRE(server.clientKey);
    CHECK(*server.clientKey == device.publicKey());
    REQUIRE(server.frame);
    CHECK(server.frame->type == FrameType::Ping);
    CHECK(decodePingPong(server.frame->payload).nonce == 77);
}

TEST_CASE("A client pinned to another hub key aborts the handshake (wrong_hub)", "[sync][tls]") {
    Harness h;
    auto hubId = TlsIdentity::generate("abri-hub-test");
    auto impostorPin = TlsIdentity::generate("abri-hub-other").fingerprint();
    auto device = TlsIdentity::generate("abri-dev-test");
    auto hubContext = makeHubTlsContext(hubId);
    auto deviceContext = makeDeviceTlsContext(device);
    ServerOutcome server;
    ClientOutcome client;
    asio::co_spawn(h.io, serveOnce(h.acceptor, *hubContext, {}, server), asio::detached);
    asio::co_spawn(
        h.io,
        [&]() -> asio::awaitable<void> {
            TlsStream stream(h.io, *deviceContext);
            co_await stream.next_layer().async_connect(tcp::endpoint(asio::ip::address_v4::loopback(), h.port()),
                                                       asio::use_awaitable);
            installHubPin(stream, impostorPin, client.pin);
            boost::system::error_code ec;
            co_await stream.async_handshake(asio::ssl::stream_base::client,
                                            asio::redirect_error(asio::use_awaitable, ec));
            client.handshakeOk = !ec;
        },
        asio::detached);
    h.io.run_for(std::chrono::seconds(10));
    CHECK_FALSE(client.handshakeOk);
    CHECK(client.pin->rejected);
    REQUIRE(client.pin->seenFingerprint);
    CHECK(*client.pin->seenFingerprint == hubId.fingerprint());  // reported as the short fingerprint seen
    CHECK_FALSE(server.frame);
}

TEST_CASE("A client without a certificate or with a non-Ed25519 setup is refused by the hub", "[sync][tls]") {
    Harness h;
    auto hubId = TlsIdentity::generate("abri-hub-test");
    auto hubContext = makeHubTlsContext(hubId);
    // A plain TLS 1.3 client with no certificate and no ALPN.
    asio::ssl::context bare(asio::ssl::context::tls_client);
    bare.set_verify_mode(asio::ssl::verify_none);
    ServerOutcome server;
    bool clientOk = true;
    asio::co_spawn(h.io, serveOnce(h.acceptor, *hubContext, {}, server), asio::detached);
    asio::co_spawn(
        h.io,
        [&]() -> asio::awaitable<void> {
            TlsStream stream(h.io, bare);
            co_await stream.next_layer().async_connect(tcp::endpoint(asio::ip::address_v4::loopback(), h.port()),
                                                       asio::use_awaitable);
            boost::system::error_code ec;
            co_await stream.async_handshake(asio::ssl::stream_base::client,
                                            asio::redirect_error(asio::use_awaitable, ec));
            // TLS 1.3 client auth failures surface on the first read.
            std::array<std::uint8_t, 1> byte{};
            if (!ec) co_await stream.async_read_some(asio::buffer(byte), asio::redirect_error(asio::use_awaitable, ec));
            clientOk = !ec;
        },
        asio::detached);
    h.io.run_for(std::chrono::seconds(10));
    CHECK_FALSE(clientOk);
    CHECK_FALSE(server.handshakeOk);
}

TEST_CASE("Frame channel: a frame trickled slower than the frame limit times out (slow-loris)", "[sync][timeouts]") {
    Harness h;
    ServerOutcome server;
    asio::co_spawn(
        h.io,
        [&]() -> asio::awaitable<void> {
            auto socket = co_await h.acceptor.async_accept(asio::use_awaitable);
            FrameChannel<tcp::socket> channel(socket, {std::chrono::milliseconds(2000), std::chrono::milliseconds(300),
                                                       std::chrono::milliseconds(1000)});
            try {
                server.frame = co_await channel.read();
            } catch (const SyncError& e) {
                server.readError = e.code();
            }
        },
        asio::detached);
    asio::co_spawn(
        h.io,
        [&]() -> asio::awaitable<void> {
            tcp::socket socket(h.io);
            co_await socket.async_connect(tcp::endpoint(asio::ip::address_v4::loopback(), h.port()),
                                          asio::use_awaitable);
            auto frame = frameOf(FrameType::Ping, PingPong{1});
            for (auto byte : frame) {
                co_await asio::async_write(socket, asio::buffer(&byte, 1), asio::use_awaitable);
                asio::steady_timer pause(h.io, std::chrono::milliseconds(100));
                co_await pause.async_wait(asio::use_awaitable);
            }
        },
        asio::detached);
    h.io.run_for(std::chrono::seconds(5));
    CHECK_FALSE(server.frame);
    REQUIRE(server.readError);
    CHECK(*server.readError == SyncCode::Timeout);
}

TEST_CASE("Frame channel: idle limit, oversize and unknown frames are typed errors", "[sync][timeouts]") {
    auto run = [](Bytes toSend) {
        Harness h;
        ServerOutcome server;
        asio::co_spawn(
            h.io,
            [&]() -> asio::awaitable<void> {
                auto socket = co_await h.acceptor.async_accept(asio::use_awaitable);
                FrameChannel<tcp::socket> channel(
                    socket, {std::chrono::milliseconds(300), std::chrono::milliseconds(300), std::chrono::seconds(1)});
                try {
                    server.frame = co_await channel.read();
                } catch (const SyncError& e) {
                    server.readError = e.code();
                }
            },
            asio::detached);
        tcp::socket client(h.io);
        client.connect(tcp::endpoint(asio::ip::address_v4::loopback(), h.port()));
        if (!toSend.empty()) asio::write(client, asio::buffer(toSend));
        h.io.run_for(std::chrono::seconds(3));
        return server;
    };
    auto idle = run({});
    REQUIRE(idle.readError);
    CHECK(*idle.readError == SyncCode::Timeout);
    auto tooLarge = run({0x7F, 0xFF, 0xFF, 0xFF, 0x01});
    REQUIRE(tooLarge.readError);
    CHECK(*tooLarge.readError == SyncCode::FrameTooLarge);
    auto unknown = run({0x00, 0x00, 0x00, 0x00, 0x99});
    REQUIRE(unknown.readError);
    CHECK(*unknown.readError == SyncCode::UnknownFrame);
    auto complete = run(frameOf(FrameType::Bye, Bye{0}));
    REQUIRE(complete.frame);
    CHECK(complete.frame->type == FrameType::Bye);
}
