#!/usr/bin/env bash
# Builds the benchmarks in release mode and runs each once in its quick mode
# (BENCHMARK_QUICK=1) so a broken benchmark is caught; the full figures come
# from running them by hand (see Examples/Benchmarks).
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --package-path Examples/Benchmarks
for b in StationsBenchmark OrienteurBenchmark AppointmentsBenchmark ChatBenchmark; do
    BENCHMARK_QUICK=1 swift run -c release --skip-build --package-path Examples/Benchmarks "$b"
done
