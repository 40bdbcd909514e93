#pragma once

#include <QString>
#include <QWidget>

class QLabel;

namespace tw {

// A page of the Settings dialog. Its actions refuse with a message: the
// analyst sees it in a warning while the page is on screen, and tests (and
// the dialog) read it from lastError().
class SettingsPage : public QWidget {
    Q_OBJECT

public:
    SettingsPage(QString title, QWidget *parent = nullptr);

    const QString &lastError() const { return m_lastError; }

protected:
    // Keeps `error` for lastError() and shows it; false, so an action can `return report(...)`.
    bool report(const QString &error);
    // Keeps `error` for lastError() without a warning (a page that failed to load).
    void noteError(const QString &error) { m_lastError = error; }
    void clearError() { m_lastError.clear(); }
    // The word-wrapped note that says, at the foot of a page, what it keeps where.
    QLabel *footNote(const QString &text);

private:
    QString m_title;
    QString m_lastError;
};

} // namespace tw
