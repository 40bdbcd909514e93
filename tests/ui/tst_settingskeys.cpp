#include "settingssandbox.h"
#include "temporarystores.h"
#include "ui/dialogs/apikeystab.h"
#include "ui/dialogs/settingsdialog.h"
#include "ui/dialogs/storetab.h"
#include "feeds/keys/secretstore.h"
#include "pgtestcluster.h"
#include "models/store/postgresurl.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QInputDialog>
#include <QPushButton>
#include <QTimer>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace tw;

// The settings pages that talk to the keychain. Needs a session bus with an
// unlocked Secret Service (scripts/setup.sh runs ctest inside dbus-run-session
// with gnome-keyring); skips without one. A service name of its own keeps a
// developer's real keys out of reach.
class TestSettingsKeys : public QObject {
    Q_OBJECT

    twtest::SettingsSandbox m_settings{QStringLiteral("tst_settingskeys")};
    QString m_service;
    twtest::TemporaryStore m_store;

    // Every piece of text the page shows, to prove the key is never among it.
    static QStringList visibleTexts(const QWidget *page)
    {
        QStringList texts;
        for (const QLabel *l : page->findChildren<QLabel *>())
            texts << l->text() << l->toolTip();
        for (const QLineEdit *e : page->findChildren<QLineEdit *>())
            texts << e->text() << e->placeholderText();
        for (const QAbstractButton *b : page->findChildren<QAbstractButton *>())
            texts << b->text() << b->toolTip();
        for (const QTableWidget *t : page->findChildren<QTableWidget *>()) {
            for (int r = 0; r < t->rowCount(); ++r) {
                for (int c = 0; c < t->columnCount(); ++c) {
                    if (const QTableWidgetItem *item = t->item(r, c))
                        texts << item->text() << item->toolTip() << item->data(Qt::UserRole).toString();
                }
            }
        }
        return texts;
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no D-Bus session bus (run under dbus-run-session with gnome-keyring, as scripts/setup.sh test does)");
        m_service = QStringLiteral("tickerwire-test-ui-%1").arg(QCoreApplication::applicationPid());
        qputenv("TICKERWIRE_KEYCHAIN_SERVICE", m_service.toUtf8());
        QVERIFY2(m_store.openDemo(QStringLiteral("keys.db"), QStringLiteral("keys")),
                 qPrintable(m_store.errorString()));
    }

    void cleanupTestCase()
    {
        if (m_service.isEmpty())
            return;
        SecretStore secrets(m_service);
        for (const QString &provider : SecretStore::knownProviders())
            QVERIFY(secrets.remove(provider).ok());
        QVERIFY(secrets.remove(SecretStore::storePasswordEntry(QStringLiteral("alice@127.0.0.1:5432/desk"))).ok());
        m_store.close();
    }

    void apiKeysShowOnlyWhetherAKeyIsSet()
    {
        SettingsDialog dialog(m_store.database());
        ApiKeysTab *keys = dialog.apiKeysTab();
        keys->load();
        QVERIFY2(keys->keychainAvailable(), qPrintable(keys->message()));
        QCOMPARE(keys->table()->rowCount(), int(SecretStore::knownProviders().size()));
        for (const QString &provider : SecretStore::knownProviders())
            QCOMPARE(keys->statusText(provider), QStringLiteral("No key"));

        const QString key = QStringLiteral("FINNHUB-UI-SECRET-42");
        QVERIFY2(keys->setKey(QStringLiteral("finnhub"), key), qPrintable(keys->lastError()));
        QCOMPARE(keys->statusText(QStringLiteral("finnhub")), QStringLiteral("Key set"));
        QCOMPARE(keys->statusText(QStringLiteral("alphavantage")), QStringLiteral("No key"));
        QCOMPARE(*SecretStore(m_service).read(QStringLiteral("finnhub")), key);
        for (const QString &text : visibleTexts(keys))
            QVERIFY2(!text.contains(key), qPrintable(text));

        // A fresh dialog reads the state back from the keychain.
        SettingsDialog again(m_store.database());
        again.apiKeysTab()->load();
        QCOMPARE(again.apiKeysTab()->statusText(QStringLiteral("finnhub")), QStringLiteral("Key set"));
        for (const QString &text : visibleTexts(&again))
            QVERIFY2(!text.contains(key), qPrintable(text));

        // Set… asks in a password field, which never echoes the key.
        QTimer::singleShot(0, qApp, [] {
            auto *ask = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(ask);
            QCOMPARE(ask->textEchoMode(), QLineEdit::Password);
            const auto edits = ask->findChildren<QLineEdit *>();
            QCOMPARE(edits.size(), 1);
            QCOMPARE(edits.first()->echoMode(), QLineEdit::Password);
            ask->setTextValue(QStringLiteral("ALPHA-UI-SECRET-7"));
            ask->accept();
        });
        keys->findChild<QPushButton *>(QStringLiteral("set-alphavantage"))->click();
        QCOMPARE(keys->statusText(QStringLiteral("alphavantage")), QStringLiteral("Key set"));
        QCOMPARE(*SecretStore(m_service).read(QStringLiteral("alphavantage")), QStringLiteral("ALPHA-UI-SECRET-7"));
        for (const QString &text : visibleTexts(keys))
            QVERIFY2(!text.contains(QStringLiteral("ALPHA-UI-SECRET-7")), qPrintable(text));

        QVERIFY(!keys->setKey(QStringLiteral("finnhub"), QStringLiteral("   ")));
        QVERIFY(keys->removeKey(QStringLiteral("finnhub")));
        QCOMPARE(keys->statusText(QStringLiteral("finnhub")), QStringLiteral("No key"));
        QVERIFY(SecretStore(m_service).read(QStringLiteral("finnhub"))->isEmpty());
    }

    void storePasswordGoesToTheKeychainNotTheUrl()
    {
        SettingsDialog dialog(m_store.database());
        StoreTab *store = dialog.storeTab();
        // The entry the store's password lookup reads (SecretStore::read of this name).
        const QString entry = SecretStore::storePasswordEntry(QStringLiteral("alice@127.0.0.1:5432/desk"));
        QCOMPARE(entry, QStringLiteral("store-password:alice@127.0.0.1:5432/desk"));

        // Typed into the password field.
        QVERIFY2(store->save(QStringLiteral("postgresql://alice@127.0.0.1:5432/desk"), QStringLiteral("fieldpass")),
                 qPrintable(store->lastError()));
        QCOMPARE(QSettings().value(QStringLiteral("store/location")).toString(),
                 QStringLiteral("postgresql://alice@127.0.0.1:5432/desk"));
        QCOMPARE(*SecretStore(m_service).read(entry), QStringLiteral("fieldpass"));

        // Typed into the URL: it moves to the keychain and out of the URL.
        QVERIFY(store->save(QStringLiteral("postgresql://alice:urlpass@127.0.0.1:5432/desk"), QString()));
        const QString saved = QSettings().value(QStringLiteral("store/location")).toString();
        QCOMPARE(saved, QStringLiteral("postgresql://alice@127.0.0.1:5432/desk"));
        QVERIFY(!saved.contains(QStringLiteral("urlpass")));
        QVERIFY(!store->locationEdit()->text().contains(QStringLiteral("urlpass")));
        QCOMPARE(*SecretStore(m_service).read(entry), QStringLiteral("urlpass"));
        // Without a port the default one names the same entry.
        QVERIFY(store->save(QStringLiteral("postgresql://alice@127.0.0.1/desk"), QStringLiteral("noport")));
        QCOMPARE(*SecretStore(m_service).read(entry), QStringLiteral("noport"));
        QVERIFY(store->save(QStringLiteral("postgresql://alice:urlpass@127.0.0.1:5432/desk"), QString()));
        // The settings file on disk never holds it either.
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("urlpass"));
        for (const QString &text : visibleTexts(store))
            QVERIFY2(!text.contains(QStringLiteral("urlpass")), qPrintable(text));
    }

    // End to end: the password typed on the Store page is the one the
    // command line opens a real PostgreSQL store with.
    void theStorePagePasswordOpensTheServerStore()
    {
        twtest::SuiteCluster cluster;
        if (!cluster.start())
            QSKIP(qPrintable(QStringLiteral("no PostgreSQL test cluster: ") + cluster.error()));
        QTemporaryDir empty;
        qputenv("PGPASSFILE", QFile::encodeName(empty.filePath(QStringLiteral("no-pgpass"))));
        const QString location = cluster->createDatabase();
        QVERIFY(!location.isEmpty());
        QTemporaryDir sandbox;
        const QStringList stats{QStringLiteral("--store"), location, QStringLiteral("stats")};
        QCOMPARE(twtest::runCli(stats, sandbox.path()).exitCode, 1);   // no password anywhere yet

        SettingsDialog dialog(m_store.database());
        QVERIFY2(dialog.storeTab()->save(location, QString::fromLatin1(twtest::PgTestCluster::kPassword)),
                 qPrintable(dialog.storeTab()->lastError()));
        const auto opened = twtest::runCli(stats, sandbox.path());
        QVERIFY2(opened.exitCode == 0, qPrintable(opened.err));
        QVERIFY(opened.out.contains(QStringLiteral("articles")));
        auto url = PostgresUrl::parse(location);
        QVERIFY(url.ok());
        QVERIFY(SecretStore(m_service).remove(SecretStore::storePasswordEntry(url->withoutPassword())).ok());
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    TestSettingsKeys test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_settingskeys.moc"
