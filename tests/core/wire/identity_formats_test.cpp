#include <catch2/catch.hpp>

#include "wire/certificate.h"
#include "wire/enrolment_token.h"
#include "wire/hub_descriptor.h"
#include "codec_test_support.h"
#include "crypto/sealed_box.h"

using namespace abri;
using namespace abri::wire;
using namespace abri::test;
using Bytes = std::vector<std::uint8_t>;

namespace {
const crypto::SigningKeyPair& hubKey() {
    static const crypto::SigningKeyPair key = testSigner(2);
    return key;
}

Certificate sampleCertificate() {
    Certificate c;
    c.role = CertRole::Supervisor;
    c.serial = 3;
    c.hubId = fakeId(0x4b);
    c.deviceId = fakeId(0xd1);
    c.signPk = testSigner(1).publicKey;
    c.boxPk = crypto::BoxKeyPair::generate().publicKey;
    c.tlsPk = testSigner(3).publicKey;
    c.notBeforeMs = 1'780'000'000'000;
    c.notAfterMs = c.notBeforeMs + kDefaultCertificateValidityMs;
    c.office = "TUN-SFX";
    c.label = "laptop-03";
    return c;
}

HubDescriptor sampleDescriptor() {
    HubDescriptor d;
    d.hubId = fakeId(0x4b);
    d.boxPk = crypto::BoxKeyPair::generate().publicKey;
    d.boxKeySerial = 2;
    d.issuedMs = 1'780'000'000'000;
    d.address = "hub.example.invalid:7412";
    d.name = "Test Hub";
    return d;
}

EnrolmentToken sampleToken() {
    EnrolmentToken t;
    t.role = CertRole::Caseworker;
    t.hubFingerprint = crypto::fingerprint(crypto::KeyType::Ed25519, hubKey().publicKey);
    t.secret = crypto::randomKey();
    t.expiryMs = 1'780'000'000'000;
    t.office = "TUN-SFX";
    t.hubAddress = "10.0.0.1:7412";
    return t;
}
}  // namespace

TEST_CASE("a certificate round-trips and verifies against the hub key only", "[changeset][identity]") {
    const Certificate issued = issueCertificate(sampleCertificate(), hubKey());
    const Certificate back = decodeCertificate(issued.bytes, "cert");
    CHECK(back.bytes == issued.bytes);
    CHECK(back.role == CertRole::Supervisor);
    CHECK(back.serial == 3);
    CHECK(back.signPk == issued.signPk);
    CHECK(back.office == "TUN-SFX");
    CHECK(back.label == "laptop-03");
    CHECK(back.validAt(back.notBeforeMs));
    CHECK_FALSE(back.validAt(back.notAfterMs));
    CHECK_NOTHROW(verifyCertificate(back, hubKey().publicKey, "cert"));
    CHECK(syncCodeOf([&] { verifyCertificate(back, testSigner(9).publicKey, "cert"); }) == SyncCode::BadHubSignature);

    Bytes tampered = issued.bytes;
    tampered[60] ^= 1;  // inside sign_pk
    const Certificate forged = decodeCertificate(tampered, "cert");
    CHECK(syncCodeOf([&] { verifyCertificate(forged, hubKey().publicKey, "cert"); }) == SyncCode::BadHubSignature);

    Bytes bad = issued.bytes;
    bad[5] = 4;  // role
    CHECK(syncCodeOf([&] { (void)decodeCertificate(bad, "c"); }) == SyncCode::BadHeader);
    bad = issued.bytes;
    bad[0] = 'X';
    CHECK(syncCodeOf([&] { (void)decodeCertificate(bad, "c"); }) == SyncCode::BadMagic);
    bad = issued.bytes;
    bad[4] = 2;
    CHECK(syncCodeOf([&] { (void)decodeCertificate(bad, "c"); }) == SyncCode::UnsupportedFormat);
    bad = issued.bytes;
    bad.push_back(0);
    CHECK(syncCodeOf([&] { (void)decodeCertificate(bad, "c"); }) == SyncCode::BadHeader);
    CHECK(syncCodeOf([&] { (void)decodeCertificate(std::span(issued.bytes).first(100), "c"); }) ==
          SyncCode::Truncated);

    Certificate hubWithOffice = sampleCertificate();
    hubWithOffice.role = CertRole::Hub;
    CHECK(syncCodeOf([&] { (void)issueCertificate(hubWithOffice, hubKey()); }) == SyncCode::BadHeader);
    hubWithOffice.office = "*";
    CHECK_NOTHROW(issueCertificate(hubWithOffice, hubKey()));
    Certificate star = sampleCertificate();
    star.office = "*";
    CHECK(syncCodeOf([&] { (void)issueCertificate(star, hubKey()); }) == SyncCode::BadHeader);
}

TEST_CASE("a hub descriptor is self-signed by its identity key", "[changeset][identity]") {
    const HubDescriptor signedDescriptor = signHubDescriptor(sampleDescriptor(), hubKey());
    CHECK(signedDescriptor.identityPk == hubKey().publicKey);
    const HubDescriptor back = decodeHubDescriptor(signedDescriptor.bytes, "hub.descriptor");
    CHECK(back.hubId == fakeId(0x4b));
    CHECK(back.boxPk == signedDescriptor.boxPk);
    CHECK(back.boxKeySerial == 2);
    CHECK(back.address == "hub.example.invalid:7412");
    CHECK(back.name == "Test Hub");
    CHECK(back.csVersionMin == 1);
    CHECK(back.csVersionMax == 1);

    Bytes bad = signedDescriptor.bytes;
    bad[60] ^= 1;  // box key swapped by someone on the way
    CHECK(syncCodeOf([&] { (void)decodeHubDescriptor(bad, "d"); }) == SyncCode::BadHubSignature);
    bad = signedDescriptor.bytes;
    bad[100] = 2;  // cs_version_min > max
    CHECK(syncCodeOf([&] { (void)decodeHubDescriptor(bad, "d"); }) == SyncCode::BadHeader);
    bad = signedDescriptor.bytes;
    bad[7] = 1;
    CHECK(syncCodeOf([&] { (void)decodeHubDescriptor(bad, "d"); }) == SyncCode::BadHeader);
    CHECK(syncCodeOf([&] { (void)decodeHubDescriptor(std::span(signedDescriptor.bytes).first(90), "d"); }) ==
          SyncCode::Truncated);
}

TEST_CASE("an enrolment token survives its text form and rejects any defect", "[changeset][identity]") {
    const EnrolmentToken token = sampleToken();
    const std::string text = encodeTokenText(token);
    CHECK(text.rfind("ABRI1:", 0) == 0);

    // People copy tokens with spaces, dashes and line breaks.
    std::string messy;
    for (std::size_t i = 0; i < text.size(); ++i) {
        messy += text[i];
        if (i > 6 && i % 5 == 0) messy += (i % 2 == 0) ? "-" : " \n";
    }
    const EnrolmentToken back = decodeTokenText(messy);
    CHECK(back.role == CertRole::Caseworker);
    CHECK(back.hubFingerprint == token.hubFingerprint);
    CHECK(back.secret.equals(token.secret));
    CHECK(back.expiryMs == token.expiryMs);
    CHECK(back.office == "TUN-SFX");
    CHECK(back.hubAddress == "10.0.0.1:7412");

    CHECK(syncCodeOf([&] { (void)decodeTokenText("ABRI2:" + text.substr(6)); }) == SyncCode::TokenMalformed);
    CHECK(syncCodeOf([&] { (void)decodeTokenText(text.substr(0, text.size() - 3)); }) == SyncCode::TokenMalformed);
    CHECK(syncCodeOf([&] { (void)decodeTokenText(text + "A"); }) == SyncCode::TokenMalformed);
    std::string typo = text;
    typo[20] = typo[20] == 'A' ? 'B' : 'A';
    CHECK(syncCodeOf([&] { (void)decodeTokenText(typo); }) == SyncCode::TokenMalformed);
    CHECK(syncCodeOf([&] { (void)decodeTokenText("ABRI1:"); }) == SyncCode::TokenMalformed);
    CHECK(syncCodeOf([&] { (void)decodeTokenText("ABRI1:!!!!"); }) == SyncCode::TokenMalformed);

    // A well-formed checksum over a bad layout is still malformed.
    Bytes bytes = encodeTokenBytes(token);
    bytes[1] = 16;  // a token cannot enrol a hub
    bytes.resize(bytes.size() - 4);
    const auto check = crypto::domainHash(crypto::Domain::Token, {bytes});
    bytes.insert(bytes.end(), check.begin(), check.begin() + 4);
    CHECK(syncCodeOf([&] { (void)decodeTokenBytes(bytes); }) == SyncCode::TokenMalformed);
}

TEST_CASE("the enrolment proof digest covers every field", "[changeset][identity]") {
    const auto fp = crypto::fingerprint(crypto::KeyType::Ed25519, hubKey().publicKey);
    const Hash32 secretHash = crypto::blake2b({crypto::asBytes("secret")});
    const auto pk = testSigner(1).publicKey;
    const Hash32 d = enrolmentProofDigest(fp, secretHash, fakeId(0xd1), pk, pk, pk, "TUN-SFX", "laptop-03");
    CHECK(d == enrolmentProofDigest(fp, secretHash, fakeId(0xd1), pk, pk, pk, "TUN-SFX", "laptop-03"));
    CHECK(d != enrolmentProofDigest(fp, secretHash, fakeId(0xd2), pk, pk, pk, "TUN-SFX", "laptop-03"));
    CHECK(d != enrolmentProofDigest(fp, secretHash, fakeId(0xd1), pk, pk, pk, "TUN-SFX", "laptop-04"));
    // str8 framing: moving a byte from office to label changes the digest.
    CHECK(enrolmentProofDigest(fp, secretHash, fakeId(1), pk, pk, pk, "AB", "C") !=
          enrolmentProofDigest(fp, secretHash, fakeId(1), pk, pk, pk, "A", "BC"));
}
