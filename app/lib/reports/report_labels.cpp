#include "reports/report_labels.h"

#include <QtCore/QDate>
#include <QtCore/QLocale>
#include <QtCore/QStringList>

#include "i18n/code_labels.h"
#include "i18n/display_format.h"
#include "session/session.h"

namespace abri::app {

using model::CodeList;
using reports::Dimension;

namespace {

std::optional<CodeList> codeListOf(Dimension dimension) {
    switch (dimension) {
    case Dimension::Gender: return CodeList::Gender;
    case Dimension::Citizenship:
    case Dimension::CountryOfExploitation: return CodeList::Country;
    case Dimension::ExploitationType: return CodeList::ExploitationType;
    case Dimension::LabourSector: return CodeList::LabourSector;
    case Dimension::RecruitmentMethod: return CodeList::RecruitmentMethod;
    case Dimension::RecruiterRelationship: return CodeList::RecruiterRelationship;
    case Dimension::ControlMeans: return CodeList::ControlMeans;
    case Dimension::ServiceType: return CodeList::ServiceType;
    case Dimension::ServiceStatus: return CodeList::ServiceStatus;
    case Dimension::ReferralDirection: return CodeList::ReferralDirection;
    case Dimension::ReferralStatus: return CodeList::ReferralStatus;
    case Dimension::CaseStatus: return CodeList::CaseStatus;
    case Dimension::ClosureReason: return CodeList::ClosureReason;
    case Dimension::ScreeningOutcome: return CodeList::ScreeningOutcome;
    case Dimension::AgeBand:
    case Dimension::MinorStatus:
    case Dimension::International:
    case Dimension::Office:
    case Dimension::Caseworker:
    case Dimension::RegistrationYear:
    case Dimension::RegistrationQuarter:
    case Dimension::RegistrationMonth: return std::nullopt;
    }
    return std::nullopt;
}

// Years and counts of years: digits of the locale, no group separator ("2026", not "2,026").
QString yearText(int year) {
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale.toString(year);
}

QString plainNumber(int value) {
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale.toString(value);
}

// "18-20" -> "18–20", "48+" -> "48+", in the locale's digits.
QString ageBandText(const std::string& band) {
    const QString text = QString::fromStdString(band);
    if (text.endsWith(QLatin1Char('+'))) {
        bool ok = false;
        const int from = text.chopped(1).toInt(&ok);
        return ok ? ReportLabels::tr("%1 and over", "age band").arg(plainNumber(from)) : text;
    }
    const QStringList parts = text.split(QLatin1Char('-'));
    if (parts.size() != 2) return text;
    bool okFrom = false, okTo = false;
    const int from = parts[0].toInt(&okFrom);
    const int to = parts[1].toInt(&okTo);
    if (!okFrom || !okTo) return text;
    return ReportLabels::tr("%1–%2", "age band: from–to years").arg(plainNumber(from), plainNumber(to));
}

QString monthText(const std::string& code) {
    const QDate date = QDate::fromString(QString::fromStdString(code) + QStringLiteral("-01"), Qt::ISODate);
    if (!date.isValid()) return QString::fromStdString(code);
    return ReportLabels::tr("%1 %2", "month name, year")
        .arg(QLocale().standaloneMonthName(date.month(), QLocale::LongFormat), yearText(date.year()));
}

QString quarterText(const std::string& code) {
    // "2026-Q3"
    if (code.size() != 7) return QString::fromStdString(code);
    bool ok = false;
    const int year = QString::fromStdString(code.substr(0, 4)).toInt(&ok);
    if (!ok) return QString::fromStdString(code);
    return ReportLabels::tr("Q%1 %2", "quarter of a year: Q3 2026").arg(plainNumber(code[6] - '0'), yearText(year));
}

}  // namespace

QString ReportLabels::dimensionName(Dimension dimension) {
    switch (dimension) {
    case Dimension::AgeBand: return tr("Age at registration");
    case Dimension::MinorStatus: return tr("Minor or adult");
    case Dimension::Gender: return tr("Sex");
    case Dimension::Citizenship: return tr("Citizenship");
    case Dimension::CountryOfExploitation: return tr("Country of exploitation");
    case Dimension::International: return tr("International or internal");
    case Dimension::ExploitationType: return tr("Type of exploitation");
    case Dimension::LabourSector: return tr("Labour sector");
    case Dimension::RecruitmentMethod: return tr("Recruitment method");
    case Dimension::RecruiterRelationship: return tr("Relationship to the recruiter");
    case Dimension::ControlMeans: return tr("Means of control");
    case Dimension::ServiceType: return tr("Service");
    case Dimension::ServiceStatus: return tr("Service status");
    case Dimension::ReferralDirection: return tr("Referral direction");
    case Dimension::ReferralStatus: return tr("Referral status");
    case Dimension::CaseStatus: return tr("Case status");
    case Dimension::ClosureReason: return tr("Closure reason");
    case Dimension::ScreeningOutcome: return tr("Screening outcome");
    case Dimension::Office: return tr("Office");
    case Dimension::Caseworker: return tr("Caseworker");
    case Dimension::RegistrationYear: return tr("Year of registration");
    case Dimension::RegistrationQuarter: return tr("Quarter of registration");
    case Dimension::RegistrationMonth: return tr("Month of registration");
    }
    return QString::fromUtf8(reports::dimensionCode(dimension).data());
}

QString ReportLabels::title(const reports::ReportDefinition& definition) {
    const std::string& id = definition.id;
    if (id == "persons_by_age_band") return tr("Persons assisted by age");
    if (id == "persons_by_minor_status") return tr("Persons assisted: minors and adults");
    if (id == "persons_by_sex") return tr("Persons assisted by sex");
    if (id == "persons_by_international") return tr("Persons assisted: international and internal trafficking");
    if (id == "persons_by_exploitation_type") return tr("Persons assisted by type of exploitation");
    if (id == "services_by_type_and_status") return tr("Assistance given: services by type and status");
    if (id == "referrals_by_direction_and_status") return tr("Referrals by direction and status");
    if (id == "case_flow_by_month") return tr("Case flow: cases registered per month by current status");
    if (id == "exploitation_by_sex") return tr("Type of exploitation by sex");
    if (id == "exploitation_by_age_band") return tr("Type of exploitation by age");
    if (!definition.title.empty()) return QString::fromStdString(definition.title);  // saved: the user's name
    if (definition.columns) {
        return tr("%1 by %2", "report title: rows by columns")
            .arg(dimensionName(definition.rows), dimensionName(*definition.columns).toLower());
    }
    return dimensionName(definition.rows);
}

QString ReportLabels::category(Dimension dimension, const std::string& code, Session* session) {
    if (const auto list = codeListOf(dimension); list && code != "unknown" && code != "none" && code != "not_closed") {
        return CodeLabels::label(*list, code);
    }
    if (code == "unknown") {
        if (dimension == Dimension::Gender) return CodeLabels::label(CodeList::Gender, code);
        return tr("Unknown");
    }
    if (code == "none") {
        switch (dimension) {
        case Dimension::ServiceType:
        case Dimension::ServiceStatus: return tr("No service");
        case Dimension::ReferralDirection:
        case Dimension::ReferralStatus: return tr("No referral");
        default: return tr("None");
        }
    }
    if (code == "not_closed") return tr("Not closed");
    switch (dimension) {
    case Dimension::AgeBand: return ageBandText(code);
    case Dimension::MinorStatus:
        if (code == "minor") return tr("Minors (under 18)");
        if (code == "adult") return tr("Adults");
        break;
    case Dimension::International:
        if (code == "international") return DisplayFormat::internationalText(true);
        if (code == "internal") return DisplayFormat::internationalText(false);
        break;
    case Dimension::Caseworker:
        if (code == "unassigned") return tr("Unassigned");
        return session != nullptr ? session->userDisplayName(code) : QString::fromStdString(code);
    case Dimension::RegistrationYear: {
        bool ok = false;
        const int year = QString::fromStdString(code).toInt(&ok);
        return ok ? yearText(year) : QString::fromStdString(code);
    }
    case Dimension::RegistrationQuarter: return quarterText(code);
    case Dimension::RegistrationMonth: return monthText(code);
    default: break;
    }
    return QString::fromStdString(code);  // offices: their codes
}

QString ReportLabels::value(const reports::PublishedTable& table, const reports::PublishedValue& value) {
    if (value) return DisplayFormat::number(*value);
    return QStringLiteral("<") + plainNumber(table.minimumCellSize);
}

QString ReportLabels::plainValue(const reports::PublishedTable& table, const reports::PublishedValue& value) {
    return QString::fromStdString(reports::formatValue(table, value));
}

QString ReportLabels::percent(double percent) {
    return tr("%1 %", "percentage").arg(QLocale().toString(percent, 'f', 1));
}

QString ReportLabels::period(const reports::ReportDefinition& definition) {
    const QString from = definition.from ? DisplayFormat::date(*definition.from) : QString();
    const QString to = definition.to ? DisplayFormat::date(*definition.to) : QString();
    if (!from.isEmpty() && !to.isEmpty()) return tr("Registered %1 – %2", "period").arg(from, to);
    if (!from.isEmpty()) return tr("Registered from %1", "period").arg(from);
    if (!to.isEmpty()) return tr("Registered until %1", "period").arg(to);
    return tr("All registrations");
}

QString ReportLabels::filters(const reports::ReportDefinition& definition, Session* session) {
    QStringList parts;
    for (const auto& filter : definition.filters) {
        QStringList values;
        for (const auto& code : filter.codes) values << category(filter.dimension, code, session);
        parts << tr("%1: %2", "filter: dimension: values")
                     .arg(dimensionName(filter.dimension), QLocale().createSeparatedList(values));
    }
    return parts.join(QStringLiteral(" · "));
}

QString ReportLabels::totalLabel() { return tr("Total"); }

QString ReportLabels::personsLabel() { return tr("Persons"); }

QString ReportLabels::shareLabel() { return tr("Share"); }

QString ReportLabels::suppressedTooltip(int minimumCellSize) {
    return tr("Suppressed: fewer than %1 persons (or needed to protect another cell)").arg(plainNumber(minimumCellSize));
}

QString ReportLabels::multiValuedNote() {
    return tr("A person can count in several rows; totals count each person once.");
}

QString ReportLabels::internalNote() {
    return tr("Internal: broken down by office or caseworker — not for publication.");
}

QString ReportLabels::protectionNote(const reports::PublishedTable& table) {
    const QString k = plainNumber(table.minimumCellSize);
    return table.rounded
               ? tr("Values below %1 are suppressed to protect the persons counted; values are rounded to base 5.")
                     .arg(k)
               : tr("Values below %1 are suppressed to protect the persons counted.").arg(k);
}

QString ReportLabels::emptyNote() { return tr("No person was registered in this period with these filters."); }

}  // namespace abri::app
