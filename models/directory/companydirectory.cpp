#include "models/directory/companydirectory.h"

#include "models/core/logging.h"
#include "models/directory/companynames.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>
#include <vector>

namespace tw {

namespace {
const char kHeader[] =
    "# Tickerwire company directory, derived from SEC EDGAR company_tickers_exchange.json\n"
    "# (US government work, public domain) by `tickerwire build-directory`: do not edit.\n"
    "# cik<TAB>tickers, most traded class first<TAB>exchange<TAB>name|aliases\n";

int editDistance(QStringView a, QStringView b)
{
    std::vector<int> row(size_t(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[size_t(j)];
            row[size_t(j)] = std::min({up + 1, row[size_t(j - 1)] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row.back();
}

bool hasWordStartingWith(const QString &name, const QString &lowerPrefix)
{
    const QString lower = name.toLower();
    for (qsizetype at = lower.indexOf(lowerPrefix); at >= 0; at = lower.indexOf(lowerPrefix, at + 1)) {
        if (at == 0 || !lower.at(at - 1).isLetterOrNumber())
            return true;
    }
    return false;
}
} // namespace

QString CompanyDirectory::normalizedTicker(QStringView ticker)
{
    QString t = ticker.trimmed().toString().toUpper();
    if (t.startsWith(QLatin1Char('$')))
        t.remove(0, 1);
    t.replace(QLatin1Char('.'), QLatin1Char('-'));
    t.replace(QLatin1Char('/'), QLatin1Char('-'));
    return t;
}

Result<QByteArray> CompanyDirectory::build(const QByteArray &secJson, const CommonWords &words)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(secJson, &error);
    if (doc.isNull())
        return fail(QStringLiteral("not JSON: %1").arg(error.errorString()));
    const QJsonArray fields = doc.object().value(QStringLiteral("fields")).toArray();
    const QJsonArray data = doc.object().value(QStringLiteral("data")).toArray();
    if (fields.size() < 4 || fields.at(0).toString() != QLatin1String("cik")
        || fields.at(1).toString() != QLatin1String("name") || fields.at(2).toString() != QLatin1String("ticker")
        || fields.at(3).toString() != QLatin1String("exchange") || data.isEmpty())
        return fail(QStringLiteral("not the SEC's company_tickers_exchange.json "
                                   "(expected fields cik, name, ticker, exchange and a data array)"));

    struct Row {
        qint64 cik;
        QString legal;
        QStringList tickers;
        QString exchange;
    };
    QList<Row> rows;
    QHash<qint64, int> byCik;
    for (const QJsonValue &value : data) {
        const QJsonArray r = value.toArray();
        const qint64 cik = qint64(r.at(0).toDouble());
        const QString ticker = normalizedTicker(r.at(2).toString());
        if (cik <= 0 || ticker.isEmpty())
            continue;
        auto it = byCik.constFind(cik);
        if (it == byCik.cend()) {
            byCik.insert(cik, int(rows.size()));
            rows << Row{cik, r.at(1).toString(), {}, QString()};
            it = byCik.constFind(cik);
        }
        Row &row = rows[*it];
        if (!row.tickers.contains(ticker))
            row.tickers << ticker;
        if (row.exchange.isEmpty())
            row.exchange = r.at(3).toString();
    }

    CompanyNames names(words);
    QStringList display;
    for (const Row &row : rows)
        display << names.displayName(row.legal);
    names.learn(display);

    QByteArray out(kHeader);
    QSet<QString> taken;   // a short form belongs to the largest company that has it
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QStringList aliases;
        for (const QString &alias : names.aliases(display.at(i), int(i))) {
            if (alias == display.at(i) || !taken.contains(alias.toLower()))
                aliases << alias;
        }
        for (const QString &alias : aliases)
            taken.insert(alias.toLower());
        for (QString &a : aliases)
            a.replace(QLatin1Char('|'), QLatin1Char('/')).replace(QLatin1Char('\t'), QLatin1Char(' '));
        const Row &row = rows.at(i);
        out += QByteArray::number(row.cik) + '\t' + row.tickers.join(QLatin1Char(',')).toUtf8() + '\t'
             + row.exchange.toUtf8() + '\t' + aliases.join(QLatin1Char('|')).toUtf8() + '\n';
    }
    return out;
}

Result<CompanyDirectory> CompanyDirectory::parse(const QByteArray &tsv)
{
    CompanyDirectory dir;
    int lineNo = 0;
    for (const QByteArray &raw : tsv.split('\n')) {
        ++lineNo;
        if (raw.isEmpty() || raw.startsWith('#'))
            continue;
        const QList<QByteArray> cols = raw.split('\t');
        if (cols.size() != 4)
            return fail(QStringLiteral("line %1: expected 4 tab-separated columns").arg(lineNo));
        CompanyRecord c;
        bool ok = false;
        c.cik = cols.at(0).toLongLong(&ok);
        c.tickers = QString::fromUtf8(cols.at(1)).split(QLatin1Char(','), Qt::SkipEmptyParts);
        c.exchange = QString::fromUtf8(cols.at(2));
        c.aliases = QString::fromUtf8(cols.at(3)).split(QLatin1Char('|'), Qt::SkipEmptyParts);
        if (!ok || c.tickers.isEmpty() || c.aliases.isEmpty())
            return fail(QStringLiteral("line %1: a company needs a CIK, a ticker and a name").arg(lineNo));
        c.name = c.aliases.first();
        c.rank = int(dir.m_companies.size());
        const int index = int(dir.m_companies.size());
        for (const QString &t : c.tickers)
            dir.m_byTicker.insert(t, index);
        dir.m_byCik.insert(c.cik, index);
        dir.m_companies << c;
    }
    return dir;
}

const CompanyDirectory &CompanyDirectory::builtIn()
{
    static const CompanyDirectory directory = [] {
        QFile file(QStringLiteral(":/directory/companies.tsv"));
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(twStore) << "the company directory resource is missing";
            return CompanyDirectory();
        }
        auto parsed = parse(file.readAll());
        if (!parsed) {
            qCWarning(twStore) << "the company directory resource is damaged:" << parsed.errorMessage();
            return CompanyDirectory();
        }
        return std::move(parsed).value();
    }();
    return directory;
}

const CompanyRecord *CompanyDirectory::byTicker(QStringView ticker) const
{
    const auto it = m_byTicker.constFind(normalizedTicker(ticker));
    return it == m_byTicker.cend() ? nullptr : &m_companies.at(*it);
}

const CompanyRecord *CompanyDirectory::byCik(qint64 cik) const
{
    const auto it = m_byCik.constFind(cik);
    return it == m_byCik.cend() ? nullptr : &m_companies.at(*it);
}

QString CompanyDirectory::nameKey(const QString &name, NameKey depth)
{
    // Legal forms the SEC's names carry and the news drops (spelled without
    // dots: "S.A.B. de C.V." is "sab de cv"); then words for a group of
    // companies ("Alibaba Group Holding Ltd" is "Alibaba Group").
    static const QStringList kLegalForms{
        QStringLiteral("inc"), QStringLiteral("incorporated"), QStringLiteral("corp"), QStringLiteral("corporation"),
        QStringLiteral("co"), QStringLiteral("company"), QStringLiteral("companies"), QStringLiteral("ltd"),
        QStringLiteral("limited"), QStringLiteral("plc"), QStringLiteral("llc"), QStringLiteral("lp"),
        QStringLiteral("nv"), QStringLiteral("sa"), QStringLiteral("ag"), QStringLiteral("se"), QStringLiteral("asa"), QStringLiteral("as"),
        QStringLiteral("ab"), QStringLiteral("oyj"), QStringLiteral("spa"), QStringLiteral("gmbh"),
        QStringLiteral("aktiengesellschaft"), QStringLiteral("bhd"), QStringLiteral("tbk"), QStringLiteral("adr"),
        QStringLiteral("ads"), QStringLiteral("sab"), QStringLiteral("cv"), QStringLiteral("de"),
        QStringLiteral("public"), QStringLiteral("and")};
    static const QStringList kGroupForms{QStringLiteral("holdings"), QStringLiteral("holding"), QStringLiteral("group")};
    // The SEC's state and listing marks and remarks: "/DE/", "/ADR", "(MANA)",
    // "(1985)"; not a name's own slash ("Q/C Technologies").
    static const QRegularExpression marks(QStringLiteral("\\s*[/\\\\]\\s*[A-Za-z.]{1,5}\\s*[/\\\\]?\\s*$"));
    static const QRegularExpression remarks(QStringLiteral("\\([^)]*\\)"));
    static const QRegularExpression danish(QStringLiteral("\\bA\\s*/?\\s*S\\s*$"), QRegularExpression::CaseInsensitiveOption);
    QString bare = name;
    bare.remove(remarks);
    bare.replace(danish, QStringLiteral("AS"));   // "Novo Nordisk A/S", as EDGAR writes it "A S"
    for (int guard = 0; guard < 3 && bare.contains(marks); ++guard)
        bare.remove(marks);
    QString plain;
    for (const QChar c : bare.normalized(QString::NormalizationForm_KD)) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;   // "Nestlé" is typed "Nestle"
        if (c == QLatin1Char('&'))
            plain += QStringLiteral(" and ");
        else if (c == QLatin1Char('\'') || c == QChar(0x2019) || c == QLatin1Char('.'))
            continue;   // "McDonald's", "Macy's", "S.A."
        else
            plain += c.isLetterOrNumber() ? c.toLower() : QLatin1Char(' ');
    }
    QStringList words = plain.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() > 1 && words.first() == QLatin1String("the"))
        words.removeFirst();
    while (words.size() > 1
           && (kLegalForms.contains(words.last()) || (depth == NameKey::WithoutGroup && kGroupForms.contains(words.last()))))
        words.removeLast();
    if (words.size() > 1 && words.last() == QLatin1String("com")) {   // "AMAZON COM INC" is Amazon.com
        words.removeLast();
        words.last() += QStringLiteral("com");
    }
    return words.join(QLatin1Char(' '));
}

const QList<QStringList> &CompanyDirectory::nameKeys(NameKey depth) const
{
    NameKeys &made = (*m_nameKeys)[depth == NameKey::WithoutLegalForm ? 0 : 1];
    std::call_once(made.made, [&] {
        made.keys.reserve(m_companies.size());
        for (const CompanyRecord &c : m_companies) {
            QStringList keys{nameKey(c.name, depth)};
            for (const QString &alias : c.aliases)
                keys << nameKey(alias, depth);
            made.keys << keys;
        }
    });
    return made.keys;
}

CompanyMatch CompanyDirectory::find(const QString &typed) const
{
    CompanyMatch match;
    if (const CompanyRecord *c = byTicker(typed)) {
        match.company = c;
        match.symbol = normalizedTicker(typed);
        // The ticker wins, but another company may go by that name, or by
        // it as a shorter form ("Iron" is IRON's ticker and Iron Mountain's name).
        const QString key = nameKey(typed, NameKey::WithoutLegalForm);
        const QList<QStringList> &keys = nameKeys(NameKey::WithoutLegalForm);
        for (qsizetype i = 0; i < m_companies.size(); ++i) {
            if (&m_companies.at(i) != c && keys.at(i).contains(key))
                match.candidates << &m_companies.at(i);
        }
        return match;
    }
    static const QRegularExpression cik(QStringLiteral("^(?:CIK)?\\s*0*(\\d{1,10})$"),
                                        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = cik.match(typed.trimmed()); m.hasMatch()) {
        match.company = byCik(m.captured(1).toLongLong());
        match.symbol = match.company ? match.company->ticker() : QString();
        return match;
    }
    // Closest first: the name the news uses as typed ("Target", not "Target
    // Group"), then without group words, then an alias ("Costco").
    using Test = std::function<bool(qsizetype)>;   // by index in m_companies
    const QString legal = nameKey(typed, NameKey::WithoutLegalForm);
    const QString group = nameKey(typed, NameKey::WithoutGroup);
    if (group.isEmpty())
        return match;
    // The SEC's legal name made the display name the way build() makes it
    // ("Churchill Capital Corp X/Cayman", "Alight, Inc. / Delaware").
    const QString shipped = nameKey(CompanyNames(CommonWords::builtIn()).displayName(typed), NameKey::WithoutLegalForm);
    // Each company's keys: its name's first, then its aliases' (the group
    // depth made only when the first test finds nothing).
    const Test tests[] = {
        [&](qsizetype i) {
            const QString &key = nameKeys(NameKey::WithoutLegalForm).at(i).first();
            return key == legal || key == shipped;
        },
        [&](qsizetype i) { return nameKeys(NameKey::WithoutGroup).at(i).first() == group; },
        [&](qsizetype i) { return nameKeys(NameKey::WithoutGroup).at(i).indexOf(group, 1) >= 0; },
    };
    for (const Test &test : tests) {
        QList<const CompanyRecord *> found;
        for (qsizetype i = 0; i < m_companies.size(); ++i) {
            if (test(i))
                found << &m_companies.at(i);
        }
        if (found.size() == 1) {
            match.company = found.first();
            match.symbol = match.company->ticker();
            return match;
        }
        if (!found.isEmpty()) {
            match.candidates = found;
            return match;
        }
    }
    return match;
}

QList<const CompanyRecord *> CompanyDirectory::complete(const QString &text, int limit) const
{
    const QString typed = text.trimmed();
    if (typed.isEmpty() || limit <= 0)
        return {};
    const QString upper = normalizedTicker(typed);
    const QString lower = typed.toLower();
    // 0: the ticker itself, 1: a ticker starting with it, 2: a name word starting with it.
    QList<std::pair<int, const CompanyRecord *>> hits;
    for (const CompanyRecord &c : m_companies) {
        int best = 3;
        for (const QString &t : c.tickers) {
            if (t == upper)
                best = 0;
            else if (t.startsWith(upper))
                best = std::min(best, 1);
        }
        if (best > 2) {
            for (const QString &alias : c.aliases) {
                if (hasWordStartingWith(alias, lower)) {
                    best = 2;
                    break;
                }
            }
        }
        if (best <= 2)
            hits << std::pair{best, &c};
    }
    std::stable_sort(hits.begin(), hits.end(), [](const auto &a, const auto &b) {
        // Names as typed outrank long ticker prefixes of tiny companies ("cost" -> Costco before COSTX).
        const int ka = a.first == 0 ? 0 : (a.first == 1 && a.second->tickers.first().size() <= 5 ? 1 : 2);
        const int kb = b.first == 0 ? 0 : (b.first == 1 && b.second->tickers.first().size() <= 5 ? 1 : 2);
        if (ka != kb && (ka == 0 || kb == 0))
            return ka < kb;
        return a.second->rank < b.second->rank;
    });
    QList<const CompanyRecord *> out;
    for (qsizetype i = 0; i < hits.size() && out.size() < limit; ++i)
        out << hits.at(i).second;
    return out;
}

QList<const CompanyRecord *> CompanyDirectory::closest(const QString &text, int limit) const
{
    const QString upper = normalizedTicker(text);
    const QString lower = text.trimmed().toLower();
    if (upper.isEmpty())
        return {};
    QList<std::pair<int, const CompanyRecord *>> hits;
    const int allowed = upper.size() <= 2 ? 1 : 2;
    for (const CompanyRecord &c : m_companies) {
        int best = 100;
        for (const QString &t : c.tickers) {
            if (std::abs(int(t.size()) - int(upper.size())) <= allowed)
                best = std::min(best, editDistance(t, upper));
        }
        if (lower.size() >= 3) {
            for (const QString &alias : c.aliases) {
                if (alias.toLower().startsWith(lower))
                    best = std::min(best, 1);
                else if (lower.size() >= 4 && hasWordStartingWith(alias, lower))
                    best = std::min(best, 2);   // "Disney": Walt Disney
            }
        }
        if (best <= allowed)
            hits << std::pair{best, &c};
    }
    std::stable_sort(hits.begin(), hits.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : a.second->rank < b.second->rank;
    });
    QList<const CompanyRecord *> out;
    for (qsizetype i = 0; i < hits.size() && out.size() < limit; ++i)
        out << hits.at(i).second;
    return out;
}

} // namespace tw
