#pragma once

#include <QTextBrowser>

namespace tw {

// A QTextBrowser that never fetches anything: images, style sheets and other
// resources named by an article resolve to nothing, so opening an article
// cannot reach the network or the file system (no tracking pixels, no local
// file reads). Links are not followed inside the browser.
class SafeTextBrowser : public QTextBrowser {
    Q_OBJECT

public:
    explicit SafeTextBrowser(QWidget *parent = nullptr);

    QVariant loadResource(int type, const QUrl &name) override;

    // How many resource loads were refused (tests check that remote images
    // in an article were asked for and refused).
    int refusedLoads() const { return m_refused; }

private:
    int m_refused = 0;
};

} // namespace tw
