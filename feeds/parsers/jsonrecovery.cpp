#include "feeds/parsers/jsonrecovery.h"

namespace tw {

std::optional<QString> jsonCutToLastCompleteItem(QStringView text)
{
    QString open;   // the brackets open at the current position, outermost first
    qsizetype cut = -1;
    QString openAtCut;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == QLatin1Char('\\'))
                escaped = true;
            else if (c == QLatin1Char('"'))
                inString = false;
            continue;
        }
        if (c == QLatin1Char('"')) {
            inString = true;
        } else if (c == QLatin1Char('{') || c == QLatin1Char('[')) {
            open.append(c);
        } else if (c == QLatin1Char('}') || c == QLatin1Char(']')) {
            if (open.isEmpty())
                return std::nullopt;   // more closed than opened: not a document cut short
            open.chop(1);
            // An item of the root array done, or one of an array under the
            // root object, or that array itself.
            const bool itemDone = (open.size() == 1 && open.at(0) == QLatin1Char('['))
                               || (open.size() == 2 && open.at(0) == QLatin1Char('{') && open.at(1) == QLatin1Char('['))
                               || (open.size() == 1 && open.at(0) == QLatin1Char('{') && c == QLatin1Char(']'));
            if (itemDone) {
                cut = i + 1;
                openAtCut = open;
            }
        }
    }
    if (open.isEmpty() || cut < 0)
        return std::nullopt;
    QString whole = text.left(cut).toString();
    for (qsizetype i = openAtCut.size() - 1; i >= 0; --i)
        whole.append(openAtCut.at(i) == QLatin1Char('{') ? QLatin1Char('}') : QLatin1Char(']'));
    return whole;
}

} // namespace tw
