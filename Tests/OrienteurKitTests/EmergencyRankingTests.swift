import Testing
@testable import OrienteurKit

/// In danger, `ask` puts the leaves that give the numbers first, but not so many that the leaf
/// for the situation itself (a false tradesman, a small child alone) falls out of the first three.
@Suite struct EmergencyRankingTests {
    static let orienteur: Result<Orienteur, ContentLoadError> = Result { () throws(ContentLoadError) -> Orienteur in try Orienteur.bundled() }

    @Test(arguments: [
        ("un homme qui se dit agent des eaux est chez ma grand-mère en ce moment et refuse de partir", "a-esc-fausse-qualite"),
        ("une petite fille de 4 ans marche seule au bord de la nationale, aucun adulte autour", "b-enfant"),
    ])
    func theSituationsOwnLeafStaysInTheFirstThree(sentence: String, leaf: String) throws {
        let answer = try Self.orienteur.get().ask(sentence)
        #expect(answer.emergency != nil, "\(sentence)")
        #expect(answer.results.prefix(3).contains { $0.id == leaf }, "\(answer.results.map(\.id))")
    }

    @Test func atMostTwoLeavesGoAheadOfTheSearchsOwnOrder() throws {
        let orienteur = try Self.orienteur.get()
        let sentence = "quelqu'un force la porte de chez moi en ce moment, je suis dans la chambre"
        let answer = orienteur.ask(sentence, limit: 6)
        let alert = try #require(answer.emergency)
        let searched = orienteur.index(for: answer.language).search(sentence, limit: 9).map(\.id)
        // The situation's leaf, then the content's leaves for the reason, two at most (a second default when the
        // situation's leaf is itself the first).
        var defaults = orienteur.emergencyDetector.defaultLeaves(for: alert.reason)
        if alert.fromWitness { defaults.reverse() }
        var ordered: [String] = []
        for id in [alert.leafID].compactMap({ $0 }) + defaults where !ordered.contains(id) && ordered.count < 2 { ordered.append(id) }
        let promoted = Set(ordered)
        #expect(promoted.count <= 2)
        // After the promoted leaves, the search's order is kept.
        let rest = answer.results.map(\.id).filter { !promoted.contains($0) }
        let expected = searched.filter { !promoted.contains($0) }
        #expect(Array(rest.prefix(3)) == Array(expected.prefix(3)), "\(rest) vs \(expected)")
        #expect(answer.results.prefix(promoted.count).allSatisfy { promoted.contains($0.id) })
    }
}
