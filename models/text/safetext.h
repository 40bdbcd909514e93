#pragma once

#include <QString>
#include <QStringView>

namespace tw {

// Text from feeds and from a shared store is written by strangers: a title
// may carry terminal escapes ("\e]0;PWNED\a\e[2J") or a right-to-left
// override that reorders what follows it. Stored text is never changed; these
// make it safe at the moment it is shown.

// Whether `c` is one of the invisible bidi formatting characters (LRE, RLE,
// PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM).
bool isBidiControl(char32_t c);

// For a terminal: drops C0 controls except tab and newline (so also CR, BS,
// BEL), DEL, C1 controls and bidi formatting characters, and swallows whole
// escape sequences (CSI "\e[...m", OSC "\e]...\a", DCS/APC/PM/SOS strings,
// two-character escapes), so nothing reaches the terminal that it would act
// on. Fed text in pieces, it carries a sequence over from one piece to the
// next (the CLI's output streams pass through one filter each).
class TerminalTextFilter {
public:
    QString filter(QStringView text);

private:
    enum class State { Text, Escape, Csi, ControlString };
    State m_state = State::Text;
    int m_sequenceLength = 0;   // a sequence never terminated ends after a bounded length
};

// One piece of text through a fresh TerminalTextFilter.
QString terminalSafe(QStringView text);

// For the window: the same characters made visible instead of acting, one
// UTF-16 unit for one (offsets into the text, e.g. highlighted phrases,
// stay valid). C0 controls become their Control Pictures (ESC shows as ␛),
// DEL ␡, C1 controls and explicit embeddings, overrides and isolates U+FFFD,
// LRM/RLM/ALM a zero-width space. `SingleLine` also turns tab, CR and
// newline into spaces (titles, table cells); `MultiLine` keeps tab and
// newline (the reader's body).
enum class TextLines { SingleLine, MultiLine };
QString displaySafe(const QString &text, TextLines lines = TextLines::SingleLine);

} // namespace tw
