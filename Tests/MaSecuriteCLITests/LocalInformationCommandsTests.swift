import Foundation
import MaSecuriteCore
import Testing
@testable import MaSecuriteCLI

@Suite struct LocalInformationCommandsTests {
    typealias Harness = AppointmentsCommandsTests.Harness

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)")
    }

    func store(_ harness: Harness) -> String { harness.directory + "/local-information.sqlite" }

    let at = "2026-12-20T10:00:00+01:00"

    @Test func infoListShowsTheItemsOfTheTerritoryMarkedAsExamples() async throws {
        let harness = try Harness()
        let gironde = await harness.run(["info", "list", "--department", "33", "--at", at, "--json"])
        #expect(gironde.status == 0, "\(gironde.error)")
        let output = try object(gironde.output)
        #expect(output["examples"] as? Bool == true)
        let ids = try #require(output["items"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(Set(ids) == ["exemple-otv-fetes-gironde-rhone", "exemple-marquage-velo-saint-medard"])
        let lyon = await harness.run(["info", "list", "--insee", "69123", "--theme", "velo", "--at", at, "--lang", "en", "--json"])
        let items = try #require(try object(lyon.output)["items"] as? [[String: Any]])
        #expect(items.compactMap { $0["id"] as? String } == ["exemple-trottinettes-lyon"])
        #expect((items.first?["title"] as? String)?.hasPrefix("[Example]") == true)
        let day = await harness.run(["info", "list", "--department", "33", "--at", "2026-12-20", "--json"])
        let noon = await harness.run(["info", "list", "--department", "33", "--at", "2026-12-20T12:00:00+01:00", "--json"])
        #expect(day.status == 0 && day.output == noon.output, "a day is read as noon in the territory's time zone")
        #expect(await harness.run(["info", "list", "--department", "33", "--at", "2026-12-32"]).status == 2)
        let table = await harness.run(["info", "list", "--department", "33", "--at", at])
        #expect(table.output.contains("exemples") && table.output.contains("Saint-Médard-en-Jalles"))
        let later = await harness.run(["info", "list", "--department", "33", "--at", "2027-06-01T00:00:00+02:00", "--json"])
        #expect(try (object(later.output)["items"] as? [Any])?.isEmpty == true)
        #expect(await harness.run(["info", "list", "--at", at]).status == 2)
        #expect(await harness.run(["info", "list", "--department", "33", "--insee", "33063"]).status == 2)
        #expect(await harness.run(["info", "list", "--department", "20"]).status == 2)
        #expect(await harness.run(["info", "list", "--department", "33", "--theme", "chasse"]).status == 2)
    }

    @Test func infoFeedPrintsAtomAndJSONAndAnswersNotModified() async throws {
        let harness = try Harness()
        let atom = await harness.run(["info", "feed", "--department", "33", "--format", "atom", "--at", at, "--include"])
        #expect(atom.status == 0, "\(atom.error)")
        #expect(atom.output.hasPrefix("HTTP/1.1 200 OK\n"))
        #expect(atom.output.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        let etag = try #require(atom.output.split(separator: "\n").first { $0.hasPrefix("ETag: ") }).dropFirst("ETag: ".count)
        let again = await harness.run(["info", "feed", "--department", "33", "--format", "atom", "--at", at, "--if-none-match", String(etag), "--include"])
        #expect(again.output.hasPrefix("HTTP/1.1 304 Not Modified\n") && !again.output.contains("<feed"))
        let quiet = await harness.run(["info", "feed", "--department", "33", "--format", "atom", "--at", at, "--if-none-match", String(etag)])
        #expect(quiet.status == 0 && quiet.output.isEmpty)
        let since = await harness.run(["info", "feed", "--department", "33", "--format", "json", "--at", at,
                                       "--if-modified-since", "Wed, 02 Dec 2026 07:00:00 GMT"])
        #expect(since.output.isEmpty)
        let json = await harness.run(["info", "feed", "--department", "33", "--format", "json", "--at", at])
        #expect(try object(json.output)["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(await harness.run(["info", "feed", "--department", "33"]).status == 2, "--format is required")
        #expect(await harness.run(["info", "feed", "--department", "33", "--format", "rss"]).status == 2)
    }

    @Test func subscribeGivesATokenWhoseFeedIsTheTerritorysAndUnsubscribe() async throws {
        let harness = try Harness()
        let subscribed = await harness.run(["info", "subscribe", "--department", "33", "--theme", "velo", "--store", store(harness), "--json"])
        #expect(subscribed.status == 0, "\(subscribed.error)")
        let token = try #require(try object(subscribed.output)["token"] as? String)
        #expect(token.count == 43)
        let byToken = await harness.run(["info", "feed", "--subscription", token, "--store", store(harness), "--format", "json", "--at", at])
        let byTerritory = await harness.run(["info", "feed", "--department", "33", "--theme", "velo", "--format", "json", "--at", at])
        #expect(byToken.status == 0 && byToken.output == byTerritory.output)
        let database = try String(decoding: Data(contentsOf: URL(fileURLWithPath: store(harness))), as: UTF8.self)
        #expect(!database.contains(token), "the token itself is never stored")
        #expect(await harness.run(["info", "unsubscribe", "--subscription", token, "--store", store(harness)]).status == 0)
        #expect(await harness.run(["info", "feed", "--subscription", token, "--store", store(harness), "--format", "json"]).status == 1)
    }

    @Test func feedbackAddShowAnswerAndOverdue() async throws {
        let harness = try Harness()
        let added = await harness.run(["feedback", "add", "--about", "fiche:otv", "--useful", "no", "--comment",
                                       "Mon nom est Claire Martin, joignable au 06 11 22 33 44 : le lien ne marche pas",
                                       "--store", store(harness), "--json"])
        #expect(added.status == 0, "\(added.error)")
        let receipt = try object(added.output)
        let reference = try #require(receipt["reference"] as? String)
        #expect(receipt["masked"] as? Bool == true)
        #expect(receipt["due"] as? String == "2026-03-27T07:00:00Z", "four days after the harness's 2026-03-23T07:00Z")
        let shown = try object(await harness.run(["feedback", "show", reference, "--store", store(harness), "--json"]).output)
        #expect(shown["status"] as? String == "received")
        #expect(shown["comment"] as? String == "Mon nom est [nom], joignable au [téléphone] : le lien ne marche pas")
        let none = await harness.run(["feedback", "overdue", "--store", store(harness), "--now", "2026-03-27T07:00:00Z", "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(none.output.utf8)) as? [Any])?.isEmpty == true)
        let late = await harness.run(["feedback", "overdue", "--store", store(harness), "--now", "2026-03-27T07:00:01Z", "--json"])
        let overdue = try #require(try JSONSerialization.jsonObject(with: Data(late.output.utf8)) as? [[String: Any]])
        #expect(overdue.compactMap { $0["reference"] as? String } == [reference])
        let alias = await harness.run(["avis", "overdue", "--store", store(harness), "--now", "2026-03-27T07:00:01Z", "--json"])
        #expect(alias.output == late.output)
        let answered = await harness.run(["feedback", "answer", reference, "--text", "Merci, le lien est corrigé.", "--store", store(harness), "--json"])
        #expect(answered.status == 0, "\(answered.error)")
        let read = try object(await harness.run(["avis", "show", reference.lowercased(), "--store", store(harness), "--json"]).output)
        #expect(read["status"] as? String == "answered" && read["answer"] as? String == "Merci, le lien est corrigé.")
        let twice = await harness.run(["feedback", "answer", reference, "--text", "encore", "--store", store(harness), "--json"])
        #expect(twice.status == 1)
        #expect(try object(twice.output)["error"] as? String == "invalid-transition")
        #expect(await harness.run(["feedback", "close", reference, "--store", store(harness)]).status == 0)
        #expect(await harness.run(["feedback", "show", "A-2222-2222-2222-2222-2222", "--store", store(harness)]).status == 1)
        #expect(await harness.run(["feedback", "show", "nonsense", "--store", store(harness)]).status == 2)
    }

    @Test func purgeDeletesClosedCasesAndOldUsageEventsAfterTheirDays() async throws {
        let harness = try Harness()
        #expect(try object(await harness.run(["feedback", "purge", "--days", "90", "--store", store(harness), "--json"]).output)["deleted"] as? Int == 0,
                "no store yet: nothing to delete, and no file is created")
        #expect(!FileManager.default.fileExists(atPath: store(harness)))
        let added = try object(await harness.run(["feedback", "add", "--about", "fiche:otv", "--useful", "no", "--comment", "à revoir",
                                                  "--store", store(harness), "--json"]).output)
        let reference = try #require(added["reference"] as? String)
        let kept = try object(await harness.run(["feedback", "add", "--about", "fiche:otv", "--useful", "no", "--comment", "toujours en attente",
                                                 "--store", store(harness), "--json"]).output)
        #expect(await harness.run(["feedback", "close", reference, "--store", store(harness)]).status == 0)
        // Closed at the harness's 2026-03-23T07:00Z: kept 90 days, until 2026-06-21T07:00Z.
        let early = await harness.run(["feedback", "purge", "--days", "90", "--store", store(harness), "--now", "2026-06-21T07:00:00Z", "--json"])
        let earlyDeleted = try object(early.output)["deleted"] as? Int
        #expect(early.status == 0 && earlyDeleted == 0, "\(early.output) \(early.error)")
        let late = await harness.run(["feedback", "purge", "--days", "90", "--store", store(harness), "--now", "2026-06-21T07:00:01Z", "--json"])
        #expect(try object(late.output)["deleted"] as? Int == 1)
        #expect(await harness.run(["feedback", "show", reference, "--store", store(harness)]).status == 1, "the purged case is gone")
        let waiting = try #require(kept["reference"] as? String)
        #expect(await harness.run(["feedback", "show", waiting, "--store", store(harness)]).status == 0, "a received case is never purged")

        #expect(await harness.run(["stats", "record", "--about", "fiche:otv", "--outcome", "shown", "--store", store(harness)]).status == 0)
        let recent = await harness.run(["stats", "purge", "--days", "30", "--store", store(harness), "--now", "2026-04-01T00:00:00Z", "--json"])
        #expect(try object(recent.output)["deleted"] as? Int == 0, "\(recent.output) \(recent.error)")
        let report = try object(await harness.run(["stats", "fiches", "--store", store(harness), "--json"]).output)
        #expect((report["rows"] as? [Any])?.count == 1)
        let old = await harness.run(["stats", "purge", "--days", "30", "--store", store(harness), "--now", "2026-05-01T00:00:00Z"])
        #expect(old.status == 0 && old.output.contains("usage events deleted"), "\(old.output)")
        let empty = try object(await harness.run(["stats", "fiches", "--store", store(harness), "--json"]).output)
        #expect((empty["rows"] as? [Any])?.isEmpty == true, "the purged events are no longer counted")

        #expect(await harness.run(["stats", "purge", "--store", store(harness)]).status == 2, "--days is required")
        #expect(await harness.run(["feedback", "purge", "--days", "0", "--store", store(harness)]).status == 2)
        #expect(await harness.run(["feedback", "purge", "--days", "ninety", "--store", store(harness)]).status == 2)
    }

    @Test func feedbackRefusesUnknownContentAndLongCommentsWithLocatedErrors() async throws {
        let harness = try Harness()
        let unknown = await harness.run(["feedback", "add", "--about", "fiche:nope", "--useful", "yes", "--store", store(harness), "--json"])
        #expect(unknown.status == 1)
        #expect(try object(unknown.output)["error"] as? String == "unknown-reference")
        let long = await harness.run(["avis", "give", "--about", "leaf:a-veh-velo", "--useful", "yes", "--comment",
                                      String(repeating: "x", count: 2_001), "--store", store(harness), "--json"])
        #expect(long.status == 1)
        let error = try object(long.output)
        #expect(error["error"] as? String == "too-long" && error["path"] as? String == "comment")
        #expect(await harness.run(["feedback", "add", "--about", "fiche:otv", "--useful", "maybe"]).status == 2)
        #expect(await harness.run(["feedback", "add", "--about", "fiche:otv"]).status == 2, "--useful is required")
        let vote = await harness.run(["feedback", "add", "--about", "fiche:otv", "--useful", "yes", "--store", store(harness), "--json"])
        #expect(try object(vote.output)["reference"] is NSNull)
    }

    @Test func statsWithholdCountsUnderTenAndExportCSVJSONAndSVG() async throws {
        let harness = try Harness()
        for _ in 0..<10 {
            #expect(await harness.run(["stats", "record", "--about", "fiche:otv", "--outcome", "shown", "--store", store(harness)]).status == 0)
        }
        for _ in 0..<9 {
            _ = await harness.run(["feedback", "add", "--about", "fiche:otv", "--useful", "yes", "--store", store(harness)])
        }
        let json = await harness.run(["stats", "fiches", "--store", store(harness), "--json"])
        #expect(json.status == 0, "\(json.error)")
        let row = try #require((try object(json.output)["rows"] as? [[String: Any]])?.first)
        let counts = try #require(row["counts"] as? [String: Any])
        #expect(counts["shown"] as? Int == 10 && counts["useful"] is NSNull)
        _ = await harness.run(["avis", "give", "--about", "fiche:otv", "--useful", "yes", "--store", store(harness)])
        let csv = await harness.run(["usage", "report", "--store", store(harness), "--format", "csv"])
        #expect(csv.output.contains("fiche,otv,10,10,0,0,0,0,0,1.0000,"))
        let svg = await harness.run(["stats", "fiches", "--store", store(harness), "--format", "svg"])
        #expect(svg.output.contains("<title id=\"chart-title\">") && svg.output.contains(">100 %</text>"))
        #expect(await harness.run(["stats", "fiches", "--store", store(harness), "--threshold", "5"]).status == 2)
        #expect(await harness.run(["stats", "record", "--about", "fiche:otv", "--outcome", "clicked"]).status == 2)
        let empty = await harness.run(["stats", "fiches", "--store", harness.directory + "/none.sqlite", "--json"])
        #expect(empty.status == 0)
        #expect(try (object(empty.output)["rows"] as? [Any])?.isEmpty == true)
    }

    @Test func validateLocatesEveryError() async throws {
        let harness = try Harness()
        try FileManager.default.createDirectory(atPath: harness.directory, withIntermediateDirectories: true)
        let file = harness.directory + "/info.json"
        try #"""
        {"schema_version": 1, "themes": [{"id": "velo", "label": {"fr": "Vélos", "en": "Bikes"}}],
         "items": [{"id": "a", "themes": ["velo"], "departements": ["33"], "valid_from": "2026-01-01T00:00:00Z",
                    "valid_until": "2026-02-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z",
                    "title": {"fr": "Titre"}, "summary": {"fr": "R", "en": "S"}, "link": {"fiche": "pas-une-fiche"}}]}
        """#.write(toFile: file, atomically: true, encoding: .utf8)
        let result = await harness.run(["info", "validate", file, "--json"])
        #expect(result.status == 1)
        let errors = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(Set(errors.compactMap { $0["path"] as? String }) == ["items[0].window.valid_until", "items[0].title.en", "items[0].link.fiche"])
    }
}
