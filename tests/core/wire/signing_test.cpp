#include <catch2/catch.hpp>

#include "codec_test_support.h"
#include "crypto/sealed_box.h"
#include "crypto/signing.h"

using namespace abri;
using namespace abri::crypto;

TEST_CASE("base32 follows RFC 4648 without padding", "[changeset][crypto]") {
    CHECK(base32Encode(asBytes("")) == "");
    CHECK(base32Encode(asBytes("f")) == "MY");
    CHECK(base32Encode(asBytes("fo")) == "MZXQ");
    CHECK(base32Encode(asBytes("foo")) == "MZXW6");
    CHECK(base32Encode(asBytes("foob")) == "MZXW6YQ");
    CHECK(base32Encode(asBytes("fooba")) == "MZXW6YTB");
    CHECK(base32Encode(asBytes("foobar")) == "MZXW6YTBOI");
    auto decoded = base32Decode("mzxw6ytboi");
    REQUIRE(decoded);
    CHECK(std::string(decoded->begin(), decoded->end()) == "foobar");
    CHECK_FALSE(base32Decode("MZXW6YTBO1"));  // '1' is not in the alphabet
    CHECK_FALSE(base32Decode("MZXW6YTBOJ"));  // non-zero trailing bits
    CHECK_FALSE(base32Decode("MZXW6YTBO"));   // a length no encoder writes
}

TEST_CASE("signatures are bound to their domain and their digest", "[changeset][crypto]") {
    const SigningKeyPair key = SigningKeyPair::generate();
    const Hash32 digest = blake2b({asBytes("synthetic change-set")});
    const Signature sig = signDigest(key, Domain::ChangeSet, digest);
    CHECK(verifyDigest(key.publicKey, Domain::ChangeSet, digest, sig));
    CHECK_FALSE(verifyDigest(key.publicKey, Domain::Page, digest, sig));

    Signature flipped = sig;
    flipped[10] ^= 0x01;
    CHECK_FALSE(verifyDigest(key.publicKey, Domain::ChangeSet, digest, flipped));
    Hash32 otherDigest = digest;
    otherDigest[0] ^= 0x80;
    CHECK_FALSE(verifyDigest(key.publicKey, Domain::ChangeSet, otherDigest, sig));
    CHECK_FALSE(verifyDigest(SigningKeyPair::generate().publicKey, Domain::ChangeSet, digest, sig));
    CHECK_FALSE(verifyDigest(std::span(key.publicKey).first(31), Domain::ChangeSet, digest, sig));
    CHECK_THROWS(signDigest(key, Domain::ChangeSet, std::span(digest).first(16)));
}

TEST_CASE("a signing key restores from its stored secret and refuses a damaged one", "[changeset][crypto]") {
    const SigningKeyPair key = SigningKeyPair::generate();
    auto restored = SigningKeyPair::fromSecretKey(key.secretKey.bytes());
    REQUIRE(restored);
    CHECK(restored->publicKey == key.publicKey);
    CHECK(restored->seed().equals(key.seed()));

    std::vector<std::uint8_t> damaged(key.secretKey.bytes().begin(), key.secretKey.bytes().end());
    damaged[40] ^= 0x01;  // the embedded public key no longer matches the seed
    CHECK_FALSE(SigningKeyPair::fromSecretKey(damaged));
    CHECK_FALSE(SigningKeyPair::fromSecretKey(std::span(damaged).first(32)));
    CHECK(isValidSigningKey(key.publicKey));
    CHECK_FALSE(isValidSigningKey(PublicKey{}));  // the identity point has small order
}

TEST_CASE("fingerprints have a grouped display form that parses back", "[changeset][crypto]") {
    const SigningKeyPair key = test::testSigner();
    const Fingerprint fp = fingerprint(KeyType::Ed25519, key.publicKey);
    CHECK(fp != fingerprint(KeyType::X25519, key.publicKey));  // the type byte is hashed

    const std::string display = fingerprintDisplay(fp);
    CHECK(display.size() == 5 + 52 + 12);
    CHECK(display.rfind("ABRI-", 0) == 0);
    CHECK(std::count(display.begin(), display.end(), '-') == 13);
    CHECK(fingerprintShort(fp) == display.substr(0, 14));

    CHECK(parseFingerprintDisplay(display) == fp);
    std::string sloppy = display.substr(5);
    std::transform(sloppy.begin(), sloppy.end(), sloppy.begin(), [](char c) { return c == '-' ? ' ' : static_cast<char>(std::tolower(c)); });
    CHECK(parseFingerprintDisplay(sloppy) == fp);
    CHECK_FALSE(parseFingerprintDisplay(display.substr(0, display.size() - 1)));

    const KeyId id = keyId(KeyType::Ed25519, key.publicKey);
    CHECK(std::equal(id.begin(), id.end(), fp.begin()));
}

TEST_CASE("sealed boxes open only with the recipient's key", "[changeset][crypto]") {
    const BoxKeyPair recipient = BoxKeyPair::generate();
    const BoxKeyPair other = BoxKeyPair::generate();
    const auto plain = asBytes("synthetic payload for Fakeperson Zulu");
    const Bytes sealed = sealToRecipient(recipient.publicKey, plain);
    CHECK(sealed.size() == plain.size() + kSealOverheadBytes);

    auto opened = openSealed(recipient, sealed);
    REQUIRE(opened);
    CHECK(std::equal(opened->begin(), opened->end(), plain.begin(), plain.end()));
    CHECK_FALSE(openSealed(other, sealed));
    Bytes tampered = sealed;
    tampered.back() ^= 0x01;
    CHECK_FALSE(openSealed(recipient, tampered));
    CHECK_FALSE(openSealed(recipient, std::span(sealed).first(47)));

    auto restored = BoxKeyPair::fromSecretKey(recipient.secretKey.bytes());
    REQUIRE(restored);
    CHECK(restored->publicKey == recipient.publicKey);
    CHECK(restored->keyId() == recipient.keyId());
}
