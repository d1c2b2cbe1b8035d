#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// Where a command reads its input and writes its output. The real terminal in
/// `masecurite`, a buffer in tests.
public protocol Console: Sendable {
    /// Writes `text` to standard output as is (no newline added).
    func write(_ text: String)
    /// Writes `text` to standard error as is (no newline added).
    func writeError(_ text: String)
    /// Reads one line of standard input without its line ending; `nil` at end of input.
    func readLine() -> String?
    /// Whether standard input is an interactive terminal (prompts are shown then).
    var isInteractive: Bool { get }
}

extension Console {
    /// Writes `text` and a newline to standard output.
    public func line(_ text: String = "") { write(text + "\n") }
    /// Writes `text` and a newline to standard error.
    public func errorLine(_ text: String) { writeError(text + "\n") }
}

/// The process's standard streams. Standard output is buffered (64 KiB) and
/// flushed before reading input, before writing an error, and by ``flush()``.
public final class StandardConsole: Console {
    private let buffer = Mutex<[UInt8]>([])
    private static let capacity = 1 << 16

    public init() {}

    public func write(_ text: String) {
        buffer.withLock { bytes in
            bytes.append(contentsOf: text.utf8)
            if bytes.count >= StandardConsole.capacity {
                StandardConsole.writeAll(bytes, to: STDOUT_FILENO)
                bytes.removeAll(keepingCapacity: true)
            }
        }
    }

    public func writeError(_ text: String) {
        flush()
        StandardConsole.writeAll(Array(text.utf8), to: STDERR_FILENO)
    }

    public func readLine() -> String? {
        flush()
        return Swift.readLine(strippingNewline: true)
    }

    public var isInteractive: Bool { isatty(STDIN_FILENO) != 0 }

    /// Writes out buffered standard output.
    public func flush() {
        buffer.withLock { bytes in
            StandardConsole.writeAll(bytes, to: STDOUT_FILENO)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let written = Foundation.write(descriptor, base + offset, raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

/// A console over in-memory buffers, for tests and embedding.
public final class BufferConsole: Console {
    private struct State {
        var input: [String]
        var output = ""
        var error = ""
    }

    private let state: Mutex<State>

    /// - Parameter input: the text standard input will deliver, split into lines.
    public init(input: String = "") {
        var lines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        state = Mutex(State(input: lines.reversed()))
    }

    public func write(_ text: String) { state.withLock { $0.output += text } }
    public func writeError(_ text: String) { state.withLock { $0.error += text } }
    public func readLine() -> String? { state.withLock { $0.input.popLast() } }
    public var isInteractive: Bool { false }

    /// Everything written to standard output so far.
    public var output: String { state.withLock { $0.output } }
    /// Everything written to standard error so far.
    public var errorOutput: String { state.withLock { $0.error } }
}
