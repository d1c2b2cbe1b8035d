import Foundation
import MaSecuriteCore
import Testing

@Suite struct JSONSyntaxTests {
    func problem(_ text: String) -> String? {
        JSONSyntax.firstProblem(in: Data(text.utf8))?.description
    }

    @Test func validJSONHasNoProblem() {
        #expect(problem(#"{"a": [1, -2.5e3, true, false, null, "\u00e9\n"], "b": {}}"#) == nil)
        #expect(problem("\u{FEFF}[]") == nil)
    }

    @Test func problemsSayLineAndColumnInCharacters() {
        #expect(problem("{\n  \"a\": 1,\n  oops\n}") == "line 3, column 3: expected a field name in double quotes")
        #expect(problem("{\"é\": tru}") == "line 1, column 10: unexpected '}': expected true (strings need double quotes)")
        #expect(problem("[1, 2,]") == "line 1, column 7: a ',' is followed by ']': remove the trailing comma")
        #expect(problem("{\"a\": 1,}") == "line 1, column 9: a ',' is followed by '}': remove the trailing comma")
        #expect(problem("{\"a\" 1}") == "line 1, column 6: expected ':' after the field name")
        #expect(problem("{\"a\": 1") == "line 1, column 8: unexpected end of the text: '}' is missing")
        #expect(problem("[\"abc") == "line 1, column 2: this string is never closed: a '\"' is missing")
        #expect(problem("[01]") == "line 1, column 3: expected ',' or ']' after an element")
        #expect(problem("{} {}") == "line 1, column 4: unexpected text after the end of the JSON value")
        #expect(problem("") == "line 1, column 1: unexpected end of the text: a value is missing")
    }
}
