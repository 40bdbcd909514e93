#pragma once

#include <QLatin1String>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <cstddef>
#include <optional>

namespace tw {

// Lookups over a kind enum described by a constexpr `describe(Enum)`: a
// switch without `default:` returning the kind's row (at least `const char
// *name`), so -Wswitch names the row a new value lacks. The enum's values
// are 0, 1, 2, …; the first value describe() gives no name to ends them.
// One row per kind holds everything the code needs to know of it (name,
// label, fields, …), instead of hand-written lists beside the enum.
template <class Enum, auto describe>
struct KindTable {
    static constexpr std::size_t count()
    {
        std::size_t n = 0;
        while (describe(static_cast<Enum>(n)).name != nullptr)
            ++n;
        return n;
    }

    static constexpr std::array<Enum, count()> all()
    {
        std::array<Enum, count()> kinds{};
        for (std::size_t i = 0; i < kinds.size(); ++i)
            kinds[i] = static_cast<Enum>(i);
        return kinds;
    }

    static QString name(Enum kind) { return QString::fromLatin1(describe(kind).name); }

    static std::optional<Enum> fromName(QStringView name, Qt::CaseSensitivity cs = Qt::CaseSensitive)
    {
        for (Enum kind : all()) {
            if (name.compare(QLatin1String(describe(kind).name), cs) == 0)
                return kind;
        }
        return std::nullopt;
    }

    static QStringList names()
    {
        QStringList out;
        for (Enum kind : all())
            out << name(kind);
        return out;
    }
};

} // namespace tw
