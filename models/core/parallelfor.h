#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace tw {

// Runs work(i) for every i in [0, count) on up to `threads` threads, the
// calling one included, each taking the next index in turn; returns when all
// are done. For pure work only: `work` must touch nothing shared but its own
// slot i (no SQL: a connection never crosses threads).
template <typename Work>
void parallelFor(std::size_t count, unsigned threads, const Work &work)
{
    threads = std::max(1u, std::min<unsigned>(threads, unsigned(count)));
    std::atomic<std::size_t> next = 0;
    auto drain = [&] {
        for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < count;)
            work(i);
    };
    std::vector<std::thread> helpers;
    helpers.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t)
        helpers.emplace_back(drain);
    drain();
    for (std::thread &t : helpers)
        t.join();
}

// The threads worth starting for `count` items of pure work: one per core,
// none extra for a handful (starting a thread costs about what a few short
// articles do).
inline unsigned workerThreads(std::size_t count, std::size_t perThreadAtLeast = 16)
{
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    return unsigned(std::clamp<std::size_t>(count / std::max<std::size_t>(perThreadAtLeast, 1), 1, cores));
}

} // namespace tw
