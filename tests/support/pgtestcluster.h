#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <memory>

namespace twtest {

// A throw-away PostgreSQL cluster for one test run: initdb into a temporary
// folder, pg_ctl start on 127.0.0.1 and a private unix socket folder, and in the
// destructor stop it and delete everything. PostgreSQL refuses to run as root,
// so under root (CI) the server runs as the `postgres` system user via runuser.
//
// The superuser `tickerwire` has a password; TCP connections must present it,
// which the cluster arranges through a PGPASSFILE it writes and exports, the way
// an analyst's ~/.pgpass would. Nothing is skipped: when the server binaries are
// missing, ok() is false and error() says what to install.
class PgTestCluster {
public:
    static constexpr const char *kUser = "tickerwire";
    static constexpr const char *kPassword = "tw-test-secret-7f3a";

    PgTestCluster()
    {
        m_error = start();
    }

    ~PgTestCluster()
    {
        {
            QSqlDatabase admin = QSqlDatabase::database(adminConnectionName(), false);
            if (admin.isOpen())
                admin.close();
        }
        QSqlDatabase::removeDatabase(adminConnectionName());
        stopServer();
    }

    PgTestCluster(const PgTestCluster &) = delete;
    PgTestCluster &operator=(const PgTestCluster &) = delete;

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    int port() const { return m_port; }
    QString passFile() const { return m_root.filePath(QStringLiteral("pgpass")); }

    // postgresql://tickerwire@127.0.0.1:PORT/DB, the form a user types.
    QString url(const QString &database) const
    {
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(QLatin1String(kUser)).arg(m_port).arg(database);
    }

    // A new empty database; returns its URL (empty on failure, see lastSqlError()).
    QString createDatabase()
    {
        const QString name = QStringLiteral("tw_test_%1").arg(++m_databases);
        QSqlQuery q(admin());
        if (!q.exec(QStringLiteral("CREATE DATABASE %1").arg(name))) {
            m_lastSqlError = q.lastError().text();
            return {};
        }
        return url(name);
    }

    // Runs one statement as the superuser in `database` (for test set-up).
    bool exec(const QString &database, const QString &sql)
    {
        const QString name = QStringLiteral("pgtestcluster-%1").arg(database);
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            configure(db, database);
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(sql);
                if (!ok)
                    m_lastSqlError = q.lastError().text();
                db.close();
            } else {
                m_lastSqlError = db.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    const QString &lastSqlError() const { return m_lastSqlError; }

    // For the "server went away" tests: stop and start the same cluster.
    bool stopServer()
    {
        if (!m_running)
            return true;
        m_running = !runPg(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"),
                                                       QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")});
        return !m_running;
    }

    bool startServer()
    {
        if (m_running)
            return true;
        const QString options = QStringLiteral("-c port=%1 -c listen_addresses=127.0.0.1 -c unix_socket_directories=%2 "
                                               "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                                               "-c max_connections=60")
                                    .arg(m_port).arg(socketDir());
        {
            // A restart ends every session, the admin one included.
            QSqlDatabase admin = QSqlDatabase::database(adminConnectionName(), false);
            if (admin.isOpen())
                admin.close();
        }
        m_running = runPg(QStringLiteral("pg_ctl"),
                          {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"), m_root.filePath(QStringLiteral("server.log")),
                           QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-o"), options,
                           QStringLiteral("start")});
        return m_running;
    }

    const QString &lastCommandOutput() const { return m_lastOutput; }

    // A superuser connection to `database` over the private unix socket (no
    // password), named `name`, for test set-up from any thread; remove it with
    // QSqlDatabase::removeDatabase when done.
    QSqlDatabase openSuperuserConnection(const QString &name, const QString &database) const
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        configure(db, database);
        db.open();
        return db;
    }

    // The database a URL made by createDatabase() names.
    static QString databaseOf(const QString &url) { return url.section(QLatin1Char('/'), -1); }

private:
    QString start()
    {
        m_binDir = findBinDir();
        if (m_binDir.isEmpty())
            return QStringLiteral("PostgreSQL server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin "
                                  "or $TW_PG_BINDIR; install Debian's 'postgresql' package (scripts/setup.sh does)");
        if (!m_root.isValid())
            return QStringLiteral("cannot create a temporary folder: %1").arg(m_root.errorString());
        if (::geteuid() == 0) {
            const passwd *pw = ::getpwnam("postgres");
            if (!pw)
                return QStringLiteral("running as root needs the 'postgres' system user (created by the postgresql package)");
            m_serverUid = pw->pw_uid;
            m_serverGid = pw->pw_gid;
            if (::chown(QFile::encodeName(m_root.path()).constData(), m_serverUid, m_serverGid) != 0)
                return QStringLiteral("cannot hand %1 to the postgres user").arg(m_root.path());
        }
        QDir(m_root.path()).mkpath(QStringLiteral("socket"));
        if (m_serverUid != uid_t(-1)
            && ::chown(QFile::encodeName(socketDir()).constData(), m_serverUid, m_serverGid) != 0)
            return QStringLiteral("cannot hand %1 to the postgres user").arg(socketDir());
        const QString pwFile = m_root.filePath(QStringLiteral("initdb-password"));
        if (!writePrivateFile(pwFile, QByteArray(kPassword) + '\n'))
            return QStringLiteral("cannot write %1").arg(pwFile);
        const bool initialised = runPg(QStringLiteral("initdb"),
                                       {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), QLatin1String(kUser),
                                        QStringLiteral("--pwfile=") + pwFile, QStringLiteral("--auth-host=scram-sha-256"),
                                        QStringLiteral("--auth-local=trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                                        QStringLiteral("--no-locale"), QStringLiteral("--no-sync")});
        QFile::remove(pwFile);
        if (!initialised)
            return QStringLiteral("initdb failed: %1").arg(m_lastOutput);
        // A port taken between probing and starting is retried with another one.
        for (int attempt = 0; attempt < 5 && !m_running; ++attempt) {
            m_port = freePort();
            startServer();
        }
        if (!m_running)
            return QStringLiteral("pg_ctl start failed: %1\n%2").arg(m_lastOutput, QString::fromLocal8Bit(
                readFile(m_root.filePath(QStringLiteral("server.log")))));
        // The client side reads the password from here, as libpq does from ~/.pgpass.
        const QByteArray line = QStringLiteral("127.0.0.1:%1:*:%2:%3\n").arg(m_port).arg(QLatin1String(kUser),
                                                                              QLatin1String(kPassword)).toUtf8();
        if (!writePrivateFile(passFile(), line, false))
            return QStringLiteral("cannot write %1").arg(passFile());
        qputenv("PGPASSFILE", QFile::encodeName(passFile()));
        if (!admin().isOpen())
            return QStringLiteral("cannot connect to the test cluster: %1").arg(admin().lastError().text());
        return {};
    }

    static QString findBinDir()
    {
        const QString fromEnv = qEnvironmentVariable("TW_PG_BINDIR");
        if (!fromEnv.isEmpty())
            return QFile::exists(fromEnv + QStringLiteral("/initdb")) ? fromEnv : QString();
        QDir versions(QStringLiteral("/usr/lib/postgresql"));
        QStringList found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        std::sort(found.begin(), found.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
        for (const QString &v : found) {
            const QString dir = versions.filePath(v + QStringLiteral("/bin"));
            if (QFile::exists(dir + QStringLiteral("/initdb")) && QFile::exists(dir + QStringLiteral("/pg_ctl")))
                return dir;
        }
        return {};
    }

    static int freePort()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        socklen_t len = sizeof addr;
        int port = 0;
        if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0
            && ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
            port = ntohs(addr.sin_port);
        if (fd >= 0)
            ::close(fd);
        return port;
    }

    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    bool writePrivateFile(const QString &path, const QByteArray &content, bool forServer = true)
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        f.write(content);
        f.close();
        if (forServer && m_serverUid != uid_t(-1))
            return ::chown(QFile::encodeName(path).constData(), m_serverUid, m_serverGid) == 0;
        return true;
    }

    bool runPg(const QString &tool, const QStringList &args)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        const QString program = m_binDir + QLatin1Char('/') + tool;
        if (m_serverUid != uid_t(-1))
            p.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                                           QStringLiteral("--"), program} + args);
        else
            p.start(program, args);
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            m_lastOutput = tool + QStringLiteral(" did not finish");
            return false;
        }
        m_lastOutput = QString::fromLocal8Bit(p.readAll());
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    QString dataDir() const { return m_root.filePath(QStringLiteral("data")); }
    QString socketDir() const { return m_root.filePath(QStringLiteral("socket")); }
    QString adminConnectionName() const { return QStringLiteral("pgtestcluster-admin-%1").arg(m_port); }

    void configure(QSqlDatabase &db, const QString &database) const
    {
        db.setHostName(socketDir());  // unix socket: trusted, no password needed
        db.setPort(m_port);
        db.setUserName(QLatin1String(kUser));
        db.setDatabaseName(database);
    }

    QSqlDatabase admin()
    {
        QSqlDatabase db = QSqlDatabase::database(adminConnectionName(), false);
        if (!db.isValid()) {
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), adminConnectionName());
            configure(db, QStringLiteral("postgres"));
        }
        if (!db.isOpen())
            db.open();
        return db;
    }

    QTemporaryDir m_root{QDir::tempPath() + QStringLiteral("/tw-pg-XXXXXX")};
    QString m_binDir;
    QString m_error;
    QString m_lastOutput;
    QString m_lastSqlError;
    uid_t m_serverUid = uid_t(-1);
    gid_t m_serverGid = gid_t(-1);
    int m_port = 0;
    int m_databases = 0;
    bool m_running = false;
};

// The cluster a server suite's test functions share: start() in initTestCase,
// false with error() saying why when it cannot (the suite fails with that
// reason: nothing is skipped), stop() in cleanupTestCase.
class SuiteCluster {
public:
    bool start()
    {
        m_cluster = std::make_unique<PgTestCluster>();
        return m_cluster->ok();
    }
    const QString &error() const { return m_cluster->error(); }
    PgTestCluster *operator->() const { return m_cluster.get(); }
    void stop() { m_cluster.reset(); }

private:
    std::unique_ptr<PgTestCluster> m_cluster;
};

} // namespace twtest
