#include "models/alerts/alertrulestore.h"
#include "models/alerts/analyststate.h"
#include "models/alerts/firedalertstore.h"
#include "onscreen.h"
#include "settingssandbox.h"
#include "temporarystores.h"
#include "ui/dialogs/alertruledialog.h"
#include "ui/dialogs/apikeystab.h"
#include "ui/dialogs/notificationstab.h"
#include "ui/dialogs/settingsdialog.h"
#include "ui/dialogs/storetab.h"
#include "ui/dialogs/watchlisttab.h"
#include "feeds/keys/secretstore.h"
#include "ui/notify/desktopnotifier.h"
#include "ui/notify/trayicon.h"
#include "ui/panels/alertspanel.h"
#include "models/store/feedstore.h"
#include "models/store/tickerstore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace tw;

// The Alerts panel's actions, the rule dialog and the settings pages that do
// not need a keychain (tst_settingskeys covers those that do). This suite runs
// with a session bus address that leads nowhere (see main), so the API keys
// page meets a keychain that is not there.
class TestAlertSettings : public QObject {
    Q_OBJECT

    twtest::SettingsSandbox m_settings{QStringLiteral("tst_alertsettings")};
    twtest::TemporaryStore m_store;

    QSqlDatabase db() const { return m_store.database(); }

    AlertRule storedRule(qint64 id) const
    {
        auto rule = AlertRuleStore(db()).byId(id);
        return rule && rule->has_value() ? **rule : AlertRule{};
    }

    static int rowOfRule(const AlertsPanel &panel, qint64 id)
    {
        for (int row = 0; row < panel.rulesTable()->rowCount(); ++row) {
            if (panel.rulesTable()->item(row, 0)->data(Qt::UserRole).toLongLong() == id)
                return row;
        }
        return -1;
    }

    // Answers the next modal dialog (a question box or the rule dialog) once it is up.
    template <typename Answer>
    static void whenModalOpens(Answer answer)
    {
        QTimer::singleShot(0, qApp, [answer] {
            QWidget *modal = QApplication::activeModalWidget();
            QVERIFY(modal);
            answer(modal);
        });
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_store.openDemo(QStringLiteral("alerts.db"), QStringLiteral("alerts")),
                 qPrintable(m_store.errorString()));
    }

    void cleanupTestCase() { m_store.close(); }

    void ruleDialogShowsWhatIsWrongAndKeepsOkDisabled()
    {
        AlertRuleDialog dialog(db(), AlertRule{});
        dialog.kindBox()->setCurrentText(QStringLiteral("score-threshold"));
        QVERIFY(dialog.horizonBox()->isEnabled());
        QVERIFY(dialog.thresholdEdit()->isEnabled());
        QVERIFY(!dialog.queryEdit()->isEnabled());
        dialog.tickerEdit()->setText(QStringLiteral("META"));
        dialog.thresholdEdit()->setText(QStringLiteral("150"));
        QVERIFY2(dialog.errorText().contains(QStringLiteral("Bad threshold 150")), qPrintable(dialog.errorText()));
        QVERIFY(dialog.errorText().contains(QStringLiteral("between 0 and 100")));
        QVERIFY(!dialog.okButton()->isEnabled());
        dialog.thresholdEdit()->setText(QStringLiteral("seventy"));
        QCOMPARE(dialog.errorText(), QStringLiteral("Threshold \"seventy\" is not a number."));
        QVERIFY(!dialog.okButton()->isEnabled());
        dialog.thresholdEdit()->setText(QStringLiteral("70"));
        QCOMPARE(dialog.errorText(), QString());
        QVERIFY(dialog.okButton()->isEnabled());
        dialog.tickerEdit()->setText(QStringLiteral("ZZZZ"));
        QVERIFY2(dialog.errorText().contains(QStringLiteral("nknown ticker 'ZZZZ'")), qPrintable(dialog.errorText()));
        QVERIFY(!dialog.okButton()->isEnabled());
        // The message is the form's (no command-line options) and frames its field.
        QVERIFY(!dialog.errorText().contains(QStringLiteral("--")));
        QVERIFY(!dialog.tickerEdit()->styleSheet().isEmpty());
        QVERIFY(dialog.thresholdEdit()->styleSheet().isEmpty());

        // Article-match: the query goes through the full-text index itself.
        dialog.kindBox()->setCurrentText(QStringLiteral("article-match"));
        dialog.tickerEdit()->setText(QStringLiteral("META"));
        QVERIFY(!dialog.thresholdEdit()->isEnabled());   // the 70 still typed there does not count
        QVERIFY(!dialog.horizonBox()->isEnabled());
        QVERIFY(!dialog.cooldownEdit()->isEnabled());
        QVERIFY2(dialog.errorText().contains(QStringLiteral("needs query")), qPrintable(dialog.errorText()));
        QVERIFY(!dialog.queryEdit()->styleSheet().isEmpty());
        dialog.queryEdit()->setText(QStringLiteral("\"Muse Spark"));
        QVERIFY2(dialog.errorText().contains(QStringLiteral("alformed search query")), qPrintable(dialog.errorText()));
        QVERIFY(!dialog.okButton()->isEnabled());
        dialog.queryEdit()->setText(QStringLiteral("\"Muse Spark\" AND launch*"));
        QCOMPARE(dialog.errorText(), QString());
        QVERIFY(dialog.okButton()->isEnabled());

        const int before = int(AlertRuleStore(db()).all()->size());
        dialog.okButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.savedRule().id > 0);
        const AlertRule stored = storedRule(dialog.savedRule().id);
        QCOMPARE(stored.kind, AlertKind::ArticleMatch);
        QCOMPARE(stored.query, QStringLiteral("\"Muse Spark\" AND launch*"));
        QCOMPARE(stored.ticker, QStringLiteral("META"));
        QVERIFY(!stored.threshold.has_value());
        QCOMPARE(int(AlertRuleStore(db()).all()->size()), before + 1);
    }

    void ruleDialogEditsAStoredRule()
    {
        AlertRule rule;
        rule.kind = AlertKind::PriceMove;
        rule.ticker = QStringLiteral("NVDA");
        rule.threshold = 5;
        auto added = AlertRuleStore(db()).add(rule);
        QVERIFY(added.ok());
        AlertRuleDialog dialog(db(), *added);
        QCOMPARE(dialog.kindBox()->currentText(), QStringLiteral("price-move"));
        QCOMPARE(dialog.thresholdEdit()->text(), QStringLiteral("5"));
        QCOMPARE(dialog.cooldownEdit()->text(), QStringLiteral("1h"));
        dialog.thresholdEdit()->setText(QStringLiteral("7.5"));
        dialog.cooldownEdit()->setText(QStringLiteral("soon"));
        QVERIFY(dialog.errorText().contains(QStringLiteral("not a duration")));
        QVERIFY(!dialog.okButton()->isEnabled());
        dialog.cooldownEdit()->setText(QStringLiteral("30m"));
        QVERIFY(dialog.okButton()->isEnabled());
        dialog.okButton()->click();
        const AlertRule stored = storedRule(added->id);
        QCOMPARE(stored.threshold.value_or(0), 7.5);
        QCOMPARE(stored.cooldownSeconds, qint64(1800));
        QCOMPARE(stored.ticker, QStringLiteral("NVDA"));
    }

    void panelActionsChangeTheStore()
    {
        AlertRule rule;
        rule.kind = AlertKind::PriceMove;
        rule.name = QStringLiteral("MSFT moves 4%");
        rule.ticker = QStringLiteral("MSFT");
        rule.threshold = 4;
        auto added = AlertRuleStore(db()).add(rule);
        QVERIFY(added.ok());
        const qint64 id = added->id;
        FiredAlert firing;
        firing.ruleId = id;
        firing.fired = QDateTime(QDate(2026, 4, 9), QTime(20, 0), Qt::UTC);
        firing.ticker = QStringLiteral("MSFT");
        firing.message = QStringLiteral("MSFT closed +4.2% at 402.10");
        firing.causeKey = QStringLiteral("quote:MSFT:2026-04-09");
        auto recorded = FiredAlertStore(db()).record(firing, {});
        QVERIFY(recorded.ok() && recorded->has_value());
        const qint64 alertId = **recorded;

        AlertsPanel panel(db());
        const int row = rowOfRule(panel, id);
        QVERIFY(row >= 0);
        QCOMPARE(panel.rulesTable()->item(row, 0)->text(), QStringLiteral("MSFT moves 4%"));
        auto *enable = panel.findChild<QAction *>(QStringLiteral("enableRuleAction"));
        auto *mute = panel.findChild<QAction *>(QStringLiteral("muteRuleAction"));
        auto *ack = panel.findChild<QAction *>(QStringLiteral("ackAction"));
        auto *ackAll = panel.findChild<QAction *>(QStringLiteral("ackAllAction"));
        auto *remove = panel.findChild<QAction *>(QStringLiteral("deleteRuleAction"));
        QVERIFY(enable && mute && ack && ackAll && remove);
        QVERIFY(!enable->isEnabled());   // nothing selected yet
        QVERIFY(ackAll->isEnabled());

        panel.rulesTable()->selectRow(row);
        QCOMPARE(panel.selectedRuleId(), id);
        QCOMPARE(enable->text(), QStringLiteral("Disable"));
        enable->trigger();
        QVERIFY(!storedRule(id).enabled);
        QCOMPARE(panel.selectedRuleId(), id);   // the selection survives the reload
        QCOMPARE(enable->text(), QStringLiteral("Enable"));
        QCOMPARE(panel.rulesTable()->item(rowOfRule(panel, id), 4)->text(), QStringLiteral("disabled"));
        enable->trigger();
        QVERIFY(storedRule(id).enabled);

        QCOMPARE(mute->text(), QStringLiteral("Mute"));
        mute->trigger();
        QVERIFY(storedRule(id).muted);
        QCOMPARE(mute->text(), QStringLiteral("Unmute"));
        QCOMPARE(panel.rulesTable()->item(rowOfRule(panel, id), 4)->text(), QStringLiteral("muted"));
        mute->trigger();
        QVERIFY(!storedRule(id).muted);

        // Firings: acknowledge the selected one, then all the others.
        int firedRow = -1;
        for (int r = 0; r < panel.firedTable()->rowCount(); ++r) {
            if (panel.firedTable()->item(r, 0)->data(Qt::UserRole).toLongLong() == alertId)
                firedRow = r;
        }
        QVERIFY(firedRow >= 0);
        QCOMPARE(panel.firedTable()->item(firedRow, 5)->text(), QStringLiteral("no"));
        panel.firedTable()->selectRow(firedRow);
        QVERIFY(ack->isEnabled());
        ack->trigger();
        QVERIFY((*FiredAlertStore(db()).byId(alertId))->acknowledged);
        QVERIFY(!ack->isEnabled());
        QCOMPARE(panel.firedTable()->item(firedRow, 5)->text(), QStringLiteral("yes"));
        const qint64 open = *FiredAlertStore(db()).unacknowledgedCount();
        QCOMPARE(panel.acknowledgeAll(), int(open));
        QCOMPARE(*FiredAlertStore(db()).unacknowledgedCount(), qint64(0));
        QVERIFY(!ackAll->isEnabled());

        // Delete asks first: Cancel keeps the rule, Yes removes it.
        panel.rulesTable()->selectRow(rowOfRule(panel, id));
        whenModalOpens([](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            QVERIFY(box);
            QVERIFY(box->text().contains(QStringLiteral("MSFT moves 4%")));
            box->button(QMessageBox::Cancel)->click();
        });
        remove->trigger();
        QVERIFY(storedRule(id).id == id);
        whenModalOpens([](QWidget *modal) {
            qobject_cast<QMessageBox *>(modal)->button(QMessageBox::Yes)->click();
        });
        remove->trigger();
        QCOMPARE(storedRule(id).id, qint64(0));
        QCOMPARE(rowOfRule(panel, id), -1);
        QVERIFY(!panel.removeRule(id));
        QVERIFY(panel.lastError().contains(QStringLiteral("no alert rule")));
    }

    void newRuleFromThePanelOpensTheDialog()
    {
        AlertsPanel panel(db());
        const int before = panel.rulesTable()->rowCount();
        whenModalOpens([](QWidget *modal) {
            auto *dialog = qobject_cast<AlertRuleDialog *>(modal);
            QVERIFY(dialog);
            dialog->kindBox()->setCurrentText(QStringLiteral("news-volume"));
            dialog->tickerEdit()->setText(QStringLiteral("amzn"));
            QVERIFY(dialog->okButton()->isEnabled());
            dialog->okButton()->click();
        });
        panel.findChild<QAction *>(QStringLiteral("newRuleAction"))->trigger();
        QCOMPARE(panel.rulesTable()->rowCount(), before + 1);
        const qint64 id = panel.selectedRuleId();
        QVERIFY(id > 0);
        const AlertRule stored = storedRule(id);
        QCOMPARE(stored.kind, AlertKind::NewsVolume);
        QCOMPARE(stored.ticker, QStringLiteral("AMZN"));
        QCOMPARE(stored.threshold.value_or(0), 3.0);
        QCOMPARE(panel.rulesTable()->item(panel.rulesTable()->currentRow(), 0)->text(), stored.describe());
    }

    void watchlistTabAddsReordersAndRemoves()
    {
        SettingsDialog dialog(db());
        WatchlistTab *tab = dialog.watchlistTab();
        const QStringList start = tab->symbols();
        QVERIFY(!start.isEmpty());
        QVERIFY(!tab->addTicker(QStringLiteral("go og!")));
        QVERIFY(tab->lastError().contains(QStringLiteral("not a ticker, CIK or name of a US-listed company")));
        QVERIFY(!tab->addTicker(QStringLiteral("META")));
        QVERIFY(tab->lastError().contains(QStringLiteral("already on the watchlist")));
        QCOMPARE(tab->symbols(), start);

        QVERIFY(tab->addTicker(QStringLiteral(" brk.b ")));
        QCOMPARE(tab->symbols(), QStringList(start) << QStringLiteral("BRK-B"));   // the directory's spelling
        auto watchlist = TickerStore(db()).watchlist();
        QVERIFY(watchlist.ok());
        QCOMPARE(watchlist->last().symbol, QStringLiteral("BRK-B"));
        QCOMPARE(watchlist->last().name, QStringLiteral("Berkshire Hathaway"));
        // Another share class is the same company.
        QVERIFY(!tab->addTicker(QStringLiteral("BRK.A")));
        QVERIFY(tab->lastError().contains(QStringLiteral("share classes")));
        // The tickers page shows the new one too, on the watchlist.
        QTableWidget *tickers = dialog.tickersTable();
        bool listed = false;
        for (int r = 0; r < tickers->rowCount(); ++r) {
            if (tickers->item(r, 0)->text() == QLatin1String("BRK-B"))
                listed = tickers->item(r, 3)->checkState() == Qt::Checked;
        }
        QVERIFY(listed);

        QVERIFY(tab->moveTicker(QStringLiteral("BRK-B"), -1));
        QStringList expected = start;
        expected.insert(expected.size() - 1, QStringLiteral("BRK-B"));
        QCOMPARE(tab->symbols(), expected);
        QStringList stored;
        const auto reordered = TickerStore(db()).watchlist();
        QVERIFY(reordered.ok());
        for (const TickerInfo &t : reordered.value())
            stored << t.symbol;
        QCOMPARE(stored, expected);
        QVERIFY(!tab->moveTicker(expected.first(), -1));

        QVERIFY(tab->removeTicker(QStringLiteral("BRK-B")));
        QCOMPARE(tab->symbols(), start);
        auto brk = TickerStore(db()).bySymbol(QStringLiteral("BRK-B"));
        QVERIFY(brk.ok() && brk->has_value());
        QVERIFY(!(**brk).onWatchlist);
        // Closing the dialog saves the tickers page; it must not undo the removal.
        QVERIFY(dialog.saveTickers());
        QVERIFY(!(*TickerStore(db()).bySymbol(QStringLiteral("BRK-B")))->onWatchlist);
    }

    void notificationsTabWritesTheSwitchesAndMutes()
    {
        const AnalystState analyst = AnalystState::forStore(db());
        AnalystState(analyst).setDoNotDisturb(false);
        NotificationsTab tab(db());
        QVERIFY(!tab.doNotDisturbBox()->isChecked());
        QVERIFY(tab.popupsBox()->isChecked());
        tab.doNotDisturbBox()->setChecked(true);
        QVERIFY(analyst.doNotDisturb());
        tab.popupsBox()->setChecked(false);
        QVERIFY(!analyst.popups());
        tab.doNotDisturbBox()->setChecked(false);
        tab.popupsBox()->setChecked(true);
        QVERIFY(!analyst.doNotDisturb());
        QVERIFY(analyst.popups());
        // The store's switch, not a global one.
        QVERIFY(!QSettings().contains(QStringLiteral("alerts/doNotDisturb")));

        const auto rules = AlertRuleStore(db()).all();
        QVERIFY(rules.ok());
        QCOMPARE(tab.muteList()->count(), int(rules->size()));
        QListWidgetItem *first = tab.muteList()->item(0);
        const qint64 id = first->data(Qt::UserRole).toLongLong();
        QCOMPARE(first->text(), storedRule(id).describe());
        const bool wasMuted = storedRule(id).muted;
        first->setCheckState(wasMuted ? Qt::Unchecked : Qt::Checked);
        QCOMPARE(storedRule(id).muted, !wasMuted);
        first->setCheckState(wasMuted ? Qt::Checked : Qt::Unchecked);
        QCOMPARE(storedRule(id).muted, wasMuted);
    }

    void storePasswordEntryNamesUserHostPortAndDatabase()
    {
        QCOMPARE(SecretStore::storePasswordEntry(QStringLiteral("alice@127.0.0.1:5432/desk")),
                 QStringLiteral("store-password:alice@127.0.0.1:5432/desk"));
    }

    void storeTabSavesASqlitePathAndRefusesABadUrl()
    {
        StoreTab tab(SecretStore::defaultService(), m_store.location());
        QCOMPARE(tab.locationEdit()->text(), m_store.location());
        QVERIFY(!tab.passwordEdit()->isEnabled());
        tab.locationEdit()->setText(QStringLiteral("postgresql://alice@127.0.0.1:5432/desk"));
        QVERIFY(tab.passwordEdit()->isEnabled());

        QVERIFY(!tab.save(QStringLiteral("postgresql://alice@127.0.0.1:notaport/desk"), QString()));
        QVERIFY(!tab.lastError().isEmpty());
        QVERIFY(!QSettings().contains(QStringLiteral("store/location")));
        QVERIFY(!tab.save(QStringLiteral("/no/such/folder/store.db"), QString()));
        QVERIFY(tab.lastError().contains(QStringLiteral("does not exist")));

        const QString path = m_store.filePath(QStringLiteral("next.db"));
        QVERIFY(tab.save(path, QString()));
        QCOMPARE(QSettings().value(QStringLiteral("store/location")).toString(), path);
        // A server URL without a password needs no keychain at all.
        QVERIFY(tab.save(QStringLiteral("postgresql://alice@127.0.0.1:5432/desk"), QString()));
        QCOMPARE(QSettings().value(QStringLiteral("store/location")).toString(),
                 QStringLiteral("postgresql://alice@127.0.0.1:5432/desk"));
        QSettings().remove(QStringLiteral("store/location"));
    }

    void withoutAKeychainTheKeysPageSaysSoAndTheRestWorks()
    {
        SettingsDialog dialog(db());
        ApiKeysTab *keys = dialog.apiKeysTab();
        keys->load();
        QVERIFY(!keys->keychainAvailable());
        QVERIFY2(keys->message().contains(QStringLiteral("keychain is not available")), qPrintable(keys->message()));
        QVERIFY(!keys->table()->isEnabled());
        QCOMPARE(keys->statusText(QStringLiteral("finnhub")), QStringLiteral("Unknown"));
        QVERIFY(!keys->setKey(QStringLiteral("finnhub"), QStringLiteral("NOPE")));

        // A password cannot be kept, so the location is not saved either.
        QVERIFY(!dialog.storeTab()->save(QStringLiteral("postgresql://alice@127.0.0.1:5432/desk"),
                                         QStringLiteral("s3cret")));
        QVERIFY(dialog.storeTab()->lastError().contains(QStringLiteral("was not saved")));
        QVERIFY(!dialog.storeTab()->lastError().contains(QStringLiteral("s3cret")));
        QVERIFY(!QSettings().contains(QStringLiteral("store/location")));

        QVERIFY(dialog.addFeed(QStringLiteral("https://about.fb.com/news/feed/"), QStringLiteral("news"),
                               QStringLiteral("META"), QString(), 30));
        QVERIFY(dialog.watchlistTab()->addTicker(QStringLiteral("ORCL")));
        QVERIFY(dialog.watchlistTab()->removeTicker(QStringLiteral("ORCL")));
    }

    void withoutANotificationServiceTheTrayIsTheFallback()
    {
        // A connection that never reached a bus: no notification service.
        DesktopNotifier notifier(QDBusConnection(QStringLiteral("tw-no-bus")));
        QVERIFY(!notifier.serverAvailable());
        QMainWindow window;
        auto *tray = new TrayIcon(&window);
        tray->attach(&notifier);
        FiredAlert alert;
        alert.id = 42;
        alert.ruleName = QStringLiteral("META price move >= 5%");
        alert.message = QStringLiteral("META closed -6.1% at 512.30");
        if (!QSystemTrayIcon::isSystemTrayAvailable()) {
            // Offscreen (and on desktops without a tray) there is no icon and
            // the alert stays in the panel only.
            QVERIFY(!tray->icon());
            QCOMPARE(notifier.notify(alert), DesktopNotifier::Route::Unavailable);
            return;   // the balloon route itself: tst_trayfallback, on a real tray
        }
        QVERIFY(tray->icon() && tray->icon()->isVisible());
        QSignalSpy activated(&notifier, &DesktopNotifier::activated);
        QCOMPARE(notifier.notify(alert), DesktopNotifier::Route::Tray);
        emit tray->icon()->messageClicked();
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toLongLong(), qint64(42));
    }

    void dialogsRenderForALook()
    {
        // TW_DIALOG_SHOTS=DIR keeps the images to look at; by default they go
        // to a temporary folder and only their rendering is checked.
        QTemporaryDir scratch;
        const QString dir = qEnvironmentVariable("TW_DIALOG_SHOTS", scratch.path());
        SettingsDialog settings(db());
        QVERIFY(twtest::shownAt(settings, {820, 520}));
        for (int i = 0; i < settings.tabs()->count(); ++i) {
            settings.tabs()->setCurrentIndex(i);
            QCoreApplication::processEvents();
            const QString name = settings.tabs()->tabText(i).remove(QLatin1Char('&')).replace(QLatin1Char(' '), QLatin1Char('-'));
            QVERIFY(settings.grab().save(dir + QStringLiteral("/settings-") + name.toLower() + QStringLiteral(".png")));
        }
        AlertRule rule;
        rule.kind = AlertKind::ScoreThreshold;
        rule.ticker = QStringLiteral("META");
        rule.threshold = 150;
        AlertRuleDialog dialog(db(), rule);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/rule-dialog.png")));
        AlertsPanel panel(db());
        QVERIFY(twtest::shownAt(panel, {640, 480}));
        panel.rulesTable()->selectRow(0);
        QVERIFY(panel.grab().save(dir + QStringLiteral("/alerts-panel.png")));
    }

    void theAppIconIsDrawnForEveryTraySize()
    {
        const QIcon icon = TrayIcon::appIcon();
        QVERIFY(!icon.isNull());
        QVERIFY(icon.availableSizes().contains(QSize(22, 22)));
    }
};

int main(int argc, char **argv)
{
    // No keychain for this suite: the session bus address leads nowhere.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/tickerwire-test-bus");
    qputenv("TICKERWIRE_KEYCHAIN_SERVICE", "tickerwire-test-nokeychain");
    QApplication app(argc, argv);
    TestAlertSettings test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_alertsettings.moc"
