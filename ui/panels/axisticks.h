#pragma once

namespace tw {

// 1, 2, 2.5 or 5 times a power of ten, the smallest giving at most
// `maxTicks` intervals over `span`: ticks at 200/225/250, never 195/226/257.
double niceTickInterval(double span, int maxTicks);

} // namespace tw
