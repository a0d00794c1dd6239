// Unit tests of abri-cli's building blocks: password line reader, UTF-8 aware table (the argument parser's
// tests are in tests/core/common).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <array>

#include "password_input.h"
#include "text_table.h"

using namespace abri::cli;

TEST_CASE("a password line is read without consuming what follows", "[cli][password]") {
    std::array<int, 2> fds{};
    REQUIRE(::pipe(fds.data()) == 0);
    const std::string input = "Fake-Pass word\r\n{\"rest\": 1}";
    REQUIRE(::write(fds[1], input.data(), input.size()) == static_cast<ssize_t>(input.size()));
    ::close(fds[1]);
    auto line = readLineFromFd(fds[0]);
    REQUIRE(line);
    CHECK(line->view() == "Fake-Pass word");
    std::string rest(64, '\0');
    const auto n = ::read(fds[0], rest.data(), rest.size());
    REQUIRE(n > 0);
    rest.resize(static_cast<std::size_t>(n));
    CHECK(rest == "{\"rest\": 1}");
    CHECK_FALSE(readLineFromFd(fds[0]));  // end of input
    ::close(fds[0]);
}

TEST_CASE("display width follows what a terminal shows", "[cli][table]") {
    CHECK(displayWidth("abc") == 3);
    CHECK(displayWidth("") == 0);
    CHECK(displayWidth("Fake\xC3\xA9") == 5);                // é precomposed
    CHECK(displayWidth("Fake\x65\xCC\x81") == 5);            // e + combining acute
    CHECK(displayWidth("\xE6\x97\xA5\xE6\x9C\xAC") == 4);    // 日本: wide
    CHECK(displayWidth("\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85") == 4);  // سلام
    CHECK(displayWidth("\xD9\x8E") == 0);                    // Arabic fatha (a mark)
    CHECK(displayWidth("\xFF\xFE") == 2);                    // invalid bytes count as replacements
}

TEST_CASE("cells are sanitised and truncated on character boundaries", "[cli][table]") {
    CHECK(sanitizeForTerminal("ok\x1b[31mred") == "ok?[31mred");
    CHECK(sanitizeForTerminal("tab\there") == "tab?here");
    CHECK(sanitizeForTerminal("bad\xC3") == "bad?");
    CHECK(sanitizeForTerminal("\xC2\x9B") == "?");  // C1 control (CSI)
    CHECK(sanitizeForTerminal("Testé") == "Testé");
    CHECK(truncateToWidth("abcdef", 4) == "abc…");
    CHECK(truncateToWidth("abc", 4) == "abc");
    CHECK(truncateToWidth("\xE6\x97\xA5\xE6\x9C\xAC\xE6\x97\xA5", 4) == "\xE6\x97\xA5…");
    CHECK(displayWidth(truncateToWidth("\xE6\x97\xA5\xE6\x9C\xAC\xE6\x97\xA5", 4)) <= 4);
}

TEST_CASE("table columns line up by display width", "[cli][table]") {
    TextTable table({"CODE", "NAME"});
    table.addRow({"\xE6\x97\xA5\xE6\x9C\xAC", "x"});
    table.addRow({"Fake\xC3\xA9", "y"});
    table.addRow({"ab", "z"});
    const std::string rendered = table.render();
    CHECK(rendered ==
          "CODE   NAME\n"
          "-----  ----\n"
          "\xE6\x97\xA5\xE6\x9C\xAC   x\n"
          "Fake\xC3\xA9  y\n"
          "ab     z\n");
}
