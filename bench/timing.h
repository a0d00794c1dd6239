#pragma once
// Wall-clock timing for the benchmark: a stopwatch and percentile summaries.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace abri::bench {

class Stopwatch {
public:
    Stopwatch() : start_(std::chrono::steady_clock::now()) {}
    double seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }
    double ms() const { return seconds() * 1000.0; }

private:
    std::chrono::steady_clock::time_point start_;
};

// Nearest-rank percentile of the samples (p in 0..100).
inline double percentile(std::vector<double> samples, double p) {
    if (samples.empty()) return 0.0;
    std::sort(samples.begin(), samples.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(samples.size())));
    return samples[std::min(samples.size() - 1, rank == 0 ? 0 : rank - 1)];
}

struct Latency {
    double coldMs = 0;  // the first run after opening: what the user sees first
    double p50Ms = 0;
    double p95Ms = 0;
};

// Runs `query` once cold, then `runs` more times, and summarises.
template <typename Query>
Latency measure(int runs, Query&& query) {
    Latency out;
    {
        Stopwatch watch;
        query(0);
        out.coldMs = watch.ms();
    }
    std::vector<double> samples;
    samples.reserve(static_cast<std::size_t>(runs));
    for (int i = 1; i <= runs; ++i) {
        Stopwatch watch;
        query(i);
        samples.push_back(watch.ms());
    }
    out.p50Ms = percentile(samples, 50);
    out.p95Ms = percentile(samples, 95);
    return out;
}

// Figures as the benchmark tables print them.
inline std::string number(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

inline std::string latencyText(const Latency& l) { return number(l.p50Ms, 2) + " / " + number(l.p95Ms, 2) + " ms"; }

}  // namespace abri::bench
