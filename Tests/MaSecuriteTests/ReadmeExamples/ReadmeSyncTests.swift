import Foundation
import Testing

/// Keeps README.md and the README example tests the same code: each ```swift
/// example of README.md must appear verbatim between `// README:begin` and
/// `// README:end` in `Readme<Module>Example.swift`, and that file must import
/// exactly what the README block imports (plus Testing), so that a missing
/// import in README.md is a compile error here.
@Suite("README examples stay in sync")
struct ReadmeSyncTests {
    struct Block: Sendable {
        let heading: String
        let lines: [String]
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let readme = folder.appendingPathComponent("../../../README.md").standardizedFileURL

    /// The ```swift blocks under `### Module — …` headings of README.md.
    static func examples() throws -> [Block] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        var blocks: [Block] = []
        var heading = ""
        var current: [String]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if var lines = current {
                if line == "```" {
                    blocks.append(Block(heading: heading, lines: lines))
                    current = nil
                } else {
                    lines.append(line)
                    current = lines
                }
            } else if line.hasPrefix("### ") {
                heading = String(line.dropFirst(4).prefix { $0 != " " })
            } else if line == "```swift", !heading.isEmpty {
                current = []
            } else if line.hasPrefix("## ") {
                heading = ""
            }
        }
        return blocks
    }

    @Test("README has its nine module examples")
    func readmeHasExamples() throws {
        let headings = try Self.examples().map(\.heading)
        #expect(headings == ["MaSecurite", "MaSecuriteCore", "OrienteurKit", "StationDirectory",
                             "Teleservices", "Appointments", "ChatProtocol", "Signalements", "LocalInformation"])
    }

    @Test("each README example is its test's code, with the same imports", arguments: try examples())
    func example(_ block: Block) throws {
        let file = Self.folder.appendingPathComponent("Readme\(block.heading)Example.swift")
        let test = try String(contentsOf: file, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let testImports = test.filter { $0.hasPrefix("import ") && $0 != "import Testing" }
        let readmeImports = block.lines.filter { $0.hasPrefix("import ") }
        #expect(testImports == readmeImports, "README.md's \(block.heading) example imports \(readmeImports), its test \(testImports)")

        let begin = try #require(test.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "// README:begin" })
        let end = try #require(test.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "// README:end" })
        let body = test[(begin + 1)..<end].map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : $0 }
        let code = Array(block.lines.drop { $0.hasPrefix("import ") || $0.isEmpty })
        #expect(body == code, "README.md's \(block.heading) example differs from Readme\(block.heading)Example.swift")
    }
}

extension ReadmeSyncTests.Block: CustomTestStringConvertible {
    var testDescription: String { heading }
}
