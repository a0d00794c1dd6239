// abri-hub as a system service (packaging/systemd/abri-hub.service), with real abri-hub processes: SIGTERM during
// serve ends live sessions at a frame boundary with ERROR shutting_down and exits 0 with the store intact;
// `status --json` for monitoring; the passphrase from the systemd credentials directory, and exit 5 (the unit's
// RestartPreventExitStatus) when it is wrong. Admission (§4.6) with in-process servers and small caps: silent
// connections give way to a device, the enrol caps and deadline, accept() pausing when descriptors run out.
#include <catch2/catch.hpp>

#include <utility>  // before Asio: Boost 1.74 awaitable.hpp uses std::exchange without it
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <algorithm>
#include <boost/asio/steady_timer.hpp>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <sys/stat.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <ctime>
#include <unistd.h>

#include "wire/certificate.h"
#include "child_process.h"
#include "common/error.h"
#include "common/frame_channel.h"
#include "common/tls_context.h"
#include "common/tls_identity.h"
#include "hub_server.h"
#include "hub_store.h"
#include "support/temp_dir.h"
#include "sync_test_support.h"

using namespace abri;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
using sync::hub::HubStore;

namespace {

const fs::path kHubBin = ABRI_HUB_BIN;
constexpr int kExitWrongPassphrase = 5;

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

// A hub store made with the library (cheapest Argon2id) and one enrolled device whose TLS key the test holds.
struct ServiceHub {
    explicit ServiceHub(const fs::path& root) : dir(root / "hub"), log(root / "hub.log") {
        ::setenv("ABRI_HUB_PASSPHRASE", std::string(test::kHubPassphrase).c_str(), 1);
        sync::hub::HubInitOptions options;
        options.dir = dir;
        options.name = "service-test-hub";
        options.address = "127.0.0.1:1";
        options.kdf = crypto::KdfParams::minimum();
        HubStore::create(options, test::kHubPassphrase);
        auto store = HubStore::open(dir, test::kHubPassphrase);
        wire::Certificate cert;
        cert.serial = store.nextCertificateSerial();
        cert.hubId = store.hubId();
        cert.deviceId = *wire::idFromHex("00112233445566778899aabbccddeeff");
        cert.signPk = crypto::SigningKeyPair::generate().publicKey;
        cert.boxPk = crypto::BoxKeyPair::generate().publicKey;
        cert.tlsPk = transport.publicKey();
        cert.notBeforeMs = sync::hub::nowMs();
        cert.notAfterMs = cert.notBeforeMs + wire::kDefaultCertificateValidityMs;
        cert.office = "TST-AAA";
        cert.label = "laptop-service";
        device.deviceId = cert.deviceId;
        device.office = cert.office;
        device.statusMs = cert.notBeforeMs;
        device.certificate = wire::issueCertificate(cert, store.identity());
        store.insertDevice(device);
        pin = sync::TlsIdentity::fromSeed(store.identity().seed(), "abri-hub").fingerprint();
    }
    int run(const std::vector<std::string>& args, std::string* out = nullptr) const {
        std::string ignored;
        return test::runToEnd(kHubBin, args, log, 30s, out != nullptr ? out : &ignored);
    }
    fs::path dir;
    fs::path log;
    sync::TlsIdentity transport = sync::TlsIdentity::generate("abri-dev-test");
    sync::hub::DeviceRecord device;
    crypto::Fingerprint pin{};
};

// Restores an environment variable as the test found it.
class EnvironmentGuard {
public:
    explicit EnvironmentGuard(std::string name) : name_(std::move(name)) {
        if (const char* value = std::getenv(name_.c_str())) saved_ = value;
    }
    ~EnvironmentGuard() {
        if (saved_) ::setenv(name_.c_str(), saved_->c_str(), 1);
        else ::unsetenv(name_.c_str());
    }
    EnvironmentGuard(const EnvironmentGuard&) = delete;
    EnvironmentGuard& operator=(const EnvironmentGuard&) = delete;

private:
    std::string name_;
    std::optional<std::string> saved_;
};

namespace asio = boost::asio;

// Connects to the hub on `port` as its enrolled test device (TLS with the hub's pin) and says HELLO: true when
// the hub answers AUTH_OK.
asio::awaitable<bool> connectAndSayHello(sync::hub::TlsStream& stream, sync::FrameChannel<sync::hub::TlsStream>& channel,
                                         const ServiceHub& hub, std::uint16_t port) {
    co_await stream.next_layer().async_connect(asio::ip::tcp::endpoint(asio::ip::address_v4::loopback(), port),
                                               asio::use_awaitable);
    sync::installHubPin(stream, hub.pin, std::make_shared<sync::PinObservation>());
    co_await stream.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
    sync::Hello hello;
    hello.deviceId = hub.device.deviceId;
    hello.clientTimeMs = sync::hub::nowMs();
    hello.software = "hub-service-test";
    co_await channel.send(sync::FrameType::Hello, hello);
    // Named values, not temporaries, inside co_await expressions: GCC 12 mishandles those in coroutines.
    const auto authOk = co_await channel.read(std::chrono::milliseconds(5000));
    co_return authOk.type == sync::FrameType::AuthOk;
}

}  // namespace

TEST_CASE("SIGTERM during serve ends a live session with ERROR shutting_down and exits 0, the store intact",
          "[sync][hub][service]") {
    namespace asio = boost::asio;
    using sync::hub::TlsStream;
    test::TempDir tmp;
    ServiceHub hub(tmp.path());
    const auto portFile = tmp.path() / "hub.port";
    test::ChildProcess serve;
    serve.start(kHubBin, {"serve", hub.dir.string(), "--listen", "127.0.0.1:0", "--port-file", portFile.string()},
                hub.log);
    REQUIRE(test::waitUntil([&] { return fs::exists(portFile); }));
    const auto port = static_cast<std::uint16_t>(std::stoul(test::readText(portFile)));

    asio::io_context io;
    auto context = sync::makeDeviceTlsContext(hub.transport);
    std::optional<sync::ErrorFrame> got;
    bool authorised = false;
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            TlsStream stream(io, *context);
            sync::FrameChannel<TlsStream> channel(stream, {});
            authorised = co_await connectAndSayHello(stream, channel, hub, port);
            serve.sendSignal(SIGTERM);  // the session is idle between frames: it ends at once
            auto frame = co_await channel.read(std::chrono::milliseconds(5000));
            if (frame.type == sync::FrameType::Error) got = sync::decodeError(frame.payload);
        },
        asio::detached);
    io.run_for(std::chrono::seconds(20));

    CHECK(authorised);
    REQUIRE(got);
    CHECK(got->code == wire::wireValue(wire::SyncCode::ShuttingDown));
    CHECK(got->fatal);
    CHECK(got->ref == 30);  // retry after, in seconds
    CHECK(serve.wait(10s) == 0);
    const auto log = test::readText(hub.log);
    CHECK(contains(log, "stopping on SIGTERM"));
    CHECK(contains(log, "closing connection: shutting_down"));
    CHECK(contains(log, " stopped"));

    // The store opens and still holds the device.
    std::string devices;
    REQUIRE(hub.run({"devices", hub.dir.string()}, &devices) == 0);
    CHECK(contains(devices, "00112233445566778899aabbccddeeff TST-AAA"));
}

TEST_CASE("SIGTERM to an idle hub exits 0 at once", "[sync][hub][service]") {
    test::TempDir tmp;
    ServiceHub hub(tmp.path());
    const auto portFile = tmp.path() / "hub.port";
    test::ChildProcess serve;
    serve.start(kHubBin, {"serve", hub.dir.string(), "--listen", "127.0.0.1:0", "--port-file", portFile.string()},
                hub.log);
    REQUIRE(test::waitUntil([&] { return fs::exists(portFile); }));
    serve.sendSignal(SIGTERM);
    CHECK(serve.wait(5s) == 0);
    CHECK(contains(test::readText(hub.log), "shutting down connections=0"));
}

TEST_CASE("abri-hub status --json is one JSON object with the text status's figures", "[sync][hub][service]") {
    test::TempDir tmp;
    ServiceHub hub(tmp.path());
    std::string text;
    std::string json;
    REQUIRE(hub.run({"status", hub.dir.string()}, &text) == 0);
    REQUIRE(hub.run({"status", hub.dir.string(), "--json"}, &json) == 0);
    const auto status = nlohmann::json::parse(json);
    CHECK(contains(text, "hub_id " + status.at("hub_id").get<std::string>() + "\n"));
    CHECK(status.at("name") == "service-test-hub");
    CHECK(status.at("devices") == 1);
    CHECK(status.at("devices_by_status").at("active") == 1);
    CHECK(status.at("quarantined") == 0);
    CHECK(status.at("conflicts") == 0);
    CHECK(status.at("feeds").is_array());
    CHECK(status.at("version").is_string());
    CHECK(contains(text, "fingerprint " + status.at("fingerprint").get<std::string>() + "\n"));
}

TEST_CASE("The passphrase comes from the systemd credentials directory, and a wrong one exits 5 with a clear line",
          "[sync][hub][service]") {
    test::TempDir tmp;
    ServiceHub hub(tmp.path());
    EnvironmentGuard keepPassphrase("ABRI_HUB_PASSPHRASE");
    EnvironmentGuard keepCredentials("CREDENTIALS_DIRECTORY");
    ::unsetenv("ABRI_HUB_PASSPHRASE");
    const auto credentials = tmp.path() / "credentials";
    fs::create_directories(credentials);
    ::setenv("CREDENTIALS_DIRECTORY", credentials.c_str(), 1);
    auto writeCredential = [&](std::string_view passphrase) {
        std::ofstream(credentials / "passphrase", std::ios::trunc) << passphrase << "\n";
    };

    writeCredential(test::kHubPassphrase);
    CHECK(hub.run({"status", hub.dir.string()}) == 0);

    writeCredential("not-the-hub-passphrase");
    CHECK(hub.run({"status", hub.dir.string()}) == kExitWrongPassphrase);
    CHECK(contains(test::readText(hub.log), "abri-hub: wrong passphrase: it does not open the hub store"));
    // serve refuses to start the same way (the unit's RestartPreventExitStatus=5: no restart loop).
    CHECK(hub.run({"serve", hub.dir.string(), "--listen", "127.0.0.1:0"}) == kExitWrongPassphrase);

    // --passphrase-file comes first.
    const auto file = tmp.path() / "passphrase";
    std::ofstream(file) << test::kHubPassphrase << "\n";
    CHECK(hub.run({"status", hub.dir.string(), "--passphrase-file", file.string()}) == 0);
}

TEST_CASE("With standard error on the journal (JOURNAL_STREAM), lines carry a syslog priority, not a timestamp",
          "[sync][hub][service]") {
    test::TempDir tmp;
    ServiceHub hub(tmp.path());
    std::ofstream(hub.log, std::ios::trunc).flush();
    struct stat st {};
    REQUIRE(::stat(hub.log.c_str(), &st) == 0);
    EnvironmentGuard keepStream("JOURNAL_STREAM");
    EnvironmentGuard keepPassphrase("ABRI_HUB_PASSPHRASE");
    ::setenv("JOURNAL_STREAM", (std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino)).c_str(), 1);

    const auto portFile = tmp.path() / "hub.port";
    test::ChildProcess serve;
    serve.start(kHubBin, {"serve", hub.dir.string(), "--listen", "127.0.0.1:0", "--port-file", portFile.string()},
                hub.log);
    REQUIRE(test::waitUntil([&] { return fs::exists(portFile); }));
    serve.sendSignal(SIGTERM);
    CHECK(serve.wait(5s) == 0);
    ::setenv("ABRI_HUB_PASSPHRASE", "not-the-hub-passphrase", 1);
    CHECK(hub.run({"status", hub.dir.string()}) == kExitWrongPassphrase);

    const auto log = test::readText(hub.log);
    CHECK(contains(log, "<6>listening port="));
    CHECK(contains(log, "<6>stopped\n"));
    CHECK(contains(log, "<3>abri-hub: wrong passphrase"));
    CHECK_FALSE(contains(log, "abri-hub 1"));  // no "abri-hub <ms>" prefix
}

TEST_CASE("shutDown during an upload: ERROR shutting_down at the frame boundary, the partial file kept for resume, "
          "nothing admitted, and run() returns by itself",
          "[sync][hub][service]") {
    namespace asio = boost::asio;
    using sync::hub::TlsStream;
    test::TempDir tmp;
    ServiceHub hub(tmp.path());
    auto store = HubStore::open(hub.dir, test::kHubPassphrase);
    asio::io_context io;
    sync::hub::ServerOptions options;
    options.listenPort = 0;
    std::vector<std::string> logLines;
    options.log = [&](const std::string& line) { logLines.push_back(line); };
    sync::hub::HubServer server(io, store, options);
    const auto port = server.start();
    auto context = sync::makeDeviceTlsContext(hub.transport);

    wire::Hash32 fileId{};
    fileId.fill(0x5a);
    const sync::Bytes firstPart(400, 0x42);
    std::optional<sync::ErrorFrame> got;
    bool authorised = false;
    bool ready = false;
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            TlsStream stream(io, *context);
            sync::FrameChannel<TlsStream> channel(stream, {});
            authorised = co_await connectAndSayHello(stream, channel, hub, port);
            const sync::UploadBegin begin{fileId, 1000, 1, 1};
            co_await channel.send(sync::FrameType::UploadBegin, begin);
            const auto reply = co_await channel.read(std::chrono::milliseconds(5000));
            ready = reply.type == sync::FrameType::UploadReady;
            const sync::UploadData data{fileId, 0, firstPart};
            co_await channel.send(sync::FrameType::UploadData, data);
            // The hub has written the frame once its next read is waiting: then it is asked to stop.
            asio::steady_timer settle(io, std::chrono::milliseconds(200));
            co_await settle.async_wait(asio::use_awaitable);
            server.shutDown(std::chrono::seconds(10));
            auto frame = co_await channel.read(std::chrono::milliseconds(5000));
            if (frame.type == sync::FrameType::Error) got = sync::decodeError(frame.payload);
        },
        asio::detached);
    const auto started = std::chrono::steady_clock::now();
    io.run_for(std::chrono::seconds(20));
    const auto took = std::chrono::steady_clock::now() - started;

    CHECK(authorised);
    CHECK(ready);
    REQUIRE(got);
    CHECK(got->code == wire::wireValue(wire::SyncCode::ShuttingDown));
    CHECK(took < std::chrono::seconds(5));  // no work left once the session ended: not the grace, not run_for's limit
    const auto partial = hub.dir / "partial" / wire::idToHex(hub.device.deviceId) / (wire::hashToHex(fileId) + ".part");
    REQUIRE(fs::exists(partial));
    CHECK(fs::file_size(partial) == firstPart.size());  // whole frames only: the upload resumes from offset 400
    CHECK(store.findDevice(hub.device.deviceId)->chainSeq == 0);
    CHECK(std::find(logLines.begin(), logLines.end(), "closing connection: shutting_down") != logLines.end());
}

// ---- admission (PROTOCOL.md §4.6): in-process servers with small caps ----

namespace {

// A TCP connection to the hub that never sends a byte (blocking; the kernel completes it before any accept()).
int silentConnection(std::uint16_t port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof(to)) == 0);
    return fd;
}

// True when the hub has closed `fd` (a read returns 0 or an error at once).
bool closedByHub(int fd) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 0) <= 0) return false;
    char byte = 0;
    return ::recv(fd, &byte, 1, MSG_DONTWAIT) <= 0;
}

// TLS with a certificate of its own (no pin needed by an attacker), HELLO purpose enrol; the first reply's type,
// and the ERROR's code when it is one.
asio::awaitable<void> helloEnrol(asio::io_context& io, std::uint16_t port, std::optional<sync::FrameType>& firstReply,
                                 std::optional<std::uint16_t>& errorCode,
                                 std::optional<std::uint16_t>& laterErrorCode) {
    const auto identity = sync::TlsIdentity::generate("abri-dev-anonymous");
    auto context = sync::makeDeviceTlsContext(identity);
    SSL_CTX_set_verify(context->native_handle(), SSL_VERIFY_NONE, nullptr);
    sync::hub::TlsStream stream(io, *context);
    const asio::ip::tcp::endpoint hubEndpoint(asio::ip::address_v4::loopback(), port);
    co_await stream.next_layer().async_connect(hubEndpoint, asio::use_awaitable);
    co_await stream.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
    sync::FrameChannel<sync::hub::TlsStream> channel(stream, {});
    sync::Hello hello;
    hello.purpose = sync::Purpose::Enrol;
    hello.deviceId.fill(0x7e);
    co_await channel.send(sync::FrameType::Hello, hello);
    const auto reply = co_await channel.read(std::chrono::milliseconds(5000));
    firstReply = reply.type;
    if (reply.type == sync::FrameType::Error) {
        errorCode = sync::decodeError(reply.payload).code;
        co_return;
    }
    const auto later = co_await channel.read(std::chrono::milliseconds(5000));  // idle: the enrol deadline
    if (later.type == sync::FrameType::Error) laterErrorCode = sync::decodeError(later.payload).code;
}

}  // namespace

TEST_CASE("Silent connections filling the handshake slots give way to an enrolled device", "[sync][hub][admission]") {
    test::TempDir tmp;
    ServiceHub hub(tmp.path());
    auto store = HubStore::open(hub.dir, test::kHubPassphrase);
    asio::io_context io;
    sync::hub::ServerOptions options;
    options.listenPort = 0;
    options.limits.maxHandshakes = 4;
    options.limits.maxAnonymousPerAddress = 4;
    sync::hub::HubServer server(io, store, options);
    const auto port = server.start();
    std::vector<int> silent;
    for (int i = 0; i < 4; ++i) silent.push_back(silentConnection(port));
    io.run_for(200ms);  // accepted: every handshake slot and the address's anonymous share are taken

    bool authorised = false;
    auto context = sync::makeDeviceTlsContext(hub.transport);
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            sync::hub::TlsStream stream(io, *context);
            sync::FrameChannel<sync::hub::TlsStream> channel(stream, {});
            authorised = co_await connectAndSayHello(stream, channel, hub, port);
            co_await channel.send(sync::FrameType::Bye, sync::Bye{0});
            server.stop();
        },
        asio::detached);
    test::waitUntil([&] {
        io.run_for(20ms);
        return authorised;
    }, 5s);
    CHECK(authorised);
    CHECK(std::count_if(silent.begin(), silent.end(), closedByHub) == 1);  // the oldest silent one made room
    for (int fd : silent) ::close(fd);
}

TEST_CASE("Enrol sessions beyond the per-address cap get ERROR busy and an idle one ends at the enrol deadline",
          "[sync][hub][admission]") {
    test::TempDir tmp;
    ServiceHub hub(tmp.path());
    auto store = HubStore::open(hub.dir, test::kHubPassphrase);
    asio::io_context io;
    sync::hub::ServerOptions options;
    options.listenPort = 0;
    options.limits.maxEnrolPerAddress = 2;
    options.enrolRequestTimeout = 1500ms;
    std::vector<std::string> logLines;
    options.log = [&](const std::string& line) { logLines.push_back(line); };
    sync::hub::HubServer server(io, store, options);
    const auto port = server.start();

    std::array<std::optional<sync::FrameType>, 3> first;
    std::array<std::optional<std::uint16_t>, 3> error, later;
    for (std::size_t i = 0; i < 2; ++i) asio::co_spawn(io, helloEnrol(io, port, first[i], error[i], later[i]), asio::detached);
    io.run_for(300ms);  // both are enrol sessions now, waiting for their requests
    const auto started = std::chrono::steady_clock::now();
    asio::co_spawn(io, helloEnrol(io, port, first[2], error[2], later[2]), asio::detached);
    test::waitUntil([&] {
        io.run_for(20ms);
        return later[0] && later[1] && first[2];
    }, 10s);
    CHECK(first[2] == sync::FrameType::Error);
    CHECK(error[2] == wire::wireValue(wire::SyncCode::Busy));
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(first[i] == sync::FrameType::AuthOk);
        CHECK(later[i] == wire::wireValue(wire::SyncCode::Timeout));  // the deadline, not the 180 s idle limit
    }
    CHECK(std::chrono::steady_clock::now() - started < 3s);
    // The refusal is counted in a summary line, never one line per refused peer.
    CHECK(std::none_of(logLines.begin(), logLines.end(), [](const auto& l) { return l == "closing connection: busy"; }));
    server.stop();
    io.run_for(100ms);
}

TEST_CASE("The hub pauses accept() when file descriptors run out and logs once instead of spinning, then resumes",
          "[sync][hub][admission][fd-exhaustion]") {
    test::TempDir tmp;
    ServiceHub hub(tmp.path());
    auto store = HubStore::open(hub.dir, test::kHubPassphrase);
    asio::io_context io;
    sync::hub::ServerOptions options;
    options.listenPort = 0;
    std::vector<std::string> logLines;
    options.log = [&](const std::string& line) { logLines.push_back(line); };
    sync::hub::HubServer server(io, store, options);
    const auto port = server.start();

    std::vector<int> clients;
    for (int i = 0; i < 20; ++i) clients.push_back(silentConnection(port));
    // No descriptor left: the lowest free one is the limit, so every accept() fails with EMFILE.
    rlimit saved{};
    REQUIRE(::getrlimit(RLIMIT_NOFILE, &saved) == 0);
    const int lowestFree = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    REQUIRE(lowestFree >= 0);
    ::close(lowestFree);
    rlimit tight = saved;
    tight.rlim_cur = static_cast<rlim_t>(lowestFree);
    REQUIRE(::setrlimit(RLIMIT_NOFILE, &tight) == 0);
    timespec before{}, after{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &before);
    io.run_for(2s);
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &after);
    REQUIRE(::setrlimit(RLIMIT_NOFILE, &saved) == 0);
    const double cpu = static_cast<double>(after.tv_sec - before.tv_sec) +
                       static_cast<double>(after.tv_nsec - before.tv_nsec) / 1e9;
    CHECK(cpu < 0.3);  // spinning on accept() would take the whole 2 s
    auto count = [&](const std::string& prefix) {
        return std::count_if(logLines.begin(), logLines.end(), [&](const auto& l) { return l.rfind(prefix, 0) == 0; });
    };
    CHECK(count("accept failing: EMFILE failures=1 pause_ms=100") == 1);
    CHECK(count("accept failing") == 1);  // 100+200+400+800 ms of pauses, one line
    io.run_for(1500ms);  // the pause (at most 1 s) ends and the waiting connections are accepted
    CHECK(count("accept resumed after failures=") == 1);
    for (int fd : clients) ::close(fd);
    server.stop();
    io.run_for(100ms);
}

TEST_CASE("The hub cuts its connection limits to what the open-file limit allows", "[sync][hub][admission]") {
    using sync::hub::fitToFileLimit;
    const sync::hub::AdmissionLimits wanted;
    const auto ample = fitToFileLimit(wanted, 4096, 10);
    CHECK(ample.maxConnections == 1024);
    CHECK(ample.maxAnonymous == 256);
    CHECK(ample.maxHandshakes == 128);
    CHECK(ample.deviceSlots() == 768);
    const auto systemdDefault = fitToFileLimit(wanted, 1024, 9);
    CHECK(systemdDefault.maxConnections == 1024 - 9 - sync::hub::kFileDescriptorReserve);
    CHECK(systemdDefault.maxAnonymous == systemdDefault.maxConnections / 4);
    CHECK(systemdDefault.maxHandshakes <= systemdDefault.maxAnonymous / 2);
    CHECK(systemdDefault.maxEnrolPerAddress < systemdDefault.maxAnonymousPerAddress);
    const auto tiny = fitToFileLimit(wanted, 120, 20);
    CHECK(tiny.maxConnections + 20 + sync::hub::kFileDescriptorReserve <= 120);
    CHECK(tiny.deviceSlots() >= tiny.maxConnections / 2);
    CHECK_THROWS_AS(fitToFileLimit(wanted, 80, 20), abri::Error);
}
