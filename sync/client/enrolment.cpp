#include "enrolment.h"

#include <utility>  // before Asio: Boost 1.74 awaitable.hpp uses std::exchange without it
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "wire/certificate.h"
#include "devicesync/device_keys.h"
#include "wire/enrolment_token.h"
#include "wire/sync_files.h"
#include "common/daemon_config.h"
#include "common/error.h"
#include "common/frame_channel.h"
#include "common/tls_context.h"
#include "vault/roles.h"

namespace abri::sync::client {

namespace asio = boost::asio;
namespace fs = std::filesystem;
using asio::ip::tcp;
using TlsStream = ssl::stream<tcp::socket>;

namespace {

wire::Id16 vaultDeviceId(vault::Vault& vault) {
    auto id = wire::idFromHex(vault.deviceId());
    if (!id) throw Error(ErrorCode::VaultCorrupted, "device_id");
    return *id;
}

// The vault's seed first (a retry after a crash, or a sync folder lost), then an existing key file, else a new key.
TlsIdentity loadOrCreateTransportKey(storage::Database& db, const fs::path& syncDir, const wire::Id16& deviceId) {
    const auto keyFile = syncDir / kTransportKeyFile;
    const auto commonName = "abri-dev-" + wire::idToHex(deviceId);
    if (auto seed = devicesync::loadTransportSeed(db)) {
        auto identity = TlsIdentity::fromSeed(*seed, commonName);
        identity.savePrivateKeyPem(keyFile);
        identity.saveCertificatePem(syncDir / kTransportCertFile);
        return identity;
    }
    if (fs::exists(keyFile)) return TlsIdentity::loadPrivateKeyPem(keyFile, commonName);
    auto identity = TlsIdentity::generate(commonName);
    identity.savePrivateKeyPem(keyFile);
    identity.saveCertificatePem(syncDir / kTransportCertFile);
    return identity;
}

}  // namespace

EnrolResult enrolDevice(vault::Vault& vault, const fs::path& vaultPath, std::string_view tokenText,
                        const EnrolOptions& options) {
    if (!vault::roleAllows(vault.currentUser().role, vault::Permission::ManageUsers)) {
        throw Error(ErrorCode::PermissionDenied, "enroll");
    }
    auto token = wire::decodeTokenText(tokenText);
    if (token.office != vault.office()) throw wire::SyncError(wire::SyncCode::OfficeMismatch, "token");
    if (!wire::isValidAsciiLabel(options.label, wire::kMaxLabelBytes)) throw Error(ErrorCode::InvalidValue, "label");
    const auto deviceId = vaultDeviceId(vault);
    const auto address = options.addressOverride.value_or(token.hubAddress);
    DaemonConfig config;
    if (!splitHostPort(address, config.hubHost, config.hubPort)) throw Error(ErrorCode::InvalidValue, "address");

    // Step 1: keys committed before connecting, so a retry reuses them.
    auto keys = devicesync::loadOrCreateDeviceKeys(vault.db(), vault.nowMs());
    const auto syncDir = wire::syncFolder(vaultPath);
    fs::create_directories(syncDir);
    fs::permissions(syncDir, fs::perms::owner_all);
    const auto transport = loadOrCreateTransportKey(vault.db(), syncDir, deviceId);
    const wire::Hash32 secretHash = crypto::blake2b({token.secret.bytes()});
    {
        storage::Transaction txn(vault.db());
        vault.db()
            .prepare("INSERT OR REPLACE INTO sync_enrolment (id, state, token_hash, certificate, descriptor, "
                     "hub_address, updated_ms) VALUES (1, 'enrolling', ?, NULL, NULL, ?, ?)")
            .bindBlob(1, secretHash)
            .bind(2, address)
            .bind(3, vault.nowMs())
            .run();
        devicesync::storeTransportSeed(vault.db(), transport.publicKey(), transport.seed(), vault.nowMs());
        txn.commit();
    }

    EnrolRequest request;
    std::copy(token.secret.bytes().begin(), token.secret.bytes().end(), request.secret.begin());
    request.deviceId = deviceId;
    request.signPk = keys.sign.publicKey;
    request.boxPk = keys.box.publicKey;
    request.tlsPk = transport.publicKey();
    request.office = token.office;
    request.label = options.label;
    const auto digest = wire::enrolmentProofDigest(token.hubFingerprint, secretHash, deviceId, request.signPk,
                                                   request.boxPk, request.tlsPk, request.office, request.label);
    request.proof = crypto::signDigest(keys.sign, crypto::Domain::Enrolment, digest);

    // Steps 2-6: TLS pinned to the token's fingerprint, HELLO enrol, ENROL_REQUEST, ENROL_OK.
    asio::io_context io;
    auto context = makeDeviceTlsContext(transport);
    EnrolOk reply;
    std::exception_ptr failure;
    auto session = [&]() -> asio::awaitable<void> {
        TlsStream stream(io, *context);
        asio::steady_timer deadline(io, options.timeout);
        deadline.async_wait([&](const boost::system::error_code& ec) {
            if (!ec) {
                boost::system::error_code ignored;
                stream.lowest_layer().close(ignored);
            }
        });
        tcp::resolver resolver(io);
        auto endpoints = co_await resolver.async_resolve(config.hubHost, std::to_string(config.hubPort),
                                                         asio::use_awaitable);
        co_await asio::async_connect(stream.lowest_layer(), endpoints, asio::use_awaitable);
        auto pin = std::make_shared<PinObservation>();
        installHubPin(stream, token.hubFingerprint, pin);
        boost::system::error_code ec;
        co_await stream.async_handshake(ssl::stream_base::client, asio::redirect_error(asio::use_awaitable, ec));
        if (pin->rejected) throw wire::SyncError(wire::SyncCode::WrongHub, "handshake");
        if (ec) throw boost::system::system_error(ec);
        FrameChannel<TlsStream> channel(stream, {});
        Hello hello;
        hello.purpose = Purpose::Enrol;
        hello.deviceId = deviceId;
        hello.clientTimeMs = static_cast<std::uint64_t>(vault.nowMs());
        hello.software = "abri-cli/0.1.0";
        co_await channel.send(FrameType::Hello, hello);
        auto readReply = [&](FrameType expected) -> asio::awaitable<Frame> {
            auto frame = co_await channel.read();
            if (frame.type == FrameType::Error) {
                auto error = decodeError(frame.payload);
                throw wire::SyncError(wire::syncCodeFromWire(error.code).value_or(wire::SyncCode::ProtocolViolation),
                                      "hub", error.ref);
            }
            if (frame.type != expected)
                throw wire::SyncError(wire::SyncCode::ProtocolViolation, frameTypeName(frame.type));
            co_return frame;
        };
        auto ok = decodeAuthOk((co_await readReply(FrameType::AuthOk)).payload);
        if (ok.session != Purpose::Enrol) throw wire::SyncError(wire::SyncCode::ProtocolViolation, "session");
        co_await channel.send(FrameType::EnrolRequest, request);
        reply = decodeEnrolOk((co_await readReply(FrameType::EnrolOk)).payload);
        deadline.cancel();
        co_await stream.async_shutdown(asio::redirect_error(asio::use_awaitable, ec));
    };
    asio::co_spawn(io, session, [&](std::exception_ptr e) { failure = e; });
    io.run();
    if (failure) std::rethrow_exception(failure);

    // Step 7: verify what the hub sent against the pin and our own keys, then store it.
    auto descriptor = wire::decodeHubDescriptor(reply.descriptor, "enrol descriptor");
    if (!crypto::constantTimeEqual(crypto::fingerprint(crypto::KeyType::Ed25519, descriptor.identityPk),
                                   token.hubFingerprint)) {
        throw wire::SyncError(wire::SyncCode::WrongHub, "descriptor");
    }
    auto certificate = wire::decodeCertificate(reply.certificate, "enrol certificate");
    wire::verifyCertificate(certificate, descriptor.identityPk, "enrol certificate");
    if (certificate.deviceId != deviceId || certificate.signPk != keys.sign.publicKey ||
        certificate.boxPk != keys.box.publicKey || certificate.tlsPk != request.tlsPk ||
        certificate.office != vault.office()) {
        throw wire::SyncError(wire::SyncCode::KeyMismatch, "enrol certificate");
    }
    {
        storage::Transaction txn(vault.db());
        devicesync::storeEnrolment(vault.db(), "enrolled", certificate.bytes, descriptor.bytes, address, vault.nowMs());
        txn.commit();
    }
    vault.clock().observe(journal::makeHlc(reply.hubTimeMs, 0));
    wire::writeFileAtomically(syncDir, "hub.descriptor", descriptor.bytes);
    wire::writeFileAtomically(syncDir, "device.cert", certificate.bytes);
    config.hubId = descriptor.hubId;
    config.hubFingerprint = token.hubFingerprint;
    config.deviceId = deviceId;
    config.office = vault.office();
    saveDaemonConfig(syncDir, config);
    return EnrolResult{deviceId, certificate.serial, certificate.office, syncDir};
}

}  // namespace abri::sync::client
