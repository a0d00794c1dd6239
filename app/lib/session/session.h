#pragma once
// An unlocked vault and the repository over it: everything that holds keys or case data. The main window owns
// exactly one Session while unlocked; locking destroys it (the vault wipes its key in its destructor), after the
// widgets that showed case data have been destroyed.
#include <QtCore/QHash>
#include <QtCore/QString>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "attachments/attachment_repository.h"
#include "cases/case_repository.h"
#include "crypto/primitives.h"
#include "vault/roles.h"
#include "vault/user.h"
#include "vault/vault.h"

namespace abri::app {

class Session {
public:
    // kdf: the Argon2id cost for passwords set in this session (tests pass KdfParams::minimum()).
    Session(std::unique_ptr<vault::Vault> vault, crypto::KdfParams kdf);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    vault::Vault& vault() { return *vault_; }
    cases::CaseRepository& cases() { return *cases_; }
    // Files attached to cases (core/attachments): the only way the app stores, lists, reads or exports them.
    attachments::AttachmentRepository& attachments() { return *attachments_; }
    const crypto::KdfParams& kdf() const { return kdf_; }

    bool can(vault::Permission permission) const;
    const vault::User& currentUser() const;
    bool isRecoverySession() const;
    QString office() const;

    // Users, cached (the list changes only through the users dialog, which calls refreshUsers()).
    const std::vector<vault::User>& users();
    void refreshUsers();
    // Display name for a user id; the id itself when unknown (a user from another office, via sync).
    QString userDisplayName(const std::string& userId);

    // Closed cases purged by the retention policy when this session began (core/erasure).
    int retentionPurged() const { return retentionPurged_; }
    // Erases a case at the person's request (core/erasure): Error(PermissionDenied) unless the role may.
    void eraseCase(const std::string& caseId);

private:
    crypto::KdfParams kdf_;
    std::unique_ptr<vault::Vault> vault_;
    std::unique_ptr<cases::CaseRepository> cases_;
    std::unique_ptr<attachments::AttachmentRepository> attachments_;
    std::vector<vault::User> users_;
    bool usersLoaded_ = false;
    QHash<QString, QString> displayNames_;
    int retentionPurged_ = 0;
};

}  // namespace abri::app
