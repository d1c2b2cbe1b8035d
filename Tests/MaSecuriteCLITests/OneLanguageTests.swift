import Foundation
import Testing
@testable import MaSecuriteCLI

/// One language per answer: French by default, English with `--lang en`, for
/// every verb a person reads; internal ids and scores only in `--json` (issue 16).
@Suite struct OneLanguageTests {
    typealias Harness = AppointmentsCommandsTests.Harness
    let bordeaux = "commissariat_police-33063-01"

    /// Words that give away English in a French answer, and the reverse.
    static let english = ["hours unknown", "Booked:", "Place:", "Confirmation code:", "counter(s) free", "Free ", "Cancelled",
                          "now starts", "  place:", "  status:", "  phone:", "  now:", "id: "]
    static let french = ["horaires inconnus", "Rendez-vous réservé", "Lieu :", "Code de confirmation", "guichet(s) libre(s)",
                         "Créneaux libres", "annulé", "commence désormais", "  lieu :", "  statut :", "  téléphone :", "  maintenant :"]

    func check(_ output: String, isIn language: String, _ command: [String]) {
        let foreign = language == "fr" ? Self.english : Self.french
        for word in foreign {
            #expect(!output.contains(word), "'\(word)' in the \(language) answer of \(command.prefix(2).joined(separator: " ")):\n\(output)")
        }
    }

    @Test("stations and appointments answer in French by default and in English with --lang en", arguments: ["fr", "en"])
    func everyVerb(_ language: String) async throws {
        let harness = try Harness()
        let lang = language == "fr" ? [] : ["--lang", "en"]
        var outputs: [([String], String)] = []
        for command in [["stations", "near", "--postal-code", "33000", "--limit", "3"],
                        ["stations", "show", bordeaux],
                        ["stations", "show", "gendarmerie-97415-01"],
                        ["appointments", "slots", "--station", bordeaux, "--motif", "plainte", "--from", "2026-03-24", "--days", "1"]] {
            let result = await harness.run(command + lang)
            #expect(result.status == 0, "\(command): \(result.error)")
            outputs.append((command, result.output))
        }
        let booked = await harness.run(["appointments", "book", "--station", bordeaux, "--motif", "plainte",
                                        "--at", "2026-03-24T09:00:00+01:00"] + lang)
        #expect(booked.status == 0, "\(booked.error)")
        outputs.append((["appointments", "book"], booked.output))
        let code = try #require(booked.output.split(separator: "\"").drop { $0 != "code" }.dropFirst(2).first.map(String.init))
        for command in [["appointments", "show", code], ["appointments", "move", code, "--at", "2026-03-24T09:30:00+01:00"],
                        ["appointments", "cancel", code]] {
            let result = await harness.run(command + lang)
            #expect(result.status == 0, "\(command): \(result.error)")
            outputs.append((command, result.output))
        }
        for (command, output) in outputs { check(output, isIn: language, command) }
        let show = try #require(outputs.first { $0.0 == ["stations", "show", bordeaux] }?.1)
        #expect(show.contains(language == "fr" ? "  téléphone :" : "  phone:"))
        let book = outputs.first { $0.0 == ["appointments", "book"] }?.1 ?? ""
        #expect(book.contains(language == "fr" ? "Rendez-vous réservé : Déposer une plainte" : "Booked: File a complaint"), "\(book)")
    }

    @Test("guide and ask show no internal id or score in text, and keep them in --json")
    func noInternalIdsInText() async throws {
        let harness = try Harness()
        let guide = await harness.run(["guide", "on m'a pris ma voiture", "--postal-code", "33000"])
        #expect(guide.status == 0, "\(guide.error)")
        #expect(!guide.output.contains("[leaf") && !guide.output.contains("[fiche") && !guide.output.contains("[teleservice"), "\(guide.output)")
        let ask = await harness.run(["ask", "où porter plainte"])
        #expect(ask.status == 0, "\(ask.error)")
        #expect(!ask.output.contains("score"), "\(ask.output)")
        #expect(!ask.output.contains("[orientation") && !ask.output.contains("[fiche"))
        let json = await harness.run(["ask", "où porter plainte", "--json"])
        #expect(json.output.contains("\"score\""))
        #expect(json.output.contains("\"id\""))
    }
}
