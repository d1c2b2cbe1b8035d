import Foundation
import Testing
@testable import OrienteurKit

@Suite struct OrientationSessionTests {
    @Test func walksChoosesGoesBackAndRestarts() throws {
        let orienteur = Orienteur(content: try ContentTests.small())
        var session = orienteur.session()
        #expect(session.position == .choosingJourney)
        try session.choose(0)
        guard case .question(let root) = session.position else { Issue.record("expected a question"); return }
        #expect(root.id == "a-root")
        try session.choose(0)
        try session.choose(1)
        guard case .leaf(let leaf) = session.position else { Issue.record("expected a leaf"); return }
        #expect(leaf.id == "a-vol-telephone")
        #expect(session.breadcrumb.map(\.id) == ["victime", "a-root", "a-vol", "a-vol-telephone"])
        #expect(session.breadcrumb[1].choice?.french == "Un vol")
        let atLeaf = session
        #expect(throws: NavigationError.nothingToChooseAtLeaf("a-vol-telephone")) { var copy = atLeaf; try copy.choose(0) }
        let wentBack = session.back()
        #expect(wentBack)
        #expect(session.path == ["a-root", "a-vol"])
        let atQuestion = session
        #expect(throws: NavigationError.choiceOutOfRange(index: 5, available: 2)) { var copy = atQuestion; try copy.choose(5) }
        session.restart()
        #expect(session.position == .choosingJourney)
        let wentBackAgain = session.back()
        #expect(!wentBackAgain)
        let fresh = session
        #expect(throws: NavigationError.unknownJourney("nope")) { var copy = fresh; try copy.start(journey: "nope") }
    }

    @Test func tokenRoundTripsAndIsCompact() throws {
        let orienteur = Orienteur(content: try ContentTests.small())
        var session = orienteur.session()
        try session.start(journey: "victime")
        try session.choose(0)
        let token = session.token
        #expect(token.count < 40)
        #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        let restored = try orienteur.session(token: token)
        #expect(restored == session)
        #expect(restored.path == ["a-root", "a-vol"])
        #expect(try orienteur.session(token: orienteur.session().token).position == .choosingJourney)
    }

    @Test func tamperedTokensAreRejected() throws {
        let orienteur = Orienteur(content: try ContentTests.small())
        var session = orienteur.session()
        try session.start(journey: "victime")
        try session.choose(0)
        let token = session.token
        var characters = Array(token)
        for position in characters.indices {
            let original = characters[position]
            characters[position] = original == "A" ? "B" : "A"
            #expect(throws: (any Error).self) { try orienteur.session(token: String(characters)) }
            characters[position] = original
        }
        #expect(throws: SessionTokenError.tampered) { try orienteur.session(token: "") }
        #expect(throws: SessionTokenError.tampered) { try orienteur.session(token: "not a token!") }
        #expect(throws: SessionTokenError.tampered) { try orienteur.session(token: String(token.dropLast(3))) }
    }

    @Test func staleTokenFromOtherContentVersionIsAClearError() throws {
        let content = try ContentTests.small()
        var session = OrientationSession(content: content)
        try session.choose(1)
        let token = session.token
        var newer = content
        newer.contentVersion = "test.2"
        #expect(throws: SessionTokenError.staleContent(tokenVersion: "test.1", currentVersion: "test.2")) {
            try OrientationSession(token: token, content: newer)
        }
    }

    @Test func tokenWithChoicesThatNoLongerExistIsInvalidPath() throws {
        let content = try ContentTests.small()
        let token = SessionToken.encode(contentVersion: content.contentVersion, journeyID: "victime", choices: [0, 7])
        #expect {
            try OrientationSession(token: token, content: content)
        } throws: { error in
            if case .invalidPath = error as? SessionTokenError { return true }
            return false
        }
    }

    @Test func bundledContentEveryLeafIsReachableByNavigation() throws {
        let content = try BundledContentProvider().loadContent()
        var reached: Set<String> = []
        func explore(_ session: OrientationSession) throws {
            switch session.position {
            case .leaf(let leaf):
                reached.insert(leaf.id)
                #expect(session.breadcrumb.count <= 7)
            case .question(let node):
                for index in node.choices.indices {
                    var next = session
                    try next.choose(index)
                    try explore(next)
                }
            case .choosingJourney:
                for index in content.journeys.indices {
                    var next = session
                    try next.choose(index)
                    try explore(next)
                }
            }
        }
        try explore(OrientationSession(content: content))
        #expect(reached == Set(content.leaves.map(\.id)))
    }
}
