#include "tls_context.h"

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cstring>

#include "common/error.h"
#include "crypto/primitives.h"

namespace abri::sync {
namespace {

// Sessions the hub keeps for resumption: a few KiB each, so a flood of anonymous handshakes costs at most ~8 MiB
// and only evicts older sessions (whose devices then do a full handshake).
constexpr long kHubSessionCacheSize = 4096;

[[noreturn]] void contextFailure(const char* what) { throw Error(ErrorCode::Internal, what, "openssl"); }

void applyCommonSettings(SSL_CTX* ctx, const TlsIdentity* identity) {
    if (SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION) != 1 ||
        SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION) != 1) {
        contextFailure("tls version");
    }
    if (SSL_CTX_set_ciphersuites(ctx, "TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_256_GCM_SHA384") !=
        1) {
        contextFailure("ciphersuites");
    }
    if (SSL_CTX_set1_groups_list(ctx, "X25519") != 1) contextFailure("groups");
    if (SSL_CTX_set1_sigalgs_list(ctx, "ed25519") != 1) contextFailure("sigalgs");
    // No early data, ever (replayable).
    SSL_CTX_set_max_early_data(ctx, 0);
    SSL_CTX_set_recv_max_early_data(ctx, 0);
    if (identity != nullptr) {
        if (SSL_CTX_use_certificate(ctx, identity->certificate()) != 1) contextFailure("certificate");
        if (SSL_CTX_use_PrivateKey(ctx, identity->key()) != 1) contextFailure("private key");
        if (SSL_CTX_check_private_key(ctx) != 1) contextFailure("key pair");
    }
}

int selectAbriAlpn(SSL*, const unsigned char** out, unsigned char* outLength, const unsigned char* in,
                   unsigned int inLength, void*) {
    // `in` is a list of length-prefixed protocol names; accept only ours.
    unsigned int pos = 0;
    while (pos < inLength) {
        const unsigned int length = in[pos];
        if (pos + 1 + length > inLength) break;
        if (length == sizeof(kAlpnProtocol) && std::memcmp(in + pos + 1, kAlpnProtocol, length) == 0) {
            *out = in + pos + 1;
            *outLength = static_cast<unsigned char>(length);
            return SSL_TLSEXT_ERR_OK;
        }
        pos += 1 + length;
    }
    return SSL_TLSEXT_ERR_ALERT_FATAL;
}

// Hub: one Ed25519 certificate, nothing above it; chain validity is irrelevant (the self-signed error is expected).
int acceptAnyEd25519Client(int, X509_STORE_CTX* store) {
    if (X509_STORE_CTX_get_error_depth(store) != 0) return 0;
    return ed25519PublicKeyOf(X509_STORE_CTX_get_current_cert(store)).has_value() ? 1 : 0;
}

}  // namespace

std::shared_ptr<ssl::context> makeHubTlsContext(const TlsIdentity& identity) {
    auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
    SSL_CTX* ctx = context->native_handle();
    applyCommonSettings(ctx, &identity);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT | SSL_VERIFY_CLIENT_ONCE,
                       acceptAnyEd25519Client);
    SSL_CTX_set_alpn_select_cb(ctx, selectAbriAlpn, nullptr);
    SSL_CTX_set_num_tickets(ctx, 1);
    // Stateful tickets (§4.1): the ticket is a session id in the hub's memory, not the encrypted session with the
    // device certificate, so a resumed ClientHello and each new ticket are ~500 bytes smaller on a 2G link; each is
    // single-use (unlinkable across a laptop's sessions), there is no ticket key, and a restart forgets them all.
    SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_SERVER);
    SSL_CTX_sess_set_cache_size(ctx, kHubSessionCacheSize);
    SSL_CTX_set_timeout(ctx, 7 * 24 * 3600);  // ticket lifetime: the TLS 1.3 maximum (§4.1)
    static const unsigned char sessionContext[] = "abri-hub";
    SSL_CTX_set_session_id_context(ctx, sessionContext, sizeof(sessionContext) - 1);
    return context;
}

std::shared_ptr<ssl::context> makeDeviceTlsContext(const TlsIdentity& transport) {
    auto context = std::make_shared<ssl::context>(ssl::context::tls_client);
    SSL_CTX* ctx = context->native_handle();
    applyCommonSettings(ctx, &transport);
    unsigned char protos[1 + sizeof(kAlpnProtocol)];
    protos[0] = static_cast<unsigned char>(sizeof(kAlpnProtocol));
    std::memcpy(protos + 1, kAlpnProtocol, sizeof(kAlpnProtocol));
    // Note: SSL_CTX_set_alpn_protos returns 0 on success.
    if (SSL_CTX_set_alpn_protos(ctx, protos, sizeof(protos)) != 0) contextFailure("alpn");
    // Without a pin installed on the stream, nothing is accepted.
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, [](int, X509_STORE_CTX*) { return 0; });
    return context;
}

bool checkHubPin(X509_STORE_CTX* store, const wire::Hash32& pinnedFingerprint, PinObservation& observation) {
    if (X509_STORE_CTX_get_error_depth(store) != 0) {
        observation.rejected = true;
        return false;
    }
    auto key = ed25519PublicKeyOf(X509_STORE_CTX_get_current_cert(store));
    if (!key) {
        observation.rejected = true;
        return false;
    }
    const auto seen = crypto::fingerprint(crypto::KeyType::Ed25519, *key);
    observation.seenFingerprint = seen;
    if (!crypto::constantTimeEqual(seen, pinnedFingerprint)) {
        observation.rejected = true;
        return false;
    }
    return true;
}

std::optional<wire::Hash32> peerEd25519Key(SSL* ssl) {
    return ed25519PublicKeyOf(SSL_get0_peer_certificate(ssl));
}

bool negotiatedAbriAlpn(SSL* ssl) {
    const unsigned char* data = nullptr;
    unsigned int length = 0;
    SSL_get0_alpn_selected(ssl, &data, &length);
    return length == sizeof(kAlpnProtocol) && std::memcmp(data, kAlpnProtocol, length) == 0;
}

}  // namespace abri::sync
