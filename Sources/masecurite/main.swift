import Foundation
import MaSecuriteCLI

let console = StandardConsole()
let status = await MaSecuriteCommandLine.main(Array(CommandLine.arguments.dropFirst()), context: CommandContext(console: console))
console.flush()
exit(status)
