import Foundation
import MaSecuriteCLI

let console = StandardConsole()
let status = await MaSecuriteCommandLine.main(Array(CommandLine.arguments.dropFirst()), context: CommandContext(console: console))
console.flush()
if let failure = console.outputFailure {
    // The output is lost (e.g. `> /dev/full`): say so and fail rather than exit 0.
    console.errorLine("error: cannot write the output: \(failure)")
    exit(status == 0 ? 1 : status)
}
exit(status)
