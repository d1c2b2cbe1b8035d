import Foundation

/// Danger happening now: call, do not fill a form.
public struct EmergencyBlock: Hashable, Sendable, Codable {
    /// Why this is treated as an emergency, in plain words.
    public var reason: String
    /// The emergency actions in priority order, canonical form (`call:17`, `call:112`, `sms:114`…).
    public var actions: [String]
    /// The numbers of ``actions``, with purpose and hours.
    public var numbers: [NumberInfo]
    /// The kinds of danger found, main one first (``EmergencyReason`` raw values: `violence-now`, `missing-child`…).
    public var reasons: [String]
    /// The words of the sentence that raised the alert (empty when a leaf reached by choices did).
    public var cues: [String]
    /// The leaf whose situation raised the alert, when one did.
    public var leafID: String?
    /// Whether the danger is only likely (the words do not state it): the ordinary answer follows the numbers.
    public var possible: Bool

    /// Creates a block.
    public init(reason: String, actions: [String], numbers: [NumberInfo], reasons: [String] = [], cues: [String] = [],
                leafID: String? = nil, possible: Bool = false) {
        self.reason = reason
        self.actions = actions
        self.numbers = numbers
        self.reasons = reasons
        self.cues = cues
        self.leafID = leafID
        self.possible = possible
    }

    private enum CodingKeys: String, CodingKey { case reason, actions, numbers, reasons, cues, leafID = "leaf_id", possible }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reason = try c.decode(String.self, forKey: .reason)
        actions = try c.decode([String].self, forKey: .actions)
        numbers = try c.decode([NumberInfo].self, forKey: .numbers)
        reasons = try c.decodeIfPresent([String].self, forKey: .reasons) ?? []
        cues = try c.decodeIfPresent([String].self, forKey: .cues) ?? []
        leafID = try c.decodeIfPresent(String.self, forKey: .leafID)
        possible = try c.decodeIfPresent(Bool.self, forKey: .possible) ?? false
    }
}
