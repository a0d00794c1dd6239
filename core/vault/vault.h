#pragma once
// An Abri vault: one SQLCipher file plus a key-slot sidecar (`<vault>.keys`).
// The database is encrypted with a random 256-bit data key; the sidecar holds that key wrapped once per user
// (XChaCha20-Poly1305 under an Argon2id key from the user's password) and once under the recovery key.
// While unlocked the data key lives only in locked memory; lock() wipes it and closes the database.
// Sidecar format and its guarantees: vault/key_slot_file.h, vault/key_wrap.h. Failed unlocks are recorded in the
// sidecar (the database is closed then) and moved into the audit log at the next successful unlock.
// create() writes the sidecar last: a crash before that leaves an undecryptable database without key slots
// (unlock: KeySlotFileMissing; create: VaultAlreadyExists until the stray file is deleted).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/primitives.h"
#include "crypto/secure_buffer.h"
#include "storage/database.h"
#include "vault/user.h"

namespace abri::journal {
class HybridLogicalClock;
class Journal;
}  // namespace abri::journal
namespace abri::audit {
class AuditLog;
}

namespace abri::vault {

// Wall clock in milliseconds since the epoch; injectable so tests can fix "now".
using WallClock = std::function<std::int64_t()>;
WallClock systemClock();

std::filesystem::path keySlotPath(const std::filesystem::path& vaultPath);  // "<vault>.keys"

struct CreateOptions {
    std::filesystem::path path;
    std::string office;                 // office code, e.g. "TUN-SFX"
    std::string adminUsername;
    std::string adminDisplayName;
    std::string_view adminPassword;     // checked against the password policy
    crypto::KdfParams kdf = crypto::KdfParams::moderate();
    WallClock clock = systemClock();
};

struct UnlockOptions {
    WallClock clock = systemClock();
};

class Vault {
public:
    // Creates a new vault and its key slots; returns it unlocked as the first administrator.
    // recoveryKey receives the printable recovery key (show it once; it is not stored anywhere).
    static std::unique_ptr<Vault> create(const CreateOptions& options, crypto::SecureBuffer& recoveryKey);
    // Unlocks with a user's password. Errors: VaultNotFound, KeySlotFileMissing/Corrupted, UnknownUser,
    // WrongPassword (recorded as a failed unlock), UserDisabled, VaultCorrupted, VaultFromNewerVersion.
    static std::unique_ptr<Vault> unlock(const std::filesystem::path& path, std::string_view username,
                                         std::string_view password, const UnlockOptions& options = {});
    // Unlocks with the recovery key. The session acts as an administrator limited to user management.
    static std::unique_ptr<Vault> unlockWithRecoveryKey(const std::filesystem::path& path,
                                                        std::string_view recoveryKey,
                                                        const UnlockOptions& options = {});
    // User names in the key-slot file, for the unlock screen (no need to unlock).
    static std::vector<std::string> usernames(const std::filesystem::path& path);

    ~Vault();
    Vault(const Vault&) = delete;
    Vault& operator=(const Vault&) = delete;

    // Wipes the key, closes the database. Every other call then throws Error(VaultLocked).
    void lock() noexcept;
    bool isLocked() const noexcept;

    const std::filesystem::path& path() const noexcept;
    const User& currentUser() const;
    bool isRecoverySession() const noexcept;
    bool can(Permission permission) const;
    void require(Permission permission) const;  // throws Error(PermissionDenied, <permission name>)
    std::string deviceId() const;               // random per vault file, 32 hex
    std::string vaultId() const;                // random per vault, 32 hex; also in the key-slot file
    std::string office() const;
    std::int64_t nowMs() const;                 // the injected wall clock
    std::string today() const;                  // YYYY-MM-DD (UTC) from the wall clock

    storage::Database& db();
    journal::HybridLogicalClock& clock();
    journal::Journal& journal();
    audit::AuditLog& audit();
    // Writes the clock's last timestamp to meta (done on lock; call after a batch of writes, e.g. from a timer,
    // so a crash cannot make the restored clock lag; unlock also consults the journal's newest entries).
    void persistClock();
    // Writes a consistent copy of the database to the new file `target`, encrypted with this vault's data key
    // (storage::Database::copyInto), while other connections may keep writing. vault/vault_backup.h builds backups
    // on it. Throws Error(VaultAlreadyExists) when `target` exists, Error(IoError | DiskFull | Busy).
    void copyDatabaseTo(const std::filesystem::path& target);

    // ---- users ----
    std::vector<User> users();
    std::optional<User> findUser(std::string_view username);
    // Administrator only. Adds the user and a key slot for them.
    User addUser(std::string_view username, std::string_view displayName, Role role, std::string_view password,
                 const crypto::KdfParams& kdf = crypto::KdfParams::moderate());
    // Any user, for themselves. Rewraps their key slot; the database is not re-encrypted.
    void changeOwnPassword(std::string_view oldPassword, std::string_view newPassword,
                           const crypto::KdfParams& kdf = crypto::KdfParams::moderate());
    // Administrator or recovery session.
    void resetPassword(std::string_view username, std::string_view newPassword,
                       const crypto::KdfParams& kdf = crypto::KdfParams::moderate());
    // Administrator. Disabling removes the user's key slot (their password no longer opens the vault).
    // Re-enabling needs resetPassword. An administrator cannot disable themselves or the last administrator.
    void setUserActive(std::string_view username, bool active);
    // Administrator. Replaces the recovery slot; the old recovery key stops working.
    void regenerateRecoveryKey(crypto::SecureBuffer& recoveryKey);

    struct Impl;

private:
    explicit Vault(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace abri::vault
