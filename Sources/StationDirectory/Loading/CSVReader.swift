/// One record of a CSV file: its fields and the line where it starts.
struct CSVRecord: Sendable {
    /// 1-based line number of the first byte of the record.
    var line: Int
    var fields: [String]
}

/// A syntax error of the CSV layer (the loader adds the source name).
struct CSVSyntaxError: Error, Sendable {
    var line: Int
    var reason: StationDataError.Reason
}

/// An RFC 4180 CSV reader working on UTF-8 bytes.
///
/// Handles quoted fields with `""` escapes, commas and line breaks inside
/// quotes, a leading byte-order mark, LF, CRLF and lone CR line ends.
/// Blank lines are skipped. After a syntax error the reader resumes at the
/// next line, so a lenient caller can skip the bad record and go on.
struct CSVReader {
    private let bytes: [UInt8]
    private var position: Int
    private var line = 1
    private var scratch: [UInt8] = []

    private static let quote: UInt8 = 0x22
    private static let comma: UInt8 = 0x2C
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            position = 3
        } else {
            position = 0
        }
        scratch.reserveCapacity(256)
    }

    /// The next record, `nil` at the end of the input.
    mutating func next() throws(CSVSyntaxError) -> CSVRecord? {
        // Skip blank lines.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == CSVReader.lineFeed {
                position += 1; line += 1
            } else if byte == CSVReader.carriageReturn {
                position += 1
                if position < bytes.count, bytes[position] == CSVReader.lineFeed { position += 1 }
                line += 1
            } else {
                break
            }
        }
        guard position < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        fields.reserveCapacity(32)
        while true {
            let field: String
            do {
                field = try readField(recordLine: startLine)
            } catch {
                skipToNextLine()
                throw error
            }
            fields.append(field)
            guard position < bytes.count else { return CSVRecord(line: startLine, fields: fields) }
            let byte = bytes[position]
            if byte == CSVReader.comma {
                position += 1
                if position >= bytes.count { fields.append(""); return CSVRecord(line: startLine, fields: fields) }
                continue
            }
            // End of line.
            position += 1
            if byte == CSVReader.carriageReturn, position < bytes.count, bytes[position] == CSVReader.lineFeed {
                position += 1
            }
            line += 1
            return CSVRecord(line: startLine, fields: fields)
        }
    }

    /// Reads one field, leaving `position` on the comma, the line end or the end.
    private mutating func readField(recordLine: Int) throws(CSVSyntaxError) -> String {
        let count = bytes.count
        if position < count, bytes[position] == CSVReader.quote {
            position += 1
            scratch.removeAll(keepingCapacity: true)
            var segmentStart = position
            while true {
                guard position < count else {
                    throw CSVSyntaxError(line: recordLine, reason: .unterminatedQuote)
                }
                let byte = bytes[position]
                if byte == CSVReader.quote {
                    scratch.append(contentsOf: bytes[segmentStart..<position])
                    position += 1
                    if position < count, bytes[position] == CSVReader.quote {
                        scratch.append(CSVReader.quote)
                        position += 1
                        segmentStart = position
                        continue
                    }
                    if position < count {
                        let next = bytes[position]
                        guard next == CSVReader.comma || next == CSVReader.lineFeed || next == CSVReader.carriageReturn else {
                            throw CSVSyntaxError(line: line, reason: .textAfterClosingQuote)
                        }
                    }
                    guard let text = String(validating: scratch, as: UTF8.self) else {
                        throw CSVSyntaxError(line: recordLine, reason: .invalidUTF8)
                    }
                    return text
                }
                if byte == CSVReader.lineFeed {
                    line += 1
                } else if byte == CSVReader.carriageReturn {
                    if position + 1 >= count || bytes[position + 1] != CSVReader.lineFeed { line += 1 }
                }
                position += 1
            }
        }
        let start = position
        while position < count {
            let byte = bytes[position]
            if byte == CSVReader.comma || byte == CSVReader.lineFeed || byte == CSVReader.carriageReturn { break }
            if byte == CSVReader.quote { throw CSVSyntaxError(line: line, reason: .quoteInUnquotedField) }
            position += 1
        }
        if start == position { return "" }
        guard let text = String(validating: bytes[start..<position], as: UTF8.self) else {
            throw CSVSyntaxError(line: line, reason: .invalidUTF8)
        }
        return text
    }

    /// Moves past the end of the current physical line (error recovery).
    private mutating func skipToNextLine() {
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == CSVReader.lineFeed { line += 1; return }
            if byte == CSVReader.carriageReturn {
                if position < bytes.count, bytes[position] == CSVReader.lineFeed { position += 1 }
                line += 1
                return
            }
        }
    }
}

/// A CSV file read record by record against its header, mapping column names
/// to positions and checking each record's field count.
struct CSVTable {
    let source: String
    private(set) var reader: CSVReader
    let columns: [String: Int]
    let columnCount: Int

    /// Reads the header and checks that `required` columns are present.
    init(bytes: [UInt8], source: String, required: [String]) throws(StationDataError) {
        self.source = source
        var reader = CSVReader(bytes: bytes)
        let header: CSVRecord
        do {
            guard let first = try reader.next() else {
                throw StationDataError(source: source, line: nil, reason: .emptyInput)
            }
            header = first
        } catch let error as CSVSyntaxError {
            throw StationDataError(source: source, line: error.line, reason: error.reason)
        } catch let error as StationDataError {
            throw error
        } catch {
            throw StationDataError(source: source, line: nil, reason: .emptyInput)
        }
        var columns: [String: Int] = [:]
        for (index, rawName) in header.fields.enumerated() {
            let name = rawName.trimmingASCIISpaces()
            guard columns[name] == nil else {
                throw StationDataError(source: source, line: header.line, field: name, reason: .duplicateColumn(name))
            }
            columns[name] = index
        }
        for name in required where columns[name] == nil {
            throw StationDataError(source: source, line: header.line, field: name, reason: .missingColumn(name))
        }
        self.reader = reader
        self.columns = columns
        columnCount = header.fields.count
    }

    /// The next record with the header's field count, or `nil` at the end.
    /// Throws for a syntax error or a wrong field count; the table can go on after it.
    mutating func next() throws(StationDataError) -> CSVRecord? {
        let record: CSVRecord?
        do {
            record = try reader.next()
        } catch {
            throw StationDataError(source: source, line: error.line, reason: error.reason)
        }
        guard let record else { return nil }
        guard record.fields.count == columnCount else {
            throw StationDataError(source: source, line: record.line,
                                   reason: .wrongFieldCount(expected: columnCount, found: record.fields.count))
        }
        return record
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces and tabs.
    func trimmingASCIISpaces() -> String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last,
              first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 else { return self }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { start = utf8.index(after: start) }
        while end > start {
            let before = utf8.index(before: end)
            guard utf8[before] == 0x20 || utf8[before] == 0x09 else { break }
            end = before
        }
        return String(self[start..<end])
    }
}
