#include "ui/dialogs/alertruledialog.h"

#include "models/alerts/alertrulestore.h"
#include "models/store/tickerstore.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace tw {

namespace {
struct KindFields {
    bool horizon = false;
    bool threshold = false;
    bool query = false;
    bool eventKinds = false;
    bool sources = false;
    QString thresholdHint;
    QString queryHint;
};

KindFields fieldsOf(AlertKind kind)
{
    KindFields f;
    switch (kind) {
    case AlertKind::ScoreThreshold:
        f.horizon = f.threshold = true;
        f.thresholdHint = QObject::tr("corporate score between 0 and 100, e.g. 70");
        break;
    case AlertKind::LabelChange:
        f.horizon = true;
        break;
    case AlertKind::PriceMove:
        f.threshold = true;
        f.thresholdHint = QObject::tr("move in percent against the previous close, e.g. 5");
        break;
    case AlertKind::ArticleMatch:
        f.query = f.sources = true;
        f.queryHint = QObject::tr("words, \"phrases\", AND/OR/NOT, prefix*");
        break;
    case AlertKind::NewsVolume:
        f.threshold = true;
        f.thresholdHint = QObject::tr("z-score against 30 days (empty: 3)");
        break;
    case AlertKind::Guidance:
        f.query = true;
        f.queryHint = QObject::tr("optional metric, e.g. capex");
        break;
    case AlertKind::Event:
        f.eventKinds = true;
        break;
    }
    return f;
}

QStringList splitList(const QString &text)
{
    QStringList parts;
    for (const QString &p : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!p.trimmed().isEmpty())
            parts << p.trimmed();
    }
    return parts;
}

// The store's messages name the CLI's options ("needs --threshold"); in the
// form the field of that name is right beside the message.
QString forTheForm(QString message)
{
    message.remove(QStringLiteral("--"));
    if (!message.isEmpty())
        message[0] = message[0].toUpper();
    return message;
}
} // namespace

AlertRuleDialog::AlertRuleDialog(QSqlDatabase db, const AlertRule &rule, QWidget *parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_original(rule)
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_ticker(new QLineEdit(this))
    , m_horizon(new QComboBox(this))
    , m_threshold(new QLineEdit(this))
    , m_query(new QLineEdit(this))
    , m_eventKinds(new QLineEdit(this))
    , m_sources(new QLineEdit(this))
    , m_cooldown(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("alertRuleDialog"));
    setWindowTitle(rule.id == 0 ? tr("New alert rule") : tr("Edit alert rule"));
    m_kind->addItems(allKindNames());
    m_horizon->addItems(AlertRuleStore::horizons());
    m_name->setPlaceholderText(tr("optional; the description is used otherwise"));
    m_ticker->setPlaceholderText(tr("e.g. META (empty: every ticker)"));
    if (auto tickers = TickerStore(m_db).all()) {
        QStringList symbols;
        for (const TickerInfo &t : *tickers)
            symbols << t.symbol;
        auto *completer = new QCompleter(symbols, m_ticker);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        m_ticker->setCompleter(completer);
    }
    m_eventKinds->setPlaceholderText(AlertRuleStore::eventKinds().join(QStringLiteral(", ")));
    m_sources->setPlaceholderText(tr("optional publishers, comma separated"));
    m_cooldown->setPlaceholderText(tr("90s, 15m, 1h, 1d"));
    m_error->setObjectName(QStringLiteral("ruleError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));

    m_name->setText(rule.name);
    m_kind->setCurrentText(kindName(rule.kind));
    m_ticker->setText(rule.ticker);
    m_horizon->setCurrentText(rule.horizon.isEmpty() ? QStringLiteral("medium") : rule.horizon);
    if (rule.threshold)
        m_threshold->setText(QLocale().toString(*rule.threshold, 'g', 6));
    m_query->setText(rule.query);
    m_eventKinds->setText(rule.eventKinds.join(QStringLiteral(", ")));
    m_sources->setText(rule.sources.join(QStringLiteral(", ")));
    // Non-condition rules store no cooldown; switching one to a condition kind offers the default.
    m_cooldown->setText(formatDuration(rule.cooldownSeconds > 0 || isConditionKind(rule.kind) ? rule.cooldownSeconds : 3600));

    auto *form = new QFormLayout;
    form->addRow(tr("&Kind"), m_kind);
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Ticker"), m_ticker);
    form->addRow(tr("&Horizon"), m_horizon);
    form->addRow(tr("T&hreshold"), m_threshold);
    form->addRow(tr("&Query"), m_query);
    form->addRow(tr("&Event kinds"), m_eventKinds);
    form->addRow(tr("&Sources"), m_sources);
    form->addRow(tr("&Cooldown"), m_cooldown);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &AlertRuleDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::currentTextChanged, this, &AlertRuleDialog::kindChanged);
    connect(m_horizon, &QComboBox::currentTextChanged, this, &AlertRuleDialog::revalidate);
    for (QLineEdit *edit : {m_name, m_ticker, m_threshold, m_query, m_eventKinds, m_sources, m_cooldown})
        connect(edit, &QLineEdit::textChanged, this, &AlertRuleDialog::revalidate);
    kindChanged();
}

QPushButton *AlertRuleDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString AlertRuleDialog::errorText() const
{
    return m_error->text();
}

void AlertRuleDialog::kindChanged()
{
    const AlertKind kind = kindFromName(m_kind->currentText()).value_or(AlertKind::ArticleMatch);
    const KindFields f = fieldsOf(kind);
    m_horizon->setEnabled(f.horizon);
    m_threshold->setEnabled(f.threshold);
    m_threshold->setPlaceholderText(f.thresholdHint);
    m_query->setEnabled(f.query);
    m_query->setPlaceholderText(f.queryHint);
    m_eventKinds->setEnabled(f.eventKinds);
    m_sources->setEnabled(f.sources);
    m_cooldown->setEnabled(isConditionKind(kind));
    m_ticker->setPlaceholderText(kind == AlertKind::ArticleMatch ? tr("optional, e.g. META or META,GOOGL")
                                                                 : tr("e.g. META (empty: every ticker)"));
    revalidate();
}

Result<AlertRule> AlertRuleDialog::formRule() const
{
    AlertRule rule = m_original;
    rule.kind = kindFromName(m_kind->currentText()).value_or(AlertKind::ArticleMatch);
    const KindFields f = fieldsOf(rule.kind);
    rule.name = m_name->text();
    rule.ticker = m_ticker->text();
    rule.horizon = f.horizon ? m_horizon->currentText() : QString();
    rule.threshold.reset();
    const QString threshold = m_threshold->text().trimmed();
    if (f.threshold && !threshold.isEmpty()) {
        bool ok = false;
        double value = QLocale().toDouble(threshold, &ok);
        if (!ok)
            value = QLocale::c().toDouble(threshold, &ok);
        if (!ok)
            return fail(tr("Threshold \"%1\" is not a number.").arg(threshold));
        rule.threshold = value;
    }
    rule.query = f.query ? m_query->text() : QString();
    rule.eventKinds = f.eventKinds ? splitList(m_eventKinds->text()) : QStringList();
    rule.sources = f.sources ? splitList(m_sources->text()) : QStringList();
    if (isConditionKind(rule.kind)) {
        const QString cooldown = m_cooldown->text().trimmed();
        const auto seconds = cooldown.isEmpty() ? std::optional<qint64>(3600) : parseDurationSeconds(cooldown);
        if (!seconds)
            return fail(tr("Cooldown \"%1\" is not a duration (90s, 15m, 1h, 1d).").arg(cooldown));
        rule.cooldownSeconds = *seconds;
    }
    return rule;
}

void AlertRuleDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    okButton()->setEnabled(message.isEmpty());
}

void AlertRuleDialog::revalidate()
{
    auto rule = formRule();
    if (!rule) {
        showError(rule.errorMessage());
        return;
    }
    auto valid = AlertRuleStore(m_db).validate(*rule);
    showError(valid ? QString() : forTheForm(valid.errorMessage()));
}

void AlertRuleDialog::accept()
{
    auto rule = formRule();
    if (!rule) {
        showError(rule.errorMessage());
        return;
    }
    AlertRuleStore store(m_db);
    if (rule->id == 0) {
        auto added = store.add(*rule);
        if (!added) {
            showError(forTheForm(added.errorMessage()));
            return;
        }
        m_saved = *added;
    } else {
        if (auto updated = store.update(*rule); !updated) {
            showError(forTheForm(updated.errorMessage()));
            return;
        }
        auto reread = store.byId(rule->id);
        m_saved = reread && reread->has_value() ? **reread : *rule;
    }
    QDialog::accept();
}

} // namespace tw
