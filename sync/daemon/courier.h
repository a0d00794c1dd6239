#pragma once
// abri-syncd's work (PROTOCOL.md §1, §4.5, §4.6, §4.8): a courier between `<vault>.sync/{outbox,inbox}` and the
// hub. It holds only the transport key and the hub pin; it never opens the vault and cannot read what it carries.
// One session = connect, TLS with the pin, HELLO, upload the outbox from acked_seq + 1 (resuming a cut file),
// download pages into the inbox (resuming a cut page), BYE. Between sessions: poll interval, or backoff with jitter
// after a failure; fatal identity refusals stop it (exit code 3) until someone acts.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <random>
#include <string>

#include "common/daemon_config.h"
#include "common/frame_channel.h"
#include "wire/chunks_wanted.h"
#include "wire/sync_error.h"
#include "wire/sync_files.h"

namespace abri::sync::daemon {

struct CourierOptions {
    std::filesystem::path syncDir;
    bool once = false;                                   // one session, then exit (0 ok, 1 failed, 3 refused)
    std::optional<std::chrono::milliseconds> pollInterval;  // overrides daemon.conf
    std::optional<std::uint64_t> bandwidthBytesPerSecond;   // overrides daemon.conf
    std::chrono::milliseconds connectTimeout{20'000};
    std::chrono::milliseconds replyTimeout{90'000};
    std::chrono::milliseconds backoffStart{2'000};
    std::chrono::milliseconds backoffMax{15 * 60'000};
    std::uint32_t downloadWaitMs = 0;                    // long poll while downloading
    // A file refused with clock_ahead is held (held_upload.h) but offered again after this long, for a fresh notice.
    std::chrono::milliseconds clockHoldRefresh{12 * 60 * 60'000};
};

struct SessionReport {
    std::uint64_t ackedSeq = 0;
    std::uint64_t headSeq = 0;
    std::int64_t clockOffsetMs = 0;
    std::size_t filesUploaded = 0;
    std::size_t pagesDownloaded = 0;
    std::optional<wire::SyncCode> refusal;  // a change-set refusal (upload stopped until the app replaces the file)
    bool authenticated = false;             // AUTH_OK arrived: the seqs and offset above are the hub's
    bool tlsResumed = false;                // the handshake resumed a saved TLS session (§4.1)
    std::size_t chunksUploaded = 0;         // at- files the hub took (§11.3)
    std::size_t chunksDownloaded = 0;       // ck- files written to the inbox (§11.4)
    // Attachment traffic paused (budget_exhausted, §11.5): reported in status.json when nothing else is.
    std::optional<wire::SyncCode> attachmentError;
};

class Courier {
public:
    explicit Courier(CourierOptions options);
    // Runs until stopped by a signal (or one session with `once`). Returns the process exit code.
    int run();
    // One session; throws SyncError (refusals, timeouts, wrong_hub) or boost::system::system_error.
    SessionReport runSession();

private:
    struct Link;  // one session's TLS stream and frame channel (courier.cpp)
    // The steps of a session (§4.5). connect: TCP, TLS with the hub pin, HELLO -> AUTH_OK (acked and head seqs,
    // clock offset into `report`). upload: the outbox from acked_seq + 1, holding a refused file. download: pages
    // into the inbox from the checkpoint, resuming a cut page.
    boost::asio::awaitable<void> connect(Link& link, SessionReport& report);
    boost::asio::awaitable<void> upload(Link& link, SessionReport& report);
    // download returns true once at the feed head (PAGE_NONE, or a page reaching head_seq). `waitMs`: long poll.
    boost::asio::awaitable<bool> download(Link& link, SessionReport& report, std::uint32_t waitMs);
    // Attachments (§11.3, §11.4; attachment_courier.cpp). uploadAttachments: the outbox's at- files, only while
    // no cs- file waits (uploading those first). downloadChunks: after the pages, the chunks of chunks-wanted,
    // one CHUNK_GET at a time with a DOWNLOAD before each but the first. fetchChunk: one chunk into the inbox,
    // resuming a cut transfer; false when the hub refused it.
    boost::asio::awaitable<void> uploadAttachments(Link& link, SessionReport& report);
    boost::asio::awaitable<void> downloadChunks(Link& link, SessionReport& report);
    boost::asio::awaitable<bool> fetchChunk(Link& link, SessionReport& report, const wire::ChunkWant& want);
    // budget_exhausted: no attachment traffic for `seconds` (kept in <sync>/attachments-paused across runs).
    void pauseAttachments(SessionReport& report, std::uint64_t seconds);
    bool attachmentsPaused(SessionReport& report);
    // One outbox file: UPLOAD_BEGIN, the data from where the hub has it, its UPLOAD_ACK (sent twice at most).
    boost::asio::awaitable<UploadAck> sendFile(Link& link, const wire::Hash32& fileId, const Bytes& bytes,
                                               const wire::SyncFileName& name);
    void writeStatus(const std::string& link, const std::optional<wire::SyncCode>& error, std::uint64_t nextAttemptMs);
    // status.json keeps the last known acked_seq, head_seq, clock offset and last sync across failed sessions and
    // restarts (§4.8): the app skips rewriting files the hub holds by acked_seq, and a 0 would undo that.
    void loadLastKnownStatus();
    std::chrono::milliseconds nextBackoff();

    CourierOptions options_;
    DaemonConfig config_;
    std::mt19937_64 random_;
    int failures_ = 0;
    SessionReport last_;     // the last values the hub gave (seeded from status.json at start)
    SessionReport current_;  // the session under way: what it learnt survives its failure
    std::uint64_t lastSyncMs_ = 0;
};

}  // namespace abri::sync::daemon
