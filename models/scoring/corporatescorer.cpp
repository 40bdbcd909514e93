#include "models/scoring/corporatescorer.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <vector>

namespace tw {

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;
constexpr double kStretch = 2.0;         // article means are damped; spread them over 0-100
constexpr double kMinRelevance = 0.1;
constexpr double kDuplicateSimilarity = 0.6;
constexpr qint64 kDuplicateWindowMs = 3 * kDayMs;
constexpr int kTop = 5;

// A title's distinct words (lower-cased letters and digits), each as a
// 64-bit FNV-1a hash, sorted: comparing two titles is then one merge of two
// short arrays. Grouping compares each row with every story of its last three
// days, and hashing QStrings into QSets for that was most of a refresh.
using WordSet = std::vector<quint64>;
using WordSpan = std::span<const quint64>;

constexpr quint64 kFnvBasis = 1469598103934665603ULL;
constexpr quint64 kFnvPrime = 1099511628211ULL;

// Sorts out[start..) and drops repeats; returns how many are left.
size_t finishWords(WordSet &out, size_t start)
{
    std::sort(out.begin() + qsizetype(start), out.end());
    out.erase(std::unique(out.begin() + qsizetype(start), out.end()), out.end());
    return out.size() - start;
}

// Appends the words of a title's UTF-16 code units to `out`, sorted and
// distinct; returns how many.
size_t appendWords(QStringView title, WordSet &out)
{
    const size_t start = out.size();
    quint64 hash = 0;
    bool inWord = false;
    auto endWord = [&] {
        if (inWord)
            out.push_back(hash);
        inWord = false;
    };
    for (QChar c : title) {
        if (c.isLetterOrNumber()) {
            if (!inWord)
                hash = kFnvBasis;
            inWord = true;
            // ASCII lower-cased inline (QChar::toLower is a call per
            // character); the same code unit as toLower() gives.
            const char16_t u = c.unicode();
            const char16_t lower = u < 0x80 ? (u >= 'A' && u <= 'Z' ? char16_t(u + 32) : u) : c.toLower().unicode();
            hash = (hash ^ lower) * kFnvPrime;
        } else {
            endWord();
        }
    }
    endWord();
    return finishWords(out, start);
}

// Per byte: 0 when it is not an ASCII letter or digit
// (QChar::isLetterOrNumber), else the byte lower-cased (QChar::toLower).
constexpr std::array<unsigned char, 256> kAsciiWordChars = [] {
    std::array<unsigned char, 256> t{};
    for (int c = '0'; c <= '9'; ++c)
        t[size_t(c)] = static_cast<unsigned char>(c);
    for (int c = 'a'; c <= 'z'; ++c)
        t[size_t(c)] = static_cast<unsigned char>(c);
    for (int c = 'A'; c <= 'Z'; ++c)
        t[size_t(c)] = static_cast<unsigned char>(c + 32);
    return t;
}();

// appendWords() of a title given as UTF-8 that is all ASCII (each byte its
// own UTF-16 code unit, so the same words); false, with nothing appended,
// when a byte is not ASCII. Without a branch per byte: a title changes
// between word and gap a dozen times, and each mispredicted change cost
// more than hashing a letter. The running hash is written at the cursor on
// every byte; the cursor moves on where a word ends.
bool appendAsciiWords(QByteArrayView utf8, WordSet &out)
{
    const size_t start = out.size();
    out.resize(start + size_t(utf8.size()) / 2 + 2);   // words are at least a byte apart
    quint64 *w = out.data() + start;
    quint64 hash = kFnvBasis;
    unsigned inWord = 0;
    unsigned char any = 0;
    for (char ch : utf8) {
        const auto b = static_cast<unsigned char>(ch);
        any |= b;
        const unsigned char lower = kAsciiWordChars[b];
        const unsigned letter = lower != 0 ? 1 : 0;
        *w = hash;
        w += inWord & ~letter;
        hash = letter != 0 ? (hash ^ lower) * kFnvPrime : kFnvBasis;
        inWord = letter;
    }
    *w = hash;
    w += inWord;
    if ((any & 0x80) != 0) {
        out.resize(start);
        return false;
    }
    out.resize(size_t(w - out.data()));
    finishWords(out, start);
    return true;
}

WordSet titleWords(const QString &title)
{
    // Collected in a buffer the thread keeps, then copied once at their
    // size: growing a fresh vector word by word was several allocations a
    // title (a backtest groups millions of titles).
    thread_local WordSet words;
    words.clear();
    appendWords(title, words);
    return words;
}

double jaccard(WordSpan a, WordSpan b)
{
    if (a.empty() || b.empty())
        return 0;
    // Branch-free merge: the order of two hashes is a coin toss, which a
    // branch mispredicts half the time (grouping compares every title with
    // each story of its last three days).
    size_t common = 0;
    const quint64 *i = a.data(), *const iEnd = i + a.size();
    const quint64 *j = b.data(), *const jEnd = j + b.size();
    while (i != iEnd && j != jEnd) {
        const quint64 x = *i, y = *j;
        common += x == y ? 1 : 0;
        i += x <= y ? 1 : 0;
        j += y <= x ? 1 : 0;
    }
    return double(common) / double(a.size() + b.size() - common);
}

// jaccard(a, b) >= kDuplicateSimilarity, decided as soon as the rest of the
// merge cannot change the answer (grouping asks this of every title and each
// story of its last three days, and most pairs share a word or two). With c
// words in common the overlap c / (|a| + |b| - c) reaches 3/5 exactly when
// 8c >= 3(|a| + |b|); the division in jaccard() is correctly rounded and
// never lands on the other side of 0.6 for titles of fewer than 10^13 words.
static_assert(kDuplicateSimilarity == 0.6, "sameStory() decides the 0.6 overlap in whole numbers");
bool sameStory(WordSpan a, WordSpan b)
{
    if (a.empty() || b.empty())
        return false;
    const size_t needed = (3 * (a.size() + b.size()) + 7) / 8;
    size_t common = 0;
    const quint64 *i = a.data(), *const iEnd = i + a.size();
    const quint64 *j = b.data(), *const jEnd = j + b.size();
    while (common < needed) {
        if (common + size_t(std::min(iEnd - i, jEnd - j)) < needed)
            return false;
        const quint64 x = *i, y = *j;
        common += x == y ? 1 : 0;
        i += x <= y ? 1 : 0;
        j += y <= x ? 1 : 0;
    }
    return true;
}

double round3(double v) { return std::round(v * 1000) / 1000; }

} // namespace

QString horizonName(ScoreHorizon horizon)
{
    switch (horizon) {
    case ScoreHorizon::Short: return QStringLiteral("short");
    case ScoreHorizon::Long: return QStringLiteral("long");
    case ScoreHorizon::Medium: break;
    }
    return QStringLiteral("medium");
}

std::optional<ScoreHorizon> parseHorizon(QStringView name)
{
    for (ScoreHorizon h : allHorizons())
        if (name == horizonName(h))
            return h;
    return std::nullopt;
}

qint64 horizonHalfLifeMs(ScoreHorizon horizon)
{
    switch (horizon) {
    case ScoreHorizon::Short: return kDayMs;
    case ScoreHorizon::Long: return 30 * kDayMs;
    case ScoreHorizon::Medium: break;
    }
    return 7 * kDayMs;
}

QList<ScoreHorizon> allHorizons() { return {ScoreHorizon::Short, ScoreHorizon::Medium, ScoreHorizon::Long}; }

QString corporateScoreLabel(double score)
{
    if (score < 35)
        return QStringLiteral("Bearish");
    if (score < 45)
        return QStringLiteral("Somewhat bearish");
    if (score < 55)
        return QStringLiteral("Neutral");
    if (score < 65)
        return QStringLiteral("Somewhat bullish");
    return QStringLiteral("Bullish");
}

QString insufficientNewsLabel() { return QStringLiteral("Insufficient news"); }

double storyWeight(double relevance, double confidence)
{
    return std::max(std::min(relevance, 1.0), kMinRelevance) * (0.25 + 0.75 * std::clamp(confidence, 0.0, 1.0));
}

void EvidenceSums::advanceTo(qint64 utc, qint64 halfLifeMs)
{
    if (utc <= asOfUtc)
        return;
    const double factor = std::exp2(-double(utc - asOfUtc) / double(halfLifeMs));
    weight *= factor;
    weighted *= factor;
    absolute *= factor;
    asOfUtc = utc;
}

void EvidenceSums::add(const StoryEvidence &story, double sign, qint64 halfLifeMs)
{
    advanceTo(story.publishedUtc, halfLifeMs);
    const double w = story.weight * std::exp2(-double(asOfUtc - story.publishedUtc) / double(halfLifeMs));
    weight += sign * w;
    weighted += sign * w * story.score;
    absolute += sign * w * std::abs(story.score);
    // Taking away what was added leaves rounding dust, never less than nothing.
    if (weight < 1e-12) {
        weight = std::max(weight, 0.0);
        if (weight == 0)
            weighted = absolute = 0;
    }
    absolute = std::max(absolute, 0.0);
}

CorporateScore CorporateScorer::fromEvidence(const QString &ticker, ScoreHorizon horizon, const EvidenceSums &sums,
                                             int stories, qint64 newestStoryUtc)
{
    CorporateScore result;
    result.ticker = ticker;
    result.horizon = horizon;
    result.asOfUtc = sums.asOfUtc;
    result.articleCount = stories;
    result.newestStoryUtc = newestStoryUtc;
    const double weights = std::max(sums.weight, 0.0);
    result.evidence = weights;
    result.rawMean = weights > 0 ? std::clamp(sums.weighted / weights, -1.0, 1.0) : 0.0;
    result.shrinkage = weights / (weights + kNeutralPriorWeight);
    const double mean = weights > 0 ? sums.weighted / (weights + kNeutralPriorWeight) : 0.0;
    result.score = std::clamp(50.0 + 50.0 * std::tanh(kStretch * mean), 0.0, 100.0);
    const double agreement = sums.absolute > 0 ? std::min(1.0, std::abs(sums.weighted) / sums.absolute) : 0.0;
    result.confidence = weights / (weights + kNeutralPriorWeight) * (0.5 + 0.5 * agreement);

    const int days = int(std::lround(kForgottenHalfLives * double(horizonHalfLifeMs(horizon)) / double(kDayMs)));
    if (stories == 0)
        result.insufficientReason = QStringLiteral("No story in the last %1 days").arg(days);
    else if (stories < kMinStories)
        result.insufficientReason = QStringLiteral("Rests on %1 story in the last %2 days (needs at least %3)")
                                        .arg(stories).arg(days).arg(kMinStories);
    else if (weights < kMinEvidence)
        result.insufficientReason =
            QStringLiteral("Evidence %1 of the %2 needed: the %3 stories are old, of low relevance or low confidence")
                .arg(QString::number(weights, 'f', 2), QString::number(kMinEvidence, 'f', 2))
                .arg(stories);
    // The label of the number people see ("55 Somewhat bullish", never "55 Neutral").
    result.label = result.sufficient() ? corporateScoreLabel(std::round(result.score)) : insufficientNewsLabel();
    return result;
}

QString CorporateScore::evidenceLine() const
{
    QString line = QStringLiteral("%1 %2, evidence %3")
                       .arg(articleCount)
                       .arg(articleCount == 1 ? QStringLiteral("story") : QStringLiteral("stories"),
                            QString::number(evidence, 'f', 2));
    if (newestStoryUtc > 0)
        line += QStringLiteral(", newest %1")
                    .arg(QDateTime::fromMSecsSinceEpoch(newestStoryUtc, Qt::UTC).date().toString(Qt::ISODate));
    return line;
}

QString CorporateScore::headline() const
{
    return QStringLiteral("%1 %2 \u00b7 %3 term").arg(qRound(score)).arg(label, horizonName(horizon));
}

QString CorporateScore::explanationJson() const
{
    QJsonArray stories;
    for (const StoryContribution &s : topStories)
        stories.append(QJsonObject{{QStringLiteral("article_id"), s.articleId},
                                   {QStringLiteral("title"), s.title},
                                   {QStringLiteral("source"), s.source},
                                   {QStringLiteral("published_utc"), s.publishedUtc},
                                   {QStringLiteral("article_score"), round3(s.articleScore)},
                                   {QStringLiteral("weight"), round3(s.weight)},
                                   {QStringLiteral("points"), round3(s.points)},
                                   {QStringLiteral("copies"), s.copies}});
    QJsonArray phrases;
    for (const PhraseContribution &p : topPhrases)
        phrases.append(QJsonObject{{QStringLiteral("text"), p.text}, {QStringLiteral("points"), round3(p.points)}});
    const QJsonObject evidenceObject{{QStringLiteral("stories"), articleCount},
                                     {QStringLiteral("weight"), round3(evidence)},
                                     {QStringLiteral("raw_mean"), round3(rawMean)},
                                     {QStringLiteral("prior_weight"), kNeutralPriorWeight},
                                     {QStringLiteral("shrinkage"), round3(shrinkage)},
                                     {QStringLiteral("newest_story_utc"), newestStoryUtc},
                                     {QStringLiteral("sufficient"), sufficient()},
                                     {QStringLiteral("insufficient_reason"), insufficientReason}};
    const QJsonObject root{{QStringLiteral("as_of_utc"), asOfUtc},
                           {QStringLiteral("half_life_hours"), double(horizonHalfLifeMs(horizon) / kHourMs)},
                           {QStringLiteral("evidence"), evidenceObject},
                           {QStringLiteral("stories"), stories},
                           {QStringLiteral("phrases"), phrases}};
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact));
}

double StoryGrouper::titleSimilarity(const QString &a, const QString &b) { return jaccard(titleWords(a), titleWords(b)); }
StoryGrouper::TitleWords StoryGrouper::words(const QString &title) { return titleWords(title); }
double StoryGrouper::similarity(const TitleWords &a, const TitleWords &b) { return jaccard(a, b); }
bool StoryGrouper::sameStory(const TitleWords &a, const TitleWords &b) { return tw::sameStory(a, b); }

namespace {

// StoryGrouper::group over `n` rows given as their times (ascending) and
// their titles' words.
template <typename TimeOf, typename WordsOf>
QList<int> groupStories(qsizetype n, TimeOf timeOf, WordsOf wordsOf)
{
    QList<int> groupOf(n, -1);
    QList<qsizetype> firstOfGroup;
    for (qsizetype i = 0; i < n; ++i) {
        // Rows come in time order, so groups' first rows do too: only those
        // of the last three days can take this row. Starting the scan there,
        // not at the first group ever, keeps a long history from making every
        // refresh quadratic; the earliest matching group still wins.
        const qint64 published = timeOf(i);
        const qint64 earliest = published - kDuplicateWindowMs;
        qsizetype g = std::partition_point(firstOfGroup.cbegin(), firstOfGroup.cend(),
                                           [&](qsizetype first) { return timeOf(first) < earliest; })
                    - firstOfGroup.cbegin();
        const WordSpan words = wordsOf(i);
        for (; g < firstOfGroup.size() && groupOf[i] < 0; ++g) {
            const qsizetype first = firstOfGroup[g];
            if (std::abs(published - timeOf(first)) <= kDuplicateWindowMs && sameStory(words, wordsOf(first)))
                groupOf[i] = int(g);
        }
        if (groupOf[i] < 0) {
            groupOf[i] = int(firstOfGroup.size());
            firstOfGroup << i;
        }
    }
    return groupOf;
}

} // namespace

QList<int> StoryGrouper::group(const QList<StoredArticleScore> &rows)
{
    std::vector<WordSet> words;
    words.reserve(size_t(rows.size()));
    for (const StoredArticleScore &r : rows)
        words.push_back(titleWords(r.title));
    return groupStories(
        rows.size(), [&](qsizetype i) { return rows[i].publishedUtc; },
        [&](qsizetype i) { return WordSpan(words[size_t(i)]); });
}

QList<int> StoryGrouper::group(std::span<const qint64> publishedUtc, std::span<const WordSpan> words)
{
    Q_ASSERT(publishedUtc.size() == words.size());
    return groupStories(
        qsizetype(publishedUtc.size()), [&](qsizetype i) { return publishedUtc[size_t(i)]; },
        [&](qsizetype i) { return words[size_t(i)]; });
}

size_t StoryGrouper::appendWords(QByteArrayView utf8, std::vector<quint64> &out)
{
    // ASCII bytes are their own UTF-16 code units: hashed as they are, with
    // no QString made. Anything else goes through the QString the title
    // would be read as (fromUtf8 replaces a malformed sequence), so the words
    // are always those of words(title).
    const size_t start = out.size();
    if (appendAsciiWords(utf8, out))
        return out.size() - start;
    return ::tw::appendWords(QString::fromUtf8(utf8), out);
}

size_t StoryGrouper::appendWords(QStringView title, std::vector<quint64> &out)
{
    return ::tw::appendWords(title, out);
}

CorporateScore CorporateScorer::compute(const QString &ticker, ScoreHorizon horizon, qint64 asOfUtc,
                                        const QList<StoredArticleScore> &allRows)
{
    CorporateScore result;
    result.ticker = ticker;
    result.horizon = horizon;
    result.asOfUtc = asOfUtc;

    QList<StoredArticleScore> rows;
    for (const StoredArticleScore &r : allRows)
        if (r.publishedUtc <= asOfUtc)
            rows << r;
    std::stable_sort(rows.begin(), rows.end(), [](const StoredArticleScore &a, const StoredArticleScore &b) {
        return a.publishedUtc != b.publishedUtc ? a.publishedUtc < b.publishedUtc : a.articleId < b.articleId;
    });
    const QList<int> groupOf = StoryGrouper::group(rows);

    // One story per group: the first copy's identity, the mean of the copies' scores.
    QList<StoryContribution> stories;
    QList<double> confidence, relevance;
    QList<qsizetype> firstRow;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const int g = groupOf[i];
        if (g == stories.size()) {
            stories << StoryContribution{rows[i].articleId, rows[i].title, rows[i].source, rows[i].publishedUtc,
                                         rows[i].score, 0, 0, 1};
            confidence << rows[i].confidence;
            relevance << rows[i].relevance;
            firstRow << i;
        } else {
            StoryContribution &s = stories[g];
            s.articleScore = (s.articleScore * s.copies + rows[i].score) / (s.copies + 1);
            confidence[g] = (confidence[g] * s.copies + rows[i].confidence) / (s.copies + 1);
            relevance[g] = std::max(relevance[g], rows[i].relevance);
            ++s.copies;
        }
    }

    // Every story counts in the sums (its weight decays, it never drops out),
    // exactly as the running state adds them; only stories within five
    // half-lives count as "stories" for the evidence threshold.
    const qint64 halfLife = horizonHalfLifeMs(horizon);
    const qint64 windowMs = qint64(kForgottenHalfLives * double(halfLife));
    EvidenceSums sums;
    sums.asOfUtc = asOfUtc;
    int inWindow = 0;
    qint64 newest = 0;
    double weighted = 0;
    for (qsizetype g = 0; g < stories.size(); ++g) {
        StoryContribution &s = stories[g];
        const StoryEvidence e{s.publishedUtc, storyWeight(relevance[g], confidence[g]), s.articleScore};
        sums.add(e, 1.0, halfLife);
        s.weight = e.weight * std::exp2(-double(asOfUtc - s.publishedUtc) / double(halfLife));
        weighted += s.weight * s.articleScore;
        if (asOfUtc - s.publishedUtc <= windowMs)
            ++inWindow;
        newest = std::max(newest, s.publishedUtc);
    }
    const CorporateScore evidence = fromEvidence(ticker, horizon, sums, inWindow, newest);
    result = evidence;

    // Attribution: each story's share of the distance from neutral.
    QHash<QString, double> phrasePoints;
    for (qsizetype g = 0; g < stories.size(); ++g) {
        StoryContribution &s = stories[g];
        if (s.weight <= 0 || weighted == 0)
            continue;
        s.points = (result.score - 50.0) * (s.weight * s.articleScore) / weighted;
        const QJsonArray spans = QJsonDocument::fromJson(rows[firstRow[g]].spans.toUtf8()).array();
        double total = 0;
        for (const QJsonValue &v : spans)
            total += std::abs(v.toObject().value(QStringLiteral("weight")).toDouble());
        if (total <= 0)
            continue;
        // A phrase's share of the story's points follows its share of the
        // story's evidence, with the phrase's own sign.
        for (const QJsonValue &v : spans) {
            const QJsonObject o = v.toObject();
            const double w = o.value(QStringLiteral("weight")).toDouble();
            phrasePoints[o.value(QStringLiteral("text")).toString().toLower()] += std::abs(s.points) * w / total;
        }
    }
    QList<StoryContribution> ranked;
    for (const StoryContribution &s : stories)
        if (s.weight > 0)
            ranked << s;
    std::stable_sort(ranked.begin(), ranked.end(), [](const StoryContribution &a, const StoryContribution &b) {
        return std::abs(a.points) > std::abs(b.points);
    });
    result.topStories = ranked.mid(0, kTop);
    QList<PhraseContribution> phrases;
    for (auto it = phrasePoints.cbegin(); it != phrasePoints.cend(); ++it)
        phrases << PhraseContribution{it.key(), it.value()};
    std::sort(phrases.begin(), phrases.end(), [](const PhraseContribution &a, const PhraseContribution &b) {
        return std::abs(a.points) != std::abs(b.points) ? std::abs(a.points) > std::abs(b.points) : a.text < b.text;
    });
    result.topPhrases = phrases.mid(0, kTop);
    return result;
}

} // namespace tw
