import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LocalInformation
import Testing

@Suite struct UsageReportTests {
    func counts(_ about: String, _ values: [UsageOutcome: Int]) throws -> [UsageCount] {
        let reference = try ContentReference(about)
        return values.map { UsageCount(about: reference, outcome: $0.key, count: $0.value) }
    }

    @Test func countsUnderTenAreWithheldAtNineAndPublishedAtTen() throws {
        let report = UsageReport(counts: try counts("fiche:otv", [.shown: 40, .useful: 10, .notUseful: 9, .chat: 0])
                                     + counts("leaf:a-veh-velo", [.shown: 9, .useful: 9]))
        let otv = try #require(report.rows.first)
        #expect(otv.about.description == "fiche:otv")
        #expect(otv.count(.shown) == 40 && otv.count(.useful) == 10)
        #expect(otv.count(.notUseful) == nil, "9 is withheld")
        #expect(otv.count(.chat) == 0, "zero is nobody and is published")
        #expect(otv.rate(.useful) == 0.25)
        #expect(otv.rate(.notUseful) == nil)
        let leaf = try #require(report.rows.last)
        #expect(leaf.count(.shown) == nil && leaf.count(.useful) == nil && leaf.rate(.useful) == nil,
                "with 9 shown nothing of the leaf is published")
        #expect(UsageReport(counts: [], threshold: 3).threshold == 10, "the threshold is never below 10")
        let stricter = UsageReport(counts: try counts("fiche:otv", [.shown: 40, .useful: 10]), threshold: 20)
        #expect(stricter.rows.first?.count(.useful) == nil)
    }

    @Test func csvHasAHeaderAndEmptyCellsForWithheldValues() throws {
        let report = UsageReport(counts: try counts("fiche:otv", [.shown: 20, .useful: 10, .left: 5]))
        let lines = report.csv().components(separatedBy: "\r\n")
        #expect(lines[0] == "kind,id,shown,useful,not_useful,teleservice,station,chat,left,useful_rate,not_useful_rate,teleservice_rate,station_rate,chat_rate,left_rate")
        #expect(lines[1] == "fiche,otv,20,10,0,0,0,0,,0.5000,0.0000,0.0000,0.0000,0.0000,")
        #expect(lines.count == 3 && lines[2].isEmpty)
    }

    @Test func jsonUsesNullForWithheld() throws {
        let report = UsageReport(counts: try counts("fiche:otv", [.shown: 20, .useful: 3]))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(object["threshold"] as? Int == 10)
        let row = try #require((object["rows"] as? [[String: Any]])?.first)
        let counts = try #require(row["counts"] as? [String: Any])
        #expect(counts["shown"] as? Int == 20)
        #expect(counts["useful"] is NSNull)
        #expect((row["rates"] as? [String: Any])?["useful"] is NSNull)
    }

    @Test func svgIsValidXMLWithATitleAndTextLabels() throws {
        let report = UsageReport(counts: try counts("fiche:otv", [.shown: 20, .useful: 15])
                                     + counts("leaf:a-veh-velo", [.shown: 4]))
        let svg = report.svg()
        let parsed = try XMLCheck.parse(svg)
        #expect(parsed.elements.first == "svg")
        #expect(parsed.text["svg/title"] == ["Which fiche works: share of “useful” answers"])
        #expect(parsed.elements.contains("desc"))
        let labels = parsed.text["svg/g/text"] ?? []
        #expect(labels.contains("fiche:otv") && labels.contains("75 %"))
        #expect(labels.contains("leaf:a-veh-velo") && labels.contains("withheld (< 10)"))
        #expect(svg.contains("role=\"img\"") && svg.contains("aria-labelledby=\"chart-title chart-desc\""))
        #expect(try XMLCheck.parse(UsageReport(counts: []).svg()).elements.contains("text"))
    }
}
