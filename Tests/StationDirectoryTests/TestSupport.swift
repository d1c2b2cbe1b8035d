import Foundation
@testable import StationDirectory

/// The bundled directory, loaded once for the whole test target.
enum Bundled {
    static let result: Result<StationFinder, any Error> = Result { try StationFinder.bundled() }
    static func finder() throws -> StationFinder { try result.get() }
}

/// A small deterministic generator (SplitMix64) so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds a station CSV with the minimal columns plus any extra ones.
enum StationCSV {
    static let header = "id,kind,name,address,postal_code,commune,insee,department,lat,lon,coord_flag,phone,phone_e164,email,opening_hours_osm,accessibility,updated,no_public_reception_hint"
    static let goodRow = "gendarmerie-33063-01,gendarmerie,Brigade de gendarmerie - Bordeaux,\"1 rue A, bâtiment B\",33000,Bordeaux,33063,33,44.84,-0.58,ok,05 56 00 00 00,+33556000000,,Mo-Fr 08:00-12:00,ACC:rampe,2019-01-22,"

    /// `header`, then `rows`, joined with `\n`.
    static func text(_ rows: [String], header: String = header) -> String {
        ([header] + rows).joined(separator: "\n") + "\n"
    }

    static func load(_ text: String, mode: LoadingMode = .strict) throws(StationDataError) -> LoadResult<Station> {
        try StationCSVLoader.load(bytes: Array(text.utf8), source: "test.csv", mode: mode)
    }

    /// `goodRow` with the field at `column` replaced by `value`.
    static func row(replacing column: String, with value: String, id: String = "gendarmerie-33063-01") -> String {
        let names = header.split(separator: ",").map(String.init)
        var fields = ["", "gendarmerie", "Brigade de gendarmerie - Bordeaux", "1 rue A", "33000", "Bordeaux", "33063", "33",
                      "44.84", "-0.58", "ok", "05 56 00 00 00", "+33556000000", "", "Mo-Fr 08:00-12:00", "ACC:rampe", "2019-01-22", ""]
        fields[0] = id
        if let index = names.firstIndex(of: column) { fields[index] = value }
        return fields.joined(separator: ",")
    }
}

/// Brute-force k nearest by haversine, ties by input position: one linear
/// scan keeping the best `count` in a sorted buffer.
func bruteForceNearest(_ points: [GeoPoint], to query: GeoPoint, count: Int) -> [(index: Int, distance: Double)] {
    var best: [(index: Int, distance: Double)] = []
    best.reserveCapacity(count + 1)
    for index in points.indices {
        let distance = query.distance(to: points[index])
        if best.count == count, let last = best.last, distance >= last.distance { continue }
        var position = best.count
        while position > 0, best[position - 1].distance > distance { position -= 1 }
        best.insert((index: index, distance: distance), at: position)
        if best.count > count { best.removeLast() }
    }
    return best
}
