#pragma once

#include <QDialog>

namespace tw {

// Help > About: what a bug report needs (version, store path, Qt and SQLite
// versions), selectable so it can be copied.
class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(const QString &storeLocation, QWidget *parent = nullptr);

    // The text shown, as plain text (for tests and the clipboard).
    QString detailsText() const { return m_details; }

private:
    QString m_details;
};

} // namespace tw
