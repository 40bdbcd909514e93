#include "ui/dialogs/alertruledialog.h"

#include "models/alerts/alertrulestore.h"
#include "models/events/eventtypes.h"
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
// A rule's settings as the form names them in its messages.
QString formFieldName(RuleField field)
{
    switch (field) {
    case RuleField::Ticker: return QObject::tr("ticker");
    case RuleField::Horizon: return QObject::tr("horizon");
    case RuleField::Threshold: return QObject::tr("threshold");
    case RuleField::Query: return QObject::tr("query");
    case RuleField::EventKinds: return QObject::tr("event kinds");
    case RuleField::Sources: return QObject::tr("sources");
    case RuleField::Cooldown: return QObject::tr("cooldown");
    }
    return QString();
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
    for (AlertKind kind : AlertKinds::all()) {
        m_kind->addItem(kindName(kind));
        m_kind->setItemData(m_kind->count() - 1, QLatin1String(describeAlertKind(kind).label), Qt::ToolTipRole);
    }
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
    m_eventKinds->setPlaceholderText(allEventKindIds().join(QStringLiteral(", ")));
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
    const AlertKindInfo info = describeAlertKind(kind);
    m_kind->setToolTip(QLatin1String(info.label));
    for (RuleField field : {RuleField::Horizon, RuleField::Threshold, RuleField::Query, RuleField::EventKinds,
                            RuleField::Sources, RuleField::Cooldown})
        fieldWidget(field)->setEnabled(info.takes.has(field));
    m_threshold->setPlaceholderText(QLatin1String(info.thresholdMeaning));
    m_query->setPlaceholderText(QLatin1String(info.queryMeaning));
    m_ticker->setPlaceholderText(info.severalTickers ? tr("optional, e.g. META or META,GOOGL")
                                                     : tr("e.g. META (empty: every ticker)"));
    revalidate();
}

Result<AlertRule> AlertRuleDialog::formRule() const
{
    AlertRule rule = m_original;
    rule.kind = kindFromName(m_kind->currentText()).value_or(AlertKind::ArticleMatch);
    const RuleFields f = describeAlertKind(rule.kind).takes;
    rule.name = m_name->text();
    rule.ticker = m_ticker->text();
    rule.horizon = f.has(RuleField::Horizon) ? m_horizon->currentText() : QString();
    rule.threshold.reset();
    const QString threshold = m_threshold->text().trimmed();
    if (f.has(RuleField::Threshold) && !threshold.isEmpty()) {
        bool ok = false;
        double value = QLocale().toDouble(threshold, &ok);
        if (!ok)
            value = QLocale::c().toDouble(threshold, &ok);
        if (!ok)
            return fail(tr("Threshold \"%1\" is not a number.").arg(threshold));
        rule.threshold = value;
    }
    rule.query = f.has(RuleField::Query) ? m_query->text() : QString();
    rule.eventKinds = f.has(RuleField::EventKinds) ? splitList(m_eventKinds->text()) : QStringList();
    rule.sources = f.has(RuleField::Sources) ? splitList(m_sources->text()) : QStringList();
    if (isConditionKind(rule.kind)) {
        const QString cooldown = m_cooldown->text().trimmed();
        const auto seconds = cooldown.isEmpty() ? std::optional<qint64>(3600) : parseDurationSeconds(cooldown);
        if (!seconds)
            return fail(tr("Cooldown \"%1\" is not a duration (90s, 15m, 1h, 1d).").arg(cooldown));
        rule.cooldownSeconds = *seconds;
    }
    return rule;
}

QWidget *AlertRuleDialog::fieldWidget(RuleField field) const
{
    switch (field) {
    case RuleField::Ticker: return m_ticker;
    case RuleField::Horizon: return m_horizon;
    case RuleField::Threshold: return m_threshold;
    case RuleField::Query: return m_query;
    case RuleField::EventKinds: return m_eventKinds;
    case RuleField::Sources: return m_sources;
    case RuleField::Cooldown: return m_cooldown;
    }
    return m_ticker;
}

void AlertRuleDialog::showError(const QString &message, QWidget *field)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    okButton()->setEnabled(message.isEmpty());
    // The field the message is about is framed in the message's colour.
    for (RuleField f : {RuleField::Ticker, RuleField::Horizon, RuleField::Threshold, RuleField::Query,
                        RuleField::EventKinds, RuleField::Sources, RuleField::Cooldown}) {
        QWidget *w = fieldWidget(f);
        w->setStyleSheet(w == field ? QStringLiteral("border: 1px solid #c62828;") : QString());
    }
}

void AlertRuleDialog::showProblem(const RuleProblem &problem)
{
    QString message = problem.message(formFieldName);
    if (!message.isEmpty())
        message[0] = message[0].toUpper();
    showError(message, fieldWidget(problem.field));
}

void AlertRuleDialog::revalidate()
{
    auto rule = formRule();
    if (!rule) {
        showError(rule.errorMessage());
        return;
    }
    if (auto valid = AlertRuleStore(m_db).validate(*rule); !valid)
        showProblem(valid.problem());
    else
        showError(QString());
}

void AlertRuleDialog::accept()
{
    auto rule = formRule();
    if (!rule) {
        showError(rule.errorMessage());
        return;
    }
    AlertRuleStore store(m_db);
    if (auto valid = store.validate(*rule); !valid) {
        showProblem(valid.problem());
        return;
    }
    if (rule->id == 0) {
        auto added = store.add(*rule);
        if (!added) {
            showError(added.errorMessage());
            return;
        }
        m_saved = *added;
    } else {
        if (auto updated = store.update(*rule); !updated) {
            showError(updated.errorMessage());
            return;
        }
        auto reread = store.byId(rule->id);
        m_saved = reread && reread->has_value() ? **reread : *rule;
    }
    QDialog::accept();
}

} // namespace tw
