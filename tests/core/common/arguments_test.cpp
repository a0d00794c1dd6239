// The command-line argument parser shared by abri-cli, abri-hub and abri-syncd.
#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <vector>

#include "common/arguments.h"

using namespace abri;

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

TEST_CASE("the parser reads options, flags and positionals", "[common][args]") {
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

TEST_CASE("the parser rejects what it does not understand", "[common][args]") {
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

TEST_CASE("help lists visible options and the example", "[common][args]") {
    const auto help = helpText("abri-cli", sampleSpec());
    CHECK(help.rfind("Usage: abri-cli case list VAULT --user NAME FILE", 0) == 0);
    CHECK(help.find("--limit N") != std::string::npos);
    CHECK(help.find("--secret") == std::string::npos);
    CHECK(help.find("Example:\n  abri-cli case list v --user u f") != std::string::npos);
}

TEST_CASE("an unknown option is a usage error that names it", "[common][args]") {
    CHECK_THROWS_WITH(parse({"v", "f", "--user", "u", "--bogus", "x"}), "unknown option '--bogus'");
    CHECK_THROWS_WITH(parse({"v", "f", "--user", "u", "--bogus=x"}), "unknown option '--bogus'");
    CHECK_THROWS_WITH(parse({"--bogus", "v", "f", "--user", "u"}), "unknown option '--bogus'");
    // A value that looks like an option is still the value of the option before it.
    CHECK(parse({"v", "f", "--user", "--bogus"}).value("user") == "--bogus");
}

TEST_CASE("help of a command without command words", "[common][args]") {
    const CommandSpec daemon{.summary = "Courier", .positionals = {{"SYNC_DIR", "The sync folder"}},
                             .options = {{.name = "once", .help = "One pass"}}};
    const auto help = helpText("abri-syncd", daemon);
    CHECK(help.rfind("Usage: abri-syncd SYNC_DIR [options]\n", 0) == 0);
    CHECK(help.find("--once") != std::string::npos);
}

TEST_CASE("a repeatable option keeps every value in order, others are refused twice", "[common][args]") {
    CommandSpec spec = sampleSpec();
    spec.options.push_back({.name = "filter", .valueName = "F", .help = "Filter", .repeatable = true});
    const std::vector<std::string> words{"v", "f", "--user", "u", "--filter", "gender=female",
                                         "--filter=age_band=0-8,9-17", "--filter", "sex=x"};
    const auto args = parseArguments(spec, words);
    CHECK(args.values("filter") == std::vector<std::string>{"gender=female", "age_band=0-8,9-17", "sex=x"});
    CHECK(args.value("filter") == "gender=female");
    CHECK(args.values("limit").empty());
    const std::vector<std::string> twice{"v", "f", "--user", "u", "--limit", "1", "--limit", "2"};
    CHECK_THROWS_AS(parseArguments(spec, twice), UsageError);
}
