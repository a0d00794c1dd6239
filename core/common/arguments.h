#pragma once
// The argument parser of Abri's command-line programs (abri-cli, abri-hub, abri-syncd): one CommandSpec per
// command, long options only (--name VALUE or --name=VALUE), "--" ends the options, a lone "-" is a positional
// (stdin). Anything unexpected, an unknown option first of all, throws UsageError naming it, which each main()
// turns into exit code 2 and a pointer to the command's --help. Plain C++: no Qt, no I/O.
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace abri {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct OptionSpec {
    std::string_view name{};       // without the leading dashes
    std::string_view valueName{};  // empty: a flag without value
    std::string_view help{};
    bool required = false;
    bool hidden = false;         // accepted but left out of --help (test and script knobs)
    bool repeatable = false;     // may be given several times (values(name) returns them in order)
};

struct PositionalSpec {
    std::string_view name{};  // e.g. "VAULT"
    std::string_view help{};
};

struct CommandSpec {
    std::string_view name{};     // the command words after the program name: "case list" (empty for none)
    std::string_view summary{};  // one line
    std::vector<PositionalSpec> positionals{};
    std::vector<OptionSpec> options{};
    std::string_view details{};  // extra paragraphs for --help (may be empty)
    std::string_view example{};
};

class ParsedArgs {
public:
    const std::string& positional(std::size_t index) const { return positionals_.at(index); }
    std::size_t positionalCount() const { return positionals_.size(); }
    bool has(std::string_view option) const { return values_.find(std::string(option)) != values_.end(); }
    std::optional<std::string> value(std::string_view option) const;
    std::string valueOr(std::string_view option, std::string_view fallback) const;
    // Every value of a repeatable option, in the order given (value() returns the first).
    std::vector<std::string> values(std::string_view option) const;
    // Checked conversions; a bad value is a usage error naming the option.
    std::optional<long long> integer(std::string_view option, long long min, long long max) const;
    // The value must be one of `allowed`.
    std::optional<std::string> choice(std::string_view option, std::span<const std::string_view> allowed) const;

    bool helpRequested = false;

private:
    friend ParsedArgs parseArguments(const CommandSpec& spec, std::span<const std::string> args);
    std::vector<std::string> positionals_;
    std::map<std::string, std::string, std::less<>> values_;  // flags map to ""
    std::map<std::string, std::vector<std::string>, std::less<>> repeated_;  // repeatable options only
};

// Parses the arguments that follow the command words. With --help/-h anywhere, returns early with
// helpRequested set (and no other checks), so `abri-cli case add --help` always works.
ParsedArgs parseArguments(const CommandSpec& spec, std::span<const std::string> args);

// The --help text of a command of `program` ("abri-cli").
std::string helpText(std::string_view program, const CommandSpec& spec);

}  // namespace abri
