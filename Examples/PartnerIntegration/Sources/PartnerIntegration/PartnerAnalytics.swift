import OrienteurKit

/// The partner's own analytics store behind the SDK's `OrientationAnalytics`
/// protocol: counts only (no text, no user id), kept in the partner's process
/// and reported to its product team.
actor PartnerAnalytics: OrientationAnalytics {
    private(set) var searches = 0
    private(set) var emergencies = 0
    private(set) var leaves: [String: Int] = [:]

    func record(_ event: OrientationEvent) {
        switch event {
        case .searchAsked(_, let emergency, _, _, _):
            searches += 1
            if emergency { emergencies += 1 }
        case .leafReached(let leafID):
            leaves[leafID, default: 0] += 1
        default:
            break
        }
    }

    func report() -> String {
        let top = leaves.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.key)×\($0.value)" }.joined(separator: ", ")
        return "analytics: \(searches) searches, \(emergencies) emergencies, orientations reached: \(top.isEmpty ? "none" : top)"
    }
}
