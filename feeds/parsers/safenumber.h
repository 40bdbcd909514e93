#pragma once

#include <QtGlobal>

#include <cmath>

namespace tw {

// Provider numbers arrive as doubles (JSON) or text; converting one that is
// NaN or beyond the 64-bit range is undefined behaviour, so it reads as 0.
inline qint64 toInt64OrZero(double value)
{
    if (!std::isfinite(value) || value >= 9.2e18 || value <= -9.2e18)
        return 0;
    return qint64(value);
}

} // namespace tw
