#include "ui/panels/signalpanel.h"

#include "models/backtest/studyinputs.h"
#include "ui/panels/emptystate.h"
#include "ui/panels/selectionmodel.h"
#include "ui/panels/signalcharts.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSqlError>
#include <QVBoxLayout>

#include <optional>

namespace tw {

SignalPanel::SignalPanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent)
    : Panel(std::move(db), selection, parent)
    , m_scope(new QComboBox(this))
    , m_range(new QComboBox(this))
    , m_horizon(new QComboBox(this))
    , m_benchmark(new QLineEdit(this))
    , m_forward(new QComboBox(this))
    , m_sentiment(new QComboBox(this))
    , m_banner(new QLabel(this))
    , m_footer(new QLabel(this))
    , m_ic(new IcChart(this))
    , m_car(new CarChart(this))
    , m_labels(new LabelReturnChart(this))
{
    setObjectName(QStringLiteral("signalPanel"));
    m_scope->addItem(tr("Selected ticker"), int(Scope::SelectedTicker));
    m_scope->addItem(tr("Watchlist"), int(Scope::Watchlist));
    m_range->addItem(tr("Last year"), 1);
    m_range->addItem(tr("Last 3 years"), 3);
    m_range->addItem(tr("Last 5 years"), 5);
    m_range->addItem(tr("All stored"), 0);
    m_range->setCurrentIndex(3);
    for (ScoreHorizon h : allHorizons())
        m_horizon->addItem(tr("%1 term").arg(horizonName(h)), int(h));
    m_horizon->setCurrentIndex(1);
    m_benchmark->setPlaceholderText(tr("benchmark"));
    m_benchmark->setToolTip(tr("A symbol whose stored prices returns are measured against (empty: raw returns, "
                               "mean-adjusted abnormal returns)"));
    m_benchmark->setMaximumWidth(90);
    m_sentiment->addItem(tr("All events"), QStringLiteral("all"));
    m_sentiment->addItem(tr("Positive articles"), QStringLiteral("positive"));
    m_sentiment->addItem(tr("Negative articles"), QStringLiteral("negative"));
    m_forward->setToolTip(tr("The forward window of the mean return by label"));

    // Two rows of boxes that may shrink below their texts: as a tab beside
    // the timeline, or in a preset's narrow column, the panel must not force
    // its column wider than the reader's or the article list's share.
    // (Their texts still size them where there is room.)
    for (QComboBox *box : {m_scope, m_range, m_horizon, m_forward, m_sentiment})
        box->setMinimumWidth(box->fontMetrics().horizontalAdvance(QStringLiteral("Medium ")) + 24);
    auto *what = new QHBoxLayout;
    what->addWidget(m_scope);
    what->addWidget(m_range);
    what->addWidget(m_horizon);
    what->addWidget(m_benchmark);
    what->addStretch(1);
    auto *shown = new QHBoxLayout;
    shown->addWidget(new QLabel(tr("Returns"), this));
    shown->addWidget(m_forward);
    shown->addWidget(m_sentiment);
    shown->addStretch(1);
    auto *controls = new QVBoxLayout;
    controls->setContentsMargins(4, 2, 4, 2);
    controls->setSpacing(2);
    controls->addLayout(what);
    controls->addLayout(shown);

    m_banner->setObjectName(QStringLiteral("syntheticBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #664d03; padding: 4px; "
                                           "border: 1px solid #ffe69c; }"));
    m_banner->hide();
    m_footer->setObjectName(QStringLiteral("signalMethod"));
    m_footer->setWordWrap(true);
    m_footer->setForegroundRole(QPalette::PlaceholderText);

    auto *content = new QWidget(this);
    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    grid->addWidget(m_ic, 0, 0);
    grid->addWidget(m_labels, 0, 1);
    grid->addWidget(m_car, 1, 0, 1, 2);
    grid->addWidget(m_footer, 2, 0, 1, 2);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);
    // Three charts need more height than a tab under the chart has at
    // 1366x768: the panel scrolls there instead of growing the window.
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_stack = new EmptyStateStack(scroll, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addLayout(controls);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);

    connect(m_selection, &SelectionModel::tickerChanged, this, [this] {
        if (m_scope->currentData().toInt() == int(Scope::SelectedTicker))
            reload();
    });
    for (QComboBox *box : {m_scope, m_range, m_horizon})
        connect(box, &QComboBox::currentIndexChanged, this, &SignalPanel::reload);
    connect(m_benchmark, &QLineEdit::editingFinished, this, &SignalPanel::reload);
    connect(m_forward, &QComboBox::currentIndexChanged, this, &SignalPanel::showLabelWindow);
    connect(m_sentiment, &QComboBox::currentIndexChanged, this, &SignalPanel::showCarSentiment);
    for (QWidget *view : {static_cast<QWidget *>(m_ic), static_cast<QWidget *>(m_car),
                          static_cast<QWidget *>(m_labels)})
        addExportAction(view);
    reload();
}

SignalPanel::~SignalPanel()
{
    // The worker posts its result to this panel: let it finish first.
    if (m_worker)
        m_worker->wait();
}

void SignalPanel::setScope(Scope scope)
{
    m_scope->setCurrentIndex(m_scope->findData(int(scope)));
}

void SignalPanel::setRangeYears(int years)
{
    m_range->setCurrentIndex(std::max(0, m_range->findData(years)));
}

QString SignalPanel::emptyMessage() const
{
    return m_stack->message();
}

SignalRequest SignalPanel::request() const
{
    SignalRequest r;
    if (m_scope->currentData().toInt() == int(Scope::Watchlist)) {
        auto tickers = StudyInputs(m_db).defaultTickers();
        if (tickers)
            r.tickers = *tickers;
    } else if (!m_selection->ticker().isEmpty()) {
        r.tickers = {m_selection->ticker()};
    }
    r.horizon = ScoreHorizon(m_horizon->currentData().toInt());
    r.recentYears = m_range->currentData().toInt();
    r.benchmark = m_benchmark->text().trimmed().toUpper();
    return r;
}

bool SignalPanel::waitsUntilShown() const
{
    // A panel in the window (a dock's widget) that is not on screen; a
    // panel on its own (a test, a render) computes at once.
    return parentWidget() && !isVisible();
}

void SignalPanel::showEvent(QShowEvent *event)
{
    Panel::showEvent(event);
    if (m_stale)
        reload();
}

void SignalPanel::reload()
{
    if (waitsUntilShown()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    ++m_generation;
    if (m_worker) {
        m_reloadPending = true;   // once the running one ends
        return;
    }
    const SignalRequest req = request();
    if (req.tickers.size() <= kInlineTickers) {
        auto figures = computeSignalFigures(m_db, req);
        if (!figures) {
            SignalFigures failed;
            failed.missing = tr("Cannot test the score: %1").arg(figures.errorMessage());
            show(failed);
        } else {
            show(*figures);
        }
        return;
    }
    m_stack->showMessage(tr("Testing the score on %1 tickers…").arg(req.tickers.size()));
    const QString source = m_db.connectionName();
    const quint64 generation = m_generation;
    m_worker = QThread::create([this, source, req, generation] {
        const QString name = QStringLiteral("signal-%1").arg(quintptr(QThread::currentThreadId()));
        std::optional<Result<SignalFigures>> result;
        {
            QSqlDatabase db = QSqlDatabase::cloneDatabase(source, name);
            if (db.open())
                result = computeSignalFigures(db, req);
            else
                result = Result<SignalFigures>(fail(db.lastError().text()));
        }
        QSqlDatabase::removeDatabase(name);
        QMetaObject::invokeMethod(
            this,
            [this, result = std::move(*result), generation] {
                if (generation != m_generation)
                    return;   // asked again meanwhile: that run's figures will come
                if (!result) {
                    SignalFigures failed;
                    failed.missing = tr("Cannot test the score: %1").arg(result.errorMessage());
                    show(failed);
                } else {
                    show(*result);
                }
            },
            Qt::QueuedConnection);
    });
    connect(m_worker, &QThread::finished, this, [this] {
        m_worker->deleteLater();
        m_worker = nullptr;
        if (m_reloadPending) {
            m_reloadPending = false;
            reload();
        }
    });
    m_worker->start();
}

void SignalPanel::show(const SignalFigures &figures)
{
    m_figures = figures;
    m_banner->setVisible(figures.syntheticPrices());
    m_banner->setText(tr("Demo prices are synthetic: these figures mean nothing about the score. They show how the "
                         "test reads, not whether the score works."));
    if (!figures.missing.isEmpty()) {
        m_stack->showMessage(figures.missing);
        emit computed();
        return;
    }
    const BacktestResult &b = figures.backtest;
    m_ic->setWindows(b.pooled);
    const int current = m_forward->currentIndex();
    m_forward->blockSignals(true);
    m_forward->clear();
    for (const WindowStats &w : b.pooled)
        m_forward->addItem(tr("%1 day(s)").arg(w.days), w.days);
    m_forward->setCurrentIndex(std::clamp(current, 0, int(m_forward->count()) - 1));
    m_forward->blockSignals(false);
    showLabelWindow();
    showCarSentiment();

    int tested = 0;
    for (const TickerReport &t : b.tickers)
        tested += t.skipped.isEmpty() ? 1 : 0;
    QStringList footer;
    footer << tr("%1-term score, %2 of %3 tickers, sessions %4 to %5. IC: Spearman rank correlation with the forward "
                 "return%6; bars are 95% bands from Newey–West standard errors.")
                  .arg(horizonName(b.options.horizon))
                  .arg(tested)
                  .arg(b.options.tickers.size())
                  .arg(b.firstSession.toString(Qt::ISODate), b.lastSession.toString(Qt::ISODate),
                       b.options.benchmark.isEmpty() ? QString() : tr(" in excess of %1").arg(b.options.benchmark));
    footer << tr("CAR: %1.").arg(figures.events.method());
    for (const QString &note : b.notes)
        if (!note.startsWith(QLatin1String("prices are synthetic")))
            footer << note[0].toUpper() + note.mid(1) + QLatin1Char('.');
    m_footer->setText(footer.join(QLatin1Char(' ')));
    m_stack->showContent();
    emit computed();
}

void SignalPanel::showLabelWindow()
{
    const int days = m_forward->currentData().toInt();
    if (const WindowStats *w = m_figures.backtest.pooledWindow(days))
        m_labels->setReturns(w->byLabel, days);
    else
        m_labels->setReturns({}, days);
}

void SignalPanel::showCarSentiment()
{
    const QString wanted = m_sentiment->currentData().toString();
    const EventStudyResult &e = m_figures.events;
    QList<CarCurve> curves;
    for (const CarCurve &c : e.curves)
        if (c.sentiment == wanted && c.n > 0)
            curves << c;
    m_car->setCurves(curves, e.options.firstDay, e.options.lastDay);
    if (e.eventsFound == 0)
        m_car->setPlaceholder(tr("No events extracted for these tickers in this range."));
    else if (curves.isEmpty())
        m_car->setPlaceholder(e.eventsUsed == 0
                                  ? tr("%1 events, none with prices all around it (dated only to a month, or too "
                                       "near the ends of the price history).")
                                        .arg(e.eventsFound)
                                  : tr("No events whose articles leaned this way."));
    else
        m_car->setPlaceholder(QString());
}

Result<ExportQuery> SignalPanel::exportQuery() const
{
    if (!m_figures.missing.isEmpty())
        return fail(m_figures.missing);
    if (m_figures.backtest.pooled.isEmpty())
        return fail(tr("Nothing computed yet to export."));
    return signalFiguresExport(m_figures);
}

QString SignalPanel::exportName() const
{
    const QStringList &t = m_figures.request.tickers;
    return QStringLiteral("signal-%1.csv").arg(t.size() == 1 ? t.first() : QStringLiteral("watchlist"));
}

} // namespace tw
