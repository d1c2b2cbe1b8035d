import Testing
@testable import StationDirectory

@Suite struct CSVReaderTests {
    private func records(_ text: String) throws(CSVSyntaxError) -> [CSVRecord] {
        var reader = CSVReader(bytes: Array(text.utf8))
        var result: [CSVRecord] = []
        while let record = try reader.next() { result.append(record) }
        return result
    }

    @Test func quotedFieldsWithCommasNewlinesAndEscapedQuotes() throws {
        let result = try records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n")
        #expect(result.count == 3)
        #expect(result[1].fields == ["x, y", "say \"hi\"", "two\nlines"])
        #expect(result[1].line == 2)
        #expect(result[2].fields == ["last", "", ""])
        #expect(result[2].line == 4, "a record after a quoted line break starts one line later")
    }

    @Test func byteOrderMarkAndCRLFAreHandled() throws {
        let result = try records("\u{FEFF}id,name\r\n1,\"a\r\nb\"\r\n2,c\r\n")
        #expect(result.map(\.fields) == [["id", "name"], ["1", "a\r\nb"], ["2", "c"]])
        #expect(result.map(\.line) == [1, 2, 4])
    }

    @Test func lastLineWithoutNewlineAndBlankLines() throws {
        let result = try records("a,b\n\n\n1,2")
        #expect(result.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(result[1].line == 4)
    }

    @Test func accentsSurviveAsUTF8() throws {
        let result = try records("Saint-Étienne,Bègles,L'Haÿ-les-Roses\n")
        #expect(result[0].fields == ["Saint-Étienne", "Bègles", "L'Haÿ-les-Roses"])
    }

    @Test func syntaxErrorsCarryTheLineAndTheReaderResumes() throws {
        var reader = CSVReader(bytes: Array("a,b\n\"x\"y,2\nc,\"d\"\n".utf8))
        _ = try reader.next()
        #expect {
            _ = try reader.next()
        } throws: { error in
            guard let error = error as? CSVSyntaxError else { return false }
            return error.line == 2 && error.reason == .textAfterClosingQuote
        }
        let next = try reader.next()
        #expect(next?.fields == ["c", "d"])
        #expect(next?.line == 3)
    }

    @Test func unterminatedQuoteReportsTheRecordStart() {
        #expect {
            _ = try records("a\n\"open\nstill open\n")
        } throws: { error in
            (error as? CSVSyntaxError).map { $0.line == 2 && $0.reason == .unterminatedQuote } ?? false
        }
    }

    @Test func quoteInsideUnquotedFieldIsRejected() {
        #expect {
            _ = try records("a,b\n1,ab\"c\n")
        } throws: { error in
            (error as? CSVSyntaxError).map { $0.line == 2 && $0.reason == .quoteInUnquotedField } ?? false
        }
    }

    @Test func invalidUTF8IsRejected() {
        var bytes = Array("a,b\n1,".utf8)
        bytes += [0xC3, 0x28, 0x0A]
        var reader = CSVReader(bytes: bytes)
        #expect(throws: CSVSyntaxError.self) {
            while try reader.next() != nil {}
        }
    }
}
