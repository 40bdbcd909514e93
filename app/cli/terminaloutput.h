#pragma once

#include "models/text/safetext.h"

#include <QIODevice>
#include <QStringDecoder>

#include <cstdio>

namespace tw {

// Standard output or error as the commands' QTextStreams write to it: every
// text passes through a TerminalTextFilter on its way, so no title, error or
// feed name a stranger wrote can move the cursor, retitle the window, clear
// the screen or reorder a line. One place for every command, present and
// future; what is stored is not touched. (CSV to stdout does not come this
// way: `export` writes its bytes unchanged.)
class TerminalOutput final : public QIODevice {
public:
    explicit TerminalOutput(FILE *stream);
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;

private:
    FILE *m_stream;
    QStringDecoder m_decoder{QStringDecoder::Utf8};   // a character split between writes is joined
    TerminalTextFilter m_filter;                      // so is an escape sequence
};

} // namespace tw
