// Catch2's implementation lives in this file (CATCH_CONFIG_RUNNER: Catch without its main()).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "support/catch_session.h"

#include <iostream>
#include <string_view>
#include <vector>

namespace abri::test {

int runCatchSession(int argc, char* argv[]) {
    constexpr int kBadArguments = 255;  // what Catch itself returns for arguments it cannot parse
    int warnings = Catch::WarnAbout::Nothing;
    std::vector<char*> rest;
    for (int i = 0; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (i == 0 || (arg != "--warn" && arg != "-w")) {
            rest.push_back(argv[i]);
            continue;
        }
        const std::string_view name = i + 1 < argc ? std::string_view(argv[++i]) : std::string_view();
        if (name == "NoAssertions") {
            warnings |= Catch::WarnAbout::NoAssertions;
        } else if (name == "NoTests") {
            warnings |= Catch::WarnAbout::NoTests;
        } else {
            std::cerr << "Unrecognised warning: '" << name << "'\n";
            return kBadArguments;
        }
    }
    Catch::Session session;
    if (const int parsed = session.applyCommandLine(static_cast<int>(rest.size()), rest.data()); parsed != 0) {
        return parsed;
    }
    auto& config = session.configData();
    config.warnings = static_cast<Catch::WarnAbout::What>(config.warnings | warnings);
    return session.run();
}

}  // namespace abri::test
