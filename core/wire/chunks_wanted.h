#pragma once
// The want list (sync/PROTOCOL.md §11.4): `<vault>.sync/chunks-wanted`, written by the app, read by abri-syncd and
// carried on USB sticks as `to-hub/chunks-<device>.txt`. One line per attachment chunk the vault lacks:
// "<case_id> <attachment_id> <chunk_index> <chunk_hash>\n", ids as 32 and the hash as 64 lowercase hex, the index
// in decimal. Ids and hashes only: nothing about the person or the file.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wire/wire_types.h"

namespace abri::wire {

constexpr std::size_t kMaxWantedChunks = 100'000;  // 8 MB of text: far more than any vault's backlog
// The largest want list file: kMaxWantedChunks lines of 32 + 1 + 32 + 1 + 2 + 1 + 64 + 1 bytes.
constexpr std::size_t kMaxChunksWantedBytes = kMaxWantedChunks * 134;

struct ChunkWant {
    Id16 caseId{};
    Id16 attachmentId{};
    std::uint32_t chunkIndex = 0;
    Hash32 chunkHash{};
    friend bool operator==(const ChunkWant&, const ChunkWant&) = default;
};

std::string formatChunksWanted(const std::vector<ChunkWant>& wants);
// nullopt for anything but well-formed lines (an empty text is an empty list), an index of 80 or more, or more than
// kMaxWantedChunks lines: the daemon then asks for nothing rather than for something wrong.
std::optional<std::vector<ChunkWant>> parseChunksWanted(std::string_view text);

}  // namespace abri::wire
