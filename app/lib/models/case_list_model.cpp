#include "models/case_list_model.h"

#include <QtCore/QDate>
#include <QtCore/QDateTime>
#include <QtCore/QLocale>
#include <QtGui/QFont>

#include <algorithm>
#include <limits>

#include "cases/case_repository.h"
#include "common/error.h"
#include "i18n/code_labels.h"
#include "i18n/display_format.h"
#include "i18n/error_messages.h"

namespace abri::app {

using model::CodeList;

namespace {

std::optional<cases::SortKey> sortKeyFor(int column) {
    switch (column) {
    case CaseListModel::CaseCode: return cases::SortKey::CaseCode;
    case CaseListModel::RegisteredOn: return cases::SortKey::RegisteredOn;
    case CaseListModel::Status: return cases::SortKey::Status;
    case CaseListModel::Office: return cases::SortKey::Office;
    case CaseListModel::Updated: return cases::SortKey::UpdatedAt;
    default: return std::nullopt;
    }
}

}  // namespace

CaseListModel::CaseListModel(cases::CaseRepository& repository,
                             std::function<QString(const std::string&)> userName, QObject* parent)
    : QAbstractTableModel(parent), repository_(repository), userName_(std::move(userName)) {
    query_.limit = kPageSize;
    reload();
}

CaseListModel::~CaseListModel() = default;

int CaseListModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid()) return 0;
    return static_cast<int>(std::min<std::int64_t>(total_, std::numeric_limits<int>::max()));
}

int CaseListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

bool CaseListModel::isSortable(int column) { return sortKeyFor(column).has_value(); }

const cases::CaseSummary* CaseListModel::summaryAt(int row) const {
    if (row < 0 || row >= total_) return nullptr;
    const std::int64_t page = row / kPageSize;
    auto it = pages_.find(page);
    if (it == pages_.end()) {
        cases::CaseQuery pageQuery = query_;
        pageQuery.offset = page * kPageSize;
        pageQuery.limit = kPageSize;
        std::vector<cases::CaseSummary> rows;
        try {
            rows = repository_.list(pageQuery);
        } catch (const Error& error) {
            // Reported once per failing page; the row stays blank rather than crashing a paint event.
            const_cast<CaseListModel*>(this)->queryFailed(ErrorMessages::message(error));
        }
        ++pagesFetched_;
        while (pages_.size() >= kCachedPages && !pageOrder_.isEmpty()) pages_.remove(pageOrder_.takeFirst());
        it = pages_.insert(page, std::move(rows));
        pageOrder_.append(page);
    } else if (pageOrder_.last() != page) {
        pageOrder_.removeOne(page);
        pageOrder_.append(page);
    }
    const auto index = static_cast<std::size_t>(row % kPageSize);
    return index < it->size() ? &(*it)[index] : nullptr;
}

std::string CaseListModel::caseIdAt(int row) const {
    const auto* summary = summaryAt(row);
    return summary ? summary->id : std::string();
}

QString CaseListModel::displayText(const cases::CaseSummary& summary, int column) const {
    switch (column) {
    case CaseCode: return QString::fromStdString(summary.caseCode);
    case RegisteredOn: return DisplayFormat::date(summary.registeredOn);
    case Status: return CodeLabels::label(CodeList::CaseStatus, summary.status);
    case Screening: return CodeLabels::label(CodeList::ScreeningOutcome, summary.screeningOutcome);
    case Gender: return CodeLabels::label(CodeList::Gender, summary.gender);
    case Minor: return summary.minor ? tr("Minor") : QString();
    case Exploitation: return CodeLabels::labels(CodeList::ExploitationType, summary.exploitationTypes);
    case International: return DisplayFormat::internationalText(summary.international);
    case Office: return QString::fromStdString(summary.office);
    case Caseworker: return userName_ ? userName_(summary.caseworker) : QString::fromStdString(summary.caseworker);
    case Updated: return DisplayFormat::dateTime(summary.updatedMs);
    default: return {};
    }
}

QVariant CaseListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.column() >= ColumnCount) return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != kCaseIdRole && role != Qt::FontRole) {
        return {};
    }
    const auto* summary = summaryAt(index.row());
    if (summary == nullptr) return {};
    if (role == kCaseIdRole) return QString::fromStdString(summary->id);
    if (role == Qt::FontRole) {
        if (index.column() != CaseCode) return {};
        QFont font;
        font.setFamily(QStringLiteral("monospace"));
        font.setStyleHint(QFont::Monospace);
        return font;
    }
    return displayText(*summary, index.column());
}

QVariant CaseListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CaseCode: return tr("Case code");
    case RegisteredOn: return tr("Registered");
    case Status: return tr("Status");
    case Screening: return tr("Screening");
    case Gender: return tr("Gender");
    case Minor: return tr("Age group");
    case Exploitation: return tr("Exploitation");
    case International: return tr("Scope");
    case Office: return tr("Office");
    case Caseworker: return tr("Caseworker");
    case Updated: return tr("Last change");
    default: return {};
    }
}

void CaseListModel::sort(int column, Qt::SortOrder order) {
    const auto key = sortKeyFor(column);
    if (!key) return;  // only columns core can sort on; the view keeps the previous order
    query_.sort = *key;
    query_.descending = order == Qt::DescendingOrder;
    reload();
}

void CaseListModel::setFilter(const cases::CaseFilter& filter) {
    query_.filter = filter;
    reload();
}

void CaseListModel::refresh() { reload(); }

void CaseListModel::reload() {
    beginResetModel();
    pages_.clear();
    pageOrder_.clear();
    try {
        total_ = repository_.count(query_.filter);
    } catch (const Error& error) {
        total_ = 0;
        Q_EMIT queryFailed(ErrorMessages::message(error));
    }
    endResetModel();
    Q_EMIT countChanged(total_);
}

void CaseListModel::retranslate() {
    if (total_ > 0) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

}  // namespace abri::app
