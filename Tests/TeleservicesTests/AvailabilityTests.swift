import Foundation
import Testing
@testable import Teleservices

/// Availability by département and date is part of every verdict.
@Suite struct AvailabilityTests {
    let pilot = #"[{"departements": ["78", "72"], "from": "2023-05-09", "until": "2024-02-25"}, {"national": true, "from": "2024-02-26", "until": "2025-12-31"}]"#

    func evaluate(_ values: [String: FactValue], on date: String) throws -> Eligibility {
        let catalog = try TestCatalogs.load(rules: "[]", availability: pilot)
        return try catalog.evaluate(serviceID: "svc", situation: Situation(values: values), on: .iso(date))
    }

    @Test func pilotOnlyInItsDepartements() throws {
        let yvelines = try DepartementCode("78")
        let gironde = try DepartementCode("33")
        #expect(try evaluate(["department": .departement(yvelines)], on: "2023-06-01").verdict == .eligible)
        let outside = try evaluate(["department": .departement(gironde)], on: "2023-06-01")
        #expect(outside.verdict == .notEligible)
        #expect(outside.reasons.first?.source == "svc.availability")
        #expect(outside.reasons(in: .english).first?.contains("72, 78") == true)
        let unknown = try evaluate([:], on: "2023-06-01")
        #expect(unknown.verdict == .needsInformation)
        #expect(unknown.missing == ["department"])
    }

    @Test func datesAreInclusiveAndNationalWindowNeedsNoDepartement() throws {
        #expect(try evaluate([:], on: "2023-05-08").verdict == .notEligible)
        #expect(try evaluate(["department": .departement(try DepartementCode("72"))], on: "2023-05-09").verdict == .eligible)
        #expect(try evaluate([:], on: "2024-02-26").verdict == .eligible)
        #expect(try evaluate([:], on: "2025-12-31").verdict == .eligible)
        let closed = try evaluate([:], on: "2026-01-01")
        #expect(closed.verdict == .notEligible)
        #expect(closed.reasons(in: .english) == ["Service is no longer offered on that date."])
        let early = try evaluate([:], on: "2020-01-01")
        #expect(early.reasons(in: .english) == ["Service is not open yet on that date (it opens on 2023-05-09)."])
    }

    @Test func availabilityFailureHidesOtherMissingFacts() throws {
        let catalog = try TestCatalogs.load(rules: "[\(TestCatalogs.ruleObject(#"{"eq": ["flag", true]}"#))]", availability: pilot)
        let result = try catalog.evaluate(serviceID: "svc", situation: Situation(), on: .iso("2026-06-01"))
        #expect(result.verdict == .notEligible)
        #expect(result.missing.isEmpty)
        let open = try catalog.evaluate(serviceID: "svc", situation: Situation(), on: .iso("2023-06-01"))
        #expect(open.missing == ["flag", "department"])
    }

    @Test func minimumAgeIsPartOfTheVerdict() throws {
        let catalog = try TestCatalogs.load(rules: "[]", extra: #""minimum_age": 18,"#)
        func check(_ situation: Situation) throws -> Eligibility {
            try catalog.evaluate(serviceID: "svc", situation: situation, on: TestCatalogs.day)
        }
        #expect(try check(Situation(values: ["age": .number(18)])).verdict == .eligible)
        let young = try check(Situation(values: ["age": .number(17)]))
        #expect(young.verdict == .notEligible)
        #expect(young.reasons(in: .english) == ["Service is only for people aged 18 or over."])
        #expect(try check(Situation()).missing == ["age"])
        // « Je ne sais pas » is unknown: never "too young", which the citizen did not say.
        let unsure = try check(Situation().settingDontKnow("age"))
        #expect(unsure.verdict == .needsInformation)
        #expect(unsure.dontKnow == ["age"])
        #expect(!unsure.reasons(in: .english).contains("Service is only for people aged 18 or over."))
    }

    @Test func bundledServicesByDepartementAndDate() throws {
        let catalog = try TeleserviceCatalog.bundled()
        let yvelines = try DepartementCode("78")
        let gironde = try DepartementCode("33")
        let paris = try DepartementCode("75")
        let day = LocalDate.iso("2026-01-15")
        let inYvelines = Set(catalog.services(availableIn: yvelines, on: day).map(\.id))
        let inGironde = Set(catalog.services(availableIn: gironde, on: day).map(\.id))
        let inParis = Set(catalog.services(availableIn: paris, on: day).map(\.id))
        #expect(inYvelines.contains("visioplainte"))
        #expect(!inGironde.contains("visioplainte"))
        #expect(inGironde.contains("rendez-vous"))
        #expect(inParis.contains("objets-trouves-pp") && !inGironde.contains("objets-trouves-pp"))
        #expect(!inParis.contains("pre-plainte-en-ligne"), "retired services are not offered")
        #expect(inParis.contains("plainte-en-ligne"))
        // Before generalisation, plainte en ligne was a pilot in Gironde only.
        let pilotDay = LocalDate.iso("2024-03-01")
        #expect(catalog.services(availableIn: gironde, on: pilotDay).contains { $0.id == "plainte-en-ligne" })
        #expect(!catalog.services(availableIn: paris, on: pilotDay).contains { $0.id == "plainte-en-ligne" })
        #expect(catalog.services(availableIn: paris, on: pilotDay).contains { $0.id == "pre-plainte-en-ligne" })
    }

    @Test func instantIsReadInTheDepartementsTimeZone() throws {
        let catalog = try TeleserviceCatalog.bundled()
        let reunion = try DepartementCode("974")
        let paris = try DepartementCode("75")
        // 2024-12-16 21:30 UTC is already 17 December in Réunion (UTC+4) but still the 16th in Paris.
        let instant = Date(timeIntervalSince1970: TimeInterval(LocalDate.iso("2024-12-16").daysSinceEpoch) * 86_400 + 21.5 * 3600)
        #expect(catalog.services(availableIn: reunion, on: instant).contains { $0.id == "17cyber" })
        #expect(!catalog.services(availableIn: paris, on: instant).contains { $0.id == "17cyber" })
    }
}
