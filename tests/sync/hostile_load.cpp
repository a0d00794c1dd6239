#include "hostile_load.h"

#include <utility>  // before Asio: Boost 1.74 awaitable.hpp uses std::exchange without it
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <netinet/in.h>
#include <sys/resource.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <mutex>
#include <set>

#include "common/frame_channel.h"
#include "common/frames.h"
#include "common/tls_context.h"
#include "common/tls_identity.h"
#include "crypto/primitives.h"

namespace abri::test {

namespace asio = boost::asio;
using asio::ip::tcp;
using TlsStream = asio::ssl::stream<tcp::socket>;

struct HostileLoad::State {
    asio::io_context io;
    std::shared_ptr<asio::ssl::context> tls;
    bool stopping = false;
    std::set<tcp::socket*> sockets;  // open now, closed by stop()
    std::set<asio::steady_timer*> pauses;
    std::uint64_t enrolOpen = 0;
    HostileFigures figures;
    mutable std::mutex figuresMutex;
};

namespace {

// Keeps `socket` in the registry stop() closes, for as long as it lives.
struct Registered {
    Registered(HostileLoad::State& s, tcp::socket& socket) : state(s), sock(&socket) { state.sockets.insert(sock); }
    ~Registered() { state.sockets.erase(sock); }
    Registered(const Registered&) = delete;
    Registered& operator=(const Registered&) = delete;
    HostileLoad::State& state;
    tcp::socket* sock;
};

asio::awaitable<bool> connectFrom(tcp::socket& socket, const std::string& source, std::uint16_t port) {
    boost::system::error_code ec;
    socket.open(tcp::v4(), ec);
    if (ec) co_return false;
    const int noPort = 1;  // the port is chosen at connect: thousands of sources share the ephemeral range better
    ::setsockopt(socket.native_handle(), IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &noPort, sizeof(noPort));
    socket.bind(tcp::endpoint(asio::ip::make_address(source), 0), ec);
    if (ec) co_return false;
    const tcp::endpoint hub(asio::ip::address_v4::loopback(), port);  // named: GCC 12 and temporaries in co_await
    co_await socket.async_connect(hub, asio::redirect_error(asio::use_awaitable, ec));
    co_return !ec;
}

asio::awaitable<void> pause(HostileLoad::State& state, std::chrono::milliseconds length) {
    asio::steady_timer timer(state.io, length);
    state.pauses.insert(&timer);
    boost::system::error_code ec;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    state.pauses.erase(&timer);
}

template <typename Field>
void bump(HostileLoad::State& state, Field HostileFigures::*field, std::uint64_t by = 1) {
    std::lock_guard lock(state.figuresMutex);
    state.figures.*field += by;
}

void raisePeak(HostileLoad::State& state, std::uint64_t HostileFigures::*field, std::uint64_t now) {
    std::lock_guard lock(state.figuresMutex);
    state.figures.*field = std::max(state.figures.*field, now);
}

asio::awaitable<void> rawSlot(std::shared_ptr<HostileLoad::State> state, std::atomic<std::uint64_t>& open,
                              std::string source, HostileLoadOptions options) {
    while (!state->stopping) {
        tcp::socket socket(state->io);
        Registered registered(*state, socket);
        if (co_await connectFrom(socket, source, options.port)) {
            bump(*state, &HostileFigures::rawAttempts);
            raisePeak(*state, &HostileFigures::rawOpenPeak, ++open);
            std::array<char, 1> byte{};
            boost::system::error_code ec;
            co_await socket.async_read_some(asio::buffer(byte), asio::redirect_error(asio::use_awaitable, ec));
            --open;
            if (!state->stopping) bump(*state, &HostileFigures::closedByHub);
        }
        if (!state->stopping) co_await pause(*state, options.reopenPause);
    }
}

asio::awaitable<void> enrolSlot(std::shared_ptr<HostileLoad::State> state, std::string source,
                                HostileLoadOptions options) {
    while (!state->stopping) {
        TlsStream stream(state->io, *state->tls);
        Registered registered(*state, stream.next_layer());
        bool admitted = false;
        if (co_await connectFrom(stream.next_layer(), source, options.port)) {
            bump(*state, &HostileFigures::enrolAttempts);
            boost::system::error_code ec;
            co_await stream.async_handshake(asio::ssl::stream_base::client, asio::redirect_error(asio::use_awaitable, ec));
            if (!ec) {
                bump(*state, &HostileFigures::tlsCompleted);
                try {
                    sync::FrameChannel<TlsStream> channel(stream, {});
                    sync::Hello hello;
                    hello.purpose = sync::Purpose::Enrol;
                    crypto::randomFill(hello.deviceId);
                    hello.software = "hostile";
                    co_await channel.send(sync::FrameType::Hello, hello);
                    auto reply = co_await channel.read(std::chrono::milliseconds(60'000));
                    if (reply.type == sync::FrameType::AuthOk) {
                        admitted = true;
                        bump(*state, &HostileFigures::enrolAdmitted);
                        raisePeak(*state, &HostileFigures::enrolOpenPeak, ++state->enrolOpen);
                    } else if (reply.type == sync::FrameType::Error &&
                               sync::decodeError(reply.payload).code == wire::wireValue(wire::SyncCode::Busy)) {
                        bump(*state, &HostileFigures::refusedBusy);
                    }
                    // Idle until the hub ends it (its enrol deadline, or at once after a refusal).
                    std::array<char, 64> sink{};
                    for (;;) {
                        co_await stream.async_read_some(asio::buffer(sink), asio::redirect_error(asio::use_awaitable, ec));
                        if (ec) break;
                    }
                } catch (const std::exception&) {
                    // the hub closed it mid-frame
                }
            }
            if (admitted) --state->enrolOpen;
            if (!state->stopping) bump(*state, &HostileFigures::closedByHub);
        }
        if (!state->stopping) co_await pause(*state, options.reopenPause);
    }
}

}  // namespace

HostileLoad::HostileLoad(HostileLoadOptions options) : options_(std::move(options)), state_(std::make_shared<State>()) {
    const auto identity = sync::TlsIdentity::generate("abri-dev-hostile");
    state_->tls = sync::makeDeviceTlsContext(identity);
    // An attacker pins nothing: it accepts whatever certificate the hub shows.
    SSL_CTX_set_verify(state_->tls->native_handle(), SSL_VERIFY_NONE, nullptr);
}

HostileLoad::~HostileLoad() { stop(); }

void HostileLoad::start() {
    const auto& sources = options_.sourceAddresses;
    for (std::size_t i = 0; i < options_.rawConnections; ++i) {
        asio::co_spawn(state_->io, rawSlot(state_, rawOpen_, sources[i % sources.size()], options_), asio::detached);
    }
    for (std::size_t i = 0; i < options_.enrolConnections; ++i) {
        asio::co_spawn(state_->io, enrolSlot(state_, sources[i % sources.size()], options_), asio::detached);
    }
    thread_ = std::thread([state = state_] { state->io.run(); });
}

void HostileLoad::stop() {
    if (!thread_.joinable()) return;
    asio::post(state_->io, [state = state_] {
        state->stopping = true;
        boost::system::error_code ignored;
        for (auto* socket : state->sockets) socket->close(ignored);
        for (auto* timer : state->pauses) timer->cancel();
    });
    thread_.join();
}

HostileFigures HostileLoad::figures() const {
    std::lock_guard lock(state_->figuresMutex);
    return state_->figures;
}

std::uint64_t raiseFileLimitToHard() {
    rlimit limit{};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
    ::getrlimit(RLIMIT_NOFILE, &limit);
    return static_cast<std::uint64_t>(limit.rlim_cur);
}

double processCpuSeconds(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = stat.rfind(')');
    if (close == std::string::npos || close + 2 > stat.size()) return 0;
    std::istringstream fields(stat.substr(close + 2));  // after the command name, which may hold spaces
    std::string field;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {
        if (i == 14) utime = std::stoull(field);
        if (i == 15) stime = std::stoull(field);
    }
    return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

std::uint64_t processResidentKiB(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stoull(line.substr(6));
    }
    return 0;
}

}  // namespace abri::test
