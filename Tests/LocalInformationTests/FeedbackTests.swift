import Foundation
import LocalInformation
import MaSecuriteCore
import Testing

@Suite struct MaskingTests {
    func masked(_ text: String) -> String { PersonalDataMasker.mask(text).text }

    @Test(arguments: [
        ("Appelez-moi au 06 12 34 56 78 svp", "Appelez-moi au [téléphone] svp"),
        ("mon numéro : 06.12.34.56.78.", "mon numéro : [téléphone]."),
        ("tel 0612345678", "tel [téléphone]"),
        ("+33 6 12 34 56 78 ou 0033 612345678", "[téléphone] ou [téléphone]"),
        ("+33 (0)6 12 34 56 78", "[téléphone]"),
        ("call +44 20 7946 0958", "call [téléphone]"),
    ])
    func phoneNumbers(input: String, expected: String) {
        #expect(masked(input) == expected)
    }

    @Test func emailAddresses() {
        #expect(masked("écrivez à jean.dupont+test@exemple.fr merci") == "écrivez à [e-mail] merci")
        #expect(masked("a@b.co") == "[e-mail]")
    }

    @Test(arguments: [
        ("Bonjour, je m'appelle Marie Dupont et j'habite à Lyon", "Bonjour, je m'appelle [nom] et j'habite à Lyon"),
        ("Je m’appelle jean, merci", "Je m’appelle [nom], merci"),
        ("Hello, my name is John Smith. Thanks", "Hello, my name is [nom]. Thanks"),
        ("mon nom est Jean-Pierre de La Fontaine !", "mon nom est [nom] !"),
        ("I'm called Anna and it did not help", "I'm called [nom] and it did not help"),
        ("Signé : Madame Durand", "Signé : Madame [nom]"),
        ("M. Martin m'a aidé", "M. [nom] m'a aidé"),
    ])
    func namesAfterPhrases(input: String, expected: String) {
        #expect(masked(input) == expected)
    }

    @Test func ordinaryTextIsLeftAlone() {
        let text = "La fiche sur le vélo volé du 2026-03-01 à 10h est claire, merci ! Madame la maire l'a partagée. 17 ou 112."
        #expect(PersonalDataMasker.mask(text) == (text, false))
        #expect(PersonalDataMasker.mask("je m'appelle Zoé").masked)
    }
}

@Suite struct FeedbackDeskTests {
    func desk(clock: ManualWallClock, usage: InMemoryUsageEventStore = InMemoryUsageEventStore(),
              cases: any FeedbackStore = InMemoryFeedbackStore()) -> FeedbackDesk {
        FeedbackDesk(cases: cases, usage: usage, known: KnownContent(ficheIDs: ["otv"], leafIDs: ["a-veh-velo"]), clock: clock, channel: .cli)
    }

    @Test func aVoteWithoutCommentIsCountedAndOpensNoCase() async throws {
        let usage = InMemoryUsageEventStore()
        let cases: any FeedbackStore = InMemoryFeedbackStore()
        let desk = desk(clock: ManualWallClock(Fixture.now), usage: usage, cases: cases)
        let receipt = try await desk.give(about: try ContentReference("leaf:a-veh-velo"), useful: true, comment: "   ")
        #expect(receipt.reference == nil && receipt.due == nil)
        #expect(try await cases.cases(status: nil).isEmpty)
        #expect(await usage.counts(from: nil, until: nil) == [UsageCount(about: try ContentReference("leaf:a-veh-velo"), outcome: .useful, count: 1)])
    }

    @Test func aCommentBecomesAMaskedCaseDueInFourDaysAnsweredAndReadByItsReference() async throws {
        let clock = ManualWallClock(Fixture.now)
        let cases: any FeedbackStore = InMemoryFeedbackStore()
        let desk = desk(clock: clock, cases: cases)
        let receipt = try await desk.give(about: try ContentReference("fiche:otv"), useful: false,
                                          comment: "Je m'appelle Paul Martin, rappelez-moi au 06 12 34 56 78 ou paul@exemple.fr")
        let reference = try #require(receipt.reference)
        #expect(receipt.masked)
        #expect(receipt.due == Fixture.now + 4 * 86_400)
        let stored = try #require(try await cases.feedbackCase(reference))
        #expect(stored.comment == "Je m'appelle [nom], rappelez-moi au [téléphone] ou [e-mail]")
        #expect(!stored.comment.contains("Paul") && !stored.comment.contains("06 12") && !stored.comment.contains("@"))
        #expect(try await desk.read(reference)?.status == .received)

        clock.set(receipt.due ?? Fixture.now)
        #expect(try await desk.overdue().isEmpty, "not overdue at the due instant")
        clock.advance(by: 1)
        #expect(try await desk.overdue().map(\.reference) == [reference])

        let answered = try await desk.answer(reference, text: "Merci, le lien est corrigé. Appelez le 06 00 00 00 01 si besoin.")
        #expect(answered.status == .answered)
        let view = try #require(try await desk.read(try FeedbackReference(reference.formatted.lowercased())))
        #expect(view.answer == "Merci, le lien est corrigé. Appelez le [téléphone] si besoin.")
        #expect(view.status == .answered && view.due == receipt.due)
        #expect(try await desk.overdue().isEmpty)
        #expect(try await desk.read(.random()) == nil)
    }

    @Test func limitsAndUnknownContentAreRefusedBeforeStorage() async throws {
        let usage = InMemoryUsageEventStore()
        let cases: any FeedbackStore = InMemoryFeedbackStore()
        let desk = desk(clock: ManualWallClock(Fixture.now), usage: usage, cases: cases)
        await #expect(throws: LocalInformationError.tooLong(path: "comment", length: 2_001, limit: 2_000)) {
            _ = try await desk.give(about: try ContentReference("fiche:otv"), useful: true, comment: String(repeating: "a", count: 2_001))
        }
        _ = try await desk.give(about: try ContentReference("fiche:otv"), useful: true, comment: String(repeating: "a", count: 2_000))
        await #expect(throws: LocalInformationError.unknownReference(path: "about", kind: "fiche", id: "nope")) {
            _ = try await desk.give(about: try ContentReference("fiche:nope"), useful: true)
        }
        #expect(throws: LocalInformationError.self) { try ContentReference("page:otv") }
        #expect(throws: LocalInformationError.self) { try ContentReference("fiche:OTV") }
        #expect(throws: LocalInformationError.self) { try FeedbackReference("A-1234") }
        let references = try await cases.cases(status: nil).map(\.reference)
        await #expect(throws: LocalInformationError.missing(path: "answer")) {
            _ = try await desk.answer(try #require(references.first), text: " ")
        }
        #expect(await usage.counts(from: nil, until: nil).map(\.count) == [1], "refused avis are not counted")
    }

    @Test func referencesAreUnguessableAndReadable() throws {
        let references = Set((0..<200).map { _ in FeedbackReference.random() })
        #expect(references.count == 200)
        let one = try #require(references.first)
        #expect(one.formatted.hasPrefix("A-") && one.formatted.count == 26)
        #expect(try FeedbackReference(one.formatted.replacingOccurrences(of: "-", with: " ")) == one)
    }
}
