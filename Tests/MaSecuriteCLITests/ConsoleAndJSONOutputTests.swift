import Foundation
import Testing
@testable import MaSecuriteCLI

@Suite struct ConsoleAndJSONOutputTests {
    @Test func bufferConsoleSeparatesStreamsAndReadsLines() {
        let console = BufferConsole(input: "first\nsecond\n")
        console.line("out")
        console.write("more")
        console.errorLine("err")
        #expect(console.output == "out\nmore")
        #expect(console.errorOutput == "err\n")
        #expect(console.readLine() == "first")
        #expect(console.readLine() == "second")
        #expect(console.readLine() == nil)
        #expect(!console.isInteractive)
        #expect(BufferConsole(input: "a\n\nb").readLine() == "a")
    }

    @Test func jsonOutputIsSortedStableAndUnescaped() throws {
        struct Row: Encodable {
            let station_id: String
            let url: String
            let opened_at: Date
            let distance_m: Int
        }
        let row = Row(station_id: "gendarmerie-01004-01", url: "https://www.example.fr/a/b",
                      opened_at: Date(timeIntervalSince1970: 1_774_771_200), distance_m: 1200)
        let pretty = try JSONOutput.encode(row)
        #expect(pretty == """
        {
          "distance_m" : 1200,
          "opened_at" : "2026-03-29T08:00:00Z",
          "station_id" : "gendarmerie-01004-01",
          "url" : "https://www.example.fr/a/b"
        }
        """)
        let compact = try JSONOutput.encode(row, pretty: false)
        #expect(compact == #"{"distance_m":1200,"opened_at":"2026-03-29T08:00:00Z","station_id":"gendarmerie-01004-01","url":"https://www.example.fr/a/b"}"#)
    }
}
