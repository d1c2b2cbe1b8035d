import ChatProtocol
import Foundation

/// A chat operator (agent) allowed to connect to `/v1/chat` with a bearer token, and what
/// the routing engine may give them: the platforms they serve, their role, languages,
/// trainings, capacity and shifts.
///
/// In the operators file (`--operators-file`), one JSON object per operator:
///
/// ```json
/// {"id": "op-vss-1", "display_name": "Agent 2231", "token": "…at least 16 characters…",
///  "role": "officer", "platforms": ["pnav", "tchat"], "languages": ["fr", "en"],
///  "capacity": 8, "vss_trained": true, "minors_trained": false,
///  "shifts": [{"from": "08:00", "to": "20:00"}]}
/// ```
///
/// Only `id`, `display_name` and `token` are required; the others default to a general
/// `tchat` officer writing French with 8 units and no shift limit. An unknown field is an
/// error, never ignored. ``OperatorsFile`` reads and checks a whole file.
public struct OperatorAccount: Sendable, Hashable {
    /// The operator id used in the chat protocol.
    public var id: String
    /// The display name shown to visitors (a pseudonym or service number, no surname).
    public var displayName: String
    /// The secret bearer token (at least 16 characters, one per operator).
    public var token: String
    /// `officer` or `psychologist` (whatever ``ChatProtocol/OperatorRole`` knows: a role the
    /// engine adds, such as `supervisor`, is accepted in the file as soon as the engine has it).
    public var role: OperatorRole
    /// The platforms whose queues the operator serves: `tchat` (general), `pnav` (victims of
    /// sexual and sexist violence, the VSS platform) and `espace-mineurs` (minors).
    public var platforms: [Platform]
    /// Languages the operator writes (BCP 47 primary tags, lower case, e.g. `fr`).
    public var languages: [String]
    /// Capacity units, 1 to 8 (default 8): a short conversation costs one unit, a long one all of
    /// them, so 8 is "one long or up to eight short" and 1 is "one conversation at a time".
    /// With PostgreSQL, counted once over every instance (one queue for the cluster).
    public var capacity: Int?
    /// Trained for sexual and sexist violence: an officer must be to serve `pnav`.
    public var vssTrained: Bool
    /// Trained to talk with minors: required to serve `espace-mineurs`.
    public var minorsTrained: Bool
    /// Working windows in Europe/Paris time; empty means always on shift (while connected).
    public var shifts: [ShiftWindow]

    /// The default capacity: one long conversation or up to eight short ones.
    public static let defaultCapacity = 8
    /// The largest capacity an operator may have.
    public static let maximumCapacity = 8

    /// Creates an account (a general `tchat` officer unless told otherwise).
    public init(id: String, displayName: String, token: String, role: OperatorRole = .officer, platforms: [Platform] = [.tchat],
                languages: [String] = ["fr"], capacity: Int? = nil, vssTrained: Bool = false, minorsTrained: Bool = false,
                shifts: [ShiftWindow] = []) {
        self.id = id
        self.displayName = displayName
        self.token = token
        self.role = role
        self.platforms = platforms
        self.languages = languages
        self.capacity = capacity
        self.vssTrained = vssTrained
        self.minorsTrained = minorsTrained
        self.shifts = shifts
    }

    /// What the routing engine knows of the operator.
    public var profile: OperatorProfile {
        OperatorProfile(id: OperatorID(id), pseudonym: displayName, role: role, platforms: Set(platforms), languages: Set(languages),
                        minors: minorsTrained, vssTrained: vssTrained, capacity: capacity ?? Self.defaultCapacity, shifts: shifts)
    }

    /// Checks the account on its own (``OperatorsFile`` also checks that ids and tokens are unique).
    /// - Throws: ``OperatorAccountError`` naming the field (its file name, e.g. `vss_trained`).
    public func validate() throws(OperatorAccountError) {
        func fail(_ field: CodingKeys, _ reason: String) -> OperatorAccountError { OperatorAccountError(field: field.rawValue, reason: reason) }
        guard !id.isEmpty, id.count <= 64, id.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }) else {
            throw fail(.id, "must be 1 to 64 ASCII letters, digits, '-', '_' or '.' (got '\(id)')")
        }
        guard !displayName.trimmingCharacters(in: .whitespaces).isEmpty, displayName.count <= 64 else {
            throw fail(.displayName, "must be 1 to 64 characters (what visitors see, e.g. 'Agent 4512')")
        }
        guard token.count >= 16 else { throw fail(.token, "must have at least 16 characters") }
        guard !platforms.isEmpty else { throw fail(.platforms, "must list at least one of \(Self.known(Platform.allCases))") }
        if let twice = platforms.first(where: { platform in platforms.filter { $0 == platform }.count > 1 }) {
            throw fail(.platforms, "lists '\(twice.rawValue)' twice")
        }
        guard !languages.isEmpty else { throw fail(.languages, "must list at least one language (e.g. [\"fr\"])") }
        for language in languages {
            let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
            guard language.count >= 2, language.count <= 3, language.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else {
                throw fail(.languages, "'\(language)' is not a lower-case BCP 47 primary tag"
                           + (primary.count >= 2 && primary.count <= 3 && primary != language ? " (write '\(primary)')" : " such as 'fr' or 'en'"))
            }
        }
        if let capacity, !(1...Self.maximumCapacity).contains(capacity) {
            throw fail(.capacity, "must be 1 to \(Self.maximumCapacity) units (one long conversation or up to \(Self.maximumCapacity) short ones); got \(capacity)")
        }
        if platforms.contains(.pnav), role == .officer, !vssTrained {
            throw fail(.vssTrained, "an officer serving 'pnav' (the VSS platform) must be VSS-trained: set \"vss_trained\": true or remove 'pnav'")
        }
        if platforms.contains(.espaceMineurs), !minorsTrained {
            throw fail(.minorsTrained, "serving 'espace-mineurs' needs the minors' training: set \"minors_trained\": true or remove 'espace-mineurs'")
        }
    }

    static func known<T: RawRepresentable>(_ values: [T]) -> String where T.RawValue == String {
        values.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, displayName = "display_name", token, role, platforms, languages, capacity
        case vssTrained = "vss_trained", minorsTrained = "minors_trained", shifts
    }
}

extension OperatorAccount: Codable {
    /// Decodes one entry of the operators file strictly: unknown fields, roles and platforms are errors naming the field.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(Set(CodingKeys.allCases.map(\.rawValue)))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        displayName = try container.decode(String.self, forKey: .displayName)
        token = try container.decode(String.self, forKey: .token)
        let roleName = try container.decodeIfPresent(String.self, forKey: .role) ?? OperatorRole.officer.rawValue
        guard let role = OperatorRole(rawValue: roleName) else {
            throw DecodingError.dataCorruptedError(forKey: .role, in: container,
                                                   debugDescription: "unknown role '\(roleName)'; this server knows \(Self.known(OperatorRole.allCases))")
        }
        self.role = role
        var platforms: [Platform] = []
        if var list = try container.decodeIfPresent([String].self, forKey: .platforms).map({ $0[...] }) {
            while let name = list.popFirst() {
                guard let platform = Platform(rawValue: name) else {
                    throw DecodingError.dataCorruptedError(forKey: .platforms, in: container,
                                                           debugDescription: "unknown platform '\(name)'; the platforms are \(Self.known(Platform.allCases))")
                }
                platforms.append(platform)
            }
        } else {
            platforms = [.tchat]
        }
        self.platforms = platforms
        languages = try container.decodeIfPresent([String].self, forKey: .languages) ?? ["fr"]
        capacity = try container.decodeIfPresent(Int.self, forKey: .capacity)
        vssTrained = try container.decodeIfPresent(Bool.self, forKey: .vssTrained) ?? false
        minorsTrained = try container.decodeIfPresent(Bool.self, forKey: .minorsTrained) ?? false
        var shifts: [ShiftWindow] = []
        if var list = try container.nestedUnkeyedContainerIfPresent(forKey: .shifts) {
            while !list.isAtEnd { shifts.append(try list.decode(ShiftText.self).window) }
        }
        self.shifts = shifts
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(displayName, forKey: .displayName)
        try container.encode(token, forKey: .token)
        try container.encode(role.rawValue, forKey: .role)
        try container.encode(platforms.map(\.rawValue), forKey: .platforms)
        try container.encode(languages, forKey: .languages)
        try container.encodeIfPresent(capacity, forKey: .capacity)
        try container.encode(vssTrained, forKey: .vssTrained)
        try container.encode(minorsTrained, forKey: .minorsTrained)
        try container.encode(shifts.map(ShiftText.init), forKey: .shifts)
    }
}

extension KeyedDecodingContainer {
    fileprivate func nestedUnkeyedContainerIfPresent(forKey key: Key) throws -> (any UnkeyedDecodingContainer)? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try nestedUnkeyedContainer(forKey: key)
    }
}

/// A shift in the operators file: `{"from": "22:00", "to": "06:00"}` (Europe/Paris time; a window
/// whose end is before its start runs over midnight; `24:00` is the end of the day).
struct ShiftText: Codable {
    let from: String
    let to: String

    init(_ window: ShiftWindow) {
        from = Self.text(window.start)
        to = Self.text(window.end)
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(["from", "to"])
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        from = try container.decode(String.self, forKey: AnyCodingKey(stringValue: "from"))
        to = try container.decode(String.self, forKey: AnyCodingKey(stringValue: "to"))
        for (key, value) in [("from", from), ("to", to)] where Self.seconds(value) == nil {
            throw DecodingError.dataCorruptedError(forKey: AnyCodingKey(stringValue: key), in: container,
                                                   debugDescription: "'\(value)' is not a time HH:MM between 00:00 and 24:00")
        }
        guard from != to else {
            throw DecodingError.dataCorruptedError(forKey: AnyCodingKey(stringValue: "to"), in: container,
                                                   debugDescription: "a shift from \(from) to \(to) is empty; leave 'shifts' out for always on shift")
        }
    }

    var window: ShiftWindow { ShiftWindow(startSecond: Self.seconds(from) ?? 0, endSecond: Self.seconds(to) ?? 0) }

    static func seconds(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0...24).contains(hours), (0..<60).contains(minutes), hours < 24 || minutes == 0 else { return nil }
        return hours * 3_600 + minutes * 60
    }

    static func text(_ seconds: Int) -> String {
        let hours = seconds / 3_600, minutes = seconds % 3_600 / 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }
}

/// What is wrong with one operator account: the field (as named in the operators file) and why.
public struct OperatorAccountError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field, e.g. `vss_trained`.
    public let field: String
    /// What is wrong, for a person.
    public let reason: String

    public var description: String { "field '\(field)': \(reason)" }
}

/// The operators file of `--operators-file`: a JSON list of ``OperatorAccount`` objects.
public enum OperatorsFile {
    /// Reads and checks the file at `path`.
    /// - Throws: ``OperatorsFileError`` naming the file, and the operator and field at fault.
    public static func load(path: String) throws(OperatorsFileError) -> [OperatorAccount] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw OperatorsFileError(path: path, index: nil, operatorID: nil, field: nil,
                                     reason: "cannot be read (\((error as NSError).localizedDescription))")
        }
        do {
            return try decode(data)
        } catch {
            var located = error
            located.path = path
            throw located
        }
    }

    /// Decodes and checks a whole file: each account on its own (``OperatorAccount/validate()``),
    /// then ids and tokens unique across the file.
    public static func decode(_ data: Data) throws(OperatorsFileError) -> [OperatorAccount] {
        let raw = (try? JSONSerialization.jsonObject(with: data)) as? [Any]
        func idAt(_ index: Int?) -> String? {
            guard let index, let raw, index < raw.count else { return nil }
            return (raw[index] as? [String: Any])?["id"] as? String
        }
        let accounts: [OperatorAccount]
        do {
            accounts = try JSONDecoder().decode([OperatorAccount].self, from: data)
        } catch let error as DecodingError {
            let (path, reason) = describe(error)
            let index = path.first?.intValue
            let field = path.dropFirst().isEmpty ? nil : StrictJSON.fieldPath(Array(path.dropFirst()))
            if index == nil, path.isEmpty, raw == nil {
                throw OperatorsFileError(path: nil, index: nil, operatorID: nil, field: nil,
                                         reason: "is not a JSON list of operators [{\"id\", \"display_name\", \"token\", …}]")
            }
            throw OperatorsFileError(path: nil, index: index, operatorID: idAt(index), field: field, reason: reason)
        } catch {
            throw OperatorsFileError(path: nil, index: nil, operatorID: nil, field: nil, reason: "cannot be decoded")
        }
        try check(accounts)
        return accounts
    }

    /// Checks accounts as a file would be checked: each on its own, then ids and tokens unique.
    public static func check(_ accounts: [OperatorAccount]) throws(OperatorsFileError) {
        var ids: [String: Int] = [:]
        var tokens: [String: Int] = [:]
        for (index, account) in accounts.enumerated() {
            do {
                try account.validate()
            } catch {
                throw OperatorsFileError(path: nil, index: index, operatorID: account.id, field: error.field, reason: error.reason)
            }
            if let first = ids.updateValue(index, forKey: account.id) {
                throw OperatorsFileError(path: nil, index: index, operatorID: account.id, field: "id",
                                         reason: "is already the id of operator [\(first)]")
            }
            if let first = tokens.updateValue(index, forKey: account.token) {
                throw OperatorsFileError(path: nil, index: index, operatorID: account.id, field: "token",
                                         reason: "is already the token of operator [\(first)] ('\(accounts[first].id)'): each operator has their own")
            }
        }
    }

    private static func describe(_ error: DecodingError) -> ([any CodingKey], String) {
        switch error {
        case .typeMismatch(let type, let context): (context.codingPath, "must be \(describe(type))")
        case .valueNotFound(let type, let context): (context.codingPath, "must be \(describe(type)), not null")
        case .keyNotFound(let key, let context): (context.codingPath + [key], "is required")
        case .dataCorrupted(let context):
            (context.codingPath, context.debugDescription == "unknown field" ? "is not a field of an operator" : context.debugDescription)
        @unknown default: ([], "cannot be decoded")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is Bool.Type: "true or false"
        default: "\(type)".hasPrefix("Array") ? "a list" : "an object"
        }
    }
}

/// An operators file that cannot be used: which file, which operator (position and id) and which field.
public struct OperatorsFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, when read from disk.
    public var path: String?
    /// The operator's position in the list (0-based), when the fault is in one operator.
    public var index: Int?
    /// The operator's id, when it could be read.
    public var operatorID: String?
    /// The field at fault, as named in the file (e.g. `role`, `shifts[0].from`).
    public var field: String?
    /// What is wrong, for a person.
    public var reason: String

    public var description: String {
        var text = "operators file" + (path.map { " \($0)" } ?? "")
        if let index {
            text += ": operator [\(index)]" + (operatorID.map { " ('\($0)')" } ?? "")
        }
        if let field { text += ", field '\(field)'" }
        return text + ": " + reason
    }
}
