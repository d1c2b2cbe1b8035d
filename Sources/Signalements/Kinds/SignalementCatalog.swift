import Foundation
import MaSecuriteCore

/// The optional contact details a citizen may leave. Signalements are anonymous
/// by default: a contact exists only when at least one of its fields was given.
public struct SignalementContact: Hashable, Sendable, Codable {
    /// A name or pseudonym.
    public var name: String?
    /// An e-mail address.
    public var email: String?
    /// A phone number.
    public var phone: String?

    /// Creates a contact.
    public init(name: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }

    /// Whether no detail was given.
    public var isEmpty: Bool { name == nil && email == nil && phone == nil }
}

/// The checked content of a signalement: its kind, its fields written in a
/// canonical form, and the optional contact.
public struct SignalementContent: Hashable, Sendable, Codable {
    /// The kind's id.
    public let kind: String
    /// Field name → canonical value (trimmed text; instants in UTC RFC 3339;
    /// vehicles joined by `; `).
    public let fields: [String: String]
    /// Contact details, only when given.
    public let contact: SignalementContact?

    /// Creates checked content; use ``SignalementCatalog/validate(kind:fields:)``
    /// to build it from what a person typed.
    public init(kind: String, fields: [String: String], contact: SignalementContact?) {
        self.kind = kind
        self.fields = fields
        self.contact = contact
    }
}

/// The kinds of signalement, loaded from data and checked, and the validation
/// of what a citizen fills in.
///
/// ```swift
/// let catalog = try SignalementCatalog.bundled()
/// let content = try catalog.validate(kind: "rodeo-urbain", fields: [
///     "place": "parking du centre commercial",
///     "when": "2026-06-12T21:30:00+02:00/2026-06-12T23:00:00+02:00",
///     "description": "quatre motos sans plaque font des roues arrière",
/// ])
/// ```
public struct SignalementCatalog: Sendable {
    /// The kinds, in the file's order.
    public let kinds: [SignalementKind]
    /// The version written in the file.
    public let version: String

    /// The contact fields every kind accepts, all optional.
    public static let contactFields = ["contact.name", "contact.email", "contact.phone"]

    /// A catalog of `kinds`, checked like a file.
    /// - Throws: ``SignalementError/invalidCatalog(path:reason:)``.
    public init(kinds: [SignalementKind], version: String = "custom") throws(SignalementError) {
        try Self.check(kinds)
        self.kinds = kinds
        self.version = version
    }

    /// The catalog bundled with the SDK (`Resources/kinds.json`).
    public static func bundled() throws(SignalementError) -> SignalementCatalog {
        let data: Data
        do { data = try BundledResources.signalements.data("kinds.json") } catch {
            throw .invalidCatalog(path: "Resources/kinds.json", reason: error.description)
        }
        return try load(data)
    }

    /// Reads a kinds file (`{"version": …, "kinds": [ … ]}`) and checks it.
    public static func load(_ data: Data) throws(SignalementError) -> SignalementCatalog {
        struct File: Decodable {
            let version: String?
            let kinds: [SignalementKind]
        }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch let error as DecodingError {
            throw .invalidCatalog(path: Self.path(of: error), reason: Self.reason(of: error))
        } catch {
            throw .invalidCatalog(path: "$", reason: "\(error)")
        }
        return try SignalementCatalog(kinds: file.kinds, version: file.version ?? "unversioned")
    }

    private static func path(of error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): context = c
        @unknown default: return "$"
        }
        var path = "$"
        for key in context.codingPath {
            if let index = key.intValue { path += "[\(index)]" } else { path += "." + key.stringValue }
        }
        if case .keyNotFound(let key, _) = error { path += "." + key.stringValue }
        return path
    }

    private static func reason(of error: DecodingError) -> String {
        switch error {
        case .keyNotFound: "missing"
        case .typeMismatch(let type, _): "expected \(type)"
        case .valueNotFound(let type, _): "expected \(type), found null"
        case .dataCorrupted(let context): context.debugDescription
        @unknown default: "unreadable"
        }
    }

    private static func check(_ kinds: [SignalementKind]) throws(SignalementError) {
        guard !kinds.isEmpty else { throw .invalidCatalog(path: "$.kinds", reason: "no kind") }
        var ids = Set<String>()
        for (index, kind) in kinds.enumerated() {
            let path = "$.kinds[\(index)] (\(kind.id))"
            guard !kind.id.isEmpty, kind.id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
                throw .invalidCatalog(path: path, reason: "the id must be lowercase ASCII letters, digits and dashes")
            }
            guard ids.insert(kind.id).inserted else { throw .invalidCatalog(path: path, reason: "the id \(kind.id) is used twice") }
            guard kind.label.english != nil, kind.summary.english != nil else {
                throw .invalidCatalog(path: path, reason: "the label and summary need an English text")
            }
            guard kind.fields.contains(where: { $0.name == "description" && $0.required }) else {
                throw .invalidCatalog(path: path, reason: "every kind needs a required description field")
            }
            var names = Set<String>()
            for (fieldIndex, field) in kind.fields.enumerated() {
                let fieldPath = "\(path).fields[\(fieldIndex)] (\(field.name))"
                guard !field.name.isEmpty, !field.name.hasPrefix("contact"), field.name.count <= SignalementLimits.maximumFieldNameLength,
                      field.name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
                    throw .invalidCatalog(path: fieldPath, reason: "a field name is lowercase ASCII letters, digits and '_', not 'contact…'")
                }
                guard names.insert(field.name).inserted else { throw .invalidCatalog(path: fieldPath, reason: "the field is declared twice") }
                if let limit = field.maxLength, !(1...SignalementLimits.absoluteMaximumLength).contains(limit) {
                    throw .invalidCatalog(path: fieldPath, reason: "max_length must be in 1…\(SignalementLimits.absoluteMaximumLength)")
                }
                if field.type == .choice, (field.choices ?? []).isEmpty {
                    throw .invalidCatalog(path: fieldPath, reason: "a choice field needs choices")
                }
                guard field.label.english != nil else { throw .invalidCatalog(path: fieldPath, reason: "the label needs an English text") }
            }
            for (fieldIndex, field) in kind.fields.enumerated() {
                for (other, value) in field.onlyIf ?? [:] {
                    guard let condition = kind.field(other), condition.name != field.name, !condition.required else {
                        throw .invalidCatalog(path: "\(path).fields[\(fieldIndex)] (\(field.name)).only_if",
                                              reason: "'\(other)' must be another, optional field of the kind")
                    }
                    if condition.type == .choice, !(condition.choices ?? []).contains(value) {
                        throw .invalidCatalog(path: "\(path).fields[\(fieldIndex)] (\(field.name)).only_if",
                                              reason: "'\(value)' is not a choice of \(other)")
                    }
                }
            }
            guard kind.fields.count + contactFields.count <= SignalementLimits.maximumFields else {
                throw .invalidCatalog(path: path, reason: "more than \(SignalementLimits.maximumFields - contactFields.count) fields")
            }
        }
    }

    /// The kind with `id`.
    /// - Throws: ``SignalementError/unknownKind(_:known:)``.
    public func kind(_ id: String) throws(SignalementError) -> SignalementKind {
        guard let kind = kinds.first(where: { $0.id == id }) else { throw .unknownKind(id, known: kinds.map(\.id)) }
        return kind
    }

    /// Checks what a person filled in for a signalement of kind `id` and
    /// writes each value in its canonical form. Blank values count as not given.
    /// - Parameters:
    ///   - id: the kind's id.
    ///   - fields: field name → value; contact details as
    ///     `contact.name`, `contact.email`, `contact.phone`.
    /// - Throws: ``SignalementError`` naming the field path and what is wrong.
    public func validate(kind id: String, fields: [String: String]) throws(SignalementError) -> SignalementContent {
        let kind = try kind(id)
        guard fields.count <= SignalementLimits.maximumFields else {
            throw .tooMany(path: "fields", count: fields.count, limit: SignalementLimits.maximumFields)
        }
        var values: [String: String] = [:]
        var contact = SignalementContact()
        // Sorted, so the first error reported does not depend on dictionary order.
        for name in fields.keys.sorted() {
            let raw = fields[name] ?? ""
            let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if Self.contactFields.contains(name) {
                guard !value.isEmpty else { continue }
                guard value.count <= SignalementLimits.maximumContactLength else {
                    throw .tooLong(path: name, length: value.count, limit: SignalementLimits.maximumContactLength)
                }
                switch name {
                case "contact.email":
                    let parts = value.split(separator: "@", omittingEmptySubsequences: false)
                    guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !value.contains(where: \.isWhitespace) else {
                        throw .invalidValue(path: name, value: value, reason: "expected an e-mail address such as nom@example.fr")
                    }
                    contact.email = value
                case "contact.phone":
                    let digits = value.filter(\.isNumber)
                    guard (6...15).contains(digits.count), value.allSatisfy({ $0.isNumber || " +.-()".contains($0) }) else {
                        throw .invalidValue(path: name, value: value, reason: "expected a phone number such as 06 12 34 56 78 or +33 6 12 34 56 78")
                    }
                    contact.phone = value
                default:
                    contact.name = value
                }
                continue
            }
            let path = "fields." + String(name.prefix(SignalementLimits.maximumFieldNameLength))
            guard let spec = kind.field(name) else {
                throw .unknownField(kind: kind.id, path: path, known: kind.fields.map(\.name) + Self.contactFields)
            }
            guard !value.isEmpty else { continue }
            values[name] = try Self.canonical(value, for: spec, path: path)
        }
        for spec in kind.fields where spec.required && values[spec.name] == nil {
            throw .missingField(kind: kind.id, path: "fields." + spec.name)
        }
        for spec in kind.fields where values[spec.name] != nil {
            for (other, expected) in (spec.onlyIf ?? [:]).sorted(by: { $0.key < $1.key }) where values[other] != expected {
                throw .notAllowed(path: "fields." + spec.name, reason: "accepted only with \(other)=\(expected)")
            }
        }
        return SignalementContent(kind: kind.id, fields: values, contact: contact.isEmpty ? nil : contact)
    }

    static func canonical(_ value: String, for spec: FieldSpec, path: String) throws(SignalementError) -> String {
        switch spec.type {
        case .text:
            let limit = min(spec.maxLength ?? SignalementLimits.defaultMaximumLength, SignalementLimits.absoluteMaximumLength)
            guard value.count <= limit else { throw .tooLong(path: path, length: value.count, limit: limit) }
            return value
        case .recurrence:
            guard let recurrence = Recurrence(rawValue: value.lowercased()) else {
                throw .invalidValue(path: path, value: value,
                                    reason: "expected one of \(Recurrence.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return recurrence.rawValue
        case .choice:
            let choices = spec.choices ?? []
            guard choices.contains(value.lowercased()) else {
                throw .invalidValue(path: path, value: value, reason: "expected one of \(choices.joined(separator: ", "))")
            }
            return value.lowercased()
        case .vehicles:
            let items = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard items.count <= SignalementLimits.maximumVehicles else {
                throw .tooMany(path: path, count: items.count, limit: SignalementLimits.maximumVehicles)
            }
            for (index, item) in items.enumerated() where item.count > SignalementLimits.maximumVehicleLength {
                throw .tooLong(path: "\(path)[\(index)]", length: item.count, limit: SignalementLimits.maximumVehicleLength)
            }
            return items.joined(separator: "; ")
        case .timeOrRange:
            guard value.count <= 80 else { throw .tooLong(path: path, length: value.count, limit: 80) }
            let parts = value.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count <= 2 else {
                throw .invalidValue(path: path, value: value, reason: "expected one instant or 'start/end'")
            }
            var instants: [Date] = []
            for (index, part) in parts.enumerated() {
                let partPath = parts.count == 2 ? "\(path)\(index == 0 ? ".start" : ".end")" : path
                do {
                    instants.append(try RFC3339.validate(part.trimmingCharacters(in: .whitespaces)))
                } catch {
                    throw .invalidValue(path: partPath, value: part,
                                        reason: "\(error.reason); expected e.g. 2026-03-29T22:00:00+02:00")
                }
            }
            if instants.count == 2, instants[1] < instants[0] {
                throw .invalidValue(path: path, value: value, reason: "the end comes before the start")
            }
            return instants.map { RFC3339.format($0, in: .gmt) }.joined(separator: "/")
        }
    }
}
