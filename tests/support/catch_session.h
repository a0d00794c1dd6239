#pragma once
// Runs the Catch2 session of a test executable. Catch2 v2 takes `--warn` only once, and the suite asks for two
// warnings (`--warn NoTests --warn NoAssertions`, tests/*/CMakeLists.txt): a name that matches no test and a test
// that asserts nothing both fail. Every `--warn NAME` (or `-w NAME`) is taken out of the arguments here and applied
// to the session's configuration; Catch parses the rest.
namespace abri::test {

int runCatchSession(int argc, char* argv[]);

}  // namespace abri::test
