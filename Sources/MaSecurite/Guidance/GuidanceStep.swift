import Foundation

/// One action of the orientation, resolved: a number to call, an online
/// service with its verdict, the nearest stations with free slots, a fiche, a partner or a link.
///
/// Exactly one of the detail fields is set, matching ``kind``.
public struct GuidanceStep: Hashable, Sendable, Codable {
    /// The action in canonical form, e.g. `teleservice:plainte-en-ligne`, `visit:plainte`.
    public var action: String
    /// The action kind: `call`, `sms`, `teleservice`, `visit`, `appointment`, `fiche`, `partner`, `link`.
    public var kind: String
    /// One line for people, e.g. « Appeler le 17 (Police secours) ».
    public var title: String
    /// For `call:` and `sms:`.
    public var number: NumberInfo?
    /// For `teleservice:`.
    public var teleservice: TeleserviceAdvice?
    /// For `visit:` and `appointment:`.
    public var stations: StationsAdvice?
    /// For `fiche:`.
    public var fiche: FicheInfo?
    /// For `partner:`.
    public var partner: PartnerInfo?
    /// For `link:`, and the address of a service or partner.
    public var url: String?
    /// For an online service that the SDK can also file as a structured
    /// signalement (`signalement-stupefiants`, `signalement-rodeo`): the kind's
    /// id in `SignalementCatalog`, e.g. `point-de-deal`, to offer the form
    /// (`SignalementDesk.file(kind:commune:fields:)`) next to the link.
    public var signalementKind: String?

    /// Creates a step.
    public init(action: String, kind: String, title: String, number: NumberInfo? = nil, teleservice: TeleserviceAdvice? = nil,
                stations: StationsAdvice? = nil, fiche: FicheInfo? = nil, partner: PartnerInfo? = nil, url: String? = nil,
                signalementKind: String? = nil) {
        self.action = action
        self.kind = kind
        self.title = title
        self.number = number
        self.teleservice = teleservice
        self.stations = stations
        self.fiche = fiche
        self.partner = partner
        self.url = url
        self.signalementKind = signalementKind
    }

    private enum CodingKeys: String, CodingKey {
        case action, kind, title, number, teleservice, stations, fiche, partner, url
        case signalementKind = "signalement_kind"
    }
}
