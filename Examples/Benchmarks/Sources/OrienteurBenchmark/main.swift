// OrienteurBenchmark: index build over all bundled content, `ask` latency, and
// search time against the length of free text (linear growth).
// Targets (release build): index build ≤ 20 ms, ask p50 ≤ 100 µs; doubling the
// text at most ~2.5× the time.
// BENCHMARK_QUICK=1 runs a reduced version in a few seconds.
import Foundation
import OrienteurKit

let quick = ProcessInfo.processInfo.environment["BENCHMARK_QUICK"] == "1"
/// BENCHMARK_PROFILE=1 (with BENCHMARK_QUICK=1): skip the baseline, for instruction counts under callgrind.
let profiling = ProcessInfo.processInfo.environment["BENCHMARK_PROFILE"] == "1"
let clock = ContinuousClock()

/// CPU time of this thread in µs: on a loaded machine (shared cores) wall time
/// also counts waiting for a core, so both are printed.
func cpuMicroseconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) * 1e6 + Double(spec.tv_nsec) / 1e3
}

func microseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
}

let content: OrienteurContent
do {
    content = try BundledContentProvider().loadContent()
} catch {
    print("OrienteurBenchmark: cannot load the bundled content: \(error)")
    exit(1)
}
print("OrienteurBenchmark\(quick ? " (quick)" : ""): \(content.leaves.count) leaves, \(content.fiches.count) fiches, \(content.synonyms.count) synonym groups")

// 1. Index build (French + English indexes, as Orienteur builds them).
let buildRuns = quick ? 5 : 40
var builds: [Double] = []
var buildCPU: [Double] = []
var orienteur = Orienteur(content: content)
for _ in 0..<buildRuns {
    let start = clock.now
    let cpuStart = cpuMicroseconds()
    orienteur = Orienteur(content: content)
    buildCPU.append(cpuMicroseconds() - cpuStart)
    builds.append(microseconds(clock.now - start))
}
print(String(format: "index build (fr + en): CPU median %.2f ms, min %.2f ms; wall median %.2f ms over %d runs (target ≤ 20 ms)",
             percentile(buildCPU, 0.5) / 1000, (buildCPU.min() ?? 0) / 1000, percentile(builds, 0.5) / 1000, buildRuns))

// 2. ask latency (emergency detection + search), on citizen sentences.
let sentences: [(String, Language)] = [
    ("on m'a volé mon vélo devant la gare", .french),
    ("des paiements inconnus sur ma carte que j'ai toujours", .french),
    ("je me suis fait cambrioler pendant les vacances", .french),
    ("mon mari me frappe en ce moment", .french),
    ("comment faire une procuration pour voter", .french),
    ("jai ete escroquer sur vinted", .french),
    ("cambriolge maison plainte en ligne", .french),
    ("harcelment au travail par mon chef", .french),
    ("quelqu'un a ouvert un crédit à mon nom", .french),
    ("il y a un point de deal en bas de mon immeuble", .french),
    ("ma fille de 15 ans a fugué", .french),
    ("j'ai perdu ma carte d'identité", .french),
    ("arnaque aux sentiments sur facebook", .french),
    ("un faux conseiller de ma banque m'a fait valider des opérations", .french),
    ("quelle différence entre plainte et main courante", .french),
    ("my bike was stolen outside the station", .english),
    ("someone used my credit card online but I still have it", .english),
    ("my facebook account was hacked", .english),
    ("how do I give a proxy vote", .english),
    ("a man with a knife is outside my door", .english),
]
let rounds = quick ? 20 : 500
var latencies: [Double] = []
var cpuLatencies: [Double] = []
var resultCount = 0
for _ in 0..<rounds {
    for (sentence, language) in sentences {
        let start = clock.now
        let cpuStart = cpuMicroseconds()
        let response = orienteur.ask(sentence, language: language, limit: 5)
        cpuLatencies.append(cpuMicroseconds() - cpuStart)
        latencies.append(microseconds(clock.now - start))
        resultCount &+= response.results.count
    }
}

// Baseline in the same run: a naive scan counting query words found in each document's text.
let documents: [String] = content.leaves.map { [$0.title.french, $0.summary.french, $0.keywords.french.joined(separator: " ")].joined(separator: " ").lowercased() }
    + content.fiches.map { ([$0.title.french, $0.summary.french] + $0.sections.map(\.body.french)).joined(separator: " ").lowercased() }
var baseline: [Double] = []
var baselineHits = 0
for _ in 0..<(profiling ? 0 : quick ? 1 : 3) {
    for (sentence, _) in sentences {
        let start = clock.now
        let words = sentence.lowercased().split(separator: " ").filter { $0.count > 3 }
        var best = 0
        for document in documents {
            let score = words.reduce(0) { $0 + (document.contains($1) ? 1 : 0) }
            best = max(best, score)
        }
        baselineHits &+= best
        baseline.append(microseconds(clock.now - start))
    }
}
let p50 = percentile(latencies, 0.5)
let baselineP50 = percentile(baseline, 0.5)
print(String(format: "ask: CPU p50 %.1f µs, p90 %.1f µs; wall p50 %.1f µs, p90 %.1f µs, p99 %.1f µs over %d questions (target p50 ≤ 100 µs)",
             percentile(cpuLatencies, 0.5), percentile(cpuLatencies, 0.9), p50, percentile(latencies, 0.9),
             percentile(latencies, 0.99), latencies.count))
print(String(format: "baseline naive substring scan: p50 %.1f µs → ask is %.1f× %@ than the baseline",
             baselineP50, p50 > 0 ? max(baselineP50 / p50, p50 / baselineP50) : 0, p50 <= baselineP50 ? "faster" : "slower"))
print("(checksums: \(resultCount) results, \(baselineHits) baseline hits)")

// 3. Free text of growing length: 100, 200, 400, 800 KB of distinct made-up words
// (unknown to the index, so each one goes through the typo tolerance), straight
// into SearchIndex.search, which has no bound of its own (Orienteur.ask reads at
// most QueryLimit.maximumCharacters). Linear time: each doubling about doubles
// the time; the ratios are against the 100 KB run of this same process.
func distinctWords(bytes: Int, seed: UInt64) -> String {
    var state = seed
    var text = ""
    text.reserveCapacity(bytes + 16)
    let letters = Array("abcdefghijklmnopqrstuvwxyz".utf8)
    var serial = 0
    while text.utf8.count < bytes {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        var word: [UInt8] = []
        var value = state >> 16
        for _ in 0..<(5 + Int(state >> 61)) {
            word.append(letters[Int(value % 26)])
            value /= 26
        }
        // A serial number in base 26 makes every word distinct.
        var n = serial
        repeat { word.append(letters[n % 26]); n /= 26 } while n > 0
        serial += 1
        text += String(decoding: word, as: UTF8.self)
        text += " "
    }
    return text
}
let sizesKB = [100, 200, 400, 800]
let frenchIndex = orienteur.index(for: .french)
var lengthTimes: [Double] = []
for size in sizesKB {
    let text = distinctWords(bytes: size * 1024, seed: UInt64(size))
    var best = Double.infinity
    for _ in 0..<(quick ? 1 : 3) {
        let start = clock.now
        let results = frenchIndex.search(text, limit: 5)
        best = min(best, microseconds(clock.now - start))
        resultCount &+= results.count
    }
    lengthTimes.append(best)
}
for (size, time) in zip(sizesKB, lengthTimes) {
    let ratio = time / max(lengthTimes[0], 1)
    print(String(format: "search, %3d KB of distinct words: %8.1f ms, ×%.2f the %d KB time (linear: ×%.0f)",
                 size, time / 1000, ratio, sizesKB[0], Double(size) / Double(sizesKB[0])))
}
if let last = lengthTimes.last, lengthTimes.count >= 2 {
    let previous = lengthTimes[lengthTimes.count - 2]
    print(String(format: "search, last doubling: ×%.2f (linear ≈ ×2, quadratic ≈ ×4)", last / max(previous, 1)))
}

// Breakdown of the index build (BENCHMARK_BREAKDOWN=1), to see where time goes.
if ProcessInfo.processInfo.environment["BENCHMARK_BREAKDOWN"] == "1" {
    let texts = content.leaves.flatMap { [$0.title.french, $0.summary.french, $0.body?.french ?? "", $0.keywords.french.joined(separator: " ")] }
        + content.fiches.flatMap { [$0.title.french, $0.summary.french] + $0.sections.map(\.body.french) }
    let analyzer = TextAnalyzer(language: .french)
    var start = clock.now
    var count = 0
    for text in texts { count &+= analyzer.tokens(text).count }
    print(String(format: "breakdown: analyse all French text (%d tokens): %.2f ms", count, microseconds(clock.now - start) / 1000))
    start = clock.now
    var words = 0
    for text in texts { words &+= text.split(separator: " ").count }
    print(String(format: "breakdown: split only (%d words): %.2f ms", words, microseconds(clock.now - start) / 1000))
    start = clock.now
    _ = SearchIndex(content: content, language: .french)
    print(String(format: "breakdown: French index: %.2f ms", microseconds(clock.now - start) / 1000))
    start = clock.now
    _ = SearchIndex(content: content, language: .english)
    print(String(format: "breakdown: English index: %.2f ms", microseconds(clock.now - start) / 1000))
    start = clock.now
    var stems = 0
    for text in texts { for word in text.split(separator: " ") { stems &+= FrenchStemmer.stem(String(word)).utf8.count } }
    print(String(format: "breakdown: stem every word: %.2f ms (%d)", microseconds(clock.now - start) / 1000, stems))
}
