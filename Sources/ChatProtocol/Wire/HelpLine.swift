/// A number to call or text instead of the chat: told to a visitor when nobody present serves
/// their platform (the `unstaffed` event), so that the visitor is never left in silence.
public struct HelpLine: Sendable, Hashable, Codable {
    /// How to reach the number.
    public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
        /// A voice call.
        case call
        /// A text message (SMS).
        case sms
    }

    /// The number, as dialled (`17`, `112`, `114`…).
    public var number: String
    /// Call or text.
    public var channel: Channel
    /// What it is for, in French, for the visitor (e.g. « Police secours »).
    public var label: String

    /// Creates a help line.
    public init(number: String, channel: Channel, label: String) {
        self.number = number
        self.channel = channel
        self.label = label
    }
}

extension HelpLine {
    /// The French numbers the chat points to when nobody can answer, by platform.
    ///
    /// Every platform gets the emergency numbers (17, 112, and 114 by text message for who cannot
    /// speak or hear); the victims' platform adds 3919 (Violences Femmes Info) and the minors' space
    /// 119 (Allô Enfance en danger). This table is the one place these numbers are written for the chat;
    /// a deployment may give its own (``ChatService/Configuration/helpLines``).
    public static let france: [Platform: [HelpLine]] = {
        let police = HelpLine(number: "17", channel: .call, label: "Police secours, en cas de danger immédiat")
        let europe = HelpLine(number: "112", channel: .call, label: "Numéro d'urgence européen")
        let text = HelpLine(number: "114", channel: .sms, label: "Urgence par SMS, si vous ne pouvez pas parler ou entendre")
        let women = HelpLine(number: "3919", channel: .call, label: "Violences Femmes Info, gratuit et anonyme, 24 h/24")
        let children = HelpLine(number: "119", channel: .call, label: "Allô Enfance en danger, gratuit, 24 h/24")
        return [
            .tchat: [police, europe, text],
            .pnav: [police, europe, text, women],
            .espaceMineurs: [police, europe, text, children],
        ]
    }()
}
