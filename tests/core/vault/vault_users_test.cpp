// Users, roles and the rules around managing them.
#include <catch2/catch.hpp>

#include <algorithm>

#include "audit/audit_log.h"
#include "vault/key_slot_file.h"
#include "vault/vault.h"
#include "vault_test_support.h"

using namespace abri;
using namespace abri::vault;
using test::errorOf;
using test::hasCode;

namespace {

const crypto::KdfParams kFast = crypto::KdfParams::minimum();
constexpr std::string_view kCaseworkerPassword = "Casepass-Bravo-987";
constexpr std::string_view kSupervisorPassword = "Superpass-Charlie-654";

struct Fixture {
    test::TempDir dir;
    test::TestClock clock;
    std::filesystem::path path = dir / "v.abri";
    crypto::SecureBuffer recovery;
    Fixture() {
        auto v = Vault::create(test::createOptions(path, clock), recovery);
        v->addUser("casey.bravo", "Fakeperson Bravo", Role::Caseworker, kCaseworkerPassword, kFast);
        v->addUser("sam.charlie", "Fakeperson Charlie", Role::Supervisor, kSupervisorPassword, kFast);
    }
    std::unique_ptr<Vault> as(std::string_view user, std::string_view password) {
        return Vault::unlock(path, user, password, test::unlockOptions(clock));
    }
    std::unique_ptr<Vault> admin() { return as(test::kAdminName, test::kAdminPassword); }
};

bool auditHas(Vault& v, audit::Action action, const std::string& entityId) {
    const auto entries = v.audit().entriesFor(entityId);
    return std::any_of(entries.begin(), entries.end(), [&](const audit::Entry& e) { return e.action == action; });
}

}  // namespace

TEST_CASE("added users can unlock with their own password and get their role", "[vault][users]") {
    Fixture f;
    CHECK(Vault::usernames(f.path) == std::vector<std::string>{"admin.alpha", "casey.bravo", "sam.charlie"});
    auto v = f.as("casey.bravo", kCaseworkerPassword);
    CHECK(v->currentUser().role == Role::Caseworker);
    CHECK(v->currentUser().displayName == "Fakeperson Bravo");
    CHECK(v->users().size() == 3);
    REQUIRE(v->findUser("sam.charlie").has_value());
    CHECK(v->findUser("sam.charlie")->role == Role::Supervisor);
    CHECK_FALSE(v->findUser("nobody").has_value());
    auto admin = f.admin();
    CHECK(auditHas(*admin, audit::Action::UserAdded, v->findUser("casey.bravo")->id));
}

TEST_CASE("permissions follow the role of the unlocked user", "[vault][users]") {
    Fixture f;
    {
        auto v = f.as("casey.bravo", kCaseworkerPassword);
        CHECK(v->can(Permission::RevealSensitive));
        CHECK(v->can(Permission::EditCases));
        CHECK_FALSE(v->can(Permission::DeleteCases));
        CHECK_FALSE(v->can(Permission::ViewAudit));
        CHECK_FALSE(v->can(Permission::ManageUsers));
        auto e = errorOf([&] { v->require(Permission::ManageUsers); });
        REQUIRE(hasCode(e, ErrorCode::PermissionDenied));
        CHECK(e->subject() == "manage_users");
        CHECK(hasCode(errorOf([&] { v->addUser("x.user", "X", Role::Caseworker, "Whatever-pass-1", kFast); }),
                      ErrorCode::PermissionDenied));
        CHECK(hasCode(errorOf([&] { v->resetPassword("admin.alpha", "Takeover-pass-1", kFast); }),
                      ErrorCode::PermissionDenied));
        CHECK(hasCode(errorOf([&] { v->setUserActive("sam.charlie", false); }), ErrorCode::PermissionDenied));
        CHECK(hasCode(errorOf([&] {
                          crypto::SecureBuffer key;
                          v->regenerateRecoveryKey(key);
                      }),
                      ErrorCode::PermissionDenied));
        // Any user may change their own password.
        v->changeOwnPassword(kCaseworkerPassword, "Casepass-Bravo-988", kFast);
    }
    {
        auto v = f.as("sam.charlie", kSupervisorPassword);
        CHECK(v->can(Permission::DeleteCases));
        CHECK(v->can(Permission::ResolveConflicts));
        CHECK(v->can(Permission::ViewAudit));
        CHECK(v->can(Permission::RevealSensitive));
        CHECK(hasCode(errorOf([&] { v->setUserActive("casey.bravo", false); }), ErrorCode::PermissionDenied));
    }
    {
        // Separation of duties: the administrator manages accounts but cannot see identities or edit cases.
        auto v = f.admin();
        CHECK(v->can(Permission::ManageUsers));
        CHECK(v->can(Permission::ViewAudit));
        CHECK_FALSE(v->can(Permission::RevealSensitive));
        CHECK_FALSE(v->can(Permission::EditCases));
    }
    // The caseworker's slot really was rewrapped.
    CHECK(hasCode(errorOf([&] { f.as("casey.bravo", kCaseworkerPassword); }), ErrorCode::WrongPassword));
    CHECK_NOTHROW(f.as("casey.bravo", "Casepass-Bravo-988"));
}

TEST_CASE("adding a user validates the name, the password and uniqueness", "[vault][users]") {
    Fixture f;
    auto v = f.admin();
    auto e = errorOf([&] { v->addUser("casey.bravo", "Again", Role::Caseworker, "Another-pass-123", kFast); });
    REQUIRE(hasCode(e, ErrorCode::UserAlreadyExists));
    CHECK(hasCode(errorOf([&] { v->addUser("new.user", "New", Role::Caseworker, "short", kFast); }),
                  ErrorCode::WeakPassword));
    CHECK(hasCode(errorOf([&] { v->addUser("", "Empty", Role::Caseworker, "Another-pass-123", kFast); }),
                  ErrorCode::InvalidValue));
    CHECK(hasCode(errorOf([&] { v->addUser("tab\tname", "Tab", Role::Caseworker, "Another-pass-123", kFast); }),
                  ErrorCode::InvalidValue));
    CHECK(hasCode(errorOf([&] { v->addUser("bad\xff", "Bad", Role::Caseworker, "Another-pass-123", kFast); }),
                  ErrorCode::InvalidValue));
    CHECK(v->users().size() == 3);
    CHECK(Vault::usernames(f.path).size() == 3);
}

TEST_CASE("disabling removes the key slot, enabling needs a password reset", "[vault][users]") {
    Fixture f;
    std::string caseworkerId;
    {
        auto v = f.admin();
        caseworkerId = v->findUser("casey.bravo")->id;
        v->setUserActive("casey.bravo", false);
        CHECK_FALSE(v->findUser("casey.bravo")->active);
        CHECK(auditHas(*v, audit::Action::UserDisabled, caseworkerId));
        // Invariant: a disabled user has no slot, so their password cannot be reset into one.
        CHECK(hasCode(errorOf([&] { v->resetPassword("casey.bravo", "Casepass-New-111", kFast); }),
                      ErrorCode::UserDisabled));
    }
    const auto file = readKeySlotFile(keySlotPath(f.path));
    CHECK(file.findUserById(caseworkerId) == nullptr);
    CHECK(Vault::usernames(f.path) == std::vector<std::string>{"admin.alpha", "sam.charlie"});
    auto e = errorOf([&] { f.as("casey.bravo", kCaseworkerPassword); });
    REQUIRE(hasCode(e, ErrorCode::UserDisabled));
    CHECK(e->subject() == "casey.bravo");
    {
        auto v = f.admin();
        v->setUserActive("casey.bravo", true);
        CHECK(v->findUser("casey.bravo")->active);
        CHECK(auditHas(*v, audit::Action::UserEnabled, caseworkerId));
    }
    // Enabled but without a slot: the old password does not come back by itself.
    CHECK(hasCode(errorOf([&] { f.as("casey.bravo", kCaseworkerPassword); }), ErrorCode::UnknownUser));
    {
        auto v = f.admin();
        v->resetPassword("casey.bravo", "Casepass-New-111", kFast);
        CHECK(auditHas(*v, audit::Action::PasswordReset, caseworkerId));
        CHECK(hasCode(errorOf([&] { v->resetPassword("nobody", "Casepass-New-111", kFast); }),
                      ErrorCode::UnknownUser));
    }
    CHECK(f.as("casey.bravo", "Casepass-New-111")->currentUser().id == caseworkerId);
}

TEST_CASE("nobody can disable themselves or the last active administrator", "[vault][users]") {
    Fixture f;
    {
        auto v = f.admin();
        auto e = errorOf([&] { v->setUserActive(test::kAdminName, false); });
        REQUIRE(hasCode(e, ErrorCode::InvalidValue));
        CHECK(e->subject() == "user.active");
        CHECK(hasCode(errorOf([&] { v->setUserActive("nobody", false); }), ErrorCode::UnknownUser));
    }
    {
        // The recovery session has no "self", but the last administrator is still protected.
        auto v = Vault::unlockWithRecoveryKey(f.path, std::string(f.recovery.view()), test::unlockOptions(f.clock));
        auto e = errorOf([&] { v->setUserActive(test::kAdminName, false); });
        REQUIRE(hasCode(e, ErrorCode::InvalidValue));
        CHECK(e->subject() == "user.active");
        v->addUser("admin.delta", "Testname Delta", Role::Administrator, "Deltapass-4444", kFast);
        CHECK(auditHas(*v, audit::Action::UserAdded, v->findUser("admin.delta")->id));
    }
    {
        // With two administrators, one may disable the other ...
        auto v = f.as("admin.delta", "Deltapass-4444");
        v->setUserActive(test::kAdminName, false);
        // ... but now admin.delta is the last one, and cannot be disabled (not even by the recovery session).
    }
    CHECK(hasCode(errorOf([&] { f.admin(); }), ErrorCode::UserDisabled));
    auto v = Vault::unlockWithRecoveryKey(f.path, std::string(f.recovery.view()), test::unlockOptions(f.clock));
    CHECK(hasCode(errorOf([&] { v->setUserActive("admin.delta", false); }), ErrorCode::InvalidValue));
    // Disabling a non-administrator is fine from the recovery session.
    v->setUserActive("casey.bravo", false);
    CHECK_FALSE(v->findUser("casey.bravo")->active);
}

TEST_CASE("a slot moved to another user name does not open", "[vault][users]") {
    Fixture f;
    // Swap the sealed keys (and salts) of two users: each slot is bound to its owner, so neither opens.
    auto file = readKeySlotFile(keySlotPath(f.path));
    KeySlot* bravo = nullptr;
    KeySlot* charlie = nullptr;
    for (auto& s : file.slots) {
        if (s.username == "casey.bravo") bravo = &s;
        if (s.username == "sam.charlie") charlie = &s;
    }
    REQUIRE(bravo != nullptr);
    REQUIRE(charlie != nullptr);
    std::swap(bravo->sealedKey, charlie->sealedKey);
    std::swap(bravo->salt, charlie->salt);
    writeKeySlotFile(keySlotPath(f.path), file);
    CHECK(hasCode(errorOf([&] { f.as("casey.bravo", kSupervisorPassword); }), ErrorCode::WrongPassword));
    CHECK(hasCode(errorOf([&] { f.as("sam.charlie", kCaseworkerPassword); }), ErrorCode::WrongPassword));
    CHECK(hasCode(errorOf([&] { f.as("casey.bravo", kCaseworkerPassword); }), ErrorCode::WrongPassword));
}
