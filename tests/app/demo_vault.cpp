#include "demo_vault.h"

#include "cases/case_repository.h"
#include "crypto/secure_buffer.h"
#include "demo/synthetic_cases.h"
#include "vault/vault.h"

namespace abri::app::test {

using nlohmann::json;

std::vector<json> DemoVault::handWrittenCases(const std::string& workerId) {
    std::vector<json> cases;
    // An adult woman, international case, presumed victim, under assistance.
    cases.push_back(json{
        {"status", "registered"},
        {"registered_on", "2024-03-04"},
        {"caseworker", workerId},
        {"person",
         {{"given_name", "Testperson"},
          {"family_name", "Alpha"},
          {"gender", "female"},
          {"estimated_age", 29},
          {"citizenship", "NG"},
          {"languages", {"en", "fr"}}}},
        {"screening", {{"acts", {"recruitment", "transport"}}, {"means", {"deception"}},
                       {"purposes", {"sexual_exploitation"}}, {"screened_on", "2024-03-04"}}},
        {"situation", {{"exploitation_types", {"sexual_exploitation"}}, {"recruitment_methods", {"job_offer"}}}},
        {"items",
         {{{"kind", "event"}, {"type", "recruitment"}, {"date", "2023-06-01"}, {"country", "NG"}},
          {{"kind", "event"}, {"type", "exploitation"}, {"date", "2023-09-01"}, {"country", "TN"}},
          {{"kind", "consent"}, {"scope", "assistance"}, {"given", true}, {"recorded_on", "2024-03-04"}},
          {{"kind", "service"}, {"type", "accommodation"}, {"status", "ongoing"}, {"started_on", "2024-03-04"},
           {"provider", "Fakeshelter Sfax"}},
          {{"kind", "note"}, {"text", "Fake note: first interview held with an interpreter."}}}}});
    // A minor boy, act and purpose only: presumed victim by the minor rule.
    cases.push_back(json{
        {"status", "registered"},
        {"registered_on", "2024-05-10"},
        {"person", {{"given_name", "Testperson"}, {"family_name", "Bravo"}, {"gender", "male"},
                    {"estimated_age", 15}, {"citizenship", "TN"}}},
        {"screening", {{"acts", {"harbouring"}}, {"purposes", {"forced_begging"}}}},
        {"situation", {{"exploitation_types", {"forced_begging"}}}}});
    // An adult with no name given, screening pending.
    cases.push_back(json{{"status", "registered"},
                         {"registered_on", "2023-11-20"},
                         {"caseworker", workerId},
                         {"person", {{"gender", "unknown"}, {"estimated_age", 41}, {"citizenship", "CI"}}},
                         {"screening", {{"acts", {"recruitment"}}}},
                         {"situation", {{"exploitation_types", {"forced_labour"}}, {"labour_sector", "agriculture"}}}});
    return cases;
}

DemoVault::DemoVault(std::size_t syntheticCases) : path_(dir_.path() / "demo.vault") {
    crypto::SecureBuffer recoveryKey;
    vault::CreateOptions options;
    options.path = path_;
    options.office = kOffice;
    options.adminUsername = kAdmin;
    options.adminDisplayName = "Testadmin Zulu";
    options.adminPassword = kAdminPassword;
    options.kdf = kdf();
    {
        auto admin = vault::Vault::create(options, recoveryKey);
        workerId_ = admin->addUser(kWorker, "Testworker Yankee", vault::Role::Caseworker, kWorkerPassword, kdf()).id;
    }
    recoveryKey_ = std::string(recoveryKey.view());
    auto worker = unlockWorker();
    cases::CaseRepository repository(*worker);
    auto docs = handWrittenCases(workerId_);
    if (syntheticCases > 0) {
        auto generated = demo::makeSyntheticCases(syntheticCases, 42, kOffice, worker->today());
        docs.insert(docs.end(), std::make_move_iterator(generated.begin()), std::make_move_iterator(generated.end()));
    }
    caseCount_ = repository.importCases(docs).size();
}

DemoVault::~DemoVault() = default;

std::unique_ptr<vault::Vault> DemoVault::unlockWorker() const {
    return vault::Vault::unlock(path_, kWorker, kWorkerPassword);
}

std::unique_ptr<vault::Vault> DemoVault::unlockAdmin() const {
    return vault::Vault::unlock(path_, kAdmin, kAdminPassword);
}

}  // namespace abri::app::test
