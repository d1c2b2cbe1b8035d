import MaSecurite
import Testing

/// The README's "LocalInformation" example, verbatim between the markers (checked by
/// ``ReadmeSyncTests``), with only the README block's own imports.
@Suite("README example: LocalInformation")
struct ReadmeLocalInformationExampleTests {
    @Test("LocalInformation: local news, a feed that caches, an avis")
    func localInformationExample() async throws {
        // README:begin
        let information = try LocalInformationCatalog.bundledExamples()   // examples only: ship your own file
        let now = try RFC3339.validate("2026-12-20T10:00:00+01:00")
        let gironde = LocalTerritory.departement(try DepartementCode("33"))
        for item in information.items(for: gironde, at: now) {
            print(item.title.text(in: .french))                     // [Exemple] Partir pour les fêtes : …
        }
        let feed = LocalFeed(catalog: information, territory: gironde, themes: ["velo"], now: now)
        let first = feed.response(.atom)                            // Atom 1.0 with a strong ETag and Last-Modified
        let again = feed.response(.atom, request: ConditionalRequest(ifNoneMatch: first.headers["ETag"]))
        print(first.status, again.status)                           // 200 304
        // « Je donne mon avis »: the vote is counted, the comment masked and answered within four days.
        let desk = FeedbackDesk(cases: InMemoryFeedbackStore(), usage: InMemoryUsageEventStore())   // or SQLiteLocalInformationStore
        let receipt = try await desk.give(about: try ContentReference("fiche:otv"), useful: false,
                                          comment: "Je m'appelle Léa Martin, le lien ne marche pas. 06 12 34 56 78")
        print(receipt.reference?.formatted ?? "", receipt.masked)   // A-…, true: the name and number never reach the store
        // README:end
        #expect(first.status == 200 && again.status == 304)
        #expect(receipt.masked && receipt.reference != nil)
    }
}
