/// How a commune matched a name query.
public struct CommuneMatch: Hashable, Sendable {
    /// How close the match is, best first.
    public enum Quality: Int, Hashable, Sendable, Comparable {
        /// Same name once folded (case, accents, hyphens, "St"/"Saint").
        case exact = 0
        /// The query is the start of the name ("saint etienne" → "Saint-Étienne-de-Tinée").
        case prefix = 1
        /// Close spelling (a few typing mistakes).
        case approximate = 2

        /// Better matches sort first.
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The commune.
    public let commune: Commune
    /// How it matched.
    public let quality: Quality
    /// Edit distance between the folded query and name (0 for exact and prefix).
    public let editDistance: Int
}

/// The communes of France, searchable by postal code, INSEE code and name.
///
/// Name search ignores case, accents, hyphens and apostrophes, reads "St" and
/// "Ste" as "Saint" and "Sainte", and tolerates typing mistakes.
public struct CommuneGazetteer: Sendable {
    /// Every commune, in input order.
    public let communes: [Commune]
    private let foldedNames: [[UInt8]]
    private let byINSEE: [INSEECode: Int]
    private let byPostalCode: [PostalCode: [Int]]
    /// Larger is more prominent (used to rank equally good matches).
    private let prominence: [Int]

    /// Builds the gazetteer.
    /// - Parameters:
    ///   - communes: the communes to search.
    ///   - prominence: optional weight per INSEE code (e.g. the number of
    ///     stations); ties are then broken by the number of postal codes, a
    ///     proxy for size.
    public init(communes: [Commune], prominence: [INSEECode: Int] = [:]) {
        self.communes = communes
        foldedNames = communes.map { NameFolding.fold($0.name) }
        var byINSEE: [INSEECode: Int] = [:]
        var byPostalCode: [PostalCode: [Int]] = [:]
        for (index, commune) in communes.enumerated() {
            byINSEE[commune.insee] = index
            for code in commune.postalCodes { byPostalCode[code, default: []].append(index) }
        }
        self.byINSEE = byINSEE
        let prominence = communes.map { (prominence[$0.insee] ?? 0) * 100 + $0.postalCodes.count }
        self.prominence = prominence
        self.byPostalCode = byPostalCode.mapValues { indices in
            indices.sorted { prominence[$0] != prominence[$1] ? prominence[$0] > prominence[$1] : communes[$0].name < communes[$1].name }
        }
    }

    /// The commune with this INSEE code.
    public func commune(insee: INSEECode) -> Commune? {
        byINSEE[insee].map { communes[$0] }
    }

    /// Every commune served by `postalCode`, most prominent first (38500 gives
    /// Voiron, Coublevie, La Buisse, Saint-Cassien, Saint-Nicolas-de-Macherin).
    public func communes(postalCode: PostalCode) -> [Commune] {
        (byPostalCode[postalCode] ?? []).map { communes[$0] }
    }

    /// Communes whose name matches `query`, best first: exact, then prefix,
    /// then close spellings; within a group, the more prominent commune first.
    public func search(name query: String, limit: Int = 10) -> [CommuneMatch] {
        let folded = NameFolding.fold(query)
        guard !folded.isEmpty, limit > 0 else { return [] }
        let tolerance = folded.count <= 4 ? 0 : (folded.count <= 8 ? 1 : (folded.count <= 14 ? 2 : 3))
        var found: [(quality: CommuneMatch.Quality, distance: Int, index: Int)] = []
        for (index, name) in foldedNames.enumerated() {
            if name == folded {
                found.append((.exact, 0, index))
            } else if name.count > folded.count, name.starts(with: folded), name[folded.count] == 0x20 {
                found.append((.prefix, 0, index))
            } else if tolerance > 0, let distance = NameFolding.editDistance(folded, name, limit: tolerance) {
                found.append((.approximate, distance, index))
            }
        }
        found.sort { a, b in
            if a.quality != b.quality { return a.quality < b.quality }
            if a.distance != b.distance { return a.distance < b.distance }
            if prominence[a.index] != prominence[b.index] { return prominence[a.index] > prominence[b.index] }
            if foldedNames[a.index].count != foldedNames[b.index].count { return foldedNames[a.index].count < foldedNames[b.index].count }
            return communes[a.index].insee < communes[b.index].insee
        }
        return found.prefix(limit).map { CommuneMatch(commune: communes[$0.index], quality: $0.quality, editDistance: $0.distance) }
    }
}
