#pragma once

#include <QDialog>

class QTextBrowser;

namespace tw {

// Help > Tickerwire Help (F1): what the numbers and marks mean, in plain
// words — the three sentiment scales (an article's −1..+1, the company's
// 0–100 and its labels), evidence and "insufficient news", and the chart's
// marks. The thresholds are read from the code that applies them.
class HelpDialog : public QDialog {
    Q_OBJECT

public:
    explicit HelpDialog(QWidget *parent = nullptr);

    QTextBrowser *browser() const { return m_browser; }

    // The page as HTML (event kind marks are the document's "kind:<id>" images).
    static QString pageHtml();
    // Opens (or raises) the one help window of `anchor`'s top-level window.
    static HelpDialog *showHelp(QWidget *anchor);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    QTextBrowser *m_browser;
};

} // namespace tw
