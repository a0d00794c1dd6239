#include "wire/compression.h"

#include <zstd.h>

#include <memory>
#include <string>

#include "wire/limits.h"
#include "wire/sync_error.h"
#include "common/error.h"

namespace abri::wire {

namespace {
struct DctxDeleter {
    void operator()(ZSTD_DCtx* d) const noexcept { ZSTD_freeDCtx(d); }
};
[[noreturn]] void fail(std::string_view subject) { throw SyncError(SyncCode::BadCompression, std::string(subject)); }
}  // namespace

std::optional<crypto::Bytes> compressBody(std::span<const std::uint8_t> raw, int level) {
    crypto::Bytes out(ZSTD_compressBound(raw.size()));
    // ZSTD_compress writes the content size, no checksum and no dictionary id: what decompressBody requires.
    const std::size_t n = ZSTD_compress(out.data(), out.size(), raw.data(), raw.size(), level);
    if (ZSTD_isError(n)) throw Error(ErrorCode::Internal, "zstd", ZSTD_getErrorName(n));
    if (n >= raw.size()) return std::nullopt;
    out.resize(n);
    return out;
}

crypto::Bytes decompressBody(std::span<const std::uint8_t> body, std::size_t rawLen, std::string_view subject) {
    // Standard zstd frame magic 0xFD2FB528 (little-endian): rules out skippable and legacy frames.
    if (body.size() < 4 || body[0] != 0x28 || body[1] != 0xb5 || body[2] != 0x2f || body[3] != 0xfd) fail(subject);
    const unsigned long long contentSize = ZSTD_getFrameContentSize(body.data(), body.size());
    if (contentSize == ZSTD_CONTENTSIZE_UNKNOWN || contentSize == ZSTD_CONTENTSIZE_ERROR || contentSize != rawLen) {
        fail(subject);
    }
    if (ZSTD_getDictID_fromFrame(body.data(), body.size()) != 0) fail(subject);
    const std::size_t frameSize = ZSTD_findFrameCompressedSize(body.data(), body.size());
    if (ZSTD_isError(frameSize) || frameSize != body.size()) fail(subject);

    // One context per thread, reset for each frame: creating one costs more than inflating a small body, and the
    // hub and a first sync inflate tens of thousands of them.
    thread_local std::unique_ptr<ZSTD_DCtx, DctxDeleter> dctx;
    if (!dctx) dctx.reset(ZSTD_createDCtx());
    if (!dctx) throw Error(ErrorCode::Internal, "zstd", "out of memory");
    if (ZSTD_isError(ZSTD_DCtx_reset(dctx.get(), ZSTD_reset_session_and_parameters)) ||
        ZSTD_isError(ZSTD_DCtx_setParameter(dctx.get(), ZSTD_d_windowLogMax, kZstdWindowLogMax))) {
        throw Error(ErrorCode::Internal, "zstd", "window limit");
    }
    crypto::Bytes out(rawLen);
    const std::size_t n = ZSTD_decompressDCtx(dctx.get(), out.data(), out.size(), body.data(), body.size());
    if (ZSTD_isError(n) || n != rawLen) fail(subject);
    return out;
}

}  // namespace abri::wire
