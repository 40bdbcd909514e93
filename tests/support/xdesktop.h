#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace twtest {

// An X display of the suite's own: Xvfb, with the given programs on it (a
// window manager, a system tray), started before the QApplication so that Qt
// talks to that display (use()). start() is false, with missing() saying
// why, when a program is not installed; the suite then skips.
class XDesktop {
public:
    // Each client: the program, then its arguments.
    bool start(const QList<QStringList> &clients, const QString &screen = QStringLiteral("1600x1000x24"))
    {
        for (const QStringList &client : clients) {
            if (QStandardPaths::findExecutable(client.first()).isEmpty())
                m_missing << client.first();
        }
        if (QStandardPaths::findExecutable(QStringLiteral("Xvfb")).isEmpty())
            m_missing << QStringLiteral("Xvfb");
        if (!m_missing.isEmpty())
            return false;
        // -displayfd: the server picks a free display and prints its number.
        m_xvfb.start(QStringLiteral("Xvfb"), {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"),
                                              QStringLiteral("0"), screen, QStringLiteral("-nolisten"),
                                              QStringLiteral("tcp")});
        if (!m_xvfb.waitForStarted(10000))
            return false;
        while (!m_xvfb.canReadLine() && m_xvfb.waitForReadyRead(30000)) {
        }
        const QString number = QString::fromLatin1(m_xvfb.readLine()).trimmed();
        if (number.isEmpty())
            return false;
        m_display = QLatin1Char(':') + number;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DISPLAY"), m_display);
        for (const QStringList &client : clients) {
            auto process = std::make_unique<QProcess>();
            process->setProcessEnvironment(env);
            process->start(client.first(), client.mid(1));
            if (!process->waitForStarted(10000))
                return false;
            m_clients.push_back(std::move(process));
        }
        return true;
    }

    // Points this process's Qt at the display (before the QApplication).
    void use() const
    {
        qputenv("DISPLAY", m_display.toLatin1());
        qputenv("QT_QPA_PLATFORM", "xcb");
    }

    const QString &display() const { return m_display; }
    QString missing() const { return m_missing.join(QStringLiteral(", ")); }

    ~XDesktop()
    {
        for (auto it = m_clients.rbegin(); it != m_clients.rend(); ++it)
            stop(**it);
        stop(m_xvfb);
    }

private:
    static void stop(QProcess &p)
    {
        if (p.state() != QProcess::NotRunning) {
            p.terminate();
            p.waitForFinished(10000);
        }
    }

    QProcess m_xvfb;
    std::vector<std::unique_ptr<QProcess>> m_clients;
    QString m_display;
    QStringList m_missing;
};

} // namespace twtest
