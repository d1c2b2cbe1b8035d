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
/// A failed write (a full disk, `> /dev/full`, a closed descriptor) is kept in
/// ``outputFailure`` so the program can exit non-zero instead of losing the output silently.
public final class StandardConsole: Console {
    private let buffer = Mutex<[UInt8]>([])
    private let failure = Mutex<String?>(nil)
    private let outputDescriptor: Int32
    private let errorDescriptor: Int32
    private static let capacity = 1 << 16

    /// A console over standard output and standard error, or other descriptors (for tests).
    public init(output: Int32 = STDOUT_FILENO, error: Int32 = STDERR_FILENO) {
        outputDescriptor = output
        errorDescriptor = error
    }

    public func write(_ text: String) {
        buffer.withLock { bytes in
            bytes.append(contentsOf: text.utf8)
            if bytes.count >= StandardConsole.capacity {
                record(StandardConsole.writeAll(bytes, to: outputDescriptor))
                bytes.removeAll(keepingCapacity: true)
            }
        }
    }

    public func writeError(_ text: String) {
        flush()
        _ = StandardConsole.writeAll(Array(text.utf8), to: errorDescriptor)
    }

    public func readLine() -> String? {
        flush()
        return Swift.readLine(strippingNewline: true)
    }

    public var isInteractive: Bool { isatty(STDIN_FILENO) != 0 }

    /// Writes out buffered standard output.
    public func flush() {
        buffer.withLock { bytes in
            record(StandardConsole.writeAll(bytes, to: outputDescriptor))
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// Why writing standard output failed (e.g. `No space left on device`), the
    /// first time it did; `nil` while every write succeeded.
    public var outputFailure: String? { failure.withLock { $0 } }

    private func record(_ errorNumber: Int32?) {
        guard let errorNumber else { return }
        failure.withLock { $0 = $0 ?? String(cString: strerror(errorNumber)) }
    }

    /// Writes every byte; the `errno` of the first failed write, `nil` on success.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { raw -> Int32? in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let written = Foundation.write(descriptor, base + offset, raw.count - offset)
                if written < 0, errno == EINTR { continue }
                if written <= 0 { return written < 0 ? errno : EIO }
                offset += written
            }
            return nil
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
