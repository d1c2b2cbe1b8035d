import Foundation
import MaSecuriteCore

/// What a local-information file is checked against, besides its own shape.
public struct LocalInformationChecks: Sendable {
    /// When given, a window that has already ended at this instant is refused
    /// (authoring and CI check with the real clock; reading an older file does not).
    public var now: Date?
    /// When given, a link to a fiche must name one of these ids.
    public var ficheIDs: Set<String>?
    /// When given, a link to a teleservice must name one of these ids.
    public var teleserviceIDs: Set<String>?

    /// Checks as given; `nil` skips a check.
    public init(now: Date? = nil, ficheIDs: Set<String>? = nil, teleserviceIDs: Set<String>? = nil) {
        self.now = now
        self.ficheIDs = ficheIDs
        self.teleserviceIDs = teleserviceIDs
    }
}

/// A validated set of local information: the themes and the items.
///
/// Read with ``init(data:checks:)``, which reports every error with its place
/// in the file (`items[2].title.en`), not only the first. The bundled file
/// (``bundledExamples()``) is a small set of **examples** written for the SDK:
/// a deployment ships its own file, in the same format (see the module's
/// documentation).
public struct LocalInformationCatalog: Sendable {
    /// The format version this code reads.
    public static let supportedSchemaVersion = 1
    /// The longest title accepted.
    public static let titleLimit = 120
    /// The longest summary accepted.
    public static let summaryLimit = 600

    /// The file's version label.
    public let version: String
    /// Whether the file says it holds examples only (never real announcements).
    public let examples: Bool
    /// The themes, in file order.
    public let themes: [LocalTheme]
    /// The items, in file order.
    public let items: [LocalInformationItem]

    /// A catalog from values already built (validated like a file).
    public init(version: String, examples: Bool, themes: [LocalTheme], items: [LocalInformationItem],
                checks: LocalInformationChecks = LocalInformationChecks()) throws(LocalInformationValidationError) {
        self.version = version
        self.examples = examples
        self.themes = themes
        self.items = items
        let errors = Self.check(themes: themes, items: items, checks: checks)
        if !errors.isEmpty { throw LocalInformationValidationError(errors: errors) }
    }

    /// Reads and validates a local-information file.
    /// - Throws: ``LocalInformationValidationError`` listing every located error.
    public init(data: Data, checks: LocalInformationChecks = LocalInformationChecks()) throws(LocalInformationValidationError) {
        let file: RawFile
        do { file = try JSONDecoder().decode(RawFile.self, from: data) } catch let error as DecodingError {
            throw LocalInformationValidationError(errors: [Self.located(error)])
        } catch {
            throw LocalInformationValidationError(errors: [.malformed(path: "$", reason: "not JSON: \(error.localizedDescription)")])
        }
        var errors: [LocalInformationError] = []
        if file.schemaVersion != Self.supportedSchemaVersion {
            errors.append(.invalidValue(path: "schema_version", value: String(file.schemaVersion),
                                        reason: "this code reads version \(Self.supportedSchemaVersion)"))
        }
        let themes = (file.themes ?? []).enumerated().compactMap { index, raw -> LocalTheme? in
            let path = "themes[\(index)]"
            guard let id = raw.id, !id.isEmpty else { errors.append(.missing(path: path + ".id")); return nil }
            guard let label = Self.text(raw.label, path: path + ".label", limit: Self.titleLimit, errors: &errors) else { return nil }
            return LocalTheme(id: id, label: label)
        }
        let indexed = (file.items ?? []).enumerated().compactMap { index, raw -> (Int, LocalInformationItem)? in
            Self.item(raw, path: "items[\(index)]", errors: &errors).map { (index, $0) }
        }
        let items = indexed.map(\.1)
        let reading = errors
        errors += Self.check(themes: themes, items: items, indices: indexed.map(\.0), checks: checks).filter { error in
            // An item whose every code was refused is not also reported as having none.
            guard case .missing(let path) = error, path.hasSuffix(".departements") else { return true }
            let item = path.dropLast(".departements".count)
            return !reading.contains { $0.path.hasPrefix(item + ".departements[") || $0.path.hasPrefix(item + ".communes[") }
        }
        if !errors.isEmpty { throw LocalInformationValidationError(errors: errors) }
        version = file.version ?? "unversioned"
        examples = file.examples ?? false
        self.themes = themes
        self.items = items
    }

    /// The bundled example set (clearly marked `examples: true`), checked
    /// without the clock: its windows may have ended.
    public static func bundledExamples() throws(LocalInformationValidationError) -> LocalInformationCatalog {
        let data: Data
        do { data = try BundledResources.localInformation.data("local-information-examples.json") } catch {
            throw LocalInformationValidationError(errors: [.malformed(path: "Resources/local-information-examples.json", reason: error.description)])
        }
        return try LocalInformationCatalog(data: data)
    }

    /// The theme with `id`.
    public func theme(_ id: String) -> LocalTheme? { themes.first { $0.id == id } }

    /// The items shown for `territory` at `instant`, in any of `themes` (all
    /// themes when `nil` or empty), most recently updated first, then by id.
    public func items(for territory: LocalTerritory, themes: Set<String>? = nil, at instant: Date) -> [LocalInformationItem] {
        items.filter { item in
            item.scope.covers(territory) && item.window.contains(instant)
                && (themes?.isEmpty ?? true || !Set(item.themes).isDisjoint(with: themes ?? []))
        }
        .sorted { $0.updated != $1.updated ? $0.updated > $1.updated : $0.id < $1.id }
    }

    // MARK: Validation

    static func check(themes: [LocalTheme], items: [LocalInformationItem], indices: [Int]? = nil,
                      checks: LocalInformationChecks) -> [LocalInformationError] {
        var errors: [LocalInformationError] = []
        var themeIDs = Set<String>()
        for (index, theme) in themes.enumerated() {
            if !isValidID(theme.id) {
                errors.append(.invalidValue(path: "themes[\(index)].id", value: theme.id, reason: "use lowercase letters, digits and dashes (1–64)"))
            }
            if !themeIDs.insert(theme.id).inserted { errors.append(.duplicate(path: "themes[\(index)].id", id: theme.id)) }
            if !theme.label.hasTranslation(in: .english) { errors.append(.missing(path: "themes[\(index)].label.en")) }
        }
        var itemIDs = Set<String>()
        for (position, item) in items.enumerated() {
            let path = "items[\(indices?[position] ?? position)]"
            if !isValidID(item.id) {
                errors.append(.invalidValue(path: path + ".id", value: item.id, reason: "use lowercase letters, digits and dashes (1–64)"))
            }
            if !itemIDs.insert(item.id).inserted { errors.append(.duplicate(path: path + ".id", id: item.id)) }
            if item.themes.isEmpty { errors.append(.missing(path: path + ".themes")) }
            for (themeIndex, theme) in item.themes.enumerated() where !themeIDs.contains(theme) {
                errors.append(.unknownReference(path: path + ".themes[\(themeIndex)]", kind: "theme", id: theme))
            }
            if item.scope.departements.isEmpty && item.scope.communes.isEmpty {
                errors.append(.missing(path: path + ".departements"))
            }
            if item.window.end <= item.window.start {
                errors.append(.invalidWindow(path: path + ".window", reason: "valid_until must come after valid_from"))
            } else if let now = checks.now, item.window.end <= now {
                errors.append(.invalidWindow(path: path + ".window.valid_until",
                                             reason: "the window ended on \(RFC3339.format(item.window.end)), before \(RFC3339.format(now))"))
            }
            for (field, text, limit) in [("title", item.title, titleLimit), ("summary", item.summary, summaryLimit)] {
                if text.french.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors.append(.missing(path: "\(path).\(field).fr")) }
                if !text.hasTranslation(in: .english) { errors.append(.missing(path: "\(path).\(field).en")) }
                for (language, value) in [("fr", text.french), ("en", text.english ?? "")] where value.count > limit {
                    errors.append(.tooLong(path: "\(path).\(field).\(language)", length: value.count, limit: limit))
                }
            }
            switch item.link {
            case .fiche(let id):
                if let known = checks.ficheIDs, !known.contains(id) {
                    errors.append(.unknownReference(path: path + ".link.fiche", kind: "fiche", id: id))
                }
            case .teleservice(let id):
                if let known = checks.teleserviceIDs, !known.contains(id) {
                    errors.append(.unknownReference(path: path + ".link.teleservice", kind: "teleservice", id: id))
                }
            case .event(let event):
                if event.ends <= event.starts {
                    errors.append(.invalidWindow(path: path + ".link.event", reason: "ends must come after starts"))
                }
                if !event.place.hasTranslation(in: .english) { errors.append(.missing(path: path + ".link.event.place.en")) }
                if event.address.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(.missing(path: path + ".link.event.address")) }
            }
        }
        return errors
    }

    static func isValidID(_ id: String) -> Bool {
        (1...64).contains(id.count) && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    // MARK: Reading

    struct RawText: Decodable {
        let fr: String?
        let en: String?
    }

    struct RawTheme: Decodable {
        let id: String?
        let label: RawText?
    }

    struct RawEvent: Decodable {
        let place: RawText?
        let address: String?
        let starts: String?
        let ends: String?
    }

    struct RawLink: Decodable {
        let fiche: String?
        let teleservice: String?
        let event: RawEvent?
    }

    struct RawItem: Decodable {
        let id: String?
        let themes: [String]?
        let departements: [String]?
        let communes: [String]?
        let validFrom: String?
        let validUntil: String?
        let updated: String?
        let title: RawText?
        let summary: RawText?
        let link: RawLink?

        enum CodingKeys: String, CodingKey {
            case id, themes, departements, communes, updated, title, summary, link
            case validFrom = "valid_from", validUntil = "valid_until"
        }
    }

    struct RawFile: Decodable {
        let schemaVersion: Int
        let version: String?
        let examples: Bool?
        let themes: [RawTheme]?
        let items: [RawItem]?

        enum CodingKeys: String, CodingKey {
            case schemaVersion = "schema_version", version, examples, themes, items
        }
    }

    static func located(_ error: DecodingError) -> LocalInformationError {
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : "." + key.stringValue }
            }
            return text.isEmpty ? "$" : text
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return .malformed(path: path(context.codingPath), reason: context.debugDescription)
        case .keyNotFound(let key, let context):
            return .missing(path: path(context.codingPath + [key]))
        @unknown default:
            return .malformed(path: "$", reason: "\(error)")
        }
    }

    static func text(_ raw: RawText?, path: String, limit: Int, errors: inout [LocalInformationError]) -> LocalizedText? {
        guard let raw, let french = raw.fr, !french.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            errors.append(.missing(path: path + ".fr"))
            return nil
        }
        return LocalizedText(french: french, english: raw.en)
    }

    static func date(_ text: String?, path: String, errors: inout [LocalInformationError]) -> Date? {
        guard let text else { errors.append(.missing(path: path)); return nil }
        do { return try RFC3339.validate(text) } catch {
            errors.append(.invalidValue(path: path, value: text, reason: error.reason))
            return nil
        }
    }

    /// The item when every value needed to build it could be read (a refused
    /// département or commune code is reported and left out, so the item's
    /// other checks still run).
    static func item(_ raw: RawItem, path: String, errors: inout [LocalInformationError]) -> LocalInformationItem? {
        let id = raw.id ?? ""
        if raw.id == nil { errors.append(.missing(path: path + ".id")) }
        var departements: [DepartementCode] = []
        for (index, code) in (raw.departements ?? []).enumerated() {
            do { departements.append(try DepartementCode(code)) } catch {
                errors.append(.invalidValue(path: "\(path).departements[\(index)]", value: code, reason: "unknown département"))
            }
        }
        var communes: [INSEECode] = []
        for (index, code) in (raw.communes ?? []).enumerated() {
            do { communes.append(try INSEECode(code)) } catch {
                errors.append(.invalidValue(path: "\(path).communes[\(index)]", value: code, reason: "not an INSEE commune code"))
            }
        }
        let start = date(raw.validFrom, path: path + ".valid_from", errors: &errors)
        let end = date(raw.validUntil, path: path + ".valid_until", errors: &errors)
        let updated = date(raw.updated, path: path + ".updated", errors: &errors)
        let title = text(raw.title, path: path + ".title", limit: titleLimit, errors: &errors)
        let summary = text(raw.summary, path: path + ".summary", limit: summaryLimit, errors: &errors)
        var link: LocalLink?
        if let raw = raw.link {
            let given = [raw.fiche != nil, raw.teleservice != nil, raw.event != nil].filter { $0 }.count
            if given != 1 {
                errors.append(.malformed(path: path + ".link", reason: "give exactly one of fiche, teleservice or event"))
            } else if let fiche = raw.fiche {
                link = .fiche(fiche)
            } else if let teleservice = raw.teleservice {
                link = .teleservice(teleservice)
            } else if let event = raw.event {
                let place = text(event.place, path: path + ".link.event.place", limit: titleLimit, errors: &errors)
                let starts = date(event.starts, path: path + ".link.event.starts", errors: &errors)
                let ends = date(event.ends, path: path + ".link.event.ends", errors: &errors)
                if let place, let starts, let ends {
                    link = .event(LocalEvent(place: place, address: event.address ?? "", starts: starts, ends: ends))
                }
            }
        } else {
            errors.append(.missing(path: path + ".link"))
        }
        guard raw.id != nil, let start, let end, let updated, let title, let summary, let link else { return nil }
        return LocalInformationItem(id: id, themes: raw.themes ?? [], scope: LocalScope(departements: departements, communes: communes),
                                    window: ValidityWindow(start: start, end: end), updated: updated,
                                    title: title, summary: summary, link: link)
    }
}
