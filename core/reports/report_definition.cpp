#include "reports/report_definition.h"

#include <set>

#include "common/error.h"
#include "model/case_rules.h"

namespace abri::reports {

namespace {

using Json = nlohmann::json;

Dimension dimensionAt(const Json& json, const char* key) {
    if (!json.contains(key) || !json[key].is_string()) throw Error(ErrorCode::MissingField, key);
    const auto d = dimensionFromCode(json[key].get<std::string>());
    if (!d) throw Error(ErrorCode::UnknownField, key, "unknown dimension");
    return *d;
}

std::optional<std::string> dateAt(const Json& json, const char* key) {
    if (!json.contains(key) || json[key].is_null()) return std::nullopt;
    if (!json[key].is_string()) throw Error(ErrorCode::InvalidDate, key);
    return json[key].get<std::string>();
}

}  // namespace

void validate(const ReportDefinition& d) {
    if (d.columns && *d.columns == d.rows) throw Error(ErrorCode::InvalidValue, "columns", "same dimension as rows");
    for (std::size_t i = 0; i < d.filters.size(); ++i) {
        const auto& f = d.filters[i];
        const std::string subject = "filters[" + std::to_string(i) + "]";
        if (f.codes.empty()) throw Error(ErrorCode::MissingField, subject + ".codes");
        for (std::size_t j = 0; j < f.codes.size(); ++j) {
            const std::string codeSubject = subject + ".codes[" + std::to_string(j) + "]";
            checkCategory(f.dimension, f.codes[j], codeSubject);
            // Joined values match by presence: a filter cannot ask for persons without one.
            const bool absent = f.codes[j] == "none" || f.codes[j] == "unknown";
            if (isMultiValued(f.dimension) && absent) throw Error(ErrorCode::InvalidCode, codeSubject, "recorded values only");
        }
    }
    if (d.from && !model::isValidDate(*d.from)) throw Error(ErrorCode::InvalidDate, "from");
    if (d.to && !model::isValidDate(*d.to)) throw Error(ErrorCode::InvalidDate, "to");
    if (d.from && d.to && *d.from > *d.to) throw Error(ErrorCode::InvalidValue, "period", "from is after to");
}

Json toJson(const ReportDefinition& d) {
    Json json = {{"rows", dimensionCode(d.rows)}};
    if (!d.id.empty()) json["id"] = d.id;
    if (!d.title.empty()) json["title"] = d.title;
    if (d.columns) json["columns"] = dimensionCode(*d.columns);
    Json filters = Json::array();
    for (const auto& f : d.filters) filters.push_back({{"dimension", dimensionCode(f.dimension)}, {"codes", f.codes}});
    if (!filters.empty()) json["filters"] = filters;
    if (d.from) json["from"] = *d.from;
    if (d.to) json["to"] = *d.to;
    return json;
}

ReportDefinition definitionFromJson(const Json& json) {
    if (!json.is_object()) throw Error(ErrorCode::InvalidJson, "report", "must be an object");
    static const std::set<std::string> known = {"id", "title", "rows", "columns", "filters", "from", "to"};
    for (auto it = json.begin(); it != json.end(); ++it)
        if (!known.count(it.key())) throw Error(ErrorCode::UnknownField, it.key());
    ReportDefinition d;
    if (json.contains("id") && json["id"].is_string()) d.id = json["id"].get<std::string>();
    if (json.contains("title") && json["title"].is_string()) d.title = json["title"].get<std::string>();
    d.rows = dimensionAt(json, "rows");
    if (json.contains("columns") && !json["columns"].is_null()) d.columns = dimensionAt(json, "columns");
    if (json.contains("filters")) {
        const Json& filters = json["filters"];
        if (!filters.is_array()) throw Error(ErrorCode::InvalidValue, "filters", "must be an array");
        for (std::size_t i = 0; i < filters.size(); ++i) {
            const std::string subject = "filters[" + std::to_string(i) + "]";
            if (!filters[i].is_object()) throw Error(ErrorCode::InvalidValue, subject, "must be an object");
            ReportFilter f;
            try {
                f.dimension = dimensionAt(filters[i], "dimension");
            } catch (const Error& e) {
                throw Error(e.code(), subject + ".dimension", e.detail());
            }
            const Json& codes = filters[i].value("codes", Json());
            if (!codes.is_array()) throw Error(ErrorCode::MissingField, subject + ".codes");
            for (const auto& c : codes) {
                if (!c.is_string()) throw Error(ErrorCode::InvalidCode, subject + ".codes", "must be text");
                f.codes.push_back(c.get<std::string>());
            }
            d.filters.push_back(std::move(f));
        }
    }
    d.from = dateAt(json, "from");
    d.to = dateAt(json, "to");
    validate(d);
    return d;
}

}  // namespace abri::reports
