import Foundation
import OrienteurKit

// The message loop of a messaging platform, simulated on standard input:
// one message per line. The only state kept between turns is `token`, as a
// platform would store it with the conversation.
let language: Language = CommandLine.arguments.contains("--en") ? .english : .french
let orienteur: Orienteur
do {
    orienteur = try Orienteur.bundled()
} catch {
    FileHandle.standardError.write(Data("cannot load the orienteur content: \(error)\n".utf8))
    exit(1)
}
let bot = Bot(orienteur: orienteur, language: language)
var token: String?
for line in bot.reply(to: "", token: nil).lines { print("bot: \(line)") }
while let message = readLine() {
    print("you: \(message)")
    let reply = bot.reply(to: message, token: token)
    for line in reply.lines { print("bot: \(line)") }
    token = reply.token
}
