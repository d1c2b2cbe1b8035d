import Foundation
import MaSecuriteCore

/// A theme a citizen can follow, e.g. `velo` or `cambriolage`, with its label.
public struct LocalTheme: Hashable, Sendable, Codable {
    /// The id used in items, subscriptions and the command line.
    public let id: String
    /// The label in French and English.
    public let label: LocalizedText

    /// Creates a theme.
    public init(id: String, label: LocalizedText) {
        self.id = id
        self.label = label
    }
}

/// Where an item applies: whole départements, single communes, or both. A
/// commune-scoped item also shows for its département (the département's
/// page lists what happens in its communes).
public struct LocalScope: Hashable, Sendable {
    /// Départements covered entirely.
    public let departements: [DepartementCode]
    /// Communes covered (INSEE codes).
    public let communes: [INSEECode]

    /// Creates a scope (at least one département or commune; checked by the catalog).
    public init(departements: [DepartementCode] = [], communes: [INSEECode] = []) {
        self.departements = departements
        self.communes = communes
    }

    /// Whether the item shows for `territory`.
    public func covers(_ territory: LocalTerritory) -> Bool {
        switch territory {
        case .departement(let code):
            return departements.contains(code) || communes.contains { $0.departement == code }
        case .commune(let code):
            return departements.contains(code.departement) || communes.contains(code)
        }
    }
}

/// The place a citizen asks about: a département or a commune.
public enum LocalTerritory: Hashable, Sendable, CustomStringConvertible {
    /// A whole département.
    case departement(DepartementCode)
    /// One commune (which also sees its département's items).
    case commune(INSEECode)

    /// `departement:33` or `commune:33063`: stable, used in feed ids.
    public var description: String {
        switch self {
        case .departement(let code): "departement:\(code.rawValue)"
        case .commune(let code): "commune:\(code.rawValue)"
        }
    }

    /// Reads `departement:33`, `commune:33063`, or a bare code (2–3 characters:
    /// a département, 5: a commune).
    public init(_ text: String) throws(LocalInformationError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let (kind, code): (String?, String) = {
            guard let colon = trimmed.firstIndex(of: ":") else { return (nil, trimmed) }
            return (String(trimmed[..<colon]), String(trimmed[trimmed.index(after: colon)...]))
        }()
        do {
            switch kind {
            case "departement"?: self = .departement(try DepartementCode(code))
            case "commune"?: self = .commune(try INSEECode(code))
            case nil: self = code.count == 5 ? .commune(try INSEECode(code)) : .departement(try DepartementCode(code))
            default: throw LocalInformationError.invalidValue(path: "territory", value: text, reason: "expected departement:CODE or commune:INSEE")
            }
        } catch let error as TerritorialCodeError {
            throw .invalidValue(path: "territory", value: text, reason: error.description)
        } catch let error as LocalInformationError {
            throw error
        } catch {
            throw .invalidValue(path: "territory", value: text, reason: "\(error)")
        }
    }

    /// The département of the territory.
    public var departement: DepartementCode {
        switch self {
        case .departement(let code): code
        case .commune(let code): code.departement
        }
    }
}

/// When an item is shown: from `start` (inclusive) to `end` (exclusive).
public struct ValidityWindow: Hashable, Sendable {
    /// First instant the item is shown.
    public let start: Date
    /// First instant the item is no longer shown.
    public let end: Date

    /// Creates a window (`start < end`, checked by the catalog).
    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// Whether `instant` is inside the window.
    public func contains(_ instant: Date) -> Bool { start <= instant && instant < end }
}

/// A place and a time, e.g. a bike-marking session at a brigade.
public struct LocalEvent: Hashable, Sendable {
    /// The place's name, e.g. « Brigade de gendarmerie de Pessac ».
    public let place: LocalizedText
    /// The street address, as written on letters.
    public let address: String
    /// When it starts.
    public let starts: Date
    /// When it ends.
    public let ends: Date

    /// Creates an event.
    public init(place: LocalizedText, address: String, starts: Date, ends: Date) {
        self.place = place
        self.address = address
        self.starts = starts
        self.ends = ends
    }
}

/// What an item leads to.
public enum LocalLink: Hashable, Sendable {
    /// A fiche of the orienteur content, by id (e.g. `otv`).
    case fiche(String)
    /// An online service of the teleservices catalog, by id.
    case teleservice(String)
    /// A place and time.
    case event(LocalEvent)
}

/// One piece of local information: a campaign, a session, a warning, for some
/// départements or communes, during a window, in French and English.
public struct LocalInformationItem: Hashable, Sendable, Identifiable {
    /// A stable id (lowercase letters, digits and dashes): the feed entries' ids derive from it.
    public let id: String
    /// The themes, ids of ``LocalTheme``.
    public let themes: [String]
    /// Where it applies.
    public let scope: LocalScope
    /// When it is shown.
    public let window: ValidityWindow
    /// When it was published or last changed (the feed's `updated`).
    public let updated: Date
    /// The title.
    public let title: LocalizedText
    /// A few sentences.
    public let summary: LocalizedText
    /// What it leads to.
    public let link: LocalLink

    /// Creates an item (validated by ``LocalInformationCatalog``).
    public init(id: String, themes: [String], scope: LocalScope, window: ValidityWindow, updated: Date,
                title: LocalizedText, summary: LocalizedText, link: LocalLink) {
        self.id = id
        self.themes = themes
        self.scope = scope
        self.window = window
        self.updated = updated
        self.title = title
        self.summary = summary
        self.link = link
    }
}
