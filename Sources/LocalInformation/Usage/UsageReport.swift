import Foundation

/// "Which fiche works": per fiche and leaf, how often it was shown and what
/// followed, with rates over the times shown.
///
/// **Small counts are withheld.** A count below the threshold *k* (10 by
/// default, never less) is published as `nil` — "fewer than k" — and so is
/// any rate whose count or denominator is withheld, so that nobody can be
/// singled out from a rare path. Zero is published as zero (it is nobody).
public struct UsageReport: Hashable, Sendable {
    /// The default and smallest threshold.
    public static let minimumThreshold = 10

    /// One content's line.
    public struct Row: Hashable, Sendable {
        /// The fiche or leaf.
        public let about: ContentReference
        /// Counts per outcome; `nil` when withheld (fewer than the threshold).
        public let counts: [UsageOutcome: Int?]
        /// Rates over `shown`, for every outcome but `shown`; `nil` when withheld.
        public let rates: [UsageOutcome: Double?]

        /// The count of `outcome` (`nil`: withheld).
        public func count(_ outcome: UsageOutcome) -> Int? { counts[outcome] ?? nil }
        /// The rate of `outcome` (`nil`: withheld).
        public func rate(_ outcome: UsageOutcome) -> Double? { rates[outcome] ?? nil }
    }

    /// The threshold *k*.
    public let threshold: Int
    /// One row per content, most shown first (withheld last), then by reference.
    public let rows: [Row]

    /// Builds the report from counts; a `threshold` below 10 is raised to 10.
    public init(counts: [UsageCount], threshold: Int = UsageReport.minimumThreshold) {
        let k = max(threshold, Self.minimumThreshold)
        self.threshold = k
        var totals: [ContentReference: [UsageOutcome: Int]] = [:]
        for count in counts { totals[count.about, default: [:]][count.outcome, default: 0] += count.count }
        func published(_ value: Int) -> Int? { value == 0 || value >= k ? value : nil }
        rows = totals.map { about, raw in
            var counts: [UsageOutcome: Int?] = [:]
            var rates: [UsageOutcome: Double?] = [:]
            let shown = published(raw[.shown] ?? 0)
            for outcome in UsageOutcome.allCases {
                let value = published(raw[outcome] ?? 0)
                counts[outcome] = .some(value)
                guard outcome != .shown else { continue }
                if let value, let shown, shown > 0 {
                    rates[outcome] = .some(Double(value) / Double(shown))
                } else {
                    rates[outcome] = .some(nil)
                }
            }
            return Row(about: about, counts: counts, rates: rates)
        }
        .sorted { lhs, rhs in
            let left = lhs.count(.shown) ?? -1, right = rhs.count(.shown) ?? -1
            return left != right ? left > right : lhs.about < rhs.about
        }
    }

    // MARK: CSV

    static let csvOutcomes: [UsageOutcome] = UsageOutcome.allCases
    static let rateOutcomes: [UsageOutcome] = UsageOutcome.allCases.filter { $0 != .shown }

    static func column(_ outcome: UsageOutcome) -> String { outcome.rawValue.replacingOccurrences(of: "-", with: "_") }

    /// RFC 4180 CSV (CRLF line ends), one header line then one line per row:
    /// `kind,id,shown,useful,not_useful,teleservice,station,chat,left,useful_rate,…`.
    /// An empty cell is a withheld value (fewer than the threshold); rates have 4 decimals.
    public func csv() -> String {
        var lines = [(["kind", "id"] + Self.csvOutcomes.map(Self.column) + Self.rateOutcomes.map { Self.column($0) + "_rate" })
            .joined(separator: ",")]
        for row in rows {
            var cells = [row.about.kind.rawValue, Self.csvField(row.about.id)]
            cells += Self.csvOutcomes.map { row.count($0).map(String.init) ?? "" }
            cells += Self.rateOutcomes.map { row.rate($0).map { String(format: "%.4f", $0) } ?? "" }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: JSON

    struct JSONReport: Encodable {
        let threshold: Int
        let note: String
        let rows: [JSONRow]
    }

    struct JSONRow: Encodable {
        let kind: String
        let id: String
        let counts: [String: Int?]
        let rates: [String: Double?]

        enum CodingKeys: String, CodingKey { case kind, id, counts, rates }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(id, forKey: .id)
            var countContainer = container.nestedContainer(keyedBy: DynamicKey.self, forKey: .counts)
            for (key, value) in counts { try countContainer.encode(value, forKey: DynamicKey(key)) }
            var rateContainer = container.nestedContainer(keyedBy: DynamicKey.self, forKey: .rates)
            for (key, value) in rates { try rateContainer.encode(value, forKey: DynamicKey(key)) }
        }
    }

    struct DynamicKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// JSON with sorted keys: `{"threshold":10,"note":…,"rows":[{"kind","id","counts":{…},"rates":{…}}]}`;
    /// a withheld value is `null`.
    public func json() -> String {
        let report = JSONReport(
            threshold: threshold,
            note: "null means withheld: fewer than \(threshold)",
            rows: rows.map { row in
                JSONRow(kind: row.about.kind.rawValue, id: row.about.id,
                        counts: Dictionary(uniqueKeysWithValues: Self.csvOutcomes.map { (Self.column($0), row.count($0)) }),
                        rates: Dictionary(uniqueKeysWithValues: Self.rateOutcomes.map { (Self.column($0), row.rate($0)) }))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // MARK: SVG

    /// A horizontal bar chart of the "useful" rate per content, as a standalone
    /// SVG document: `role="img"` with a `<title>` and a `<desc>` naming the
    /// threshold, each bar in a group with its own `<title>`, and text labels
    /// (content and percentage, or "withheld") so it reads without colour.
    public func svg(title: String = "Which fiche works: share of “useful” answers") -> String {
        let rowHeight = 28, labelWidth = 300, barWidth = 360, top = 56
        let height = top + max(rows.count, 1) * rowHeight + 24
        let width = labelWidth + barWidth + 110
        var svg = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" "
        svg += "width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"14\">\n"
        svg += "  <title id=\"chart-title\">\(XML.escape(title))</title>\n"
        let description = "Share of people who found each fiche or leaf useful, over the times it was shown. "
            + "Counts under \(threshold) are withheld so nobody can be singled out."
        svg += "  <desc id=\"chart-desc\">\(XML.escape(description))</desc>\n"
        svg += "  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        svg += "  <text x=\"8\" y=\"24\" font-size=\"16\" font-weight=\"bold\" fill=\"#1a1a1a\">\(XML.escape(title))</text>\n"
        svg += "  <text x=\"8\" y=\"44\" fill=\"#3a3a3a\">\(XML.escape("Counts under \(threshold) withheld."))</text>\n"
        if rows.isEmpty {
            svg += "  <text x=\"8\" y=\"\(top + 18)\" fill=\"#1a1a1a\">No usage recorded.</text>\n"
        }
        for (index, row) in rows.enumerated() {
            let y = top + index * rowHeight
            let label = row.about.description
            let rate = row.rate(.useful)
            let value = rate.map { "\(Int(($0 * 100).rounded())) %" } ?? "withheld (< \(threshold))"
            svg += "  <g>\n"
            svg += "    <title>\(XML.escape("\(label): \(value)"))</title>\n"
            svg += "    <text x=\"8\" y=\"\(y + 18)\" fill=\"#1a1a1a\">\(XML.escape(label))</text>\n"
            let length = Int(((rate ?? 0) * Double(barWidth)).rounded())
            svg += "    <rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(max(length, 0))\" height=\"\(rowHeight - 8)\" fill=\"#000091\"/>\n"
            svg += "    <text x=\"\(labelWidth + max(length, 0) + 6)\" y=\"\(y + 18)\" fill=\"#1a1a1a\">\(XML.escape(value))</text>\n"
            svg += "  </g>\n"
        }
        svg += "</svg>\n"
        return svg
    }
}
