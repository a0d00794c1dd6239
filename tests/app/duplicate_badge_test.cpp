// The case file shows what the hub decided about duplicates (sync/PROTOCOL.md §6.4): "possible duplicate" on a
// flagged case, and the link after a merge, in every language; the hub-only fields are never editable.
#include "catch_qt.h"

#include <QtWidgets/QLabel>

#include "casefile/case_file_widget.h"
#include "casefile/duplicate_badge.h"
#include "cases/case_repository.h"
#include "demo_vault.h"
#include "forms/field_form.h"
#include "hub_links.h"
#include "language_guard.h"
#include "session/session.h"
#include "vault/vault.h"

using abri::app::CaseFileWidget;
using abri::app::DuplicateBadge;
using abri::app::Session;
using abri::app::test::DemoVault;
using nlohmann::json;

namespace {

std::string caseNamed(abri::vault::Vault& vault, const std::string& text) {
    abri::cases::CaseQuery query;
    query.filter.text = text;
    const auto rows = abri::cases::CaseRepository(vault).list(query);
    REQUIRE(rows.size() == 1);
    return rows.front().id;
}

const QChar kRightToLeftMark(0x200F);

}  // namespace

TEST_CASE("the case file shows a possible duplicate and the link after a merge", "[app][casefile][duplicates]") {
    DemoVault demo;
    std::string alpha, bravo, charlie;
    {
        auto vault = demo.unlockWorker();
        alpha = caseNamed(*vault, "Alpha");
        bravo = caseNamed(*vault, "Bravo");
        charlie = abri::cases::CaseRepository(*vault).createCase(
            {{"person", {{"given_name", "Testperson"}, {"family_name", "Survivorfake"}, {"gender", "female"}}}});
        abri::app::test::applyHubLinks(*vault, alpha, {{"possible_duplicate_of", {"TST-TWO-26-FAKE01"}}});
        abri::app::test::applyHubLinks(*vault, bravo, {{"status", "closed"},
                                                       {"closure_reason", "duplicate_case"},
                                                       {"closed_on", vault->today()},
                                                       {"duplicate_of", "TST-TWO-26-FAKE02"}});
        abri::app::test::applyHubLinks(*vault, charlie, {{"same_person_as", {"TST-TWO-26-FAKE03", "TST-TWO-26-FAKE04"}}});
    }
    Session session(demo.unlockWorker(), DemoVault::kdf());
    auto badgeOf = [](CaseFileWidget& file) { return file.findChild<DuplicateBadge*>(QStringLiteral("duplicateBadge")); };

    CaseFileWidget flagged(session, alpha);
    REQUIRE(badgeOf(flagged) != nullptr);
    CHECK_FALSE(badgeOf(flagged)->isHidden());
    CHECK(badgeOf(flagged)->text() == QStringLiteral("Possible duplicate of TST-TWO-26-FAKE01 (flagged at the hub)"));
    // Nobody edits the hub's fields: they are not in the case form.
    CHECK_FALSE(flagged.caseForm()->hasField("possible_duplicate_of"));
    CHECK_FALSE(flagged.caseForm()->hasField("duplicate_of"));
    CHECK(flagged.caseForm()->hasField("status"));

    CaseFileWidget retired(session, bravo);
    CHECK(badgeOf(retired)->text() ==
          QStringLiteral("Duplicate of TST-TWO-26-FAKE02: the same person's case, which continues there"));
    CaseFileWidget surviving(session, charlie);
    CHECK(badgeOf(surviving)->text() ==
          QStringLiteral("Same person as TST-TWO-26-FAKE03, TST-TWO-26-FAKE04 (merged at the hub)"));

    {
        abri::app::test::LanguageGuard guard(QStringLiteral("fr"));
        CHECK(badgeOf(flagged)->text() ==
              QStringLiteral("Doublon possible de TST-TWO-26-FAKE01 (signalé par le serveur central)"));
        CHECK(badgeOf(retired)->text().startsWith(QStringLiteral("Doublon de TST-TWO-26-FAKE02")));
    }
    {
        abri::app::test::LanguageGuard guard(QStringLiteral("ar"));
        // Right-to-left, whatever the Latin case code inside: the line follows the UI direction.
        CHECK(badgeOf(flagged)->text().startsWith(kRightToLeftMark));
        CHECK(badgeOf(flagged)->text().contains(QStringLiteral("تكرار محتمل")));
        CHECK(badgeOf(surviving)->text().contains(QStringLiteral("TST-TWO-26-FAKE04")));
    }
    CHECK(badgeOf(flagged)->text().startsWith(QStringLiteral("Possible duplicate")));
}

TEST_CASE("a case the hub never flagged shows no duplicate line", "[app][casefile][duplicates]") {
    DemoVault demo;
    Session session(demo.unlockWorker(), DemoVault::kdf());
    std::string alpha;
    {
        auto vault = demo.unlockWorker();
        alpha = caseNamed(*vault, "Alpha");
    }
    CaseFileWidget file(session, alpha);
    const auto* badge = file.findChild<DuplicateBadge*>(QStringLiteral("duplicateBadge"));
    REQUIRE(badge != nullptr);
    CHECK(badge->isHidden());
    CHECK(badge->text().isEmpty());
}
