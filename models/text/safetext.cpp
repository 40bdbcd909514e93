#include "models/text/safetext.h"

namespace tw {

namespace {
constexpr char16_t kEsc = 0x1B;
constexpr char16_t kBel = 0x07;
// Bounds on sequences that never end, so a stray ESC cannot swallow the rest
// of the output: real ones are a few characters (an OSC title a few hundred).
constexpr int kMaxEscapeLength = 16;
constexpr int kMaxCsiLength = 64;
constexpr int kMaxControlStringLength = 4096;

bool isC1(char16_t c) { return c >= 0x80 && c <= 0x9F; }

bool startsControlString(char16_t c)
{
    // After ESC: OSC ']', DCS 'P', SOS 'X', PM '^', APC '_'.
    return c == u']' || c == u'P' || c == u'X' || c == u'^' || c == u'_';
}

bool isC1ControlString(char16_t c)
{
    return c == 0x90 || c == 0x98 || c == 0x9D || c == 0x9E || c == 0x9F;
}
} // namespace

bool isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

QString TerminalTextFilter::filter(QStringView text)
{
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const char16_t c = text[i].unicode();
        switch (m_state) {
        case State::Text:
            if (c == kEsc) {
                m_state = State::Escape;
                m_sequenceLength = 0;
            } else if (c == 0x9B) {
                m_state = State::Csi;
                m_sequenceLength = 0;
            } else if (isC1ControlString(c)) {
                m_state = State::ControlString;
                m_sequenceLength = 0;
            } else if ((c < 0x20 && c != u'\t' && c != u'\n') || c == 0x7F || isC1(c) || isBidiControl(c)) {
                // dropped
            } else {
                out += QChar(c);
            }
            ++i;
            break;
        case State::Escape:
            if (c >= 0x20 && c <= 0x2F) {   // intermediate bytes ("\e(B")
                m_state = ++m_sequenceLength > kMaxEscapeLength ? State::Text : State::Escape;
                ++i;
            } else if (c == u'[') {
                m_state = State::Csi;
                m_sequenceLength = 0;
                ++i;
            } else if (startsControlString(c)) {
                m_state = State::ControlString;
                m_sequenceLength = 0;
                ++i;
            } else if (c >= 0x30 && c <= 0x7E) {   // the final byte of a two-character escape (ST "\e\\" too)
                m_state = State::Text;
                ++i;
            } else {
                m_state = State::Text;   // not a sequence: look at c again as text
            }
            break;
        case State::Csi:
            if (c >= 0x20 && c <= 0x3F) {   // parameters and intermediates
                m_state = ++m_sequenceLength > kMaxCsiLength ? State::Text : State::Csi;
                ++i;
            } else if (c >= 0x40 && c <= 0x7E) {   // final byte
                m_state = State::Text;
                ++i;
            } else {
                m_state = State::Text;
            }
            break;
        case State::ControlString:
            if (c == kBel || c == 0x9C) {
                m_state = State::Text;
                ++i;
            } else if (c == kEsc) {
                m_state = State::Escape;   // "\e\\" (ST) ends it there
                m_sequenceLength = 0;
                ++i;
            } else if (c == u'\n') {
                m_state = State::Text;   // keep the line structure of what follows
            } else {
                m_state = ++m_sequenceLength > kMaxControlStringLength ? State::Text : State::ControlString;
                ++i;
            }
            break;
        }
    }
    return out;
}

QString terminalSafe(QStringView text)
{
    TerminalTextFilter filter;
    return filter.filter(text);
}

QString displaySafe(const QString &text, TextLines lines)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    const bool single = lines == TextLines::SingleLine;
    auto needsWork = [](char16_t c) {
        return c < 0x20 || c == 0x7F || isC1(c) || isBidiControl(c);
    };
    while (i < n && !needsWork(text[i].unicode()))
        ++i;
    if (i == n)
        return text;   // the common case: nothing to do, no copy
    QString out = text;
    for (; i < n; ++i) {
        const char16_t c = out[i].unicode();
        if (c == u'\n' || c == u'\t') {
            if (single)
                out[i] = QChar(u' ');
        } else if (c == u'\r') {
            out[i] = QChar(u' ');
        } else if (c < 0x20) {
            out[i] = QChar(char16_t(0x2400 + c));   // Control Pictures: ␀ … ␟, ESC as ␛
        } else if (c == 0x7F) {
            out[i] = QChar(char16_t(0x2421));   // ␡
        } else if (c == 0x200E || c == 0x200F || c == 0x061C) {
            out[i] = QChar(char16_t(0x200B));   // a direction mark: harmless when gone, invisible anyway
        } else if (isC1(c) || isBidiControl(c)) {
            out[i] = QChar(QChar::ReplacementCharacter);
        }
    }
    return out;
}

} // namespace tw
