#pragma once
// A laptop of an office for the hub command tests (report, duplicates): a real vault enrolled with a token from a real
// hub, whose cases reach the hub as the app and the daemon carry them.
#include <filesystem>
#include <string>

#include "sync_test_support.h"

namespace abri::test {

struct OfficeLaptop {
    // Creates the vault `<root>/<name>.abri` for `office` (test::createTestVault); the daemon logs to `<name>.log`.
    OfficeLaptop(const std::filesystem::path& root, const std::string& laptopName, std::string officeCode);

    // `role`: the certificate's (caseworker or supervisor; a supervisor's device may send erasures).
    void enrol(HubProcess& hub, const std::string& role = "caseworker");
    // The caseworker registers a case from its JSON document.
    void registerCase(const std::string& json);
    // The app seals the outbox, abri-syncd (`syncd`) carries it to the hub and brings the feed back, the app applies it.
    void sync(const std::filesystem::path& syncd);

    std::string name;
    std::string office;
    std::filesystem::path vaultPath;
    std::filesystem::path log;
};

}  // namespace abri::test
