#include "tls_session_file.h"

#include <array>
#include <cstring>

#include "common/atomic_file.h"
#include "crypto/primitives.h"
#include "wire/sync_files.h"

namespace abri::sync::daemon {

namespace {
constexpr std::array<std::uint8_t, 4> kMagic = {'A', 'B', 'T', 'S'};
constexpr std::uint8_t kVersion = 1;
constexpr std::size_t kHeaderBytes = kMagic.size() + 1;
constexpr std::size_t kMaxFileBytes = 16 * 1024;  // a session with the hub's certificate is under 2 KiB
constexpr std::uint64_t kSessionKeyId = 1;
constexpr std::string_view kSessionKeyContext = "tlssessn";  // crypto_kdf context: 8 bytes
constexpr std::string_view kDomain = "abri/v1/tls-session";

// Bound to the hub pin: a session of another hub (a re-enrolled folder) never opens.
crypto::Bytes associatedData(const wire::Hash32& hubFingerprint) {
    crypto::Bytes ad(kDomain.size() + hubFingerprint.size());
    std::memcpy(ad.data(), kDomain.data(), kDomain.size());
    std::memcpy(ad.data() + kDomain.size(), hubFingerprint.data(), hubFingerprint.size());
    return ad;
}
}  // namespace

TlsSessionFile::TlsSessionFile(std::filesystem::path syncDir, const TlsIdentity& transport,
                               const wire::Hash32& hubFingerprint)
    : file_(std::move(syncDir) / kTlsSessionFile),
      key_(crypto::deriveSubkey(transport.seed(), kSessionKeyId, kSessionKeyContext)),
      hubFingerprint_(hubFingerprint) {}

SslSessionPtr TlsSessionFile::load() const {
    try {
        std::error_code ec;
        if (!std::filesystem::exists(file_, ec)) return nullptr;
        const auto bytes = wire::readWholeFile(file_, kMaxFileBytes);
        if (bytes.size() <= kHeaderBytes || !std::equal(kMagic.begin(), kMagic.end(), bytes.begin()) ||
            bytes[kMagic.size()] != kVersion) {
            return nullptr;
        }
        crypto::SecureBuffer der;
        if (!crypto::open(key_, std::span(bytes).subspan(kHeaderBytes), associatedData(hubFingerprint_), der)) {
            return nullptr;
        }
        const unsigned char* cursor = der.data();
        SslSessionPtr session(d2i_SSL_SESSION(nullptr, &cursor, static_cast<long>(der.size())));
        if (!session || cursor != der.data() + der.size() || SSL_SESSION_is_resumable(session.get()) != 1) {
            return nullptr;
        }
        return session;
    } catch (...) {
        return nullptr;  // unreadable: a full handshake
    }
}

void TlsSessionFile::save(SSL_SESSION* session) const noexcept {
    try {
        if (session == nullptr || SSL_SESSION_is_resumable(session) != 1) return;
        const int length = i2d_SSL_SESSION(session, nullptr);
        if (length <= 0 || static_cast<std::size_t>(length) > kMaxFileBytes) return;
        crypto::SecureBuffer der(static_cast<std::size_t>(length));  // the resumption secret: locked memory only
        unsigned char* cursor = der.data();
        if (i2d_SSL_SESSION(session, &cursor) != length) return;
        crypto::Bytes out(kMagic.begin(), kMagic.end());
        out.push_back(kVersion);
        const auto sealed = crypto::seal(key_, der.bytes(), associatedData(hubFingerprint_));
        out.insert(out.end(), sealed.begin(), sealed.end());
        writeFileAtomically(file_, out);
    } catch (...) {
        // Not saved: the next run does a full handshake.
    }
}

void TlsSessionFile::forget() const noexcept {
    std::error_code ec;
    std::filesystem::remove(file_, ec);
}

}  // namespace abri::sync::daemon
