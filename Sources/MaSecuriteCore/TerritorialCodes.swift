import Foundation

/// Why a French territorial code was rejected.
public enum TerritorialCodeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not a département or overseas collectivity code; carries the input as given.
    case invalidDepartement(String)
    /// Not an INSEE commune code; carries the input as given.
    case invalidINSEECode(String)
    /// Not a French postal code; carries the input as given.
    case invalidPostalCode(String)

    /// A message quoting the rejected input and the expected form.
    public var description: String {
        switch self {
        case .invalidDepartement(let s):
            return "'\(s)' is not a French département code (expected 01…95, 2A, 2B, 971…978, 984, 986, 987 or 988)"
        case .invalidINSEECode(let s):
            return "'\(s)' is not an INSEE commune code (expected 5 characters: département + commune number, e.g. 33063, 2A004, 97209)"
        case .invalidPostalCode(let s):
            return "'\(s)' is not a French postal code (expected 5 digits starting 01…95, 97 or 98, e.g. 75001, 20000, 97200)"
        }
    }
}

private let overseasDepartements: Set<String> = ["971", "972", "973", "974", "975", "976", "977", "978", "984", "986", "987", "988"]

/// A French département or overseas collectivity code: `01`…`95` (without `20`,
/// split since 1976 into `2A` Corse-du-Sud and `2B` Haute-Corse), the overseas
/// départements `971` Guadeloupe, `972` Martinique, `973` Guyane, `974` La Réunion,
/// `976` Mayotte, and the collectivities `975` Saint-Pierre-et-Miquelon,
/// `977` Saint-Barthélemy, `978` Saint-Martin, `984` TAAF, `986` Wallis-et-Futuna,
/// `987` Polynésie française, `988` Nouvelle-Calédonie.
///
/// `00`, `20`, `96`, `979`…`983`, `985` and `989` (Clipperton, which has no
/// département code of its own in this SDK) are rejected.
public struct DepartementCode: TerritorialCode, Hashable, Sendable {
    /// The code as written, e.g. `"33"`, `"2A"`, `"972"`.
    public let rawValue: String

    /// Validates `code` (surrounding spaces are ignored; `2a` is accepted as `2A`).
    /// - Throws: ``TerritorialCodeError/invalidDepartement(_:)`` quoting `code`.
    public init(_ code: String) throws(TerritorialCodeError) {
        let validated = ASCIICode.validate(code, slow: DepartementCode.validatedByFoundation) { bytes in
            DepartementCode.isValid(bytes) ? ASCIICode.makeString(code, bytes, upperCased: true) : nil
        }
        guard let value = validated else { throw .invalidDepartement(code) }
        rawValue = value
    }

    /// The reference path (Foundation trimming, Unicode upper-casing,
    /// `Character` tests), taken only for input holding a non-ASCII byte.
    /// Returns the normalised code, or nil when invalid.
    static func validatedByFoundation(_ code: String) -> String? {
        let value = code.trimmingCharacters(in: .whitespaces).uppercased()
        return DepartementCode.isValid(value) ? value : nil
    }

    /// Whether ASCII `bytes` (already trimmed; `a`/`b` accepted as `A`/`B`) form a valid code.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 2: return isValid(bytes[0], bytes[1])
        case 3: return isValid(bytes[0], bytes[1], bytes[2])
        default: return false
        }
    }

    /// Two-character codes: `01`…`95` except `20`, and `2A`/`2B` in either case.
    static func isValid(_ b0: UInt8, _ b1: UInt8) -> Bool {
        if b0 == UInt8(ascii: "2") {
            let upper = ASCIICode.upperCased(b1)
            if upper == UInt8(ascii: "A") || upper == UInt8(ascii: "B") { return true }
        }
        guard ASCIICode.isDigit(b0), ASCIICode.isDigit(b1) else { return false }
        let n = Int(b0 &- 0x30) * 10 + Int(b1 &- 0x30)
        return n >= 1 && n <= 95 && n != 20
    }

    /// Three-character codes: `971`…`978`, `984`, `986`, `987`, `988`.
    static func isValid(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
        guard b0 == UInt8(ascii: "9") else { return false }
        switch b1 {
        case UInt8(ascii: "7"): return b2 >= UInt8(ascii: "1") && b2 <= UInt8(ascii: "8")
        case UInt8(ascii: "8"):
            return b2 == UInt8(ascii: "4") || (b2 >= UInt8(ascii: "6") && b2 <= UInt8(ascii: "8"))
        default: return false
        }
    }

    static func isValid(_ value: String) -> Bool {
        if value == "2A" || value == "2B" { return true }
        if value.count == 2, value.allSatisfy(\.isASCIIDigit), let n = Int(value) {
            return (1...95).contains(n) && n != 20
        }
        if value.count == 3 { return overseasDepartements.contains(value) }
        return false
    }

    /// Every valid code, in order: `01`…`19`, `21`…`95` with `2A` and `2B`
    /// between `29` and `30` (text order), then `971`…`988`.
    public static let all: [DepartementCode] = {
        let metropolitan = (1...95).filter { $0 != 20 }.map { $0 < 10 ? "0\($0)" : "\($0)" } + ["2A", "2B"]
        let codes = metropolitan + overseasDepartements
        return codes.map { DepartementCode(uncheckedRawValue: $0) }.sorted()
    }()

    fileprivate init(uncheckedRawValue: String) { rawValue = uncheckedRawValue }

    /// The territory, which gives the time zone and the public holidays.
    public var territory: Territory {
        switch rawValue {
        case "57", "67", "68": return .alsaceMoselle
        case "971": return .guadeloupe
        case "972": return .martinique
        case "973": return .guyane
        case "974": return .reunion
        case "975": return .saintPierreEtMiquelon
        case "976": return .mayotte
        case "977": return .saintBarthelemy
        case "978": return .saintMartin
        case "984": return .terresAustralesEtAntarctiques
        case "986": return .wallisEtFutuna
        case "987": return .polynesieFrancaise
        case "988": return .nouvelleCaledonie
        default: return .metropole
        }
    }

    /// The local time zone of the département.
    public var timeZone: TimeZone { territory.timeZone }

}

/// An INSEE commune code ("code officiel géographique"): 5 characters, the
/// département (2 characters, or 3 overseas) followed by the commune number,
/// e.g. `33063` (Bordeaux), `2A004` (Ajaccio), `97209` (Fort-de-France).
public struct INSEECode: TerritorialCode, Hashable, Sendable {
    /// The code as written.
    public let rawValue: String
    /// The département the commune belongs to.
    public let departement: DepartementCode

    /// Validates `code`: 5 characters whose département prefix (3 characters
    /// for `97x`/`98x`, else 2) is a valid ``DepartementCode`` and whose rest is
    /// digits. Surrounding spaces are ignored and `2a004` is read as `2A004`.
    /// Monaco (`99138`) and Clipperton (`98901`), present in La Poste's base, are rejected.
    /// - Throws: ``TerritorialCodeError/invalidINSEECode(_:)`` quoting `code`.
    public init(_ code: String) throws(TerritorialCodeError) {
        let validated = ASCIICode.validate(code, slow: INSEECode.validatedByFoundation) { bytes -> (String, DepartementCode)? in
            guard bytes.count == 5 else { return nil }
            // `97x`/`98x` have a 3-character département prefix, the others 2.
            let prefixLength = bytes[0] == UInt8(ascii: "9")
                && (bytes[1] == UInt8(ascii: "7") || bytes[1] == UInt8(ascii: "8")) ? 3 : 2
            let prefixValid = prefixLength == 3
                ? DepartementCode.isValid(bytes[0], bytes[1], bytes[2])
                : DepartementCode.isValid(bytes[0], bytes[1])
            guard prefixValid else { return nil }
            for index in prefixLength..<5 where !ASCIICode.isDigit(bytes[index]) { return nil }
            let value = ASCIICode.makeString(code, bytes, upperCased: true)
            let prefix = String(decoding: bytes.prefix(prefixLength).lazy.map(ASCIICode.upperCased(_:)), as: UTF8.self)
            return (value, DepartementCode(uncheckedRawValue: prefix))
        }
        guard let (value, departement) = validated else { throw .invalidINSEECode(code) }
        rawValue = value
        self.departement = departement
    }

    /// The reference path (Foundation trimming, Unicode upper-casing,
    /// `Character` tests), taken only for input holding a non-ASCII byte.
    /// Returns the normalised code and its département, or nil when invalid.
    static func validatedByFoundation(_ code: String) -> (String, DepartementCode)? {
        let value = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard value.count == 5, value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "A" || $0 == "B") }) else {
            return nil
        }
        let prefix: String
        if value.hasPrefix("97") || value.hasPrefix("98") {
            prefix = String(value.prefix(3))
        } else {
            prefix = String(value.prefix(2))
        }
        guard value.dropFirst(prefix.count).allSatisfy(\.isASCIIDigit),
              let departement = try? DepartementCode(prefix) else {
            return nil
        }
        return (value, departement)
    }

    /// The territory of the commune, for time zone and public holidays.
    public var territory: Territory { departement.territory }

    /// The local time zone of the commune.
    public var timeZone: TimeZone { departement.timeZone }

}

/// A French postal code: 5 digits (`75001`, `20000`, `97200`, `98800`).
/// One postal code may serve several communes, and a commune several postal codes.
public struct PostalCode: TerritorialCode, Hashable, Sendable {
    /// The 5 digits.
    public let rawValue: String

    /// Validates `code`: 5 ASCII digits whose first two are `01`…`95`
    /// (including `20` for Corsica), `97` or `98`. Surrounding spaces are ignored.
    /// CEDEX codes have the same shape and are accepted.
    /// - Throws: ``TerritorialCodeError/invalidPostalCode(_:)`` quoting `code`.
    public init(_ code: String) throws(TerritorialCodeError) {
        let validated = ASCIICode.validate(code, slow: PostalCode.validatedByFoundation) { bytes -> String? in
            guard bytes.count == 5 else { return nil }
            for byte in bytes where !ASCIICode.isDigit(byte) { return nil }
            let n = Int(bytes[0] &- 0x30) * 10 + Int(bytes[1] &- 0x30)
            guard (n >= 1 && n <= 95) || n == 97 || n == 98 else { return nil }
            return ASCIICode.makeString(code, bytes, upperCased: false)
        }
        guard let value = validated else { throw .invalidPostalCode(code) }
        rawValue = value
    }

    /// The reference path (Foundation trimming, `Character` tests), taken
    /// only for input holding a non-ASCII byte. Returns the code, or nil when invalid.
    static func validatedByFoundation(_ code: String) -> String? {
        let value = code.trimmingCharacters(in: .whitespaces)
        guard value.count == 5, value.allSatisfy(\.isASCIIDigit), let n = Int(value.prefix(2)),
              (1...95).contains(n) || n == 97 || n == 98 else {
            return nil
        }
        return value
    }

    /// The territory the postal code belongs to, for time zone and holidays.
    /// Corsican codes (20xxx) are metropolitan; 57/67/68 are Alsace-Moselle;
    /// Saint-Barthélemy (97133) and Saint-Martin (97150) are recognised.
    public var territory: Territory {
        switch rawValue {
        case "97133": return .saintBarthelemy
        case "97150": return .saintMartin
        default: break
        }
        let p3 = String(rawValue.prefix(3))
        if rawValue.hasPrefix("97") || rawValue.hasPrefix("98"), let d = try? DepartementCode(p3) {
            return d.territory
        }
        switch rawValue.prefix(2) {
        case "57", "67", "68": return .alsaceMoselle
        default: return .metropole
        }
    }

    /// The local time zone (Europe/Paris for metropolitan France; 98000 Monaco
    /// shares Paris time).
    public var timeZone: TimeZone { territory.timeZone }

}

/// The ASCII fast path shared by the code initialisers: works on the UTF-8
/// bytes, without Foundation trimming or `Character` iteration.
enum ASCIICode {
    /// Runs `validate` on the input's bytes with leading and trailing ASCII
    /// spaces and tabs removed (the ASCII members of `CharacterSet.whitespaces`).
    /// Returns nil, without calling `validate`, when the input holds a non-ASCII
    /// byte: Unicode spaces, case mapping and digits are then left to Foundation.
    @inline(__always)
    static func scan<R>(_ code: String, _ validate: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        var code = code
        return code.withUTF8 { all -> R? in
            for byte in all where byte >= 0x80 { return nil }
            var start = 0
            var end = all.count
            while start < end, isSpace(all[start]) { start += 1 }
            while end > start, isSpace(all[end - 1]) { end -= 1 }
            return validate(UnsafeBufferPointer(rebasing: all[start..<end]))
        }
    }

    /// The initialisers' validation: `fast` on the trimmed ASCII bytes, or
    /// `slow` (the Foundation reference path) on `code` when it holds a
    /// non-ASCII byte. Returns nil when the chosen path rejects the code.
    @inline(__always)
    static func validate<T>(
        _ code: String, slow: (String) -> T?, fast: (UnsafeBufferPointer<UInt8>) -> T?
    ) -> T? {
        switch scan(code, fast) {
        case .some(let result): return result
        case .none: return slow(code)
        }
    }

    /// The valid code as a string: `code` itself when it needs no change
    /// (no allocation), else the trimmed bytes, upper-cased if asked.
    static func makeString(_ code: String, _ bytes: UnsafeBufferPointer<UInt8>, upperCased: Bool) -> String {
        let needsUpperCasing = upperCased && bytes.contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
        if !needsUpperCasing && bytes.count == code.utf8.count { return code }
        guard needsUpperCasing else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes.lazy.map(ASCIICode.upperCased(_:)), as: UTF8.self)
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    @inline(__always) static func upperCased(_ byte: UInt8) -> UInt8 { byte &- 0x61 < 26 ? byte &- 0x20 : byte }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
