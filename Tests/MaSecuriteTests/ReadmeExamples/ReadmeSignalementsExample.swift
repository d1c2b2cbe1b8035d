import Foundation
import MaSecurite
import Testing

/// The README's "Signalements" example, verbatim between the markers (checked by
/// ``ReadmeSyncTests``), with only the README block's own imports: a missing
/// import in README.md fails to compile here.
@Suite("README example: Signalements")
struct ReadmeSignalementsExampleTests {
    @Test("Signalements: a report to the competent unit", .timeLimit(.minutes(2)))
    func signalementsExample() async throws {
        // README:begin
        let folder = FileManager.default.temporaryDirectory    // your app's data folder in real use
        let store = try SQLiteSignalementStore(path: folder.appendingPathComponent("signalements.sqlite").path)
        let desk = SignalementDesk(catalog: try .bundled(),
                                   competence: StationDirectoryCompetence(finder: try .bundled()),   // approximate
                                   store: store)
        let filed = try await desk.file(kind: "rodeo-urbain", commune: try INSEECode("33063"), fields: [
            "place": "parking du centre commercial",
            "when": "2026-06-12T21:30:00+02:00/2026-06-12T23:00:00+02:00",
            "description": "quatre motos sans plaque font des roues arrière",
        ])
        print(filed.reference.formatted)                     // e.g. S-K7QM-4XTR-9BWE-2HPA-ZC3N: the citizen keeps it
        print(filed.competence.unit.name, filed.competence.approximate)   // plug CompetenceFile for exact answers
        print(try await desk.receipt(filed.reference)?.status.rawValue ?? "")   // pending: in the outbox
        // What a unit's endpoint checks (Standard Webhooks; the specification's test vector):
        let secret = try WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        let body = Data(#"{"test": 2432232314}"#.utf8)
        print(StandardWebhook.signature(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330,
                                        body: body, secret: secret))   // v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=
        // README:end
    }
}
