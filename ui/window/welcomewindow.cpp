#include "ui/window/welcomewindow.h"

#include "models/directory/companydirectory.h"
#include "models/directory/watchlistadder.h"
#include "ui/dialogs/companycompleter.h"

#include <QCheckBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace tw {

namespace {
QLabel *heading(const QString &text, int pointDelta, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setPointSize(f.pointSize() + pointDelta);
    f.setBold(true);
    label->setFont(f);
    return label;
}

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    label->setPalette(p);
    return label;
}

QFrame *card(QWidget *parent)
{
    auto *frame = new QFrame(parent);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    QPalette p = frame->palette();
    p.setColor(QPalette::Window, p.color(QPalette::Base));
    frame->setPalette(p);
    return frame;
}
} // namespace

WelcomeWindow::WelcomeWindow(QWidget *parent)
    : QWidget(parent)
    , m_box(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_chosen(new QListWidget(this))
    , m_feeds(new QCheckBox(tr("Add the usual feeds for each company: SEC 8-K filings, Google News, "
                               "Yahoo Finance and Nasdaq headlines, Yahoo daily prices"),
                            this))
    , m_start(new QPushButton(tr("Start with these companies"), this))
    , m_demo(new QPushButton(tr("Open the demo workspace"), this))
{
    setObjectName(QStringLiteral("welcomeWindow"));
    setWindowTitle(QStringLiteral("Tickerwire"));

    m_box->setObjectName(QStringLiteral("welcomeAddBox"));
    m_box->setPlaceholderText(tr("Ticker or company name, e.g. COST or Costco"));
    m_box->setMinimumWidth(420);
    new CompanyCompleter(m_box);
    auto *add = new QPushButton(tr("Add"), this);
    m_problem->setWordWrap(true);
    m_problem->hide();
    QPalette warn = m_problem->palette();
    warn.setColor(QPalette::WindowText, QColor(0xb0, 0x3a, 0x2e));
    m_problem->setPalette(warn);
    m_chosen->setObjectName(QStringLiteral("welcomeChosen"));
    m_chosen->setMinimumHeight(120);
    m_chosen->setMaximumHeight(240);
    m_chosen->setAlternatingRowColors(true);
    m_feeds->setChecked(true);
    m_start->setDefault(false);
    m_start->setEnabled(false);
    m_start->setObjectName(QStringLiteral("welcomeStart"));
    m_demo->setObjectName(QStringLiteral("welcomeDemo"));

    connect(add, &QPushButton::clicked, this, [this] {
        if (choose(m_box->text()))
            m_box->clear();
    });
    connect(m_box, &QLineEdit::returnPressed, add, &QPushButton::click);
    connect(m_start, &QPushButton::clicked, this, [this] { emit startRequested(m_tickers, usualFeeds()); });
    connect(m_demo, &QPushButton::clicked, this, &WelcomeWindow::demoRequested);

    auto *own = card(this);
    auto *ownLayout = new QVBoxLayout(own);
    ownLayout->setContentsMargins(24, 20, 24, 20);
    ownLayout->setSpacing(10);
    ownLayout->addWidget(heading(tr("Add your first tickers"), 3, own));
    ownLayout->addWidget(note(tr("Any US-listed company, by ticker or by name. Tickerwire links the news that "
                                 "names it, scores it bullish or bearish and rolls it into a corporate score."),
                              own));
    auto *entry = new QHBoxLayout;
    entry->addWidget(m_box, 1);
    entry->addWidget(add);
    ownLayout->addLayout(entry);
    ownLayout->addWidget(m_problem);
    // Until a company is chosen, the list says what goes in it.
    auto *chosenStack = new QStackedWidget(own);
    auto *hint = note(tr("No companies yet. Type a ticker (COST) or a name (Costco) and pick it from the list, "
                         "then press Add."),
                      chosenStack);
    hint->setAlignment(Qt::AlignCenter);
    hint->setFrameShape(QFrame::StyledPanel);
    hint->setMinimumHeight(120);
    chosenStack->addWidget(hint);
    chosenStack->addWidget(m_chosen);
    chosenStack->setMaximumHeight(240);
    connect(m_chosen->model(), &QAbstractItemModel::rowsInserted, chosenStack,
            [chosenStack, this] { chosenStack->setCurrentWidget(m_chosen); });
    ownLayout->addWidget(chosenStack);
    ownLayout->addWidget(m_feeds);
    auto *startRow = new QHBoxLayout;
    startRow->addStretch(1);
    startRow->addWidget(m_start);
    ownLayout->addLayout(startRow);

    auto *demo = card(this);
    auto *demoLayout = new QVBoxLayout(demo);
    demoLayout->setContentsMargins(24, 16, 24, 16);
    demoLayout->addWidget(heading(tr("Or look around first"), 1, demo));
    auto *demoRow = new QHBoxLayout;
    demoRow->addWidget(note(tr("The demo workspace follows Meta Platforms around its Muse Spark launch and its 2026 "
                               "capex guidance, with articles written for the demo and synthetic prices. It opens "
                               "in a store of its own: yours stays empty."),
                            demo),
                       1);
    demoRow->addWidget(m_demo);
    demoLayout->addLayout(demoRow);

    auto *column = new QVBoxLayout;
    column->setSpacing(16);
    column->addWidget(heading(tr("Welcome to Tickerwire"), 9, this));
    column->addWidget(note(tr("A market-and-news terminal for the companies you cover. Nothing is stored until "
                              "you choose how to begin."),
                           this));
    column->addSpacing(6);
    column->addWidget(own);
    column->addWidget(demo);
    column->addStretch(1);
    auto *centred = new QHBoxLayout;
    centred->addStretch(1);
    centred->addLayout(column, 4);
    centred->addStretch(1);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(40, 36, 40, 36);
    outer->addLayout(centred);
    resize(1100, 760);
}

bool WelcomeWindow::usualFeeds() const
{
    return m_feeds->isChecked();
}

bool WelcomeWindow::choose(const QString &typed)
{
    if (typed.trimmed().isEmpty())
        return false;
    const QString symbol = CompanyCompleter::resolve(typed);
    const CompanyRecord *company = symbol.isEmpty() ? nullptr : CompanyDirectory::builtIn().byTicker(symbol);
    if (!company) {
        m_problem->setText(WatchlistAdder::unknownTickerMessage(CompanyCompleter::tickerOf(typed)) + QLatin1Char('.'));
        m_problem->show();
        return false;
    }
    m_problem->hide();
    for (const QString &t : m_tickers) {
        if (company->tickers.contains(t))
            return true;   // already chosen (perhaps as another share class)
    }
    m_tickers << symbol;
    m_chosen->addItem(company->exchange.isEmpty()
                          ? QStringLiteral("%1    %2").arg(symbol, company->name)
                          : QStringLiteral("%1    %2 · %3").arg(symbol, company->name, company->exchange));
    m_start->setEnabled(true);
    m_start->setDefault(true);
    return true;
}

} // namespace tw
