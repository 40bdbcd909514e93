#include "app/cli/terminaloutput.h"

namespace tw {

TerminalOutput::TerminalOutput(FILE *stream) : m_stream(stream)
{
    open(QIODevice::WriteOnly);
}

qint64 TerminalOutput::writeData(const char *data, qint64 size)
{
    const QString text = m_decoder.decode(QByteArrayView(data, size));
    const QByteArray safe = m_filter.filter(text).toUtf8();
    if (!safe.isEmpty() && std::fwrite(safe.constData(), 1, size_t(safe.size()), m_stream) != size_t(safe.size()))
        return -1;
    std::fflush(m_stream);
    return size;
}

} // namespace tw
