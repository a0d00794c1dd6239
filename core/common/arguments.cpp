#include "common/arguments.h"

#include <algorithm>
#include <charconv>

namespace abri {

namespace {

const OptionSpec* findOption(const CommandSpec& spec, std::string_view name) {
    for (const auto& option : spec.options) {
        if (option.name == name) return &option;
    }
    return nullptr;
}

std::string joined(std::span<const std::string_view> values) {
    std::string out;
    for (auto v : values) out += (out.empty() ? "" : "|") + std::string(v);
    return out;
}

}  // namespace

std::optional<std::string> ParsedArgs::value(std::string_view option) const {
    auto found = values_.find(option);
    if (found == values_.end()) return std::nullopt;
    return found->second;
}

std::string ParsedArgs::valueOr(std::string_view option, std::string_view fallback) const {
    auto found = values_.find(option);
    return found == values_.end() ? std::string(fallback) : found->second;
}

std::vector<std::string> ParsedArgs::values(std::string_view option) const {
    auto found = repeated_.find(option);
    return found == repeated_.end() ? std::vector<std::string>{} : found->second;
}

std::optional<long long> ParsedArgs::integer(std::string_view option, long long min, long long max) const {
    auto text = value(option);
    if (!text) return std::nullopt;
    long long number = 0;
    const char* end = text->data() + text->size();
    auto [ptr, ec] = std::from_chars(text->data(), end, number);
    if (ec != std::errc() || ptr != end || number < min || number > max) {
        throw UsageError("--" + std::string(option) + " expects a whole number from " + std::to_string(min) +
                         " to " + std::to_string(max));
    }
    return number;
}

std::optional<std::string> ParsedArgs::choice(std::string_view option,
                                              std::span<const std::string_view> allowed) const {
    auto text = value(option);
    if (!text) return std::nullopt;
    if (std::find(allowed.begin(), allowed.end(), *text) == allowed.end()) {
        throw UsageError("--" + std::string(option) + " expects one of: " + joined(allowed));
    }
    return text;
}

ParsedArgs parseArguments(const CommandSpec& spec, std::span<const std::string> args) {
    ParsedArgs parsed;
    if (std::any_of(args.begin(), args.end(), [](const std::string& a) { return a == "--help" || a == "-h"; })) {
        // "--" stops option parsing: a literal "--help" after it is a positional, not a request for help.
        auto dashDash = std::find(args.begin(), args.end(), std::string("--"));
        auto help = std::find_if(args.begin(), dashDash, [](const std::string& a) { return a == "--help" || a == "-h"; });
        if (help != dashDash) {
            parsed.helpRequested = true;
            return parsed;
        }
    }

    bool optionsEnded = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (optionsEnded || arg == "-" || arg.size() < 2 || arg[0] != '-') {
            parsed.positionals_.push_back(arg);
            continue;
        }
        if (arg == "--") {
            optionsEnded = true;
            continue;
        }
        if (arg[1] != '-') throw UsageError("unknown option '" + arg + "' (options are spelt --name)");
        std::string name = arg.substr(2);
        std::optional<std::string> inlineValue;
        if (auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name.resize(eq);
        }
        const OptionSpec* option = findOption(spec, name);
        if (option == nullptr) throw UsageError("unknown option '--" + name + "'");
        if (parsed.values_.count(name) != 0 && !option->repeatable) {
            throw UsageError("option '--" + name + "' given twice");
        }
        if (option->valueName.empty()) {
            if (inlineValue) throw UsageError("option '--" + name + "' takes no value");
            parsed.values_[name] = "";
            continue;
        }
        std::string value;
        if (inlineValue) {
            value = *inlineValue;
        } else {
            if (i + 1 >= args.size()) throw UsageError("option '--" + name + "' needs a value");
            value = args[++i];
        }
        parsed.values_.emplace(name, value);  // the first one
        if (option->repeatable) parsed.repeated_[name].push_back(std::move(value));
    }

    for (const auto& option : spec.options) {
        if (option.required && parsed.values_.count(std::string(option.name)) == 0) {
            throw UsageError("missing option '--" + std::string(option.name) + " " + std::string(option.valueName) +
                             "'");
        }
    }
    if (parsed.positionals_.size() < spec.positionals.size()) {
        throw UsageError("missing argument " + std::string(spec.positionals[parsed.positionals_.size()].name));
    }
    if (parsed.positionals_.size() > spec.positionals.size()) {
        throw UsageError("unexpected argument '" + parsed.positionals_[spec.positionals.size()] + "'");
    }
    return parsed;
}

std::string helpText(std::string_view program, const CommandSpec& spec) {
    std::string out = "Usage: " + std::string(program);
    if (!spec.name.empty()) out += " " + std::string(spec.name);
    for (const auto& positional : spec.positionals) {
        if (positional.name == "VAULT") out += " " + std::string(positional.name);
    }
    for (const auto& option : spec.options) {
        if (!option.required || option.hidden) continue;
        out += " --" + std::string(option.name) + " " + std::string(option.valueName);
    }
    for (const auto& positional : spec.positionals) {
        if (positional.name != "VAULT") out += " " + std::string(positional.name);
    }
    out += " [options]\n\n" + std::string(spec.summary) + "\n";
    if (!spec.details.empty()) out += "\n" + std::string(spec.details) + "\n";

    std::vector<std::pair<std::string, std::string>> rows;
    for (const auto& positional : spec.positionals) rows.emplace_back(positional.name, positional.help);
    for (const auto& option : spec.options) {
        if (option.hidden) continue;
        std::string left = "--" + std::string(option.name);
        if (!option.valueName.empty()) left += " " + std::string(option.valueName);
        rows.emplace_back(left, std::string(option.help) + (option.required ? " (required)" : ""));
    }
    rows.emplace_back("-h, --help", "Show this help");
    // Long option spellings get their description on the next line, so one long option does not push every
    // description to the right edge.
    constexpr std::size_t kMaxLeft = 26;
    std::size_t width = 0;
    for (const auto& row : rows) {
        if (row.first.size() <= kMaxLeft) width = std::max(width, row.first.size());
    }
    out += "\nArguments and options:\n";
    for (const auto& [left, right] : rows) {
        if (left.size() > width) {
            out += "  " + left + "\n  " + std::string(width + 2, ' ') + right + "\n";
        } else {
            out += "  " + left + std::string(width - left.size() + 2, ' ') + right + "\n";
        }
    }
    if (!spec.example.empty()) out += "\nExample:\n  " + std::string(spec.example) + "\n";
    return out;
}

}  // namespace abri
