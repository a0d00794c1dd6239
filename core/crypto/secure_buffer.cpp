#include "crypto/secure_buffer.h"

#include <sodium.h>

#include <cstring>
#include <new>
#include <utility>

#include "crypto/sodium_init.h"

namespace abri::crypto {

SecureBuffer::SecureBuffer(std::size_t size) {
    ensureSodium();
    if (size == 0) return;
    data_ = static_cast<std::uint8_t*>(sodium_malloc(size));
    if (data_ == nullptr) throw std::bad_alloc();
    size_ = size;
    sodium_memzero(data_, size_);
}

SecureBuffer SecureBuffer::copyOf(std::span<const std::uint8_t> bytes) {
    SecureBuffer out(bytes.size());
    if (!bytes.empty()) std::memcpy(out.data_, bytes.data(), bytes.size());
    return out;
}

SecureBuffer SecureBuffer::copyOf(std::string_view text) {
    return copyOf(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

SecureBuffer::~SecureBuffer() { clear(); }

SecureBuffer::SecureBuffer(SecureBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecureBuffer& SecureBuffer::operator=(SecureBuffer&& other) noexcept {
    if (this != &other) {
        clear();
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

void SecureBuffer::clear() noexcept {
    if (data_ != nullptr) {
        sodium_memzero(data_, size_);  // sodium_free wipes too; be explicit about intent
        sodium_free(data_);
    }
    data_ = nullptr;
    size_ = 0;
}

bool SecureBuffer::equals(const SecureBuffer& other) const noexcept {
    if (size_ != other.size_) return false;
    if (size_ == 0) return true;
    return sodium_memcmp(data_, other.data_, size_) == 0;
}

}  // namespace abri::crypto
