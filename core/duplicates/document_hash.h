#pragma once
// Identity document numbers compared by keyed hash: the matcher needs to know that two cases carry the same
// passport number, never the number itself. The key is the hub's (its store, hub schema 3), so a hash seen outside
// the hub cannot be checked against a guessed number.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "crypto/secure_buffer.h"

namespace abri::duplicates {

using DocumentHash = std::array<std::uint8_t, 32>;
constexpr std::size_t kDocumentKeyBytes = 32;

class DocumentHasher {
public:
    // Error(Internal) unless the key has kDocumentKeyBytes bytes.
    explicit DocumentHasher(std::span<const std::uint8_t> key);
    // Keyed BLAKE2b of the number as written on the document: letters upper-cased, spaces, dashes and other
    // punctuation dropped ("ab 123-456" and "AB123456" agree). nullopt for fewer than 4 letters and digits, too few
    // to tell two people apart.
    std::optional<DocumentHash> hash(std::string_view number) const;

private:
    crypto::SecureBuffer key_;
};

}  // namespace abri::duplicates
