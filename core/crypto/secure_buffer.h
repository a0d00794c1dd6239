#pragma once
// Memory for secrets (data keys, derived keys, passwords): allocated with sodium_malloc, so it is mlock'd,
// guarded by canary pages and never swapped; wiped with sodium_memzero when freed. Move-only.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace abri::crypto {

class SecureBuffer {
public:
    SecureBuffer() = default;
    explicit SecureBuffer(std::size_t size);
    static SecureBuffer copyOf(std::span<const std::uint8_t> bytes);
    static SecureBuffer copyOf(std::string_view text);
    ~SecureBuffer();

    SecureBuffer(SecureBuffer&& other) noexcept;
    SecureBuffer& operator=(SecureBuffer&& other) noexcept;
    SecureBuffer(const SecureBuffer&) = delete;
    SecureBuffer& operator=(const SecureBuffer&) = delete;

    std::uint8_t* data() noexcept { return data_; }
    const std::uint8_t* data() const noexcept { return data_; }
    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    std::span<const std::uint8_t> bytes() const noexcept { return {data_, size_}; }
    std::span<std::uint8_t> bytes() noexcept { return {data_, size_}; }
    std::string_view view() const noexcept { return {reinterpret_cast<const char*>(data_), size_}; }

    // Wipes and frees now (also done by the destructor).
    void clear() noexcept;
    // Constant-time equality (sodium_memcmp); different sizes compare unequal.
    bool equals(const SecureBuffer& other) const noexcept;

private:
    std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace abri::crypto
