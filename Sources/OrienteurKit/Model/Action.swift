/// One thing a citizen can do, in the canonical string form used everywhere in
/// JSON and on the command line: `call:17`, `sms:114`, `teleservice:plainte-en-ligne`,
/// `visit:plainte`, `appointment:procuration`, `fiche:cambriolage-reflexes`,
/// `partner:mairie`, `link:https://…`.
///
/// ```swift
/// let action = try Action(parsing: "call:3919")
/// action.description // "call:3919"
/// ```
public enum Action: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Call a phone number (digits only), e.g. 17, 112, 3919.
    case call(String)
    /// Send a text message to a number, e.g. 114.
    case sms(String)
    /// Open an online service of the Teleservices catalog, by id.
    case teleservice(String)
    /// Go to a police station or gendarmerie brigade for a motif (`plainte`, `main-courante`, `procuration`…).
    case visit(String)
    /// Book an appointment for a motif.
    case appointment(String)
    /// Read a fiche pratique (practical guide), by id.
    case fiche(String)
    /// Contact a partner outside the police (mairie — town hall, bank, operator…), by id.
    case partner(String)
    /// Open a web page (https only).
    case link(String)

    /// The kind prefix of the canonical form (`call`, `sms`, …).
    public var kind: String {
        switch self {
        case .call: "call"
        case .sms: "sms"
        case .teleservice: "teleservice"
        case .visit: "visit"
        case .appointment: "appointment"
        case .fiche: "fiche"
        case .partner: "partner"
        case .link: "link"
        }
    }

    /// The part after the colon: a number, an id, a motif or a URL.
    public var value: String {
        switch self {
        case .call(let v), .sms(let v), .teleservice(let v), .visit(let v), .appointment(let v),
             .fiche(let v), .partner(let v), .link(let v):
            v
        }
    }

    /// The canonical string form, e.g. `call:17`.
    public var description: String { "\(kind):\(value)" }

    /// Whether this action is a call or text to a number that `content`'s `numbers.json` marks as an emergency.
    public func isEmergencyNumber(in content: OrienteurContent) -> Bool {
        switch self {
        case .call(let number), .sms(let number): content.number(number)?.emergency == true
        default: false
        }
    }

    /// Parses the canonical form; throws ``ActionParseError`` naming what is wrong.
    public init(parsing text: String) throws(ActionParseError) {
        guard let colon = text.firstIndex(of: ":") else { throw .missingKind(text) }
        let kind = String(text[..<colon])
        let value = String(text[text.index(after: colon)...])
        guard !value.isEmpty else { throw .emptyValue(text) }
        func checkID(_ value: String) throws(ActionParseError) {
            guard value.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
                throw .invalidIdentifier(text)
            }
        }
        switch kind {
        case "call", "sms":
            guard value.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { throw .invalidNumber(text) }
            self = kind == "call" ? .call(value) : .sms(value)
        case "teleservice": try checkID(value); self = .teleservice(value)
        case "visit": try checkID(value); self = .visit(value)
        case "appointment": try checkID(value); self = .appointment(value)
        case "fiche": try checkID(value); self = .fiche(value)
        case "partner": try checkID(value); self = .partner(value)
        case "link":
            guard value.hasPrefix("https://"), value.count > "https://".count, !value.contains(" ") else { throw .insecureLink(text) }
            self = .link(value)
        default:
            throw .unknownKind(text)
        }
    }

    /// Parses every string; the ones that fail come back as `"text: reason"` so
    /// validation can report them all instead of stopping at the first.
    static func parseLeniently(_ texts: [String]) -> ([Action], [String]) {
        var actions: [Action] = []
        var failures: [String] = []
        for text in texts {
            do { actions.append(try Action(parsing: text)) } catch { failures.append(error.description) }
        }
        return (actions, failures)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Action(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Why a string is not a valid ``Action``.
public enum ActionParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No `kind:` prefix.
    case missingKind(String)
    /// The prefix is not one of call, sms, teleservice, visit, appointment, fiche, partner, link.
    case unknownKind(String)
    /// Nothing after the colon.
    case emptyValue(String)
    /// A `call:`/`sms:` value that is not digits only.
    case invalidNumber(String)
    /// An id with characters other than lowercase ASCII letters, digits and `-`.
    case invalidIdentifier(String)
    /// A `link:` that is not an https URL.
    case insecureLink(String)

    public var description: String {
        switch self {
        case .missingKind(let t): "action '\(t)' has no kind: write kind:value, e.g. call:17"
        case .unknownKind(let t): "action '\(t)' has an unknown kind (expected call, sms, teleservice, visit, appointment, fiche, partner or link)"
        case .emptyValue(let t): "action '\(t)' has nothing after the colon"
        case .invalidNumber(let t): "action '\(t)': a phone number is digits only, e.g. call:3919"
        case .invalidIdentifier(let t): "action '\(t)': ids use lowercase letters, digits and '-' only"
        case .insecureLink(let t): "action '\(t)': links must start with https://"
        }
    }
}
