#pragma once
// Runs a program as a real child process and collects its exit status and output (through files, so a chatty
// child can never dead-lock on a full pipe).
#include <filesystem>
#include <string>
#include <vector>

namespace abri::test {

struct ProcessResult {
    int exitCode = -1;   // -1 when the child did not exit normally
    int signal = 0;      // the signal that ended it, if any
    std::string out;
    std::string err;
};

ProcessResult runProcess(const std::filesystem::path& program, const std::vector<std::string>& args,
                         const std::string& stdinText = {}, const std::filesystem::path& workDir = {});

}  // namespace abri::test
