#pragma once
// TLS 1.3 contexts of the sync transport (PROTOCOL.md §4.1): Ed25519 certificates only, ALPN "abri/1" required,
// X25519, no 0-RTT, one session ticket per handshake. The client accepts the hub only by its pinned key
// fingerprint; the hub accepts any single Ed25519 client certificate and decides identity after HELLO.
#include <boost/asio/ssl.hpp>
#include <memory>
#include <optional>

#include "wire/wire_types.h"
#include "tls_identity.h"

namespace abri::sync {

namespace ssl = boost::asio::ssl;

inline constexpr unsigned char kAlpnProtocol[] = {'a', 'b', 'r', 'i', '/', '1'};

std::shared_ptr<ssl::context> makeHubTlsContext(const TlsIdentity& identity);
std::shared_ptr<ssl::context> makeDeviceTlsContext(const TlsIdentity& transport);

// What the client's pin check saw; read it after a failed handshake to report wrong_hub with the short
// fingerprint of the key that was offered.
struct PinObservation {
    std::optional<wire::Hash32> seenFingerprint;
    bool rejected = false;
};

// The verify step of the client, for one connection: depth 0 only, Ed25519 only, fp == pin (constant time).
bool checkHubPin(X509_STORE_CTX* store, const wire::Hash32& pinnedFingerprint, PinObservation& observation);

template <typename NextLayer>
void installHubPin(ssl::stream<NextLayer>& stream, const wire::Hash32& pinnedFingerprint,
                   std::shared_ptr<PinObservation> observation) {
    stream.set_verify_mode(ssl::verify_peer);
    stream.set_verify_callback([pinnedFingerprint, observation](bool, ssl::verify_context& context) {
        return checkHubPin(context.native_handle(), pinnedFingerprint, *observation);
    });
}

// After the handshake: the peer's raw Ed25519 key (nullopt when absent or another key type).
std::optional<wire::Hash32> peerEd25519Key(SSL* ssl);
// After the handshake: true when "abri/1" was negotiated.
bool negotiatedAbriAlpn(SSL* ssl);

}  // namespace abri::sync
