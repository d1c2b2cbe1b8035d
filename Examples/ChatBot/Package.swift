// swift-tools-version: 6.1
// A stateless chatbot over the MaSecurite orienteur: it reads one message per
// line on standard input and keeps nothing between turns but the orienteur's
// opaque session token. Emergency detection runs on every message.
//
//   swift run --package-path Examples/ChatBot
//   printf '1\n4\n' | swift run --package-path Examples/ChatBot
import PackageDescription

let package = Package(
    name: "ChatBot",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "MaSecurite", path: "../..")],
    targets: [
        .executableTarget(
            name: "ChatBot",
            dependencies: [.product(name: "OrienteurKit", package: "MaSecurite")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
