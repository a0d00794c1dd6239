#include "wire/canonical_cbor.h"

#include <limits>
#include <string>
#include <vector>

#include "common/utf8.h"
#include "wire/sync_error.h"

namespace abri::wire {

namespace {

using nlohmann::json;
constexpr std::uint64_t kInt64Max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());

[[noreturn]] void fail(std::string_view subject) { throw SyncError(SyncCode::BadEncoding, std::string(subject)); }

struct Frame {
    std::uint64_t itemsLeft;  // for maps: keys and values counted separately
    bool isMap;
};

}  // namespace

void prescanCanonicalCbor(std::span<const std::uint8_t> bytes, std::size_t maxDepth, std::string_view subject) {
    std::vector<Frame> stack;
    stack.reserve(maxDepth + 1);
    stack.push_back({1, false});  // the single top-level item (not a container: depth 0)
    std::size_t pos = 0;
    while (!stack.empty()) {
        Frame& top = stack.back();
        if (top.itemsLeft == 0) {
            stack.pop_back();
            continue;
        }
        const bool isKey = top.isMap && top.itemsLeft % 2 == 0;
        --top.itemsLeft;

        if (pos >= bytes.size()) fail(subject);
        const std::uint8_t initial = bytes[pos++];
        const unsigned major = initial >> 5;
        const unsigned info = initial & 0x1fu;
        if (isKey && major != 3) fail(subject);
        if (major == 7) {
            if (info < 20 || info > 22) fail(subject);  // only false, true, null; no floats, undefined, simple
            continue;
        }
        if (major == 6) fail(subject);  // tags
        std::uint64_t arg = 0;
        if (info < 24) {
            arg = info;
        } else if (info <= 27) {
            const std::size_t n = std::size_t{1} << (info - 24);
            if (bytes.size() - pos < n) fail(subject);
            for (std::size_t k = 0; k < n; ++k) arg = (arg << 8) | bytes[pos + k];
            pos += n;
            // Shortest head only.
            const std::uint64_t minimum = info == 24 ? 24 : info == 25 ? 0x100 : info == 26 ? 0x10000 : 0x100000000ULL;
            if (arg < minimum) fail(subject);
        } else {
            fail(subject);  // 28-30 reserved, 31 indefinite length
        }
        const std::size_t remaining = bytes.size() - pos;
        switch (major) {
        case 0:
        case 1:
            if (arg > kInt64Max) fail(subject);
            break;
        case 2:
        case 3:
            if (arg > remaining) fail(subject);
            if (major == 3 && !isValidUtf8(std::string_view(reinterpret_cast<const char*>(bytes.data() + pos),
                                                            static_cast<std::size_t>(arg)))) {
                fail(subject);
            }
            pos += static_cast<std::size_t>(arg);
            break;
        case 4:
        case 5: {
            // Every item takes at least one byte: a count above the remaining bytes cannot be honest.
            if (major == 4 ? arg > remaining : arg > remaining / 2) fail(subject);
            if (stack.size() > maxDepth) fail(subject);  // stack.size() - 1 containers open, this one is +1
            stack.push_back({major == 4 ? arg : arg * 2, major == 5});
            break;
        }
        default:
            fail(subject);
        }
    }
    if (pos != bytes.size()) fail(subject);
}

nlohmann::json decodeCanonicalCbor(std::span<const std::uint8_t> bytes, std::size_t maxDepth,
                                   std::string_view subject) {
    prescanCanonicalCbor(bytes, maxDepth, subject);
    json parsed;
    try {
        parsed = json::from_cbor(bytes.begin(), bytes.end(), true, true, json::cbor_tag_handler_t::error);
    } catch (const json::exception&) {
        fail(subject);
    }
    // Map keys sorted and unique, shortest forms: exactly what to_cbor writes back.
    const std::vector<std::uint8_t> again = json::to_cbor(parsed);
    if (again.size() != bytes.size() || !std::equal(again.begin(), again.end(), bytes.begin())) fail(subject);
    return parsed;
}

namespace {
bool encodable(const json& value, std::size_t depth, std::size_t maxDepth) {
    switch (value.type()) {
    case json::value_t::null:
    case json::value_t::boolean:
    case json::value_t::string:
    case json::value_t::number_integer:
    case json::value_t::binary:
        return true;
    case json::value_t::number_unsigned:
        return value.get<std::uint64_t>() <= kInt64Max;
    case json::value_t::number_float:
    case json::value_t::discarded:
        return false;
    case json::value_t::array:
    case json::value_t::object:
        if (depth + 1 > maxDepth) return false;
        for (const auto& child : value) {
            if (!encodable(child, depth + 1, maxDepth)) return false;
        }
        return true;
    }
    return false;
}
}  // namespace

bool isEncodableValue(const nlohmann::json& value, std::size_t maxDepth) { return encodable(value, 0, maxDepth); }

}  // namespace abri::wire
