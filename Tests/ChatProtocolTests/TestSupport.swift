import ChatProtocol
import Foundation
import Synchronization

/// Collects the frames of a connection in the background, for assertions.
final class Inbox: Sendable {
    private final class Box: Sendable {
        let frames = Mutex<[ChatEnvelope]>([])
    }

    private let box = Box()
    private let task: Task<Void, Never>

    init(_ connection: ChatConnection) {
        let box = self.box
        task = Task {
            for await frame in connection.events { box.frames.withLock { $0.append(frame) } }
        }
    }

    deinit { task.cancel() }

    var all: [ChatEnvelope] { box.frames.withLock { $0 } }

    /// Stored events received so far.
    var events: [SequencedEvent] {
        all.compactMap { if case .event(let event) = $0 { event } else { nil } }
    }

    var errors: [ChatErrorFrame] {
        all.compactMap { if case .error(let error) = $0 { error } else { nil } }
    }

    var acks: [Ack] {
        all.compactMap { if case .ack(let ack) = $0 { ack } else { nil } }
    }

    var welcome: Welcome? {
        all.lazy.compactMap { if case .welcome(let welcome) = $0 { welcome } else { nil } }.first
    }

    /// Waits until `condition` holds on the frames received, for up to thirty seconds of wall-clock
    /// time (a loaded CI machine may take far longer than usual; a passing test returns at once).
    @discardableResult
    func wait(_ condition: @Sendable ([ChatEnvelope]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while ContinuousClock.now < deadline {
            if condition(all) { return true }
            try? await Task.sleep(for: .milliseconds(1))
        }
        return condition(all)
    }

    func waitForEvents(_ count: Int) async -> Bool {
        await wait { frames in frames.filter { if case .event = $0 { true } else { false } }.count >= count }
    }
}

extension ChatEnvelope {
    var isEvent: Bool { if case .event = self { true } else { false } }
}

struct FixedClassifier: EmergencyClassifier {
    func isEmergency(_ text: String) async -> Bool { text.lowercased().contains("danger") }
}

actor RecordingSupervisor: SupervisorHook {
    private(set) var notices: [EmergencyNotice] = []
    func emergencyRaised(_ notice: EmergencyNotice) async { notices.append(notice) }
}

struct UppercaseTranslator: Translator {
    func translate(_ text: String, from source: String?, to target: String) async -> String? { "[\(target)] " + text.uppercased() }
}

let testStart = Date(timeIntervalSince1970: 1_780_000_000)

func officer(_ number: Int, platforms: Set<Platform> = [.tchat], capacity: Int = 8, vss: Bool = false, minors: Bool = false,
             languages: Set<String> = ["fr"], shifts: [ShiftWindow] = [], role: OperatorRole = .officer) -> OperatorProfile {
    OperatorProfile(id: OperatorID("op\(number)"), pseudonym: "Agent \(number)", role: role, platforms: platforms, languages: languages,
                    minors: minors, vssTrained: vss, capacity: capacity, shifts: shifts)
}
