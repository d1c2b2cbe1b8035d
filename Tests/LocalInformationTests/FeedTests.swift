import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LocalInformation
import MaSecuriteCore
import Testing

/// Parses XML and collects element names and text; fails on malformed XML.
final class XMLCheck: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var text: [String: [String]] = [:]
    private var current = ""
    private var stack: [String] = []

    static func parse(_ xml: String) throws -> XMLCheck {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = check
        guard parser.parse() else { throw XMLFailure(message: parser.parserError.map { "\($0)" } ?? "unknown") }
        return check
    }

    struct XMLFailure: Error { let message: String }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(name)
        stack.append(name)
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        text[stack.joined(separator: "/"), default: []].append(current)
        stack.removeLast()
        current = ""
    }
}

@Suite struct FeedTests {
    static func catalog(title: String = "Marquage <vélos> & \"trottinettes\" l'été", updated: String = "2026-12-02T08:00:00+01:00",
                        from: String = "2026-12-01T00:00:00+01:00", until: String = "2027-01-10T00:00:00+01:00") throws -> LocalInformationCatalog {
        let themes = [LocalTheme(id: "velo", label: LocalizedText("Vélos", en: "Bikes")),
                      LocalTheme(id: "vacances", label: LocalizedText("Vacances", en: "Holidays"))]
        let bike = LocalInformationItem(
            id: "bike", themes: ["velo"], scope: LocalScope(communes: [try INSEECode("33449")]),
            window: ValidityWindow(start: try Fixture.date(from), end: try Fixture.date(until)),
            updated: try Fixture.date(updated), title: LocalizedText(title + "\u{0007}", en: "Bike marking"),
            summary: LocalizedText("Venez avec votre vélo.", en: "Bring your bike."),
            link: .event(LocalEvent(place: LocalizedText("Brigade", en: "Station"), address: "1 rue de l'Exemple",
                                    starts: try Fixture.date("2027-01-09T09:30:00+01:00"), ends: try Fixture.date("2027-01-09T12:00:00+01:00"))))
        let otv = LocalInformationItem(
            id: "otv", themes: ["vacances"], scope: LocalScope(departements: [try DepartementCode("33")]),
            window: ValidityWindow(start: try Fixture.date("2026-12-01T00:00:00+01:00"), end: try Fixture.date("2027-01-05T00:00:00+01:00")),
            updated: try Fixture.date("2026-12-01T08:00:00+01:00"), title: LocalizedText("Tranquillité vacances", en: "Holiday watch"),
            summary: LocalizedText("Inscrivez-vous.", en: "Sign up."), link: .teleservice("operation-tranquillite-vacances"))
        return try LocalInformationCatalog(version: "t", examples: true, themes: themes, items: [bike, otv])
    }

    static func gironde() throws -> LocalTerritory { .departement(try DepartementCode("33")) }

    @Test func atomIsWellFormedEscapedAndComplete() throws {
        let feed = LocalFeed(catalog: try Self.catalog(), territory: try Self.gironde(), now: Fixture.now,
                             options: FeedOptions(baseURL: URL(string: "https://masecurite.example/")))
        let xml = feed.atom()
        let parsed = try XMLCheck.parse(xml)
        #expect(parsed.elements.first == "feed")
        #expect(parsed.elements.filter { $0 == "entry" }.count == 2)
        // The title came back exactly, without the control character XML forbids.
        #expect(parsed.text["feed/entry/title"]?.first == "Marquage <vélos> & \"trottinettes\" l'été")
        #expect(xml.contains("&lt;vélos&gt; &amp; &quot;trottinettes&quot; l&apos;été"))
        #expect(parsed.text["feed/entry/id"] == ["urn:masecurite:local-information:item:bike", "urn:masecurite:local-information:item:otv"])
        for date in (parsed.text["feed/entry/updated"] ?? []) + (parsed.text["feed/updated"] ?? []) {
            #expect(RFC3339.parse(date) != nil, "\(date) is not RFC 3339")
        }
        #expect(parsed.text["feed/updated"] == ["2026-12-02T07:00:00Z"])
        #expect(xml.contains("href=\"https://masecurite.example/teleservices/operation-tranquillite-vacances\""))
        #expect(parsed.text["feed/entry/summary"]?.first?.contains("1 rue de l'Exemple") == true, "an event entry says where")
    }

    @Test func jsonFeedIsVersion11WithStableIDs() throws {
        let feed = LocalFeed(catalog: try Self.catalog(), territory: try Self.gironde(), themes: ["velo"], now: Fixture.now,
                             options: FeedOptions(language: .english))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(feed.jsonFeed().utf8)) as? [String: Any])
        #expect(object["version"] as? String == "https://jsonfeed.org/version/1.1")
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == ["urn:masecurite:local-information:item:bike"])
        #expect(items.first?["title"] as? String == "Bike marking")
        #expect(items.first?["date_published"] as? String == "2026-12-02T07:00:00Z")
        #expect(items.first?["content_text"] as? String != nil)
        #expect((object["title"] as? String)?.contains("Bikes") == true)
    }

    @Test func etagIsStrongStableAndFollowsTheContent() throws {
        let catalog = try Self.catalog()
        let one = LocalFeed(catalog: catalog, territory: try Self.gironde(), now: Fixture.now)
        let two = LocalFeed(catalog: catalog, territory: try Self.gironde(), now: Fixture.now + 60)
        #expect(one.etag(.atom) == two.etag(.atom), "the same content at another instant has the same ETag")
        #expect(one.etag(.atom).hasPrefix("\"") && !one.etag(.atom).hasPrefix("W/"))
        #expect(one.etag(.atom) != one.etag(.json))
        let changed = LocalFeed(catalog: try Self.catalog(title: "Autre titre"), territory: try Self.gironde(), now: Fixture.now)
        #expect(changed.etag(.atom) != one.etag(.atom))
    }

    @Test func lastModifiedMovesWhenAWindowCloses() throws {
        let catalog = try Self.catalog()
        let before = LocalFeed(catalog: catalog, territory: try Self.gironde(), now: Fixture.now)
        let after = LocalFeed(catalog: catalog, territory: try Self.gironde(), now: try Fixture.date("2027-01-06T00:00:00+01:00"))
        #expect(after.items.map(\.id) == ["bike"])
        #expect(after.lastModified == (try Fixture.date("2027-01-05T00:00:00+01:00")))
        #expect(before.lastModified == (try Fixture.date("2026-12-02T08:00:00+01:00")))
    }

    @Test func conditionalRequestsAnswerNotModified() throws {
        let feed = LocalFeed(catalog: try Self.catalog(), territory: try Self.gironde(), now: Fixture.now)
        let full = feed.response(.atom)
        #expect(full.status == 200 && !full.body.isEmpty)
        #expect(full.headers["Content-Type"] == "application/atom+xml; charset=utf-8")
        let etag = try #require(full.headers["ETag"])
        let lastModified = try #require(full.headers["Last-Modified"])
        #expect(lastModified == "Wed, 02 Dec 2026 07:00:00 GMT")
        #expect(feed.response(.atom, request: ConditionalRequest(ifNoneMatch: etag)).status == 304)
        #expect(feed.response(.atom, request: ConditionalRequest(ifNoneMatch: "\"other\", W/\(etag)")).status == 304)
        #expect(feed.response(.atom, request: ConditionalRequest(ifNoneMatch: "*")).status == 304)
        #expect(feed.response(.atom, request: ConditionalRequest(ifNoneMatch: "\"other\"")).status == 200)
        let notModified = feed.response(.atom, request: ConditionalRequest(ifModifiedSince: lastModified))
        #expect(notModified.status == 304 && notModified.body.isEmpty && notModified.headers["ETag"] == etag)
        #expect(feed.response(.atom, request: ConditionalRequest(ifModifiedSince: "Wed, 02 Dec 2026 06:59:59 GMT")).status == 200)
        #expect(feed.response(.atom, request: ConditionalRequest(ifModifiedSince: "yesterday")).status == 200)
        #expect(feed.response(.atom, request: ConditionalRequest(ifNoneMatch: "\"other\"", ifModifiedSince: lastModified)).status == 200,
                "If-None-Match decides when present")
        #expect(feed.response(.json).headers["Content-Type"] == "application/feed+json; charset=utf-8")
    }

    @Test func anEmptyFeedIsStillValid() throws {
        let feed = LocalFeed(catalog: try Self.catalog(), territory: .departement(try DepartementCode("75")), now: Fixture.now)
        #expect(feed.items.isEmpty)
        let parsed = try XMLCheck.parse(feed.atom())
        #expect(parsed.text["feed/updated"] == ["1970-01-01T00:00:00Z"])
        #expect(feed.response(.atom).headers["Last-Modified"] == "Thu, 01 Jan 1970 00:00:00 GMT")
    }
}
