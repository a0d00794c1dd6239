#pragma once
// An Ed25519 key held by OpenSSL for TLS, and the self-signed X.509 wrapper around it (PROTOCOL.md §4.1).
// The hub's identity key and a device's transport key are both of this kind. Certificates carry no trust:
// dates, issuer and chain are ignored, only the key's fingerprint (the pin) matters.
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "wire/wire_types.h"
#include "crypto/secure_buffer.h"

typedef struct evp_pkey_st EVP_PKEY;
typedef struct x509_st X509;

namespace abri::sync {

struct EvpPkeyDeleter {
    void operator()(EVP_PKEY* key) const noexcept;
};
struct X509Deleter {
    void operator()(X509* cert) const noexcept;
};
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, EvpPkeyDeleter>;
using X509Ptr = std::unique_ptr<X509, X509Deleter>;

class TlsIdentity {
public:
    // A fresh random key.
    static TlsIdentity generate(const std::string& commonName);
    // From a 32-byte Ed25519 seed (libsodium's secret key is seed || pk; OpenSSL takes the seed).
    static TlsIdentity fromSeed(const crypto::SecureBuffer& seed, const std::string& commonName);
    // PKCS#8 PEM private key file (transport.key).
    static TlsIdentity loadPrivateKeyPem(const std::filesystem::path& file, const std::string& commonName);
    // Writes the key as PKCS#8 PEM with mode 0600, atomically (tmp + fsync + rename).
    void savePrivateKeyPem(const std::filesystem::path& file) const;
    void saveCertificatePem(const std::filesystem::path& file) const;

    wire::Hash32 publicKey() const;
    wire::Hash32 fingerprint() const;
    // The 32-byte Ed25519 seed, in locked memory (kept in the vault too: sync/client/sync_folder.h).
    crypto::SecureBuffer seed() const;
    EVP_PKEY* key() const noexcept { return key_.get(); }
    X509* certificate() const noexcept { return cert_.get(); }

private:
    TlsIdentity(EvpPkeyPtr key, const std::string& commonName);
    EvpPkeyPtr key_;
    X509Ptr cert_;
};

// Raw public key of an Ed25519 certificate; nullopt if the certificate's key is not Ed25519.
std::optional<wire::Hash32> ed25519PublicKeyOf(X509* cert);

}  // namespace abri::sync
