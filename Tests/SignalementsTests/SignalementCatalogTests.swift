import Foundation
import Signalements
import Testing

@Suite struct SignalementCatalogTests {
    let catalog: SignalementCatalog

    init() throws { catalog = try SignalementCatalog.bundled() }

    @Test func bundledKindsCoverTheIssue() throws {
        let ids = Set(catalog.kinds.map(\.id))
        for id in ["point-de-deal", "rodeo-urbain", "violences-intrafamiliales-tiers", "menaces-harcelement",
                   "comportement-suspect", "conversation-chat"] {
            #expect(ids.contains(id), "missing kind \(id)")
        }
        for kind in catalog.kinds {
            #expect(kind.label.english != nil && kind.summary.english != nil, "\(kind.id) is not bilingual")
            #expect(kind.label.text(in: .english) != kind.label.text(in: .french), "\(kind.id) has the same label in both languages")
            #expect(kind.field("description")?.required == true)
            for field in kind.fields { #expect(field.label.english != nil, "\(kind.id).\(field.name) has no English label") }
        }
        #expect(try catalog.kind("violences-intrafamiliales-tiers").urgentNotice?.french.contains("17") == true)
    }

    @Test func validContentIsCanonicalAndAnonymousByDefault() throws {
        let content = try catalog.validate(kind: "rodeo-urbain", fields: [
            "place": "  parking du centre commercial ",
            "when": "2026-06-12T21:30:00+02:00/2026-06-12T23:00:00+02:00",
            "recurrence": "Weekly",
            "vehicles": "moto cross rouge;; quad noir sans plaque ; ",
            "description": "quatre motos font des roues arrière",
            "contact.email": "  ",
        ])
        #expect(content.contact == nil)
        #expect(content.fields["place"] == "parking du centre commercial")
        #expect(content.fields["when"] == "2026-06-12T19:30:00Z/2026-06-12T21:00:00Z")
        #expect(content.fields["recurrence"] == "weekly")
        #expect(content.fields["vehicles"] == "moto cross rouge; quad noir sans plaque")
        let withContact = try catalog.validate(kind: "menaces-harcelement", fields: [
            "recurrence": "daily", "description": "messages de menaces", "contact.phone": "+33 6 12 34 56 78",
        ])
        #expect(withContact.contact == SignalementContact(phone: "+33 6 12 34 56 78"))
    }

    @Test func errorsNameTheFieldPath() {
        func error(_ kind: String, _ fields: [String: String]) -> SignalementError? {
            do { _ = try catalog.validate(kind: kind, fields: fields); return nil } catch { return error }
        }
        let base = ["place": "hall B", "recurrence": "daily", "description": "ventes"]
        #expect(error("inconnu", base)?.code == "unknown-kind")
        var missing = base
        missing["description"] = "   "
        #expect(error("point-de-deal", missing) == .missingField(kind: "point-de-deal", path: "fields.description"))
        var unknown = base
        unknown["colour"] = "red"
        #expect(error("point-de-deal", unknown)?.path == "fields.colour")
        #expect(error("point-de-deal", unknown)?.code == "unknown-field")
        var badTime = base
        badTime["when"] = "2026-02-30T10:00:00Z"
        #expect(error("point-de-deal", badTime)?.path == "fields.when")
        badTime["when"] = "2026-03-01T10:00:00Z/hier"
        #expect(error("point-de-deal", badTime)?.path == "fields.when.end")
        badTime["when"] = "2026-03-01T10:00:00Z/2026-03-01T09:00:00Z"
        #expect(error("point-de-deal", badTime)?.description.contains("end comes before the start") == true)
        var badRecurrence = base
        badRecurrence["recurrence"] = "sometimes"
        #expect(error("point-de-deal", badRecurrence)?.path == "fields.recurrence")
        var long = base
        long["description"] = String(repeating: "a", count: 4_001)
        #expect(error("point-de-deal", long) == .tooLong(path: "fields.description", length: 4_001, limit: 4_000))
        var vehicles = base
        vehicles["vehicles"] = Array(repeating: "scooter", count: 11).joined(separator: ";")
        #expect(error("point-de-deal", vehicles) == .tooMany(path: "fields.vehicles", count: 11, limit: 10))
        vehicles["vehicles"] = "scooter; " + String(repeating: "x", count: 121)
        #expect(error("point-de-deal", vehicles)?.path == "fields.vehicles[1]")
        var email = base
        email["contact.email"] = "pas-une-adresse"
        #expect(error("point-de-deal", email)?.path == "contact.email")
        var choice = ["place": "3 rue X", "description": "cris", "children_present": "maybe"]
        #expect(error("violences-intrafamiliales-tiers", choice)?.path == "fields.children_present")
        choice["children_present"] = "YES"
        #expect(error("violences-intrafamiliales-tiers", choice) == nil)
        var many: [String: String] = [:]
        for index in 0..<17 { many["f\(index)"] = "x" }
        #expect(error("point-de-deal", many)?.code == "too-many")
        // The message quotes at most 64 characters of what was typed.
        var huge = base
        huge["recurrence"] = String(repeating: "z", count: 10_000)
        #expect((error("point-de-deal", huge)?.description.count ?? 0) < 300)
    }

    @Test func aChatExcerptIsKeptOnlyWithTheVisitorsConsent() throws {
        let base = ["conversation": "c_135dd4121fb7", "description": "point de deal signalé au tchat",
                    "excerpt": "visiteur : il y a des ventes tous les soirs"]
        #expect(throws: SignalementError.notAllowed(path: "fields.excerpt", reason: "accepted only with visitor_consent=yes")) {
            try catalog.validate(kind: "conversation-chat", fields: base)
        }
        var refused = base
        refused["visitor_consent"] = "no"
        #expect(throws: SignalementError.self) { try catalog.validate(kind: "conversation-chat", fields: refused) }
        refused["excerpt"] = " "
        #expect(try catalog.validate(kind: "conversation-chat", fields: refused).fields["excerpt"] == nil)
        var agreed = base
        agreed["visitor_consent"] = "yes"
        #expect(try catalog.validate(kind: "conversation-chat", fields: agreed).fields["excerpt"] == base["excerpt"])
        let wrong = #"{"kinds": [{"id": "a", "label": {"fr": "A", "en": "A"}, "summary": {"fr": "x", "en": "x"}, "fields": [{"name": "description", "type": "text", "required": true, "only_if": {"nope": "yes"}, "label": {"fr": "d", "en": "d"}}]}]}"#
        #expect(throws: SignalementError.self) { try SignalementCatalog.load(Data(wrong.utf8)) }
    }

    @Test func malformedKindsFilesSayWhere() {
        func reason(_ json: String) -> String? {
            do { _ = try SignalementCatalog.load(Data(json.utf8)); return nil } catch { return error.description }
        }
        #expect(reason(#"{"kinds": []}"#)?.contains("no kind") == true)
        #expect(reason(#"{"kinds": [{"id": "a", "label": {"fr": "A"}, "summary": {"fr": "x", "en": "x"}, "fields": []}]}"#)?
            .contains("English") == true)
        let missingType = #"{"kinds": [{"id": "a", "label": {"fr": "A", "en": "A"}, "summary": {"fr": "x", "en": "x"}, "fields": [{"name": "description", "label": {"fr": "d", "en": "d"}}]}]}"#
        #expect(reason(missingType)?.contains("$.kinds[0].fields[0].type") == true)
        let noDescription = #"{"kinds": [{"id": "a", "label": {"fr": "A", "en": "A"}, "summary": {"fr": "x", "en": "x"}, "fields": []}]}"#
        #expect(reason(noDescription)?.contains("description") == true)
    }
}

@Suite struct SignalementReferenceTests {
    @Test func roundTripsAndIgnoresCaseAndSeparators() throws {
        let reference = SignalementReference.random()
        #expect(reference.formatted.hasPrefix("S-") && reference.formatted.count == 26)
        #expect(try SignalementReference(reference.formatted.lowercased()) == reference)
        #expect(try SignalementReference(reference.rawValue) == reference)
        #expect(SignalementReference.random() != reference)
        #expect(throws: SignalementStoreError.self) { try SignalementReference("S-ABCD") }
        #expect(throws: SignalementStoreError.self) { try SignalementReference("S-K7QM-4XTR-9BWE-2HPA-ZC3O") }
    }
}
