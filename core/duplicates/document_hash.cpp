#include "document_hash.h"

#include <string>

#include "common/error.h"
#include "crypto/primitives.h"

namespace abri::duplicates {

namespace {
// Domain separation: the same key must never hash anything else to the same value.
constexpr std::string_view kDomain = "abri-duplicates-document-v1";
constexpr std::size_t kMinimumCharacters = 4;
}  // namespace

DocumentHasher::DocumentHasher(std::span<const std::uint8_t> key) {
    if (key.size() != kDocumentKeyBytes) throw Error(ErrorCode::Internal, "duplicates key", "32 bytes expected");
    key_ = crypto::SecureBuffer::copyOf(key);
}

std::optional<DocumentHash> DocumentHasher::hash(std::string_view number) const {
    std::string normal;
    for (char c : number) {
        if (c >= 'a' && c <= 'z') normal += static_cast<char>(c - 'a' + 'A');
        else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) normal += c;
    }
    if (normal.size() < kMinimumCharacters) {
        crypto::wipe(normal.data(), normal.size());
        return std::nullopt;
    }
    const auto out = crypto::blake2b({crypto::asBytes(kDomain), crypto::asBytes(normal)},
                                     std::span<const std::uint8_t>(key_.data(), key_.size()));
    crypto::wipe(normal.data(), normal.size());
    return out;
}

}  // namespace abri::duplicates
