#pragma once
// Lets Catch2 print QStrings in failure messages.
#include <catch2/catch.hpp>

#include <QtCore/QString>

namespace Catch {
template <>
struct StringMaker<QString> {
    static std::string convert(const QString& value) { return '"' + value.toStdString() + '"'; }
};
}  // namespace Catch
