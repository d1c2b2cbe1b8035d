import Foundation
import OrienteurKit
import StationDirectory

// A rental-file service's "report a problem" desk. Each line of standard input
// is one report: `<postal code of the rental>;<what the user wrote>`.
// The service finds the right orientation with the orienteur, the nearest
// police or gendarmerie station with the station search, and records
// anonymous counts in its own analytics store.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

let cache = FileManager.default.temporaryDirectory.appendingPathComponent("partner-rental/stations.json")
let orienteur: Orienteur
let finder: StationFinder
do {
    orienteur = try Orienteur.bundled()
    finder = try StationFinder(source: PartnerStationStore(file: cache))
} catch {
    fail("cannot start the partner desk: \(error)")
}
let analytics = PartnerAnalytics()
print("Rental desk ready: \(finder.stations.count) stations from \(finder.version)")

var lineNumber = 0
while let line = readLine() {
    lineNumber += 1
    let parts = line.split(separator: ";", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
    guard parts.count == 2, !parts[1].isEmpty else {
        FileHandle.standardError.write(Data("line \(lineNumber): expected '<postal code>;<text>'\n".utf8))
        continue
    }
    let answer = orienteur.ask(parts[1], limit: 3)
    let best = answer.results.first { $0.kind == .leaf }
    await analytics.record(.searchAsked(resultCount: answer.results.count, emergency: answer.emergency != nil,
                                        chosenRank: best == nil ? nil : 1, chosenKind: best?.kind, chosenID: best?.id))
    print("Report \(lineNumber) (\(parts[0])):")
    if let emergency = answer.emergency {
        print("  URGENT: \(emergency.reason.explanation(in: .french)) Call now: \(emergency.actions.map(\.description).joined(separator: ", "))")
        continue
    }
    if let best, let leaf = orienteur.content.leaf(best.id) {
        await analytics.record(.leafReached(leafID: leaf.id))
        print("  Orientation: \(leaf.title.french) [\(leaf.id)]")
        print("  To do: \(leaf.actions.map(\.description).joined(separator: ", "))")
    } else {
        print("  Orientation: none found, suggest the Ma Sécurité chat")
    }
    do {
        guard let commune = try finder.places(matching: parts[0], limit: 1).first,
              let nearest = finder.nearest(to: commune, count: 1).first else {
            print("  Nearest station: unknown place \(parts[0])")
            continue
        }
        let km = (nearest.distanceMetres / 100).rounded() / 10
        print("  Nearest station: \(nearest.station.name), \(nearest.station.commune) (\(km) km from \(commune.name))")
    } catch {
        print("  Nearest station: place lookup failed (\(error))")
    }
}
print(await analytics.report())
