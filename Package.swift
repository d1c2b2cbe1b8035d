// swift-tools-version: 6.1
//
// MaSecurite — an embeddable Swift SDK for the French police and gendarmerie
// "guichet unique". The root package deliberately declares NO package
// dependencies: that is what makes it embeddable. Durable/distributed backends
// and the HTTP server live in separate packages under Examples/.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "MaSecurite",
    platforms: [.macOS(.v15), .iOS(.v18)],
    products: [
        .library(name: "MaSecuriteCore", targets: ["MaSecuriteCore"]),
        .library(name: "OrienteurKit", targets: ["OrienteurKit"]),
        .library(name: "StationDirectory", targets: ["StationDirectory"]),
        .library(name: "Teleservices", targets: ["Teleservices"]),
        .library(name: "Appointments", targets: ["Appointments"]),
        .library(name: "ChatProtocol", targets: ["ChatProtocol"]),
        .library(name: "Signalements", targets: ["Signalements"]),
        .library(name: "LocalInformation", targets: ["LocalInformation"]),
        .library(name: "MaSecurite", targets: ["MaSecurite"]),
        // Conformance suites that every storage backend must pass (used by the
        // PostgreSQL backends in Examples/PartnerServer).
        .library(name: "AppointmentsTestSupport", targets: ["AppointmentsTestSupport"]),
        .library(name: "ChatProtocolTestSupport", targets: ["ChatProtocolTestSupport"]),
        .library(name: "SignalementsTestSupport", targets: ["SignalementsTestSupport"]),
        .library(name: "LocalInformationTestSupport", targets: ["LocalInformationTestSupport"]),
        .executable(name: "masecurite", targets: ["masecurite"]),
    ],
    targets: [
        .target(name: "MaSecuriteCore", swiftSettings: swiftSettings),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // The SQLite connection wrapper shared by the SDK's SQLite stores
        // (`package` access only: not a product, not public API).
        .target(
            name: "SQLiteSupport",
            dependencies: ["CSQLite"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "OrienteurKit",
            dependencies: ["MaSecuriteCore"],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "StationDirectory",
            dependencies: ["MaSecuriteCore"],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Teleservices",
            dependencies: ["MaSecuriteCore"],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Appointments",
            dependencies: ["MaSecuriteCore", "SQLiteSupport"],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AppointmentsTestSupport",
            dependencies: ["Appointments", "MaSecuriteCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ChatProtocol",
            dependencies: ["MaSecuriteCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ChatProtocolTestSupport",
            dependencies: ["ChatProtocol", "MaSecuriteCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Signalements",
            dependencies: ["MaSecuriteCore", "SQLiteSupport"],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SignalementsTestSupport",
            dependencies: ["Signalements", "MaSecuriteCore"],
            swiftSettings: swiftSettings
        ),
        // Local information, theme feeds, « Je donne mon avis » and "which fiche works".
        .target(
            name: "LocalInformation",
            dependencies: ["MaSecuriteCore", "SQLiteSupport"],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LocalInformationTestSupport",
            dependencies: ["LocalInformation", "MaSecuriteCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MaSecurite",
            dependencies: [
                "MaSecuriteCore", "OrienteurKit", "StationDirectory",
                "Teleservices", "Appointments", "ChatProtocol", "Signalements", "LocalInformation",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MaSecuriteCLI",
            dependencies: [
                "MaSecurite", "MaSecuriteCore", "OrienteurKit", "StationDirectory",
                "Teleservices", "Appointments", "ChatProtocol", "Signalements", "LocalInformation",
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "masecurite",
            dependencies: ["MaSecuriteCLI"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "MaSecuriteCoreTests", dependencies: ["MaSecuriteCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "OrienteurKitTests",
            dependencies: ["OrienteurKit", "MaSecuriteCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StationDirectoryTests",
            dependencies: ["StationDirectory", "MaSecuriteCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "TeleservicesTests", dependencies: ["Teleservices", "MaSecuriteCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AppointmentsTests",
            dependencies: ["Appointments", "AppointmentsTestSupport", "MaSecuriteCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChatProtocolTests",
            dependencies: ["ChatProtocol", "ChatProtocolTestSupport", "MaSecuriteCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SignalementsTests",
            dependencies: ["Signalements", "SignalementsTestSupport", "MaSecuriteCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LocalInformationTests",
            dependencies: ["LocalInformation", "LocalInformationTestSupport", "MaSecuriteCore", "OrienteurKit", "SQLiteSupport", "Teleservices"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "MaSecuriteTests", dependencies: ["MaSecurite"], resources: [.copy("Evaluation")], swiftSettings: swiftSettings),
        .testTarget(name: "MaSecuriteCLITests", dependencies: ["MaSecuriteCLI"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
