#include "catch_qt.h"

#include <QtCore/QCoreApplication>
#include <QtTest/QTest>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QTableView>

#include <set>

#include "caselist/case_list_page.h"
#include "cases/case_repository.h"
#include "demo_vault.h"
#include "models/case_list_model.h"
#include "session/session.h"
#include "vault/vault.h"

using abri::app::CaseListModel;
using abri::app::CaseListPage;
using abri::app::Session;
using abri::app::test::DemoVault;

namespace {

// 3 hand-written + 600 synthetic cases: several pages of 200.
const DemoVault& sharedVault() {
    static const DemoVault vault(600);
    return vault;
}

QString cell(const CaseListModel& model, int row, int column) {
    return model.data(model.index(row, column), Qt::DisplayRole).toString();
}

}  // namespace

TEST_CASE("the case list model pages from core instead of loading every case", "[app][caselist]") {
    const auto& demo = sharedVault();
    Session session(demo.unlockWorker(), DemoVault::kdf());
    CaseListModel model(session.cases(), [&session](const std::string& id) { return session.userDisplayName(id); });

    CHECK(model.rowCount() == static_cast<int>(demo.caseCount()));
    CHECK(model.columnCount() == CaseListModel::ColumnCount);
    CHECK(model.pagesFetched() == 0);  // counting fetches no rows

    CHECK_FALSE(cell(model, 0, CaseListModel::CaseCode).isEmpty());
    CHECK(model.pagesFetched() == 1);
    CHECK_FALSE(cell(model, 199, CaseListModel::CaseCode).isEmpty());
    CHECK(model.pagesFetched() == 1);  // same page
    CHECK_FALSE(cell(model, 200, CaseListModel::CaseCode).isEmpty());
    CHECK(model.pagesFetched() == 2);

    // Walking every row keeps at most kCachedPages pages in memory.
    std::set<QString> codes;
    for (int row = 0; row < model.rowCount(); ++row) codes.insert(cell(model, row, CaseListModel::CaseCode));
    CHECK(codes.size() == demo.caseCount());  // every row distinct: pages line up without gaps or overlaps
    CHECK(model.cachedPageCount() <= CaseListModel::kCachedPages);
    CHECK(model.data(model.index(model.rowCount(), 0), Qt::DisplayRole).isNull());
}

TEST_CASE("sorting re-queries core", "[app][caselist]") {
    const auto& demo = sharedVault();
    Session session(demo.unlockWorker(), DemoVault::kdf());
    CaseListModel model(session.cases(), {});

    model.sort(CaseListModel::CaseCode, Qt::AscendingOrder);
    const QString firstAscending = cell(model, 0, CaseListModel::CaseCode);
    const QString lastAscending = cell(model, model.rowCount() - 1, CaseListModel::CaseCode);
    CHECK(firstAscending < lastAscending);
    for (int row = 1; row < 400; ++row) {
        REQUIRE(cell(model, row - 1, CaseListModel::CaseCode) <= cell(model, row, CaseListModel::CaseCode));
    }
    model.sort(CaseListModel::CaseCode, Qt::DescendingOrder);
    CHECK(cell(model, 0, CaseListModel::CaseCode) == lastAscending);

    model.sort(CaseListModel::RegisteredOn, Qt::AscendingOrder);
    const auto first = model.caseIdAt(0);
    auto view = session.cases().load(first);
    REQUIRE(view);
    // The earliest registration of all cases, as the repository itself reports it.
    abri::cases::CaseQuery query;
    query.sort = abri::cases::SortKey::RegisteredOn;
    query.descending = false;
    query.limit = 1;
    CHECK(session.cases().list(query).front().id == first);

    // Columns core cannot sort on leave the order alone.
    const auto before = model.caseIdAt(0);
    model.sort(CaseListModel::Gender, Qt::AscendingOrder);
    CHECK(model.caseIdAt(0) == before);
    CHECK_FALSE(CaseListModel::isSortable(CaseListModel::Gender));
}

TEST_CASE("filters narrow the list and the count", "[app][caselist]") {
    const auto& demo = sharedVault();
    Session session(demo.unlockWorker(), DemoVault::kdf());
    CaseListModel model(session.cases(), [&session](const std::string& id) { return session.userDisplayName(id); });
    const int all = model.rowCount();

    abri::cases::CaseFilter minors;
    minors.minor = true;
    model.setFilter(minors);
    CHECK(model.rowCount() > 0);
    CHECK(model.rowCount() < all);
    for (int row = 0; row < std::min(model.rowCount(), 50); ++row) CHECK(cell(model, row, CaseListModel::Minor) == QStringLiteral("Minor"));

    abri::cases::CaseFilter byWorker;
    byWorker.caseworker = demo.workerId();
    model.setFilter(byWorker);
    REQUIRE(model.rowCount() >= 2);
    CHECK(cell(model, 0, CaseListModel::Caseworker) == QStringLiteral("Testworker Yankee"));

    abri::cases::CaseFilter byText;
    byText.text = "Bravo";
    model.setFilter(byText);
    REQUIRE(model.rowCount() == 1);
    auto view = session.cases().load(model.caseIdAt(0));
    REQUIRE(view);
    CHECK(view->minor);

    abri::cases::CaseFilter range;
    range.registeredFrom = "2024-03-01";
    range.registeredTo = "2024-03-31";
    range.exploitationType = "sexual_exploitation";
    model.setFilter(range);
    REQUIRE(model.rowCount() >= 1);
    for (int row = 0; row < model.rowCount(); ++row) {
        CHECK(model.caseIdAt(row).size() > 0);
        CHECK(cell(model, row, CaseListModel::Exploitation).contains(QStringLiteral("Sexual exploitation")));
    }

    model.setFilter({});
    CHECK(model.rowCount() == all);
    CHECK(model.totalCount() == all);
}

TEST_CASE("the case list page debounces the search box and shows the count", "[app][caselist]") {
    const auto& demo = sharedVault();
    Session session(demo.unlockWorker(), DemoVault::kdf());
    CaseListPage page(session);
    page.resize(1100, 700);
    page.show();
    const int all = page.model()->rowCount();
    CHECK(page.countLabel()->text().contains(QLocale().toString(all)));

    QTest::keyClicks(page.searchEdit(), QStringLiteral("Alpha"));
    // Not applied while typing...
    CHECK(page.model()->rowCount() == all);
    // ...but once the person pauses.
    REQUIRE(QTest::qWaitFor([&] { return page.model()->rowCount() == 1; }, 10'000));
    CHECK(page.countLabel()->text() == QStringLiteral("Cases: 1"));

    page.clearFilters();
    CHECK(page.model()->rowCount() == all);

    const int status = page.statusFilter()->findData(QStringLiteral("registered"));
    page.statusFilter()->setCurrentIndex(status);
    CHECK(page.model()->filter().status == std::optional<std::string>("registered"));
    CHECK(page.model()->rowCount() <= all);

    // Clicking a header core cannot sort on leaves the indicator where the order really is.
    auto* header = page.table()->horizontalHeader();
    header->setSortIndicator(CaseListModel::CaseCode, Qt::AscendingOrder);
    CHECK(page.model()->query().sort == abri::cases::SortKey::CaseCode);
    header->setSortIndicator(CaseListModel::Gender, Qt::AscendingOrder);
    CHECK(header->sortIndicatorSection() == CaseListModel::CaseCode);
    CHECK(page.model()->query().sort == abri::cases::SortKey::CaseCode);

    // Enter on a row asks to open that case.
    page.clearFilters();
    QString opened;
    QObject::connect(&page, &CaseListPage::openCaseRequested, [&opened](const QString& id) { opened = id; });
    page.table()->setFocus();
    page.table()->setCurrentIndex(page.model()->index(2, 0));
    QTest::keyClick(page.table(), Qt::Key_Return);
    CHECK(opened == QString::fromStdString(page.model()->caseIdAt(2)));
}
