import Foundation

/// Where a JSON text stops being valid JSON, for error messages that say
/// `line 3, column 5` instead of Foundation's bare "The given data was not
/// valid JSON.".
public enum JSONSyntax {
    /// The first syntax error of a JSON text.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The line, from 1.
        public let line: Int
        /// The column in characters (Unicode scalars), from 1.
        public let column: Int
        /// What is wrong there, e.g. `expected ',' or '}'`.
        public let reason: String

        /// `line 3, column 5: expected ',' or '}'`.
        public var description: String { "line \(line), column \(column): \(reason)" }
    }

    /// The first syntax error of `data` read as JSON (RFC 8259; a leading UTF-8
    /// byte order mark is accepted as `JSONDecoder` does), or `nil` when the
    /// syntax is valid.
    public static func firstProblem(in data: Data) -> Problem? {
        var scanner = Scanner(bytes: Array(data))
        if scanner.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }
        do throws(Problem) {
            scanner.skipSpace()
            try scanner.value(depth: 0)
            scanner.skipSpace()
            if scanner.index < scanner.bytes.count { throw scanner.fail("unexpected text after the end of the JSON value") }
            return nil
        } catch {
            return error
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        func fail(_ reason: String) -> Problem {
            var line = 1
            var column = 1
            for byte in bytes[..<min(index, bytes.count)] {
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            return Problem(line: line, column: column, reason: reason)
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        func shown(_ byte: UInt8) -> String {
            (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : String(format: "byte 0x%02X", byte)
        }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        mutating func value(depth: Int) throws(Problem) {
            guard depth < 512 else { throw fail("nested more than 512 levels deep") }
            guard let byte = current else { throw fail("unexpected end of the text: a value is missing") }
            switch byte {
            case UInt8(ascii: "{"): try object(depth: depth)
            case UInt8(ascii: "["): try array(depth: depth)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            default: throw fail("unexpected \(shown(byte)): expected a value (object, array, string, number, true, false or null)")
            }
        }

        mutating func object(depth: Int) throws(Problem) {
            index += 1
            skipSpace()
            if current == UInt8(ascii: "}") { index += 1; return }
            while true {
                guard current == UInt8(ascii: "\"") else {
                    throw fail(current == UInt8(ascii: "}") ? "a ',' is followed by '}': remove the trailing comma"
                               : "expected a field name in double quotes")
                }
                try string()
                skipSpace()
                guard current == UInt8(ascii: ":") else { throw fail("expected ':' after the field name") }
                index += 1
                skipSpace()
                try value(depth: depth + 1)
                skipSpace()
                if current == UInt8(ascii: ",") {
                    index += 1
                    skipSpace()
                } else if current == UInt8(ascii: "}") {
                    index += 1
                    return
                } else {
                    throw fail(current == nil ? "unexpected end of the text: '}' is missing" : "expected ',' or '}' after a field")
                }
            }
        }

        mutating func array(depth: Int) throws(Problem) {
            index += 1
            skipSpace()
            if current == UInt8(ascii: "]") { index += 1; return }
            while true {
                if current == UInt8(ascii: "]") { throw fail("a ',' is followed by ']': remove the trailing comma") }
                try value(depth: depth + 1)
                skipSpace()
                if current == UInt8(ascii: ",") {
                    index += 1
                    skipSpace()
                } else if current == UInt8(ascii: "]") {
                    index += 1
                    return
                } else {
                    throw fail(current == nil ? "unexpected end of the text: ']' is missing" : "expected ',' or ']' after an element")
                }
            }
        }

        mutating func string() throws(Problem) {
            let start = index
            index += 1
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return
                case UInt8(ascii: "\\"):
                    index += 1
                    guard let escaped = current else { break }
                    if escaped == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            index += 1
                            guard let hex = current, hex.isHexDigit else { throw fail("expected four hexadecimal digits after \\u") }
                        }
                    } else if !Array("\"\\/bfnrt".utf8).contains(escaped) {
                        throw fail("unknown escape \\\(Character(Unicode.Scalar(escaped))) in a string")
                    }
                    index += 1
                case 0x00..<0x20:
                    throw fail("a control character (e.g. a line break) inside a string: write it \\n or close the quote")
                default:
                    index += 1
                }
            }
            index = start
            throw fail("this string is never closed: a '\"' is missing")
        }

        mutating func number() throws(Problem) {
            if current == UInt8(ascii: "-") { index += 1 }
            guard let first = current, first.isDigit else { throw fail("expected a digit in a number") }
            index += 1
            if first != UInt8(ascii: "0") { while current?.isDigit == true { index += 1 } }
            if current == UInt8(ascii: ".") {
                index += 1
                guard current?.isDigit == true else { throw fail("expected a digit after the decimal point") }
                while current?.isDigit == true { index += 1 }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard current?.isDigit == true else { throw fail("expected a digit in the exponent") }
                while current?.isDigit == true { index += 1 }
            }
        }

        mutating func literal(_ word: String) throws(Problem) {
            for expected in word.utf8 {
                guard current == expected else {
                    throw fail("unexpected \(current.map(shown) ?? "end of the text"): expected \(word) (strings need double quotes)")
                }
                index += 1
            }
        }
    }
}

extension JSONSyntax.Problem: Error {}

private extension UInt8 {
    var isDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
    var isHexDigit: Bool {
        isDigit || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
