// OrienteurBenchmark: index build over all bundled content and `ask` latency.
// Targets (release build): index build ≤ 20 ms, ask p50 ≤ 100 µs.
// BENCHMARK_QUICK=1 runs a reduced version in a few seconds.
import Foundation
import OrienteurKit

let quick = ProcessInfo.processInfo.environment["BENCHMARK_QUICK"] == "1"
let clock = ContinuousClock()

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
var orienteur = Orienteur(content: content)
for _ in 0..<buildRuns {
    let start = clock.now
    orienteur = Orienteur(content: content)
    builds.append(microseconds(clock.now - start))
}
let buildMedian = percentile(builds, 0.5) / 1000
print(String(format: "index build (fr + en): median %.2f ms, min %.2f ms over %d runs (target ≤ 20 ms)",
             buildMedian, (builds.min() ?? 0) / 1000, buildRuns))

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
var resultCount = 0
for _ in 0..<rounds {
    for (sentence, language) in sentences {
        let start = clock.now
        let response = orienteur.ask(sentence, language: language, limit: 5)
        latencies.append(microseconds(clock.now - start))
        resultCount &+= response.results.count
    }
}

// Baseline in the same run: a naive scan counting query words found in each document's text.
let documents: [String] = content.leaves.map { [$0.title.french, $0.summary.french, $0.keywords.french.joined(separator: " ")].joined(separator: " ").lowercased() }
    + content.fiches.map { ([$0.title.french, $0.summary.french] + $0.sections.map(\.body.french)).joined(separator: " ").lowercased() }
var baseline: [Double] = []
var baselineHits = 0
for _ in 0..<(quick ? 5 : 50) {
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
print(String(format: "ask: p50 %.1f µs, p90 %.1f µs, p99 %.1f µs over %d questions (target p50 ≤ 100 µs)",
             p50, percentile(latencies, 0.9), percentile(latencies, 0.99), latencies.count))
print(String(format: "baseline naive substring scan: p50 %.1f µs → ask is %.1f× %@ than the baseline",
             baselineP50, p50 > 0 ? max(baselineP50 / p50, p50 / baselineP50) : 0, p50 <= baselineP50 ? "faster" : "slower"))
print("(checksums: \(resultCount) results, \(baselineHits) baseline hits)")
