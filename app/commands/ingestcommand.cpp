#include "models/alerts/alertevaluator.h"
#include "app/cli/alertreport.h"
#include "app/cli/command.h"
#include "app/cli/storesession.h"
#include "feeds/fetch/simplefetch.h"
#include "models/core/storetime.h"
#include "feeds/parsers/newsdocumentparser.h"
#include "models/pipeline/articleingestor.h"

#include <QFile>
#include <QFileInfo>
#include <QUrl>

namespace tw {

namespace {
class IngestCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("ingest"); }
    QString summary() const override { return QStringLiteral("Read news files or URLs (RSS, RSS 1.0, Atom, JSON Feed, Finnhub, Alpha Vantage news) into the store."); }
    QString positionalSyntax() const override { return QStringLiteral("FILE|URL..."); }

    int run(CommandContext &ctx) override
    {
        if (ctx.arguments.isEmpty()) {
            ctx.err << "tickerwire ingest: name at least one feed file or URL\n";
            return kExitUsage;
        }
        auto store = openCommandStore(ctx.globals, ctx.err);
        if (!store) {
            ctx.err << "tickerwire: " << store.errorMessage() << '\n';
            return kExitFailure;
        }
        ArticleIngestor ingestor((*store)->database());
        int failures = 0;
        for (const QString &argument : ctx.arguments) {
            const bool isUrl = argument.startsWith(QLatin1String("http://"))
                            || argument.startsWith(QLatin1String("https://"));
            QByteArray body;
            QUrl base;
            if (isUrl) {
                base = QUrl(argument);
                auto fetched = fetchBlocking(base);
                if (!fetched) {
                    ctx.err << argument << ": " << fetched.errorMessage() << '\n';
                    ++failures;
                    continue;
                }
                body = *fetched;
            } else {
                QFile file(argument);
                if (!file.open(QIODevice::ReadOnly)) {
                    ctx.err << argument << ": cannot read: " << file.errorString() << '\n';
                    ++failures;
                    continue;
                }
                body = file.readAll();
                base = QUrl::fromLocalFile(QFileInfo(argument).absoluteFilePath());
            }
            auto parsed = NewsDocumentParser::parse(body, base, QDateTime::currentDateTimeUtc());
            if (!parsed) {
                ctx.err << argument << ": " << parsed.errorMessage() << '\n';
                ++failures;
                continue;
            }
            for (const QString &reason : parsed->feed.skipped)
                ctx.err << argument << ": skipped " << reason << '\n';
            auto report = ingestor.ingest(parsed->feed.articles);
            if (!report) {
                ctx.err << argument << ": " << report.errorMessage() << '\n';
                ++failures;
                continue;
            }
            ctx.out << argument << ": " << documentFormatId(parsed->format) << ", " << report->received << " items, " << report->inserted << " new, "
                    << report->updated << " updated, " << report->unchanged << " unchanged\n";
            // Stage 5 of the ingest path: the alert rules, after the batch committed.
            auto fired = AlertEvaluator((*store)->database()).evaluate(nowUtc());
            if (!fired) {
                ctx.err << argument << ": alert evaluation failed: " << fired.errorMessage() << '\n';
                ++failures;
                continue;
            }
            reportFirings(*fired, ctx.out);
        }
        return failures == 0 ? kExitOk : kExitFailure;
    }
};
} // namespace

std::unique_ptr<Command> makeIngestCommand() { return std::make_unique<IngestCommand>(); }

} // namespace tw
