#include "cases/code_list_column.h"

namespace abri::cases {

std::string joinCodeColumn(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& code : codes) {
        if (!out.empty()) out += ',';
        out += code;
    }
    return out;
}

std::vector<std::string> splitCodeColumn(const std::string& column) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < column.size()) {
        auto end = column.find(',', start);
        if (end == std::string::npos) end = column.size();
        if (end > start) out.push_back(column.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace abri::cases
