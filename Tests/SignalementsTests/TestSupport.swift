import Foundation
import Signalements
import Synchronization

enum Fixture {
    static let now = Date(timeIntervalSince1970: 1_772_438_400)   // 2026-03-02T08:00:00Z

    static func url(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw FixtureMissing(name: name)
        }
        return url
    }

    struct FixtureMissing: Error { let name: String }

    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("signalements-\(UUID().uuidString).sqlite").path
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A competence source answering one unit per département, exact.
    struct FixedCompetence: CompetenceSource {
        func competence(for insee: INSEECode) throws(CompetenceError) -> Competence {
            guard insee.rawValue != "95999" else { throw .unknownCommune(insee.rawValue) }
            return Competence(insee: insee.rawValue, commune: nil,
                              unit: CompetentUnit(id: "unit-\(insee.departement.rawValue)", name: "Unité \(insee.departement.rawValue)",
                                                  institution: Institution.policeNationale.adjusted(for: insee.departement)),
                              approximate: false, source: "test")
        }
    }

    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
}

/// A random source returning a fixed sequence, cycling.
final class SequenceRandom: RandomSource {
    private let values: [Double]
    private let index = Mutex(0)
    init(_ values: [Double]) { self.values = values }
    func nextUnit() -> Double {
        index.withLock { i in
            defer { i += 1 }
            return values[i % values.count]
        }
    }
}

/// A transport that records requests and answers from a script (status codes,
/// `nil` for "no answer"), then 200.
final class FakeTransport: WebhookTransport {
    struct Sent: Sendable {
        let request: WebhookRequest
    }
    private let state: Mutex<(script: [Int?], sent: [WebhookRequest])>
    init(script: [Int?] = []) { state = Mutex((script, [])) }
    struct NoAnswer: Error {}
    func send(_ request: WebhookRequest) async throws -> Int {
        let answer: Int? = state.withLock { state in
            state.sent.append(request)
            return state.script.isEmpty ? 200 : state.script.removeFirst()
        }
        guard let answer else { throw NoAnswer() }
        return answer
    }
    var sent: [WebhookRequest] { state.withLock { $0.sent } }
}
