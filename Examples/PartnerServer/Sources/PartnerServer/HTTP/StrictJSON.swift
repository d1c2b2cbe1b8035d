import Foundation
import Hummingbird
import MaSecuriteCore

/// A coding key for any field name (used to list the fields a body really has).
struct AnyCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; intValue = nil }
    init(intValue: Int) { stringValue = "\(intValue)"; self.intValue = intValue }
}

extension Decoder {
    /// Throws when the JSON object being decoded has a field outside `allowed`
    /// (strict bodies: a misspelt field is an error, never silently ignored).
    func rejectUnknownFields(_ allowed: Set<String>) throws {
        let fields = try self.container(keyedBy: AnyCodingKey.self)
        for key in fields.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !allowed.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: "unknown field"))
        }
    }
}

/// Decodes request bodies strictly: JSON only, size-limited, unknown fields
/// and wrong types rejected with the field named.
enum StrictJSON {
    /// `a.b[2].c` from a coding path.
    static func fieldPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    /// Reads the body (at most `limit` bytes) and decodes it as `T`.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        if let contentType = request.headers[.contentType] {
            let media = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            guard media == "application/json" else {
                throw APIProblem(.unsupportedMediaType, "send the body as application/json (got \(media))")
            }
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIProblem(.bodyTooLarge, "the body has \(length) bytes; the limit is \(limit)")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw APIProblem(.bodyTooLarge, "the body is larger than \(limit) bytes")
        }
        return try decode(type, from: Data(buffer.readableBytesView))
    }

    /// Decodes `data` as `T`, turning decoding errors into `invalid-body` problems naming the field.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        guard !data.isEmpty else { throw APIProblem(.invalidBody, "the body is empty; send a JSON object") }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as APIProblem {
            throw error
        } catch let DecodingError.typeMismatch(expected, context) {
            let field = fieldPath(context.codingPath)
            throw APIProblem(.invalidBody, "field '\(field.isEmpty ? "(body)" : field)' must be \(describe(expected))", field: field)
        } catch let DecodingError.keyNotFound(key, context) {
            let field = fieldPath(context.codingPath + [key])
            throw APIProblem(.invalidBody, "field '\(field)' is required", field: field)
        } catch let DecodingError.valueNotFound(expected, context) {
            let field = fieldPath(context.codingPath)
            throw APIProblem(.invalidBody, "field '\(field)' must be \(describe(expected)), not null", field: field)
        } catch let DecodingError.dataCorrupted(context) {
            let field = fieldPath(context.codingPath)
            if context.debugDescription == "unknown field" {
                throw APIProblem(.invalidBody, "unknown field '\(field)'", field: field)
            }
            if field.isEmpty { throw APIProblem(.invalidBody, "the body is not valid JSON") }
            throw APIProblem(.invalidBody, "field '\(field)': \(context.debugDescription)", field: field)
        } catch {
            throw APIProblem(.invalidBody, "the body could not be read as JSON")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Int64.Type, is UInt64.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "a boolean"
        default:
            let name = "\(type)"
            if name.hasPrefix("Dictionary") { return "an object" }
            if name.hasPrefix("Array") { return "an array" }
            return "an object"
        }
    }
}

/// Checked readers of query and path parameters, failing with `invalid-parameter`.
struct QueryReader {
    let request: Request
    let context: ServerContext

    func string(_ name: String) -> String? {
        request.uri.queryParameters[Substring(name)].map(String.init)
    }

    func required(_ name: String) throws -> String {
        guard let value = string(name), !value.isEmpty else {
            throw APIProblem(.invalidParameter, "query parameter '\(name)' is required", field: name)
        }
        return value
    }

    func double(_ name: String) throws -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw APIProblem(.invalidParameter, "query parameter '\(name)' must be a decimal number (got '\(text)')", field: name)
        }
        return value
    }

    func int(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = string(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw APIProblem(.invalidParameter, "query parameter '\(name)' must be an integer in \(range.lowerBound)…\(range.upperBound) (got '\(text)')",
                             field: name)
        }
        return value
    }

    func language() throws -> Language {
        switch string("lang") ?? "fr" {
        case "fr": return .french
        case "en": return .english
        case let other: throw APIProblem(.invalidParameter, "query parameter 'lang' must be 'fr' or 'en' (got '\(other)')", field: "lang")
        }
    }

    func date(_ name: String) throws -> LocalDate? {
        guard let text = string(name) else { return nil }
        do {
            return try LocalDate(iso: text)
        } catch {
            throw APIProblem(.invalidParameter, "query parameter '\(name)' must be a date YYYY-MM-DD (got '\(text)')", field: name)
        }
    }

    func instant(_ name: String) throws -> Date? {
        guard let text = string(name) else { return nil }
        guard let date = RFC3339.parse(text) else {
            throw APIProblem(.invalidParameter, "query parameter '\(name)' must be an RFC 3339 date-time (got '\(text)')", field: name)
        }
        return date
    }
}
