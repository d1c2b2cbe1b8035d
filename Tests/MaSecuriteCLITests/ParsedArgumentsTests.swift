import Foundation
import Testing
@testable import MaSecuriteCLI

@Suite struct ParsedArgumentsTests {
    func arguments(_ values: [String: [String]] = [:], flags: Set<String> = [], positionals: [String] = []) -> ParsedArguments {
        ParsedArguments(commandPath: ["x", "y"], positionals: positionals, values: values, flags: flags)
    }

    @Test func basicAccessors() throws {
        let parsed = arguments(["limit": ["3"], "tag": ["a", "b"]], flags: ["json"], positionals: ["p0"])
        #expect(parsed.flag("json"))
        #expect(!parsed.flag("verbose"))
        #expect(parsed.value("tag") == "b")
        #expect(parsed.values("tag") == ["a", "b"])
        #expect(parsed.values("none").isEmpty)
        #expect(parsed.positional(0) == "p0")
        #expect(parsed.positional(1) == nil)
        #expect(try parsed.required("limit") == "3")
        #expect(throws: UsageError.self) { try parsed.required("missing") }
    }

    @Test func integers() throws {
        #expect(try arguments(["k": ["5"]]).int("k", in: 1...10) == 5)
        #expect(try arguments().int("k") == nil)
        for bad in ["0", "11", "five", "5.0", ""] {
            do {
                _ = try arguments(["k": [bad]]).int("k", in: 1...10)
                Issue.record("'\(bad)' should be rejected")
            } catch {
                #expect(error.message == "--k expects a whole number in 1…10, got '\(bad)'")
            }
        }
    }

    @Test func decimals() throws {
        #expect(try arguments(["lat": ["-21.115"]]).double("lat") == -21.115)
        #expect(throws: UsageError.self) { try arguments(["lat": ["nan"]]).double("lat") }
        #expect(throws: UsageError.self) { try arguments(["lat": ["inf"]]).double("lat") }
        #expect(throws: UsageError.self) { try arguments(["lat": ["44,8"]]).double("lat") }
    }

    @Test func choices() throws {
        #expect(try arguments(["lang": ["fr"]]).choice("lang", from: ["fr", "en"]) == "fr")
        do {
            _ = try arguments(["lang": ["de"]]).choice("lang", from: ["fr", "en"])
            Issue.record("'de' should be rejected")
        } catch {
            #expect(error.message == "--lang must be one of fr, en; got 'de'")
        }
    }

    @Test func dates() throws {
        let expected = Date(timeIntervalSince1970: 1_774_771_200) // 2026-03-29T08:00:00Z
        #expect(try arguments(["at": ["2026-03-29T10:00:00+02:00"]]).date("at") == expected)
        #expect(try arguments(["at": ["2026-03-29T08:00:00Z"]]).date("at") == expected)
        #expect(try arguments(["at": ["2026-03-29T08:00:00.250Z"]]).date("at") == expected.addingTimeInterval(0.25))
        #expect(throws: UsageError.self) { try arguments(["at": ["2026-03-29 10:00"]]).date("at") }
        #expect(throws: UsageError.self) { try arguments(["at": ["tomorrow"]]).date("at") }
    }
}
