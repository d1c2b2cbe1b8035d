import Crypto
import Foundation

/// A station's staff account for the back office (`/v1/staff/…`): who it is,
/// the SHA-256 of its bearer token (the token itself is never stored), and
/// the stations whose agenda it may change.
///
/// In the staff file (`--staff-file`), a JSON list of objects:
///
/// ```json
/// [{"id": "accueil-bordeaux-1",
///   "token_sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
///   "stations": ["commissariat_police-33063-01"]}]
/// ```
///
/// `token_sha256` is the lower-case hex SHA-256 of the token, e.g.
/// `printf %s "$TOKEN" | sha256sum`. Every field is required; an unknown field
/// is an error, never ignored. ``StaffFile`` reads and checks a whole file.
public struct StaffAccount: Sendable, Hashable {
    /// The account id (written in the audit log of each change, never a person's name).
    public var id: String
    /// The SHA-256 of the bearer token (32 bytes).
    public var tokenDigest: [UInt8]
    /// The station ids the account may act for (one or more).
    public var stations: [String]

    /// Creates an account from its token's digest.
    public init(id: String, tokenDigest: [UInt8], stations: [String]) {
        self.id = id
        self.tokenDigest = tokenDigest
        self.stations = stations
    }

    /// Creates an account from its token (only the digest is kept).
    public init(id: String, token: String, stations: [String]) {
        self.init(id: id, tokenDigest: Self.digest(of: token), stations: stations)
    }

    /// The SHA-256 of `token`.
    public static func digest(of token: String) -> [UInt8] { Array(SHA256.hash(data: Data(token.utf8))) }

    /// The lower-case hex of the digest, as the file writes it.
    public var tokenSHA256: String { tokenDigest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, tokenSHA256 = "token_sha256", stations
    }
}

extension StaffAccount: Codable {
    /// Decodes one entry of the staff file strictly: an unknown field, a digest that is not 64 hex digits, an error naming the field.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(Set(CodingKeys.allCases.map(\.rawValue)))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        let hex = try container.decode(String.self, forKey: .tokenSHA256)
        guard let digest = Self.bytes(hex: hex) else {
            throw DecodingError.dataCorruptedError(forKey: .tokenSHA256, in: container,
                                                   debugDescription: "must be the 64 lower-case hex digits of the token's SHA-256 (printf %s \"$TOKEN\" | sha256sum)")
        }
        tokenDigest = digest
        stations = try container.decode([String].self, forKey: .stations)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(tokenSHA256, forKey: .tokenSHA256)
        try container.encode(stations, forKey: .stations)
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: 64, by: 2) {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}

/// A staff file that cannot be used: which file, which account (position and id) and which field.
public struct StaffFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, when read from disk.
    public var path: String?
    /// The account's position in the list (0-based).
    public var index: Int?
    /// The account's id, when it could be read.
    public var accountID: String?
    /// The field at fault, as named in the file (e.g. `stations[1]`).
    public var field: String?
    /// What is wrong, for a person.
    public var reason: String

    public var description: String {
        var text = "staff file" + (path.map { " \($0)" } ?? "")
        if let index { text += ": account [\(index)]" + (accountID.map { " ('\($0)')" } ?? "") }
        if let field { text += ", field '\(field)'" }
        return text + ": " + reason
    }
}

/// The staff file of `--staff-file`: a JSON list of ``StaffAccount`` objects.
public enum StaffFile {
    /// Reads and checks the file at `path`; `isStation` tells whether a station id exists.
    /// - Throws: ``StaffFileError`` naming the file, the account and the field.
    public static func load(path: String, isStation: (String) -> Bool) throws(StaffFileError) -> [StaffAccount] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw StaffFileError(path: path, reason: "cannot be read (\((error as NSError).localizedDescription))")
        }
        do {
            return try decode(data, isStation: isStation)
        } catch {
            var located = error
            located.path = path
            throw located
        }
    }

    /// Decodes and checks a whole file.
    public static func decode(_ data: Data, isStation: (String) -> Bool) throws(StaffFileError) -> [StaffAccount] {
        let raw = (try? JSONSerialization.jsonObject(with: data)) as? [Any]
        guard raw != nil else {
            throw StaffFileError(reason: "is not a JSON list of accounts [{\"id\", \"token_sha256\", \"stations\"}]")
        }
        let accounts: [StaffAccount]
        do {
            accounts = try JSONDecoder().decode([StaffAccount].self, from: data)
        } catch let error as DecodingError {
            let (path, reason) = describe(error)
            let index = path.first?.intValue
            let id = index.flatMap { index in (raw?[index] as? [String: Any])?["id"] as? String }
            let field = path.dropFirst().isEmpty ? nil : StrictJSON.fieldPath(Array(path.dropFirst()))
            throw StaffFileError(index: index, accountID: id, field: field, reason: reason)
        } catch {
            throw StaffFileError(reason: "cannot be decoded")
        }
        try check(accounts, isStation: isStation)
        return accounts
    }

    /// Checks accounts: ids well formed and unique, tokens unique, stations known and listed once.
    public static func check(_ accounts: [StaffAccount], isStation: (String) -> Bool) throws(StaffFileError) {
        var ids: [String: Int] = [:]
        var digests: [[UInt8]: Int] = [:]
        for (index, account) in accounts.enumerated() {
            func fail(_ field: String, _ reason: String) -> StaffFileError {
                StaffFileError(index: index, accountID: account.id, field: field, reason: reason)
            }
            guard !account.id.isEmpty, account.id.count <= 64,
                  account.id.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }) else {
                throw fail("id", "must be 1 to 64 ASCII letters, digits, '-', '_' or '.' (got '\(account.id)')")
            }
            if let first = ids.updateValue(index, forKey: account.id) {
                throw fail("id", "is already the id of account [\(first)]")
            }
            if let first = digests.updateValue(index, forKey: account.tokenDigest) {
                throw fail("token_sha256", "is already the token of account [\(first)] ('\(accounts[first].id)'): each account has its own")
            }
            if account.tokenDigest == StaffAccount.digest(of: "") {
                throw fail("token_sha256", "is the SHA-256 of an empty token")
            }
            guard !account.stations.isEmpty else { throw fail("stations", "must list at least one station id") }
            for (position, station) in account.stations.enumerated() {
                guard isStation(station) else { throw fail("stations[\(position)]", "'\(station)' is not a station of the directory") }
                if account.stations[..<position].contains(station) { throw fail("stations[\(position)]", "lists '\(station)' twice") }
            }
        }
    }

    private static func describe(_ error: DecodingError) -> ([any CodingKey], String) {
        switch error {
        case .typeMismatch(let type, let context):
            (context.codingPath, type == String.self ? "must be a string" : "\(type)".hasPrefix("Array") ? "must be a list" : "must be an object")
        case .valueNotFound(_, let context): (context.codingPath, "must not be null")
        case .keyNotFound(let key, let context): (context.codingPath + [key], "is required")
        case .dataCorrupted(let context):
            (context.codingPath, context.debugDescription == "unknown field" ? "is not a field of a staff account" : context.debugDescription)
        @unknown default: ([], "cannot be decoded")
        }
    }
}

/// Who may use the back office: checks bearer tokens against the accounts'
/// digests in constant time (every account is compared, whatever matches).
public struct StaffDirectory: Sendable {
    /// The accounts.
    public let accounts: [StaffAccount]

    /// A directory of `accounts` (none: every staff route answers 401).
    public init(_ accounts: [StaffAccount] = []) {
        self.accounts = accounts
    }

    /// The account whose token is `token`, if any.
    public func account(token: String) -> StaffAccount? {
        let digest = StaffAccount.digest(of: token)
        var found: StaffAccount?
        for account in accounts where Self.constantTimeEquals(account.tokenDigest, digest) {
            found = account
        }
        return found
    }

    /// Compares two digests without stopping at the first difference.
    static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
