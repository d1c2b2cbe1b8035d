import Foundation
import MaSecuriteCore

/// The two formats a feed is served in.
public enum FeedFormat: String, Sendable, CaseIterable {
    /// Atom 1.0 (RFC 4287), `application/atom+xml`.
    case atom
    /// JSON Feed 1.1, `application/feed+json`.
    case json

    /// The `Content-Type` to serve it with.
    public var contentType: String {
        switch self {
        case .atom: "application/atom+xml; charset=utf-8"
        case .json: "application/feed+json; charset=utf-8"
        }
    }
}

/// How links and ids of a feed are written.
public struct FeedOptions: Sendable {
    /// The site's base, e.g. `https://masecurite.example/`; fiche and
    /// teleservice links become `BASE/fiches/ID` and `BASE/teleservices/ID`.
    /// Without it entries carry no link (ids stay stable URNs).
    public var baseURL: URL?
    /// The language of the titles and texts.
    public var language: Language

    /// Options; French without links by default.
    public init(baseURL: URL? = nil, language: Language = .french) {
        self.baseURL = baseURL
        self.language = language
    }
}

/// A feed of local information for a territory and themes at an instant, in
/// Atom 1.0 or JSON Feed 1.1, with a strong ETag computed from the bytes and a
/// `Last-Modified` that is the last instant its content changed (an item
/// published, or a window that opened or closed), so the same content always
/// gives the same bytes, ETag and date.
public struct LocalFeed: Sendable {
    /// The territory.
    public let territory: LocalTerritory
    /// The themes (empty: all), sorted.
    public let themes: [String]
    /// The entries, most recently updated first.
    public let items: [LocalInformationItem]
    /// The last instant the content changed (the feed's `updated`), whole seconds.
    public let lastModified: Date
    /// Links and language.
    public let options: FeedOptions
    /// The theme labels, for categories.
    let themeLabels: [String: LocalizedText]

    /// The feed of `catalog` for `territory` and `themes` (empty: all) at `now`.
    public init(catalog: LocalInformationCatalog, territory: LocalTerritory, themes: [String] = [], now: Date,
                options: FeedOptions = FeedOptions()) {
        self.territory = territory
        self.themes = Array(Set(themes)).sorted()
        self.options = options
        let wanted = Set(themes)
        items = catalog.items(for: territory, themes: wanted, at: now)
        let matching = catalog.items.filter { $0.scope.covers(territory) && (wanted.isEmpty || !wanted.isDisjoint(with: $0.themes)) }
        let changes = matching.flatMap { [$0.updated, $0.window.start, $0.window.end] }.filter { $0 <= now }
        lastModified = Date(timeIntervalSince1970: (changes.max() ?? Date(timeIntervalSince1970: 0)).timeIntervalSince1970.rounded(.down))
        themeLabels = Dictionary(catalog.themes.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
    }

    /// The feed of a subscription.
    public init(catalog: LocalInformationCatalog, subscription: FeedSubscription, now: Date, options: FeedOptions = FeedOptions()) {
        self.init(catalog: catalog, territory: subscription.territory, themes: subscription.themes, now: now, options: options)
    }

    /// The feed's stable id: a URN from the territory and themes (never a subscription token).
    public var id: String {
        "urn:masecurite:local-information:\(territory)" + (themes.isEmpty ? "" : ":" + themes.joined(separator: ","))
    }

    /// The stable id of an item's entry, the same in every feed that shows it.
    public static func entryID(_ item: LocalInformationItem) -> String { "urn:masecurite:local-information:item:\(item.id)" }

    var title: String {
        let language = options.language
        let place: String = switch territory {
        case .departement(let code): "département \(code.rawValue)"
        case .commune(let code): "commune \(code.rawValue)"
        }
        let base = language == .english ? "Ma Sécurité — local information, \(place)" : "Ma Sécurité — informations locales, \(place)"
        guard !themes.isEmpty else { return base }
        return base + " (" + themes.map { themeLabels[$0]?.text(in: language) ?? $0 }.joined(separator: ", ") + ")"
    }

    func link(_ item: LocalInformationItem) -> String? {
        guard let base = options.baseURL else { return nil }
        switch item.link {
        case .fiche(let id): return base.appendingPathComponent("fiches").appendingPathComponent(id).absoluteString
        case .teleservice(let id): return base.appendingPathComponent("teleservices").appendingPathComponent(id).absoluteString
        case .event: return nil
        }
    }

    /// The entry's text: the summary, then the place and time of an event.
    func text(_ item: LocalInformationItem) -> String {
        let language = options.language
        var text = item.summary.text(in: language)
        if case .event(let event) = item.link {
            let zone = territory.departement.timeZone
            let when = language == .english ? "When" : "Quand"
            let whereLabel = language == .english ? "Where" : "Où"
            text += "\n\(when): \(RFC3339.format(event.starts, in: zone)) – \(RFC3339.format(event.ends, in: zone))"
            text += "\n\(whereLabel): \(event.place.text(in: language)), \(event.address)"
        }
        return text
    }

    // MARK: Atom 1.0

    /// The feed as Atom 1.0 (RFC 4287): UTF-8, every text XML-escaped, dates RFC 3339.
    public func atom() -> String {
        let language = options.language
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(language.rawValue)\">\n"
        xml += "  <id>\(XML.escape(id))</id>\n"
        xml += "  <title type=\"text\">\(XML.escape(title))</title>\n"
        xml += "  <updated>\(RFC3339.format(lastModified))</updated>\n"
        xml += "  <author><name>Ma Sécurité</name></author>\n"
        xml += "  <generator>MaSecurite SDK</generator>\n"
        for item in items {
            xml += "  <entry>\n"
            xml += "    <id>\(XML.escape(Self.entryID(item)))</id>\n"
            xml += "    <title type=\"text\">\(XML.escape(item.title.text(in: language)))</title>\n"
            xml += "    <updated>\(RFC3339.format(item.updated))</updated>\n"
            xml += "    <published>\(RFC3339.format(item.updated))</published>\n"
            if let link = link(item) { xml += "    <link rel=\"alternate\" href=\"\(XML.escape(link))\"/>\n" }
            for theme in item.themes {
                xml += "    <category term=\"\(XML.escape(theme))\" label=\"\(XML.escape(themeLabels[theme]?.text(in: language) ?? theme))\"/>\n"
            }
            xml += "    <summary type=\"text\">\(XML.escape(text(item)))</summary>\n"
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    // MARK: JSON Feed 1.1

    struct JSONFeedDocument: Encodable {
        let version = "https://jsonfeed.org/version/1.1"
        let title: String
        let language: String
        let description: String
        let authors: [Author]
        let items: [Entry]

        struct Author: Encodable { let name: String }

        struct Entry: Encodable {
            let id: String
            let url: String?
            let title: String
            let contentText: String
            let summary: String
            let datePublished: String
            let dateModified: String
            let tags: [String]

            enum CodingKeys: String, CodingKey {
                case id, url, title, summary, tags
                case contentText = "content_text", datePublished = "date_published", dateModified = "date_modified"
            }
        }
    }

    /// The feed as JSON Feed 1.1 (`https://jsonfeed.org/version/1.1`), keys sorted, dates RFC 3339.
    public func jsonFeed() -> String {
        let language = options.language
        let document = JSONFeedDocument(
            title: title, language: language.rawValue,
            description: id,
            authors: [.init(name: "Ma Sécurité")],
            items: items.map { item in
                .init(id: Self.entryID(item), url: link(item), title: item.title.text(in: language), contentText: text(item),
                      summary: item.summary.text(in: language), datePublished: RFC3339.format(item.updated),
                      dateModified: RFC3339.format(item.updated), tags: item.themes)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The body in `format`.
    public func body(_ format: FeedFormat) -> String {
        switch format {
        case .atom: atom()
        case .json: jsonFeed()
        }
    }

    /// The strong ETag of the body in `format`: `"` + the first 32 hex digits of its SHA-256 + `"`.
    public func etag(_ format: FeedFormat) -> String { Self.etag(of: body(format)) }

    static func etag(of body: String) -> String { "\"" + Hex.encode(SHA256.hash(Array(body.utf8))).prefix(32) + "\"" }

    /// Answers a GET of this feed in `format`, honouring `If-None-Match` and
    /// `If-Modified-Since` (see ``ConditionalRequest``).
    public func response(_ format: FeedFormat, request: ConditionalRequest = ConditionalRequest()) -> FeedResponse {
        let body = body(format)
        let etag = Self.etag(of: body)
        let headers = [
            "Content-Type": format.contentType,
            "ETag": etag,
            "Last-Modified": HTTPDate.format(lastModified),
            "Cache-Control": "no-cache",
        ]
        if request.isNotModified(etag: etag, lastModified: lastModified) {
            return FeedResponse(status: 304, headers: headers.filter { $0.key != "Content-Type" }, body: "")
        }
        return FeedResponse(status: 200, headers: headers, body: body)
    }
}

/// The conditional headers of a request, as received.
public struct ConditionalRequest: Sendable, Hashable {
    /// `If-None-Match`, e.g. `"abc…"`, `W/"abc…", "def…"` or `*`.
    public var ifNoneMatch: String?
    /// `If-Modified-Since`, an HTTP date such as `Sun, 06 Dec 2026 13:00:00 GMT`.
    public var ifModifiedSince: String?

    /// A request with these headers (absent by default).
    public init(ifNoneMatch: String? = nil, ifModifiedSince: String? = nil) {
        self.ifNoneMatch = ifNoneMatch
        self.ifModifiedSince = ifModifiedSince
    }

    /// Whether the answer is 304 Not Modified (RFC 9110 §13.2.2): when
    /// `If-None-Match` is present it alone decides (weak comparison, `*`
    /// matches); otherwise `If-Modified-Since` does, when it is a valid date no
    /// earlier than `lastModified`. An unreadable date is ignored.
    public func isNotModified(etag: String, lastModified: Date) -> Bool {
        if let ifNoneMatch {
            let opaque = { (tag: String) -> String in
                let trimmed = tag.trimmingCharacters(in: .whitespaces)
                return trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed
            }
            let tags = ifNoneMatch.split(separator: ",").map { opaque(String($0)) }
            return tags.contains("*") || tags.contains(opaque(etag))
        }
        if let ifModifiedSince, let since = HTTPDate.parse(ifModifiedSince) {
            return lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        }
        return false
    }
}

/// An HTTP answer: status (200 or 304), headers, body (empty for 304).
public struct FeedResponse: Sendable, Hashable {
    /// 200 or 304.
    public let status: Int
    /// `ETag`, `Last-Modified`, `Cache-Control`, and `Content-Type` with a body.
    public let headers: [String: String]
    /// The feed, or empty for 304.
    public let body: String
}

/// XML 1.0 text escaping.
enum XML {
    /// Escapes `&`, `<`, `>`, `"` and `'`, and drops the characters XML 1.0
    /// forbids (controls other than tab, line feed and carriage return, and
    /// U+FFFE/U+FFFF), so any text yields well-formed XML.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// HTTP dates (IMF-fixdate, RFC 9110 §5.6.7): `Sun, 06 Dec 2026 13:00:00 GMT`.
enum HTTPDate {
    static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        func two(_ value: Int?) -> String { let v = value ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        let weekday = days[((c.weekday ?? 1) - 1) % 7]
        let month = months[((c.month ?? 1) - 1) % 12]
        return "\(weekday), \(two(c.day)) \(month) \(c.year ?? 1970) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) GMT"
    }

    /// Parses an IMF-fixdate; `nil` for anything else.
    static func parse(_ text: String) -> Date? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ")
        guard parts.count == 6, parts[0].hasSuffix(","), days.contains(String(parts[0].dropLast())), parts[5] == "GMT",
              parts[1].count == 2, let day = Int(parts[1]), let monthIndex = months.firstIndex(of: String(parts[2])),
              parts[3].count == 4, let year = Int(parts[3]) else { return nil }
        let time = parts[4].split(separator: ":")
        guard time.count == 3, time.allSatisfy({ $0.count == 2 }), let hour = Int(time[0]), let minute = Int(time[1]),
              let second = Int(time[2]), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .gmt
        let components = DateComponents(year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day else { return nil }
        return date
    }
}
