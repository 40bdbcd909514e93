#include "ui/panels/axisticks.h"

#include <cmath>
#include <initializer_list>

namespace tw {

double niceTickInterval(double span, int maxTicks)
{
    if (!(span > 0) || maxTicks < 1)
        return 1;
    const double raw = span / maxTicks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * magnitude >= raw * (1 - 1e-12))
            return step * magnitude;
    }
    return 10 * magnitude;
}

} // namespace tw
