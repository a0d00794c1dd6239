// abri-syncd's attachment traffic (sync/PROTOCOL.md §11.3-§11.5): at- files up once every change-set is
// acknowledged, chunks of the want list down once the pages are at the feed head. Case changes always go first:
// the outbox is scanned again between two at- files, and a DOWNLOAD goes before every CHUNK_GET but the first.
// Like the rest of the daemon it never opens the vault and cannot read what it carries; logs hold counts and codes.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <set>

#include "common/error.h"
#include "common/decimal.h"
#include "courier_link.h"
#include "wire/chunks_wanted.h"
#include "crypto/sealed_box.h"
#include "wire/limits.h"
#include "wire/sealed_file.h"
#include "wire/sync_files.h"

namespace abri::sync::daemon {

using namespace abri::wire;
namespace fs = std::filesystem;

namespace {

constexpr const char* kPauseFile = "attachments-paused";  // "until_ms <wall ms>\n"
constexpr const char* kWantFile = "chunks-wanted";
constexpr std::uint64_t kDayMs = 86'400'000;
// Largest sealed at- / ck- file: header, box, one signed chunk.

std::uint64_t nowWallMs() {
    return static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count());
}

void logEvent(const std::string& line) { std::cerr << "abri-syncd " << nowWallMs() << " " << line << std::endl; }

void syncPath(const fs::path& path, bool directory) {
    const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// A cs- file of this device the hub has not acknowledged: attachments wait for it (§11.3).
bool changeSetWaiting(const fs::path& outbox, const Id16& device, std::uint64_t ackedSeq) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(outbox, ec)) {
        const auto name = parseSyncFileName(entry.path().filename().string());
        if (name && name->kind == SyncFileKind::OutboxBatch && name->deviceId == device && name->lastSeq > ackedSeq)
            return true;
    }
    return false;
}

// The next at- file of this device, by name (attachment, then chunk index), leaving out `skipped`.
std::optional<fs::path> nextChunkUpload(const fs::path& outbox, const Id16& device,
                                        const std::set<std::string>& skipped) {
    std::optional<fs::path> best;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(outbox, ec)) {
        const auto name = entry.path().filename().string();
        const auto parsed = parseAttachmentUploadFileName(name);
        if (!parsed || parsed->deviceId != device || skipped.contains(name)) continue;
        if (!best || name < best->filename().string()) best = entry.path();
    }
    return best;
}

std::uint64_t secondsToNextUtcDay(std::uint64_t nowMs) { return (kDayMs - nowMs % kDayMs + 999) / 1000; }

}  // namespace

bool Courier::attachmentsPaused(SessionReport& report) {
    std::ifstream in(options_.syncDir / kPauseFile);
    std::string key, value;
    if (!(in >> key >> value) || key != "until_ms") return false;
    const auto until = parseNonNegativeDecimal(value);
    if (!until || static_cast<std::uint64_t>(*until) <= nowWallMs()) {
        std::error_code ec;
        fs::remove(options_.syncDir / kPauseFile, ec);  // over (or damaged): traffic resumes
        return false;
    }
    report.attachmentError = SyncCode::BudgetExhausted;
    return true;
}

void Courier::pauseAttachments(SessionReport& report, std::uint64_t seconds) {
    // A hub's ref beyond a day is not believed: the budget is per UTC day.
    const auto wait = std::min<std::uint64_t>(seconds, kDayMs / 1000);
    const auto text = "until_ms " + std::to_string(nowWallMs() + wait * 1000) + "\n";
    writeFileAtomically(options_.syncDir, kPauseFile, crypto::asBytes(text));
    report.attachmentError = SyncCode::BudgetExhausted;
    logEvent("attachments paused budget_exhausted seconds=" + std::to_string(wait));
}

asio::awaitable<void> Courier::uploadAttachments(Link& link, SessionReport& report) {
    const auto outbox = options_.syncDir / "outbox";
    std::set<std::string> skipped;  // refused for a reason the app must act on: left for it, not resent now
    for (;;) {
        if (attachmentsPaused(report)) co_return;
        // Re-scanned before every at- file: a change-set written meanwhile overtakes the remaining chunks.
        if (changeSetWaiting(outbox, config_.deviceId, report.ackedSeq)) {
            co_await upload(link, report);
            if (changeSetWaiting(outbox, config_.deviceId, report.ackedSeq)) co_return;  // held or refused
        }
        const auto file = nextChunkUpload(outbox, config_.deviceId, skipped);
        if (!file) co_return;
        const auto name = file->filename().string();
        Bytes bytes;
        try {
            bytes = readWholeFile(*file, kMaxSealedChunkFile + 1);
        } catch (const SyncError&) {
            skipped.insert(name);  // larger than any chunk file: the hub would refuse it; the app decides
            logEvent("chunk upload skipped too_large");
            continue;
        } catch (const Error&) {
            skipped.insert(name);  // gone or unreadable since the scan
            continue;
        }
        const Hash32 fileId = crypto::blake2b({bytes});
        UploadAck ack;
        try {
            const SyncFileName seqsZero{SyncFileKind::OutboxBatch, config_.deviceId, 0, 0};  // an at- file (§11.3)
            ack = co_await sendFile(link, fileId, bytes, seqsZero);
        } catch (const SyncError& e) {
            if (e.code() != SyncCode::BudgetExhausted) throw;  // ERROR at UPLOAD_BEGIN; fatal codes end the session
            pauseAttachments(report, e.ref());
            co_return;
        }
        const auto status = syncCodeFromWire(ack.fileStatus);
        if (ack.fileStatus == 0) {
            std::error_code ec;
            fs::remove(*file, ec);
            ++report.chunksUploaded;
            logEvent("chunk uploaded");
            continue;
        }
        logEvent("chunk upload refused file_status=" + std::to_string(ack.fileStatus));
        if (status == SyncCode::BudgetExhausted) {  // the budget filled while this file was on its way
            pauseAttachments(report, secondsToNextUtcDay(nowWallMs()));
            co_return;
        }
        // The hub has not admitted the record (or the case) yet: kept, and tried again next session, after the
        // change-sets that carry it.
        if (status == SyncCode::UnknownEntity || status == SyncCode::ForbiddenCase) co_return;
        // Anything else (a damaged seal, a bad chunk) is the app's to replace; the others still go.
        skipped.insert(name);
    }
}

asio::awaitable<void> Courier::downloadChunks(Link& link, SessionReport& report) {
    const auto inbox = options_.syncDir / "inbox";
    std::ifstream in(options_.syncDir / kWantFile, std::ios::binary);
    if (!in) co_return;  // no want list: nothing wanted
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto wants = parseChunksWanted(text);
    if (!wants) {
        // Never ask for something wrong; the app rewrites the list after its next pass.
        logEvent("chunks-wanted unreadable");
        co_return;
    }
    // Parts of chunks no longer wanted (stored meanwhile, or the attachment removed) are dropped.
    std::set<std::string> wantedParts;
    for (const auto& want : *wants) wantedParts.insert(".part-ck-" + hashToHex(want.chunkHash));
    std::error_code listError;
    for (const auto& entry : fs::directory_iterator(inbox, listError)) {
        const auto name = entry.path().filename().string();
        if (name.rfind(".part-ck-", 0) != 0 || wantedParts.contains(name)) continue;
        std::error_code ec;
        fs::remove(entry.path(), ec);
    }
    bool first = true;
    // An attachment whose chunk the hub cannot give: its later chunks are not asked for this session. Its sender
    // uploads them in index order, so they are not there either; on a 2G link each refusal costs a round trip.
    std::set<Id16> unavailable;
    for (const auto& want : *wants) {
        if (attachmentsPaused(report)) co_return;
        if (unavailable.contains(want.attachmentId)) continue;
        std::error_code ec;
        if (fs::exists(inbox / chunkFileName(want.chunkHash), ec)) continue;  // here, not yet applied
        if (!first) {
            // New pages go before the next chunk (§11.4); the chunks stop for this session only when the pages
            // did not reach the head (inbox full, bad_since).
            if (!co_await download(link, report, 0)) co_return;
        }
        first = false;
        if (!co_await fetchChunk(link, report, want) && !report.attachmentError) unavailable.insert(want.attachmentId);
    }
}

asio::awaitable<bool> Courier::fetchChunk(Link& link, SessionReport& report, const ChunkWant& want) {
    auto& channel = *link.channel;
    const auto inbox = options_.syncDir / "inbox";
    const auto partial = inbox / (".part-ck-" + hashToHex(want.chunkHash));
    Id16 pageId{};
    std::copy_n(want.chunkHash.begin(), pageId.size(), pageId.begin());
    for (int attempt = 0; attempt < 2; ++attempt) {  // once more from 0 after a hash mismatch
        std::error_code ec;
        auto held = fs::exists(partial, ec) ? fs::file_size(partial, ec) : 0;
        if (ec || held > kMaxSealedChunkFile) {
            fs::remove(partial, ec);
            held = 0;
        }
        co_await channel.send(FrameType::ChunkGet, ChunkGet{want, static_cast<std::uint32_t>(held)});
        const auto reply = co_await channel.read(options_.replyTimeout);
        if (reply.type == FrameType::Error) {
            const auto error = decodeError(reply.payload);
            const auto code = syncCodeFromWire(error.code).value_or(SyncCode::ProtocolViolation);
            if (error.fatal) throw SyncError(code, "chunk", error.ref);
            if (code == SyncCode::BudgetExhausted) {
                pauseAttachments(report, error.ref);
            } else if (code == SyncCode::ChunkUnavailable) {
                logEvent("chunk unavailable");  // not uploaded yet, or not for this office: asked again next time
            } else {
                throw SyncError(code, "chunk", error.ref);
            }
            co_return false;
        }
        if (reply.type != FrameType::ChunkBegin)
            throw SyncError(SyncCode::ProtocolViolation, frameTypeName(reply.type));
        const auto begin = decodeChunkBegin(reply.payload);
        if (begin.chunkHash != want.chunkHash) throw SyncError(SyncCode::ProtocolViolation, "chunk begin");
        const bool resuming = held > 0 && begin.startOffset == held;
        if (!resuming && begin.startOffset != 0) throw SyncError(SyncCode::ProtocolViolation, "chunk start");
        std::uint32_t offset = begin.startOffset;
        {
            std::ofstream out(partial, std::ios::binary | (resuming ? std::ios::app : std::ios::trunc));
            while (offset < begin.size) {
                const auto frame = co_await channel.read();
                if (frame.type == FrameType::Error) {
                    const auto error = decodeError(frame.payload);
                    throw SyncError(syncCodeFromWire(error.code).value_or(SyncCode::ProtocolViolation), "chunk",
                                    error.ref);
                }
                if (frame.type != FrameType::PageData) throw SyncError(SyncCode::ProtocolViolation, "chunk data");
                const auto data = decodePageData(frame.payload);
                if (data.pageId != pageId || data.offset != offset || data.data.size() > begin.size - offset) {
                    throw SyncError(SyncCode::ProtocolViolation, "chunk data");
                }
                out.write(reinterpret_cast<const char*>(data.data.data()),
                          static_cast<std::streamsize>(data.data.size()));
                out.flush();  // what arrived survives a cut: the next CHUNK_GET resumes after it
                if (!out) throw Error(ErrorCode::IoError, "chunk part");
                offset += static_cast<std::uint32_t>(data.data.size());
            }
        }
        const auto bytes = readWholeFile(partial, kMaxSealedChunkFile);
        if (crypto::blake2b({bytes}) != begin.fileHash) {
            fs::remove(partial, ec);
            logEvent("chunk hash_mismatch attempt=" + std::to_string(attempt + 1));
            continue;
        }
        syncPath(partial, false);
        fs::rename(partial, inbox / chunkFileName(want.chunkHash));
        syncPath(inbox, true);
        ++report.chunksDownloaded;
        logEvent("chunk received bytes=" + std::to_string(begin.size - begin.startOffset) +
            " start=" + std::to_string(begin.startOffset));
        co_return true;
    }
    throw SyncError(SyncCode::HashMismatch, "chunk");
}

}  // namespace abri::sync::daemon
