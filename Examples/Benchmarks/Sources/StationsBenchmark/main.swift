// StationsBenchmark — speed of the StationDirectory geosearch (release build):
//   swift run -c release --package-path Examples/Benchmarks StationsBenchmark
// BENCHMARK_QUICK=1 runs a reduced version in a few seconds (CI).
//
// Prints: load time of the bundled files; on the real sites (3,659 open to the public) the index
// build time and k=5 latency p50/p99 and queries per second, against a
// brute-force haversine scan over the same queries (ratio); on 1,000,000
// synthetic points spread like France, build time, latency and index memory.
import Foundation
import StationDirectory
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let quick = ProcessInfo.processInfo.environment["BENCHMARK_QUICK"] == "1"
let clock = ContinuousClock()

func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
}

func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = clock.now
    let value = try body()
    return (value, seconds(clock.now - start))
}

/// CPU time of the calling thread, in seconds: unlike wall time, it does not
/// grow when other processes share the cores.
func threadCPUTime() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
}

/// Wall time and CPU time of `body`.
func measureCPU<T>(_ body: () throws -> T) rethrows -> (T, wall: Double, cpu: Double) {
    let cpuStart = threadCPUTime()
    let (value, wall) = try measure(body)
    return (value, wall, threadCPUTime() - cpuStart)
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
}

func micro(_ s: Double) -> String { String(format: "%.2f µs", s * 1e6) }
func milli(_ s: Double) -> String { String(format: "%.1f ms", s * 1e3) }

struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Overseas clusters: centre and spread in degrees.
let overseas: [(lat: Double, lon: Double, spread: Double)] = [
    (16.2, -61.5, 0.3), (14.65, -61.0, 0.2), (4.5, -53.0, 1.5), (-21.1, 55.5, 0.3), (-12.8, 45.15, 0.15),
    (46.9, -56.3, 0.15), (17.9, -62.85, 0.05), (18.07, -63.05, 0.05), (-13.3, -176.2, 0.5),
    (-17.6, -149.5, 3.0), (-21.5, 165.5, 1.5),
]

/// A point like a French address: 88% metropole (half around big towns), 12% overseas.
func franceLikePoint(_ g: inout Generator) -> GeoPoint? {
    let roll = Double.random(in: 0..<1, using: &g)
    let lat: Double
    let lon: Double
    if roll < 0.44 {
        lat = Double.random(in: 42.3...51.0, using: &g)
        lon = Double.random(in: -4.7...8.2, using: &g)
    } else if roll < 0.88 {
        let towns: [(Double, Double)] = [(48.86, 2.35), (45.76, 4.84), (43.30, 5.37), (43.60, 1.44), (44.84, -0.58),
                                         (47.22, -1.55), (48.58, 7.75), (50.63, 3.06), (43.70, 7.27), (48.11, -1.68)]
        let town = towns[Int.random(in: 0..<towns.count, using: &g)]
        lat = town.0 + Double.random(in: -0.4...0.4, using: &g) * Double.random(in: 0...1, using: &g)
        lon = town.1 + Double.random(in: -0.5...0.5, using: &g) * Double.random(in: 0...1, using: &g)
    } else {
        let c = overseas[Int.random(in: 0..<overseas.count, using: &g)]
        lat = c.lat + Double.random(in: -c.spread...c.spread, using: &g)
        var l = c.lon + Double.random(in: -c.spread...c.spread, using: &g)
        if l > 180 { l -= 360 }
        if l < -180 { l += 360 }
        lon = l
    }
    return try? GeoPoint(latitude: max(-90, min(90, lat)), longitude: lon)
}

/// Brute force: haversine to every point, keeping the best k in a sorted buffer.
func bruteForce(_ points: [GeoPoint], _ query: GeoPoint, k: Int) -> Int {
    var bestD = [Double](repeating: .infinity, count: k)
    var bestI = [Int](repeating: -1, count: k)
    for i in points.indices {
        let d = query.distance(to: points[i])
        if d >= bestD[k - 1] { continue }
        var p = k - 1
        while p > 0, bestD[p - 1] > d {
            bestD[p] = bestD[p - 1]; bestI[p] = bestI[p - 1]; p -= 1
        }
        bestD[p] = d; bestI[p] = i
    }
    return bestI[0]
}

/// Latencies of `body` on each query (sorted) and queries per second of a separate untimed pass.
func latencies(_ queries: [GeoPoint], _ body: (GeoPoint) -> Int) -> (sorted: [Double], qps: Double, checksum: Int) {
    var samples = [Double]()
    samples.reserveCapacity(queries.count)
    var checksum = 0
    for q in queries {
        let start = clock.now
        checksum &+= body(q)
        samples.append(seconds(clock.now - start))
    }
    let (sum, total) = measure { queries.reduce(0) { $0 &+ body($1) } }
    checksum &+= sum
    return (samples.sorted(), Double(queries.count) / total, checksum)
}

print("StationsBenchmark (\(quick ? "quick" : "full") run)")
var checksum = 0

// 1. Loading the bundled data.
do {
    let (stations, stationsWall, stationsCPU) = try measureCPU { try BundledStationSource().loadStations() }
    let (communes, communesWall, communesCPU) = try measureCPU { try BundledStationSource.loadCommunes() }
    let (finder, finderWall, finderCPU) = measureCPU { StationFinder(stations: stations, communes: communes.items) }
    let (_, bundledWall, bundledCPU) = try measureCPU { try StationFinder.bundled() }
    print("load (wall / CPU time):")
    print("  stations_fr.csv 1.4 MB → \(stations.count) stations: \(milli(stationsWall)) / \(milli(stationsCPU))")
    print("  communes_fr.csv 2.5 MB → \(communes.items.count) communes: \(milli(communesWall)) / \(milli(communesCPU))")
    print("  indexes (kd-tree + commune gazetteer): \(milli(finderWall)) / \(milli(finderCPU))")
    print("  StationFinder.bundled() (communes load on first place lookup): \(milli(bundledWall)) / \(milli(bundledCPU))")
    checksum &+= finder.stations.count

    // 2. The real sites.
    let points = stations.map(\.location)
    var builds: [Double] = []
    var index = SphericalIndex(points: points)
    for _ in 0..<(quick ? 3 : 20) {
        let (built, time) = measure { SphericalIndex(points: points) }
        index = built
        builds.append(time)
    }
    builds.sort()
    var g = Generator(state: 42)
    let queries = (0..<(quick ? 5_000 : 200_000)).compactMap { _ in franceLikePoint(&g) }
    let bruteQueries = Array(queries.prefix(quick ? 300 : 5_000))
    let indexed = latencies(queries) { index.nearest(to: $0, count: 5)[0].index }
    let brute = latencies(bruteQueries) { bruteForce(points, $0, k: 5) }
    // Same answers on the shared queries (nearest station).
    let agree = bruteQueries.allSatisfy { index.nearest(to: $0, count: 1)[0].index == bruteForce(points, $0, k: 5) }
    checksum &+= indexed.checksum &+ brute.checksum
    let p50 = percentile(indexed.sorted, 0.5), bruteP50 = percentile(brute.sorted, 0.5)
    print("")
    print("real sites (\(points.count)), k=5, \(queries.count) France-like queries:")
    print("  index build: \(milli(percentile(builds, 0.5))) (median of \(builds.count))")
    print("  kd-tree:     p50 \(micro(p50))  p99 \(micro(percentile(indexed.sorted, 0.99)))  \(Int(indexed.qps)) queries/s")
    print("  brute force: p50 \(micro(bruteP50))  p99 \(micro(percentile(brute.sorted, 0.99)))  \(Int(brute.qps)) queries/s  (\(bruteQueries.count) queries)")
    print(String(format: "  speed-up: %.0f× at p50, %.0f× in throughput; same nearest as brute force: %@",
                 bruteP50 / p50, indexed.qps / brute.qps, agree ? "yes" : "NO"))
    print("  targets: p50 ≤ 2 µs → \(p50 <= 2e-6 ? "met" : "MISSED"); ≥ 50× brute force → \(bruteP50 / p50 >= 50 ? "met" : "MISSED")")
} catch {
    print("cannot load the bundled data: \(error)")
    exit(1)
}

// 3. One million synthetic points.
do {
    let n = quick ? 50_000 : 1_000_000
    var g = Generator(state: 7)
    let points = (0..<n).compactMap { _ in franceLikePoint(&g) }
    var builds: [Double] = []
    var buildsCPU: [Double] = []
    var index = SphericalIndex(points: [])
    for _ in 0..<(quick ? 1 : 3) {
        let (built, wall, cpu) = measureCPU { SphericalIndex(points: points) }
        index = built
        builds.append(wall)
        buildsCPU.append(cpu)
    }
    builds.sort()
    buildsCPU.sort()
    let queries = (0..<(quick ? 5_000 : 200_000)).compactMap { _ in franceLikePoint(&g) }
    let indexed = latencies(queries) { index.nearest(to: $0, count: 5)[0].index }
    let spot = Array(queries.prefix(quick ? 20 : 100))
    let agree = spot.allSatisfy { index.nearest(to: $0, count: 1)[0].index == bruteForce(points, $0, k: 1) }
    checksum &+= indexed.checksum
    let p50 = percentile(indexed.sorted, 0.5)
    let megabytes = Double(index.memoryFootprint) / 1_048_576
    print("")
    print("synthetic France-like points (\(n)), k=5, \(queries.count) queries:")
    print("  index build: \(milli(builds[0])) wall, \(milli(buildsCPU[0])) CPU (best of \(builds.count)); index memory \(String(format: "%.1f", megabytes)) MB")
    print("  kd-tree:     p50 \(micro(p50))  p99 \(micro(percentile(indexed.sorted, 0.99)))  \(Int(indexed.qps)) queries/s")
    print("  same nearest as brute force on \(spot.count) queries: \(agree ? "yes" : "NO")")
    if !quick {
        print("  targets: build ≤ 1 s → \(buildsCPU[0] <= 1 ? "met" : "MISSED") (CPU time); p50 ≤ 5 µs → \(p50 <= 5e-6 ? "met" : "MISSED"); "
              + "memory ≤ 64 MB → \(megabytes <= 64 ? "met" : "MISSED")")
    }
}
print("\n(checksum \(checksum))")
