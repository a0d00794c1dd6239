#include "office_laptop.h"

#include <catch2/catch.hpp>

#include <chrono>

#include "cases/case_repository.h"
#include "client/enrolment.h"
#include "devicesync/device_sync.h"
#include "vault/vault.h"
#include "wire/sync_files.h"

namespace abri::test {

OfficeLaptop::OfficeLaptop(const std::filesystem::path& root, const std::string& laptopName, std::string officeCode)
    : name(laptopName), office(std::move(officeCode)), vaultPath(root / (laptopName + ".abri")),
      log(root / (laptopName + ".log")) {
    createTestVault(vaultPath, office);
}

void OfficeLaptop::enrol(HubProcess& hub, const std::string& role) {
    auto admin = vault::Vault::unlock(vaultPath, "admin", kAdminPassword);
    sync::client::EnrolOptions options;
    options.label = "laptop-" + name;
    options.addressOverride = "127.0.0.1:" + std::to_string(hub.port);
    sync::client::enrolDevice(*admin, vaultPath, hub.token(office, role), options);
    admin->lock();
}

void OfficeLaptop::registerCase(const std::string& json) {
    auto worker = vault::Vault::unlock(vaultPath, "worker", kWorkerPassword);
    cases::CaseRepository(*worker).createCase(cases::Json::parse(json));
    worker->lock();
}

void OfficeLaptop::sync(const std::filesystem::path& syncd) {
    auto appStep = [&] {
        auto worker = vault::Vault::unlock(vaultPath, "worker", kWorkerPassword);
        devicesync::syncVault(*worker, vaultPath);
        worker->lock();
    };
    appStep();
    const int rc = runToEnd(syncd, {wire::syncFolder(vaultPath).string(), "--once"}, log, std::chrono::seconds(60));
    INFO("abri-syncd log: " << readText(log));
    REQUIRE(rc == 0);
    appStep();
}

}  // namespace abri::test
