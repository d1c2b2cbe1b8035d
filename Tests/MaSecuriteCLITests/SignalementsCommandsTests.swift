import Foundation
import MaSecuriteCore
import Testing
@testable import MaSecuriteCLI

@Suite struct SignalementsCommandsTests {
    typealias Harness = AppointmentsCommandsTests.Harness

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func store(_ harness: Harness) -> String { harness.directory + "/signalements.sqlite" }

    @Test func kindsListEveryKindWithAnIDInBothLanguages() async throws {
        let harness = try Harness()
        let french = await harness.run(["signalements", "kinds", "--json"])
        let english = await harness.run(["signalements", "kinds", "--lang", "en", "--json"])
        #expect(french.status == 0 && english.status == 0, "\(french.error)")
        let kinds = try #require(try JSONSerialization.jsonObject(with: Data(french.output.utf8)) as? [[String: Any]])
        let ids = kinds.compactMap { $0["id"] as? String }
        #expect(ids.contains("point-de-deal") && ids.contains("conversation-chat") && ids.count >= 6)
        #expect(french.output != english.output)
        #expect(english.output.contains("Drug-dealing spot"))
    }

    @Test func competentPrintsTheInstitutionUnitAndApproximation() async throws {
        let harness = try Harness()
        let result = await harness.run(["signalements", "competent", "--insee", "75056", "--json"])
        #expect(result.status == 0, "\(result.error)")
        let output = try json(result.output)
        #expect(output["institution"] as? String == "prefecture-de-police")
        #expect(output["approximate"] as? Bool == true)
        #expect((output["unit_id"] as? String)?.isEmpty == false && (output["unit_name"] as? String)?.isEmpty == false)
        let alias = await harness.run(["signalements", "competence", "--insee", "75056", "--json"])
        #expect(alias.output == result.output)
        let none = await harness.run(["signalements", "competent", "--json"])
        #expect(none.status == 2)
        let two = await harness.run(["signalements", "competent", "--insee", "33063", "--postal-code", "33000"])
        #expect(two.status == 2)
        let unknown = await harness.run(["signalements", "competent", "--postal-code", "98000", "--json"])
        #expect(unknown.status == 1)
        #expect(try json(unknown.output)["error"] as? String == "unknown-place")
    }

    @Test func competentReadsTheOfficialFile() async throws {
        let harness = try Harness()
        let file = harness.directory + "/competence.csv"
        try FileManager.default.createDirectory(atPath: harness.directory, withIntermediateDirectories: true)
        try "code_commune_insee;libelle_commune;institution;id_service;service;code_postal\n33318;Pessac;Police nationale;PN-33-004;Commissariat de Pessac;33600\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = await harness.run(["signalements", "competent", "--postal-code", "33600", "--competence-file", file, "--json"])
        #expect(result.status == 0, "\(result.error)")
        let output = try json(result.output)
        #expect(output["unit_id"] as? String == "PN-33-004" && output["approximate"] as? Bool == false)
        let missing = await harness.run(["signalements", "competent", "--insee", "33063", "--competence-file", file, "--json"])
        #expect(missing.status == 1)
        #expect(try json(missing.output)["error"] as? String == "no-competent-unit")
        let bad = await harness.run(["signalements", "competent", "--insee", "33063", "--competence-file", harness.directory + "/none.csv"])
        #expect(bad.status == 1 && bad.error.contains("none.csv"))
    }

    @Test func submitThenShowByReference() async throws {
        let harness = try Harness()
        let submitted = await harness.run(["signalements", "submit", "--kind", "point-de-deal", "--insee", "33063",
                                           "--field", "place=hall B", "--field", "recurrence=daily",
                                           "--description", "ventes le soir", "--store", store(harness), "--json"])
        #expect(submitted.status == 0, "\(submitted.error)")
        let output = try json(submitted.output)
        let reference = try #require(output["reference"] as? String)
        #expect(output["status"] as? String == "pending" && output["approximate"] as? Bool == true)
        let shown = await harness.run(["signalements", "show", reference, "--store", store(harness), "--json"])
        #expect(shown.status == 0, "\(shown.error)")
        let receipt = try json(shown.output)
        #expect(receipt["status"] as? String == "pending" && receipt["reference"] as? String == reference)
        #expect(!shown.output.contains("ventes"), "a receipt never shows the content")
        let alias = await harness.run(["signalements", "status", reference.lowercased(), "--store", store(harness), "--json"])
        #expect(alias.output == shown.output)
        let unknown = await harness.run(["signalements", "show", "S-2222-2222-2222-2222-2222", "--store", store(harness), "--json"])
        #expect(unknown.status == 1)
        #expect(try json(unknown.output)["error"] as? String == "not-found")
        let malformed = await harness.run(["signalements", "show", "nope", "--store", store(harness)])
        #expect(malformed.status == 2)
    }

    @Test func refusedFieldsSayWhereAndCreateNoFile() async throws {
        let harness = try Harness()
        let result = await harness.run(["signalements", "file", "--kind", "rodeo-urbain", "--insee", "33063",
                                        "--field", "place=parking", "--field", "when=hier soir", "--description", "motos",
                                        "--store", store(harness), "--json"])
        #expect(result.status == 1)
        let output = try json(result.output)
        #expect(output["error"] as? String == "invalid-value" && output["path"] as? String == "fields.when")
        #expect(!FileManager.default.fileExists(atPath: store(harness)))
        let kind = await harness.run(["signalements", "submit", "--kind", "nope", "--insee", "33063", "--description", "x",
                                      "--store", store(harness), "--json"])
        #expect(try json(kind.output)["error"] as? String == "unknown-kind")
        let noKind = await harness.run(["signalements", "submit", "--insee", "33063"])
        #expect(noKind.status == 2)
        let badPair = await harness.run(["signalements", "submit", "--kind", "point-de-deal", "--insee", "33063", "--field", "oops"])
        #expect(badPair.status == 2)
    }

    @Test func deliverChecksItsOptionsAndDeadLettersAnUnreachableEndpoint() async throws {
        let harness = try Harness()
        _ = await harness.run(["signalements", "submit", "--kind", "menaces-harcelement", "--insee", "97209", "--field", "recurrence=daily",
                               "--description", "menaces", "--store", store(harness)])
        let noEndpoint = await harness.run(["signalements", "deliver", "--store", store(harness)])
        #expect(noEndpoint.status == 2)
        let badSecret = await harness.run(["signalements", "deliver", "--store", store(harness), "--endpoint", "http://127.0.0.1:1/hook",
                                           "--secret", "whsec_short"])
        #expect(badSecret.status == 2 && badSecret.error.contains("secret"))
        let secret = "whsec_" + Data(repeating: 7, count: 32).base64EncodedString()
        let result = await harness.run(["signalements", "deliver", "--store", store(harness), "--endpoint", "http://127.0.0.1:1/hook",
                                        "--secret", secret, "--once", "--max-attempts", "1", "--json"])
        #expect(result.status == 0, "\(result.error)")
        let output = try json(result.output)
        #expect(output["dead_lettered"] as? Int == 1)
        #expect((output["outbox"] as? [String: Int])?["dead-letter"] == 1)
        #expect(!result.output.contains("menaces") && !result.error.contains("menaces"))
    }

    @Test func purgeErasesContentAfterTheRetentionPeriodAndKeepsTheReceipt() async throws {
        let harness = try Harness()
        let submitted = await harness.run(["signalements", "submit", "--kind", "menaces-harcelement", "--insee", "33063",
                                           "--field", "recurrence=daily", "--field", "contact.email=a@example.org",
                                           "--description", "menaces", "--store", store(harness), "--json"])
        let reference = try #require(try json(submitted.output)["reference"] as? String)
        let secret = "whsec_" + Data(repeating: 7, count: 32).base64EncodedString()
        _ = await harness.run(["signalements", "deliver", "--store", store(harness), "--endpoint", "http://127.0.0.1:1/hook",
                               "--secret", secret, "--once", "--max-attempts", "1"])
        let early = await harness.run(["signalements", "purge", "--store", store(harness), "--retention-days", "30", "--json"])
        #expect(early.status == 0)
        #expect(try json(early.output)["purged"] as? Int == 0)
        harness.clock.advance(by: 31 * 86_400)
        let late = await harness.run(["signalements", "purge", "--store", store(harness), "--retention-days", "30", "--json"])
        #expect(late.status == 0)
        #expect(try json(late.output)["purged"] as? Int == 1)
        let shown = await harness.run(["signalements", "show", reference, "--store", store(harness), "--json"])
        #expect(try json(shown.output)["purged"] as? Bool == true)
        #expect(try json(shown.output)["status"] as? String == "dead-letter")
    }
}
