#include "session/session.h"

#include "common/error.h"
#include "erasure/case_erasure.h"
#include "erasure/retention_policy.h"

namespace abri::app {

Session::Session(std::unique_ptr<vault::Vault> vault, crypto::KdfParams kdf)
    : kdf_(kdf), vault_(std::move(vault)), cases_(std::make_unique<cases::CaseRepository>(*vault_)),
      attachments_(std::make_unique<attachments::AttachmentRepository>(*vault_)) {
    // The vault's retention policy (off unless an administrator set it), applied at every unlock: a laptop that
    // is rarely opened by an administrator still purges what is due. A failure leaves the cases for next time.
    try {
        retentionPurged_ = erasure::applyRetention(*vault_).purged;
    } catch (const Error&) {
        retentionPurged_ = 0;
    }
}

Session::~Session() {
    attachments_.reset();
    cases_.reset();
    if (vault_) vault_->lock();
    vault_.reset();
}

void Session::eraseCase(const std::string& caseId) { erasure::eraseCase(*vault_, caseId); }

bool Session::can(vault::Permission permission) const { return vault_->can(permission); }

const vault::User& Session::currentUser() const { return vault_->currentUser(); }

bool Session::isRecoverySession() const { return vault_->isRecoverySession(); }

QString Session::office() const { return QString::fromStdString(vault_->office()); }

const std::vector<vault::User>& Session::users() {
    if (!usersLoaded_) refreshUsers();
    return users_;
}

void Session::refreshUsers() {
    try {
        users_ = vault_->users();
    } catch (const Error&) {
        users_.clear();  // locked meanwhile (auto-lock under an open dialog): show nobody rather than crash
    }
    usersLoaded_ = true;
    displayNames_.clear();
    for (const auto& user : users_) {
        displayNames_.insert(QString::fromStdString(user.id), QString::fromStdString(user.displayName));
    }
}

QString Session::userDisplayName(const std::string& userId) {
    if (userId.empty()) return {};
    if (!usersLoaded_) refreshUsers();
    const QString id = QString::fromStdString(userId);
    return displayNames_.value(id, id);
}

}  // namespace abri::app
