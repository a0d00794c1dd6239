// The anonymised export, read back as a researcher (or an attacker) would read it.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "../cases/repository_fixture.h"
#include "audit/audit_log.h"
#include "common/error.h"
#include "reports/anonymised_export.h"

using namespace abri;
using Json = nlohmann::json;

namespace {

struct ConsentingCases : test::RepositoryFixture {
    ConsentingCases() {
        login("super", test::kSupervisorPassword);
        auto add = [&](const std::string& gender, int age, const std::string& citizenship, bool research,
                       const std::string& registeredOn) {
            Json items = {{{"kind", "event"}, {"type", "exploitation"}, {"country", "FR"}}};
            items.push_back({{"kind", "consent"}, {"scope", research ? "research" : "assistance"}, {"given", true},
                             {"recorded_on", registeredOn}});
            repo().createCase({{"registered_on", registeredOn},
                               {"person",
                                {{"given_name", "Testname Zzyzx"}, {"gender", gender}, {"estimated_age", age},
                                 {"citizenship", citizenship}}},
                               {"situation", {{"exploitation_types", {"sexual_exploitation"}}, {"control_means", {"debt_bondage"}}}},
                               {"items", items}});
        };
        for (int i = 0; i < 14; ++i) add("female", 25, "NG", true, "2025-06-01");
        for (int i = 0; i < 12; ++i) add("male", 31, "TN", true, "2026-02-01");
        add("male", 52, "ER", true, "2026-03-01");      // alone in every combination: withheld
        for (int i = 0; i < 5; ++i) add("female", 25, "NG", false, "2025-06-01");  // no research consent
    }
};

std::vector<std::vector<std::string>> readCsv(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::vector<std::string> fields;
        std::stringstream ss(line);
        std::string field;
        while (std::getline(ss, field, ',')) fields.push_back(field);
        rows.push_back(fields);
    }
    return rows;
}

}  // namespace

TEST_CASE("the anonymised export holds consenting persons only, k-anonymous, with no identifier", "[reports][export]") {
    ConsentingCases v;
    const auto path = v.dir / "research.csv";
    const auto summary = reports::exportAnonymised(*v.vault, path, {});
    CHECK(summary.consenting == 27);
    CHECK(summary.exported + summary.withheld == 27);
    CHECK(summary.withheld >= 1);

    const auto rows = readCsv(path);
    REQUIRE(rows.size() == static_cast<std::size_t>(summary.exported) + 1);
    CHECK(rows[0] == reports::anonymisedColumns());
    // The re-identification check: every combination of quasi-identifiers occurs at least k times.
    std::map<std::vector<std::string>, int> classes;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        REQUIRE(rows[i].size() == rows[0].size());
        ++classes[{rows[i].begin(), rows[i].begin() + 6}];
    }
    for (const auto& [combination, size] : classes) CHECK(size >= 11);
    // Nothing that names or locates anyone.
    std::ifstream in(path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(text.find("Zzyzx") == std::string::npos);
    CHECK(text.find("TST-01") == std::string::npos);
    CHECK(text.find("2025-06") == std::string::npos);
    CHECK(text.find(",ER,") == std::string::npos);  // the lone person from ER was withheld
    // Flags carry what happened.
    const auto& header = rows[0];
    const auto sexual = std::find(header.begin(), header.end(), "isSexualExploit") - header.begin();
    const auto debt = std::find(header.begin(), header.end(), "meansOfControlDebtBondage") - header.begin();
    CHECK(rows[1][static_cast<std::size_t>(sexual)] == "1");
    CHECK(rows[1][static_cast<std::size_t>(debt)] == "1");
    // The export is audited.
    bool audited = false;
    for (const auto& e : v.vault->audit().page(0, 1000)) audited = audited || e.action == audit::Action::Exported;
    CHECK(audited);
}

TEST_CASE("the anonymised export refuses bad input and leaves no file behind", "[reports][export]") {
    ConsentingCases v;
    auto failure = [&](const std::filesystem::path& path, const reports::ExportOptions& options) {
        try {
            reports::exportAnonymised(*v.vault, path, options);
        } catch (const Error& e) {
            return std::pair{e.code(), e.subject()};
        }
        return std::pair{ErrorCode::Internal, std::string("no error")};
    };
    reports::ExportOptions lowK;
    lowK.k = 4;
    CHECK(failure(v.dir / "a.csv", lowK) == std::pair{ErrorCode::ValueOutOfRange, std::string("k")});
    reports::ExportOptions emptyPeriod;
    emptyPeriod.from = "2026-05-01";
    emptyPeriod.to = "2026-01-01";
    CHECK(failure(v.dir / "b.csv", emptyPeriod).second == "period");
    // A folder that cannot exist: under a regular file.
    { std::ofstream(v.dir / "plain-file") << "x"; }
    CHECK(failure(v.dir / "plain-file" / "c.csv", {}).first == ErrorCode::IoError);
    for (const auto& entry : std::filesystem::directory_iterator(v.dir.path()))
        CHECK(entry.path().extension() != ".csv");
    // Caseworkers and administrators never get record-level data.
    v.login("worker", test::kWorkerPassword);
    CHECK(failure(v.dir / "d.csv", {}).first == ErrorCode::PermissionDenied);
    v.login("admin", test::kAdminPassword);
    CHECK(failure(v.dir / "e.csv", {}).first == ErrorCode::PermissionDenied);
}
