import Foundation

/// One online service (« téléservice ») of the police, the gendarmerie or a
/// partner: what it is for, where and when it is offered, and the rules that
/// say who may use it.
public struct Teleservice: Hashable, Sendable, Identifiable {
    /// The stable public id, e.g. `plainte-en-ligne` (a contract: other modules and partners use it).
    public let id: String
    /// The service's name, e.g. « Plainte en ligne ».
    public let name: LocalizedText
    /// One line saying what the service is for.
    public let purpose: LocalizedText
    /// Where to go (always `https`).
    public let url: URL
    /// How the citizen talks to the service (web form, chat, phone, video).
    public let channels: [Channel]
    /// How the citizen proves who they are; `[.none]` when no identification is asked.
    public let authentication: [Authentication]
    /// Whether the citizen may stay anonymous.
    public let anonymityPossible: Bool
    /// Where and when the service is offered (national, or some départements), each with from/until dates.
    public let availability: [AvailabilityWindow]
    /// The minimum age of the person using the service, if any.
    public let minimumAge: Int?
    /// The id of the service that replaces this one, for retired services.
    public let replacedBy: String?
    /// The eligibility rules: every rule must hold for the service to fit.
    public let rules: [EligibilityRule]
    /// Worked examples (situation → expected verdict), checked by the test suite.
    public let examples: [RuleExample]

    /// Whether the service has been retired and replaced by another.
    public var isRetired: Bool { replacedBy != nil }

    /// Whether the service is offered in `departement` on `date`.
    public func isAvailable(in departement: DepartementCode, on date: LocalDate) -> Bool {
        availability.contains { $0.covers(date) && $0.covers(departement) }
    }

    /// Whether the service is offered somewhere (nationally or in at least one département) on `date`.
    public func isAvailableSomewhere(on date: LocalDate) -> Bool {
        availability.contains { $0.covers(date) }
    }

    /// Whether the service is offered everywhere in France on `date`.
    public func isAvailableNationally(on date: LocalDate) -> Bool {
        availability.contains { $0.covers(date) && $0.scope == .national }
    }

    /// The names of every fact the service's rules read, in no particular order.
    var ruleFacts: Set<String> {
        rules.reduce(into: Set<String>()) { $0.formUnion($1.expression.facts) }
    }
}

/// How a citizen reaches a service.
public enum Channel: String, Hashable, Sendable, Codable, CaseIterable {
    /// An online form.
    case webForm = "web-form"
    /// A written chat with officers.
    case chat
    /// A telephone line.
    case phone
    /// A video call.
    case video
}

/// How a citizen proves who they are to a service.
public enum Authentication: String, Hashable, Sendable, Codable, CaseIterable {
    /// No identification.
    case none
    /// FranceConnect, the State's identity federation.
    case franceConnect = "franceconnect"
    /// France Identité, the certified digital identity of the electronic ID card.
    case franceIdentite = "france-identite"
    /// An account created on the service itself.
    case account

    /// A label for people.
    var label: LocalizedText {
        switch self {
        case .none: return LocalizedText("sans identification", en: "no identification")
        case .franceConnect: return LocalizedText("FranceConnect", en: "FranceConnect")
        case .franceIdentite: return LocalizedText("France Identité", en: "France Identité")
        case .account: return LocalizedText("un compte sur le site", en: "an account on the site")
        }
    }
}
