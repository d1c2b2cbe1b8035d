import Foundation
import Testing
@testable import MaSecuriteCLI

@Suite struct ParsedArgumentsTests {
    func arguments(_ values: [String: [String]] = [:], flags: Set<String> = [], positionals: [String] = []) -> ParsedArguments {
        ParsedArguments(commandPath: ["x", "y"], positionals: positionals, values: values, flags: flags)
    }

    @Test func basicAccessors() throws {
        let parsed = arguments(["limit": ["3"], "tag": ["a", "b"]], flags: ["json"], positionals: ["p0"])
        #expect(parsed.flag(option("json")))
        #expect(!parsed.flag(option("verbose")))
        #expect(parsed.value(option("tag")) == "b")
        #expect(parsed.values(option("tag")) == ["a", "b"])
        #expect(parsed.values(option("none")).isEmpty)
        #expect(parsed.positional(0) == "p0")
        #expect(parsed.positional(1) == nil)
        #expect(try parsed.required(option("limit")) == "3")
        #expect(throws: UsageError.self) { try parsed.required(option("missing")) }
    }

    @Test func integers() throws {
        #expect(try arguments(["k": ["5"]]).int(option("k"), in: 1...10) == 5)
        #expect(try arguments().int(option("k")) == nil)
        for bad in ["0", "11", "five", "5.0", ""] {
            do {
                _ = try arguments(["k": [bad]]).int(option("k"), in: 1...10)
                Issue.record("'\(bad)' should be rejected")
            } catch {
                #expect(error.message == "--k expects a whole number in 1…10, got '\(bad)'")
            }
        }
    }

    @Test func decimals() throws {
        #expect(try arguments(["lat": ["-21.115"]]).double(option("lat")) == -21.115)
        #expect(throws: UsageError.self) { try arguments(["lat": ["nan"]]).double(option("lat")) }
        #expect(throws: UsageError.self) { try arguments(["lat": ["inf"]]).double(option("lat")) }
        #expect(throws: UsageError.self) { try arguments(["lat": ["44,8"]]).double(option("lat")) }
    }

    @Test func choices() throws {
        #expect(try arguments(["lang": ["fr"]]).choice(option("lang"), from: ["fr", "en"]) == "fr")
        do {
            _ = try arguments(["lang": ["de"]]).choice(option("lang"), from: ["fr", "en"])
            Issue.record("'de' should be rejected")
        } catch {
            #expect(error.message == "--lang must be one of fr, en; got 'de'")
        }
    }

    @Test func dates() throws {
        let expected = Date(timeIntervalSince1970: 1_774_771_200) // 2026-03-29T08:00:00Z
        #expect(try arguments(["at": ["2026-03-29T10:00:00+02:00"]]).date(option("at")) == expected)
        #expect(try arguments(["at": ["2026-03-29T08:00:00Z"]]).date(option("at")) == expected)
        #expect(try arguments(["at": ["2026-03-29T08:00:00.250Z"]]).date(option("at")) == expected.addingTimeInterval(0.25))
        #expect(throws: UsageError.self) { try arguments(["at": ["2026-03-29 10:00"]]).date(option("at")) }
        #expect(throws: UsageError.self) { try arguments(["at": ["tomorrow"]]).date(option("at")) }
    }
}

/// An option named `name`, for reading parsed arguments in these tests.
private func option(_ name: String) -> OptionSpec { OptionSpec(name, .value(placeholder: "X"), help: "") }
