#pragma once
// A temporary folder removed (recursively) when the object goes out of scope.
#include <filesystem>
#include <string>
#include <vector>

namespace abri::test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// Whole file as bytes (empty if missing).
std::vector<char> readFileBytes(const std::filesystem::path& file);
// True when `needle` occurs anywhere in the file's raw bytes.
bool fileContains(const std::filesystem::path& file, const std::string& needle);

}  // namespace abri::test
