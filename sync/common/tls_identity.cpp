#include "tls_identity.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "common/atomic_file.h"
#include "common/error.h"
#include "crypto/primitives.h"

namespace abri::sync {
namespace {

struct BioDeleter {
    void operator()(BIO* bio) const noexcept { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

[[noreturn]] void opensslFailure(const char* what) { throw Error(ErrorCode::Internal, what, "openssl"); }

X509Ptr makeSelfSigned(EVP_PKEY* key, const std::string& commonName) {
    X509Ptr cert(X509_new());
    if (!cert) opensslFailure("X509_new");
    // v3, random serial; validity 2000-01-01 .. 9999-12-31 (ignored by both sides: pins are the trust).
    if (X509_set_version(cert.get(), 2) != 1) opensslFailure("X509_set_version");
    auto serial = crypto::randomBytes(16);
    serial[0] &= 0x7F;
    BIGNUM* bn = BN_bin2bn(serial.data(), static_cast<int>(serial.size()), nullptr);
    if (bn == nullptr || BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get())) == nullptr) {
        BN_free(bn);
        opensslFailure("serial");
    }
    BN_free(bn);
    if (ASN1_TIME_set_string_X509(X509_getm_notBefore(cert.get()), "20000101000000Z") != 1 ||
        ASN1_TIME_set_string_X509(X509_getm_notAfter(cert.get()), "99991231235959Z") != 1) {
        opensslFailure("validity");
    }
    X509_NAME* name = X509_get_subject_name(cert.get());
    if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(commonName.c_str()),
                                   -1, -1, 0) != 1) {
        opensslFailure("subject");
    }
    if (X509_set_issuer_name(cert.get(), name) != 1) opensslFailure("issuer");
    if (X509_set_pubkey(cert.get(), key) != 1) opensslFailure("pubkey");
    // Ed25519 signs the whole message: no digest.
    if (X509_sign(cert.get(), key, nullptr) <= 0) opensslFailure("X509_sign");
    return cert;
}

}  // namespace

void EvpPkeyDeleter::operator()(EVP_PKEY* key) const noexcept { EVP_PKEY_free(key); }
void X509Deleter::operator()(X509* cert) const noexcept { X509_free(cert); }

TlsIdentity::TlsIdentity(EvpPkeyPtr key, const std::string& commonName)
    : key_(std::move(key)), cert_(makeSelfSigned(key_.get(), commonName)) {}

TlsIdentity TlsIdentity::generate(const std::string& commonName) {
    auto seed = crypto::randomKey();
    return fromSeed(seed, commonName);
}

TlsIdentity TlsIdentity::fromSeed(const crypto::SecureBuffer& seed, const std::string& commonName) {
    if (seed.size() != 32) throw Error(ErrorCode::Internal, "ed25519 seed", "length");
    EvpPkeyPtr key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()));
    if (!key) opensslFailure("EVP_PKEY_new_raw_private_key");
    return TlsIdentity(std::move(key), commonName);
}

crypto::SecureBuffer TlsIdentity::seed() const {
    crypto::SecureBuffer out(32);
    std::size_t length = out.size();
    if (EVP_PKEY_get_raw_private_key(key_.get(), out.data(), &length) != 1 || length != out.size()) {
        opensslFailure("EVP_PKEY_get_raw_private_key");
    }
    return out;
}

TlsIdentity TlsIdentity::loadPrivateKeyPem(const std::filesystem::path& file, const std::string& commonName) {
    BioPtr bio(BIO_new_file(file.c_str(), "r"));
    if (!bio) throw Error(ErrorCode::IoError, file.string());
    EvpPkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key || EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) {
        throw Error(ErrorCode::InvalidValue, file.string(), "not an Ed25519 private key");
    }
    return TlsIdentity(std::move(key), commonName);
}

void TlsIdentity::savePrivateKeyPem(const std::filesystem::path& file) const {
    BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio || PEM_write_bio_PKCS8PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        opensslFailure("PEM_write_bio_PKCS8PrivateKey");
    }
    char* data = nullptr;
    long length = BIO_get_mem_data(bio.get(), &data);
    auto pem = crypto::SecureBuffer::copyOf(
        std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(data), static_cast<std::size_t>(length)));
    abri::writeFileAtomically(file, pem.bytes());
}

void TlsIdentity::saveCertificatePem(const std::filesystem::path& file) const {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert_.get()) != 1) opensslFailure("PEM_write_bio_X509");
    char* data = nullptr;
    long length = BIO_get_mem_data(bio.get(), &data);
    abri::writeFileAtomically(file, std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(data),
                                                            static_cast<std::size_t>(length)));
}

wire::Hash32 TlsIdentity::publicKey() const {
    wire::Hash32 pk{};
    std::size_t length = pk.size();
    if (EVP_PKEY_get_raw_public_key(key_.get(), pk.data(), &length) != 1 || length != pk.size()) {
        opensslFailure("EVP_PKEY_get_raw_public_key");
    }
    return pk;
}

wire::Hash32 TlsIdentity::fingerprint() const {
    auto pk = publicKey();
    return crypto::fingerprint(crypto::KeyType::Ed25519, pk);
}

std::optional<wire::Hash32> ed25519PublicKeyOf(X509* cert) {
    if (cert == nullptr) return std::nullopt;
    EVP_PKEY* key = X509_get0_pubkey(cert);
    if (key == nullptr || EVP_PKEY_get_id(key) != EVP_PKEY_ED25519) return std::nullopt;
    wire::Hash32 pk{};
    std::size_t length = pk.size();
    if (EVP_PKEY_get_raw_public_key(key, pk.data(), &length) != 1 || length != pk.size()) return std::nullopt;
    return pk;
}

}  // namespace abri::sync
