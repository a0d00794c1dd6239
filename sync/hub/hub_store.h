#pragma once
// The hub's own store (PROTOCOL.md §1, §2, §6.2, §7.2): an encrypted SQLCipher database `<dir>/hub.db` whose
// random data key is wrapped under an Argon2id key from the operator's passphrase in `<dir>/hub.keys`.
// It holds the hub identity and box keys, enrolment tokens (hashes only), devices and certificates, admitted
// change-sets with their admission records, one feed per office, case access sets and the quarantine.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "wire/certificate.h"
#include "common/frames.h"
#include "wire/hub_descriptor.h"
#include "wire/page.h"
#include "crypto/sealed_box.h"
#include "crypto/signing.h"
#include "storage/database.h"

namespace abri::sync::hub {

struct HubInitOptions {
    std::filesystem::path dir;
    std::string name;
    std::string address;  // host:port written into tokens and the descriptor
    crypto::KdfParams kdf = crypto::KdfParams::moderate();
};

enum class DeviceStatus { Active, Revoked, Forked };
std::string_view deviceStatusName(DeviceStatus status) noexcept;

struct DeviceRecord {
    wire::Id16 deviceId{};
    std::string office;
    wire::CertRole role = wire::CertRole::Caseworker;
    DeviceStatus status = DeviceStatus::Active;
    std::uint64_t statusMs = 0;
    wire::Certificate certificate;
    std::uint64_t chainSeq = 0;  // highest contiguous admitted device_seq
    wire::Hash32 chainId{};
    std::uint64_t effFloor = 0;  // greatest eff_hlc assigned to this device (§5.1)
};

struct TokenRecord {
    wire::Hash32 secretHash{};
    std::string office;
    wire::CertRole role = wire::CertRole::Caseworker;
    std::uint64_t expiryMs = 0;
    std::optional<wire::Id16> usedBy;
    std::optional<wire::Hash32> requestHash;
};

struct FeedEntryRow {
    std::uint64_t officeSeq = 0;
    wire::PageEntryType type = wire::PageEntryType::ChangeSet;
    std::optional<wire::Hash32> changeSetId;  // ChangeSet
    std::optional<wire::Id16> signer;         // ChangeSet: the device that signed it
    wire::CertStatus certStatus = wire::CertStatus::Active;
    std::uint64_t certStatusMs = 0;
    Bytes certificate;
    Bytes descriptor;
};

// A change-set the hub holds for the operator instead of applying it (§2.7).
struct QuarantineRow {
    std::int64_t id = 0;
    wire::Id16 deviceId{};
    std::uint64_t deviceSeq = 0;
    wire::Hash32 changeSetId{};
    std::uint16_t reason = 0;  // §9 wire code: revoked or fork
    std::uint64_t receivedMs = 0;
    std::size_t size = 0;      // bytes of the signed change-set
    Bytes bytes;               // filled by findQuarantined only
};

struct StoredChangeSet {
    wire::Hash32 id{};
    wire::Id16 deviceId{};
    std::uint64_t deviceSeq = 0;
    Bytes admission;  // encoded admission record
    Bytes bytes;      // the signed change-set, verbatim
};

class HubStore {
public:
    // Creates dir/hub.db and dir/hub.keys; throws Error(VaultAlreadyExists) when they exist.
    static void create(const HubInitOptions& options, std::string_view passphrase);
    // Opens with the passphrase; Error(WrongPassword) on a wrong one.
    static HubStore open(const std::filesystem::path& dir, std::string_view passphrase);
    // A consistent copy of dir/hub.db, encrypted with the same key, into the new file `target` while the hub may be
    // serving (storage::Database::copyInto). hub_backup.h builds backups on it.
    static void copyDatabase(const std::filesystem::path& dir, std::string_view passphrase,
                             const std::filesystem::path& target);

    storage::Database& db() { return db_; }
    const std::filesystem::path& dir() const { return dir_; }

    const wire::Id16& hubId() const { return hubId_; }
    const crypto::SigningKeyPair& identity() const { return identity_; }
    const crypto::BoxKeyPair& boxKey() const { return box_; }
    crypto::Fingerprint identityFingerprint() const;
    std::string name() const;
    std::string address() const;
    // The current signed descriptor (re-signed when missing).
    wire::HubDescriptor descriptor();

    // Tokens (§2.5): stores H(secret) only.
    void addToken(const TokenRecord& token);
    std::optional<TokenRecord> findToken(const wire::Hash32& secretHash);
    void markTokenUsed(const wire::Hash32& secretHash, const wire::Id16& device, const wire::Hash32& requestHash);

    // Devices.
    std::optional<DeviceRecord> findDevice(const wire::Id16& deviceId);
    std::vector<DeviceRecord> devices();
    void insertDevice(const DeviceRecord& device);
    void setDeviceStatus(const wire::Id16& deviceId, DeviceStatus status, std::uint64_t ms);
    void advanceChain(const wire::Id16& deviceId, std::uint64_t seq, const wire::Hash32& id, std::uint64_t effFloor);
    std::uint64_t nextCertificateSerial();

    // Admitted change-sets.
    std::optional<StoredChangeSet> findChangeSet(const wire::Hash32& id);
    std::optional<StoredChangeSet> findChangeSetBySeq(const wire::Id16& deviceId, std::uint64_t seq);
    void insertChangeSet(const StoredChangeSet& changeSet, const wire::Id16& caseId, std::uint64_t hubSeq);
    // Every admitted change-set of a case, in hub_seq (admission) order.
    std::vector<StoredChangeSet> changeSetsOfCase(const wire::Id16& caseId);
    // Cases with at least one admitted change-set, ascending id; with an office, only the cases it was granted.
    std::vector<wire::Id16> caseIds(const std::optional<std::string>& office = std::nullopt);
    std::uint64_t nextHubSeq();
    std::uint64_t lastAdmissionMs();
    void setLastAdmissionMs(std::uint64_t ms);

    // Case access (§6.1): offices granted a case (access only grows in v1).
    std::vector<std::string> caseOffices(const wire::Id16& caseId);
    void grantCase(const wire::Id16& caseId, const std::string& office);

    // Feeds (§6.2).
    std::uint64_t feedHead(const std::string& office);
    std::uint64_t appendFeed(const std::string& office, const FeedEntryRow& entry);
    std::vector<FeedEntryRow> feedRange(const std::string& office, std::uint64_t afterSeq, std::size_t limit);
    bool feedHasCertificate(const std::string& office, const wire::Id16& deviceId, std::uint64_t serial);
    std::vector<std::string> offices();

    // Quarantine (§2.7). A change-set already held (same id) is not stored twice: returns false.
    bool quarantine(const wire::Id16& deviceId, std::uint64_t deviceSeq, const wire::Hash32& id, wire::SyncCode reason,
                    std::uint64_t receivedMs, std::span<const std::uint8_t> bytes);
    std::size_t quarantineCount();
    std::vector<QuarantineRow> quarantined();  // by device, device_seq, id; without the bytes
    std::optional<QuarantineRow> findQuarantined(std::int64_t id);
    void removeQuarantined(std::int64_t id);

private:
    HubStore() = default;
    void loadKeys();
    storage::Database db_;
    std::filesystem::path dir_;
    wire::Id16 hubId_{};
    crypto::SigningKeyPair identity_;
    crypto::BoxKeyPair box_;
};

std::uint64_t nowMs();

}  // namespace abri::sync::hub
