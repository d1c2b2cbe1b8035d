import Foundation
import Testing
@testable import MaSecuriteCLI

/// Commands read their options by name (`arguments.value("postal-code")`): a
/// misspelt name would silently read nothing. Every name read in the CLI's
/// sources must be an option that some command declares.
@Suite struct OptionNamesTests {
    @Test("every option name read by a command is declared")
    func namesReadAreDeclared() throws {
        let declared = Set(MaSecuriteCommandLine.tool().commands.flatMap { $0.options.map(\.name) })
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/MaSecuriteCLI").standardizedFileURL
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 10)
        let pattern = try Regex(#"arguments\.(value|values|flag|required|int|double|choice|date)\("([a-z0-9-]+)""#)
        var read = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                guard let name = match.output[2].substring.map(String.init) else { continue }
                read += 1
                #expect(declared.contains(name), "\(file.lastPathComponent) reads --\(name), which no command declares")
            }
        }
        #expect(read > 50)
    }
}
