#pragma once
// The TLS session the hub's last ticket resumes (PROTOCOL.md §4.1), kept across daemon runs in
// `<vault>.sync/tls-session`, encrypted: a resumed handshake sends neither certificate nor CertificateVerify,
// which is most of a handshake's bytes on a 2G link. The file holds the session's resumption secret, so it is
// sealed (XChaCha20-Poly1305) under a key derived from the transport key seed and bound to the hub's pin; anything
// that does not open, parse or resume (tampered, another hub, expired) is ignored and the handshake is a full one.
#include <openssl/ssl.h>

#include <filesystem>
#include <memory>

#include "common/tls_identity.h"
#include "wire/wire_types.h"

namespace abri::sync::daemon {

struct SslSessionDeleter {
    void operator()(SSL_SESSION* session) const noexcept { SSL_SESSION_free(session); }
};
using SslSessionPtr = std::unique_ptr<SSL_SESSION, SslSessionDeleter>;

inline constexpr std::string_view kTlsSessionFile = "tls-session";

class TlsSessionFile {
public:
    TlsSessionFile(std::filesystem::path syncDir, const TlsIdentity& transport, const wire::Hash32& hubFingerprint);

    // The saved session when it opens, parses and is still resumable; null otherwise (never throws).
    SslSessionPtr load() const;
    // Replaces the file (0600, atomically). Errors are ignored: the next run does a full handshake.
    void save(SSL_SESSION* session) const noexcept;
    void forget() const noexcept;

private:
    std::filesystem::path file_;
    crypto::SecureBuffer key_;
    wire::Hash32 hubFingerprint_{};
};

}  // namespace abri::sync::daemon
