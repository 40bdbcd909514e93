#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// Small shared pieces for the suites: fixture paths, file digests and running
// the real `tickerwire` binary the way a shell user would.
namespace twtest {

inline QString fixture(const QString &relative)
{
    return QStringLiteral(TW_FIXTURES_DIR "/") + relative;
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The bytes of a file a suite needs. A missing or empty one stops the suite:
// a test that read nothing would prove nothing.
inline QByteArray requiredBytes(const QString &path, const char *what, const QString &relative)
{
    const QByteArray bytes = readAll(path);
    if (bytes.isEmpty())
        qFatal("%s %s missing", what, qPrintable(relative));
    return bytes;
}

// A fixture's bytes (see requiredBytes).
inline QByteArray fixtureBytes(const QString &relative)
{
    return requiredBytes(fixture(relative), "fixture", relative);
}

#ifdef TW_SHARED_DATA_DIR
// The real data in ../shared/data, read in place (never copied into the tree).
inline QString sharedData(const QString &relative)
{
    return QStringLiteral(TW_SHARED_DATA_DIR "/") + relative;
}

// Its bytes (see requiredBytes).
inline QByteArray sharedDataBytes(const QString &relative)
{
    return requiredBytes(sharedData(relative), "shared data", relative);
}

// A file of SEC's (../shared/data/sec), as the SEC suites read them.
inline QByteArray secBytes(const QString &relative)
{
    return sharedDataBytes(QStringLiteral("sec/") + relative);
}
#endif

inline QByteArray sha256(const QString &path)
{
    return QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256).toHex();
}

// Writes a private local file into `dir`: a pgpass line whose password is
// `marker`. Suites point file: URLs and redirects at it and check that the
// marker shows nowhere. Its path, or empty when it could not be written.
inline QString writePrivateFile(const QTemporaryDir &dir, const QByteArray &marker)
{
    const QString path = dir.filePath(QStringLiteral("pgpass"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write("db.internal:5432:*:alice:" + marker + "\n") < 0)
        return {};
    return path;
}

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// The environment a child tickerwire runs in: HOME and XDG folders point into
// `sandbox` so a test never reads or writes the developer's own settings or store.
inline QProcessEnvironment sandboxEnvironment(const QString &sandbox)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), sandbox);
    env.insert(QStringLiteral("XDG_DATA_HOME"), sandbox + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), sandbox + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), sandbox + QStringLiteral("/cache"));
    env.remove(QStringLiteral("TICKERWIRE_STORE"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

// Runs tickerwire with `args` in a sandboxEnvironment(`sandbox`).
inline CliRun runCli(const QStringList &args, const QString &sandbox, const QByteArray &stdinData = {},
                     int timeoutMs = 120000)
{
    QProcess p;
    p.setProcessEnvironment(sandboxEnvironment(sandbox));
    p.start(QStringLiteral(TW_BINARY), args);
    p.waitForStarted();
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    CliRun run;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

// `tickerwire --demo --store STORE stats`: the demo workspace loaded into
// `store` the way a user loads it; the run's output holds the store's counts.
inline CliRun runDemoStats(const QString &store, const QString &sandbox)
{
    return runCli({QStringLiteral("--demo"), QStringLiteral("--store"), store, QStringLiteral("stats")}, sandbox);
}

// "articles: 31" lines into a map.
inline QHash<QString, qint64> parseStats(const QString &out)
{
    QHash<QString, qint64> counts;
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const int colon = int(line.indexOf(QLatin1Char(':')));
        if (colon > 0)
            counts.insert(line.left(colon).trimmed(), line.mid(colon + 1).trimmed().toLongLong());
    }
    return counts;
}

} // namespace twtest
