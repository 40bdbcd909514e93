#pragma once

#include <QStringList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace tw {

// What a first start shows on an empty store, instead of filling it with
// anything: "Add your first tickers" (a box that completes on tickers and
// company names) or "Open the demo workspace" (a store of its own). Nothing
// is written until the analyst picks; the launcher does the writing.
class WelcomeWindow : public QWidget {
    Q_OBJECT

public:
    explicit WelcomeWindow(QWidget *parent = nullptr);

    QLineEdit *addBox() const { return m_box; }
    QListWidget *chosenList() const { return m_chosen; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *demoButton() const { return m_demo; }
    QStringList chosenTickers() const { return m_tickers; }
    bool usualFeeds() const;

    // Takes the typed ticker or name into the list; false (and a message
    // under the box) when no listed company matches.
    bool choose(const QString &typed);

signals:
    void startRequested(const QStringList &tickers, bool usualFeeds);
    void demoRequested();

private:
    QLineEdit *m_box;
    QLabel *m_problem;
    QListWidget *m_chosen;
    QCheckBox *m_feeds;
    QPushButton *m_start;
    QPushButton *m_demo;
    QStringList m_tickers;
};

} // namespace tw
