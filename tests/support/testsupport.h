#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

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

inline QByteArray sha256(const QString &path)
{
    return QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256).toHex();
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
