// Unit tests of abri-cli's building blocks: argument parser, password line reader, UTF-8 aware table.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <array>

#include "arguments.h"
#include "password_input.h"
#include "text_table.h"

using namespace abri::cli;

namespace {

CommandSpec sampleSpec() {
    return {.name = "case list",
            .summary = "List cases",
            .positionals = {{"VAULT", "The vault"}, {"FILE", "A file"}},
            .options = {{.name = "user", .valueName = "NAME", .help = "User", .required = true},
                        {.name = "asc", .help = "Ascending"},
                        {.name = "limit", .valueName = "N", .help = "Page size"},
                        {.name = "secret", .valueName = "X", .help = "Hidden knob", .hidden = true}},
            .example = "abri-cli case list v --user u f"};
}

ParsedArgs parse(std::vector<std::string> args) { return parseArguments(sampleSpec(), args); }

}  // namespace

TEST_CASE("the parser reads options, flags and positionals", "[cli][args]") {
    auto args = parse({"v.abri", "--user", "testworker", "--asc", "--limit=20", "-"});
    CHECK(args.positional(0) == "v.abri");
    CHECK(args.positional(1) == "-");
    CHECK(args.value("user") == "testworker");
    CHECK(args.has("asc"));
    CHECK(args.integer("limit", 1, 100) == 20);
    CHECK_FALSE(args.has("secret"));
    CHECK(args.valueOr("secret", "none") == "none");

    // "--" ends the options: what follows is positional even when it looks like an option.
    auto dashed = parse({"--user", "u", "v.abri", "--", "--asc"});
    CHECK(dashed.positional(1) == "--asc");
    CHECK_FALSE(dashed.has("asc"));
    CHECK_FALSE(dashed.helpRequested);

    CHECK(parse({"--help"}).helpRequested);
    CHECK(parse({"v", "-h", "--bogus"}).helpRequested);
}

TEST_CASE("the parser rejects what it does not understand", "[cli][args]") {
    CHECK_THROWS_AS(parse({"v", "f"}), UsageError);                                  // --user missing
    CHECK_THROWS_AS(parse({"v", "--user", "u"}), UsageError);                        // FILE missing
    CHECK_THROWS_AS(parse({"v", "f", "g", "--user", "u"}), UsageError);              // one too many
    CHECK_THROWS_AS(parse({"v", "f", "--user"}), UsageError);                        // value missing
    CHECK_THROWS_AS(parse({"v", "f", "--user", "u", "--nope"}), UsageError);         // unknown option
    CHECK_THROWS_AS(parse({"v", "f", "--user", "u", "-x"}), UsageError);             // short options
    CHECK_THROWS_AS(parse({"v", "f", "--user", "u", "--asc=yes"}), UsageError);      // flag with value
    CHECK_THROWS_AS(parse({"v", "f", "--user", "u", "--user", "w"}), UsageError);    // given twice
    auto args = parse({"v", "f", "--user", "u", "--limit", "12x"});
    CHECK_THROWS_AS(args.integer("limit", 1, 100), UsageError);
    auto big = parse({"v", "f", "--user", "u", "--limit", "101"});
    CHECK_THROWS_AS(big.integer("limit", 1, 100), UsageError);
    static constexpr std::array<std::string_view, 2> kChoices = {"table", "json"};
    auto choice = parse({"v", "f", "--user", "u", "--limit", "csv"});
    CHECK_THROWS_WITH(choice.choice("limit", kChoices), Catch::Contains("table|json"));
}

TEST_CASE("help lists visible options and the example", "[cli][args]") {
    const auto help = helpText(sampleSpec());
    CHECK(help.rfind("Usage: abri-cli case list VAULT --user NAME FILE", 0) == 0);
    CHECK(help.find("--limit N") != std::string::npos);
    CHECK(help.find("--secret") == std::string::npos);
    CHECK(help.find("Example:\n  abri-cli case list v --user u f") != std::string::npos);
}

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
