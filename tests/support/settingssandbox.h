#pragma once

#include <QCoreApplication>
#include <QSettings>
#include <QString>
#include <QTemporaryDir>

namespace twtest {

// Where a widget suite's QSettings go while this object lives: a temporary
// folder, so window state and preferences the suite writes never reach the
// developer's own settings and no run sees the last one's. A member of the
// test object: in place before initTestCase reads any setting.
class SettingsSandbox {
public:
    explicit SettingsSandbox(const QString &application)
    {
        QCoreApplication::setOrganizationName(QStringLiteral("tickerwire-test"));
        QCoreApplication::setApplicationName(application);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    }

private:
    QTemporaryDir m_dir;
};

} // namespace twtest
