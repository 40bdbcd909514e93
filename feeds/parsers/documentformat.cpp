#include "feeds/parsers/documentformat.h"

namespace tw {

QString documentFormatId(DocumentFormat format)
{
    return QString::fromLatin1(documentFormatInfo(format).id);
}

QString documentFormatLabel(DocumentFormat format)
{
    return QString::fromUtf8(documentFormatInfo(format).label);
}

std::optional<DocumentFormat> priceFormatServedBy(FeedKind kind)
{
    for (const DocumentFormatInfo &f : kDocumentFormats)
        if (f.content == DocumentContent::Prices && f.servedBy == kind)
            return f.format;
    return std::nullopt;
}

} // namespace tw
