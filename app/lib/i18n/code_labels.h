#pragma once
// Translated labels of the stable codes of core's code lists (model/code_lists.h). Core stores and syncs codes;
// only this class turns them into words. Countries and languages come from iso-codes (IsoNames).
#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QString>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/code_lists.h"

namespace abri::app {

class CodeLabels {
    Q_DECLARE_TR_FUNCTIONS(CodeLabels)

public:
    // The label of `code` in the current language; a readable fallback ("abc_def" -> "abc def") for a code this
    // version does not know (one synced from a newer client). Empty code: empty label.
    static QString label(model::CodeList list, std::string_view code);
    static QString label(model::CodeList list, const QString& code);
    // Labels of several codes joined with the locale's list separator.
    static QString labels(model::CodeList list, const std::vector<std::string>& codes);
    // True when this version has a written label for the code (tests check every code of every list).
    static bool hasLabel(model::CodeList list, std::string_view code);
    // (code, label) pairs in display order; countries and languages sorted by their translated names.
    static QList<std::pair<QString, QString>> entries(model::CodeList list);
    // Short explanation for lists shown with check boxes (e.g. the screening elements); may be empty.
    static QString description(model::CodeList list, std::string_view code);
};

}  // namespace abri::app
