import OrienteurKit
import Testing

/// The README's "OrienteurKit" example, verbatim between the markers (checked by
/// ``ReadmeSyncTests``), with only the README block's own imports: a missing
/// import in README.md fails to compile here.
@Suite("README example: OrienteurKit")
struct ReadmeOrienteurKitExampleTests {
    @Test("OrienteurKit: from a citizen's words or choices to the right answer", .timeLimit(.minutes(2)))
    func orienteurExample() throws {
        // README:begin
        let orienteur = try Orienteur.bundled()
        let answer = orienteur.ask("on m'a volé mon vélo devant la gare")
        if let alert = answer.emergency { print(alert.actions) }   // call:17, call:112, sms:114 first
        for result in answer.results { print(result.kind, result.id, result.actions) }

        var session = orienteur.session()
        try session.start(journey: "victime")
        try session.choose(0)
        let token = session.token                          // carry it between chat messages
        let resumed = try orienteur.session(token: token)  // typed error if tampered or stale
        // README:end
        #expect(answer.emergency == nil)
        #expect(answer.results.contains { $0.id == "a-vol-velo" || $0.actions.contains("teleservice:plainte-en-ligne") })
        #expect(resumed.token == token)
    }
}
