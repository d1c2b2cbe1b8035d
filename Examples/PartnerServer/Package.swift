// swift-tools-version: 6.1
// MaSecurite partner server: an HTTP + WebSocket API over the SDK, with optional
// PostgreSQL storage so several instances can share state behind a load balancer.
// This package is separate from the SDK so the SDK itself stays dependency-free.
//
//   swift run --package-path Examples/PartnerServer masecurite-server --port 8080
//   swift run --package-path Examples/PartnerServer masecurite-server --postgres-url postgres://…
//   swift run --package-path Examples/PartnerServer masecurite-server --demo-page Examples/DemoPage/index.html
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "PartnerServer",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "masecurite-server", targets: ["masecurite-server"]),
        .library(name: "PartnerServer", targets: ["PartnerServer"]),
        .library(name: "PostgresBackends", targets: ["PostgresBackends"]),
    ],
    dependencies: [
        .package(name: "MaSecurite", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.3.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.20.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        // Already in the graph through PostgresNIO; TLS to PostgreSQL (sslmode=require, verify-full) is configured with it.
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.25.0"),
        // Already in the graph through PostgresNIO; the demo page's CSP hashes use its SHA-256.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.9.0"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
        // Live chat figures: counters and timers through swift-metrics, exported as Prometheus text.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .target(
            name: "PostgresBackends",
            dependencies: [
                .product(name: "Appointments", package: "MaSecurite"),
                .product(name: "ChatProtocol", package: "MaSecurite"),
                .product(name: "Signalements", package: "MaSecurite"),
                .product(name: "LocalInformation", package: "MaSecurite"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PartnerServer",
            dependencies: [
                "PostgresBackends",
                // The facade: the chat's escalation (OrienteurEmergencyClassifier) and the guichet's search documents.
                .product(name: "MaSecurite", package: "MaSecurite"),
                .product(name: "MaSecuriteCore", package: "MaSecurite"),
                .product(name: "OrienteurKit", package: "MaSecurite"),
                .product(name: "StationDirectory", package: "MaSecurite"),
                .product(name: "Teleservices", package: "MaSecurite"),
                .product(name: "Appointments", package: "MaSecurite"),
                .product(name: "ChatProtocol", package: "MaSecurite"),
                .product(name: "LocalInformation", package: "MaSecurite"),
                // The notification webhook is signed as the signalements' delivery is (Standard Webhooks).
                .product(name: "Signalements", package: "MaSecurite"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "masecurite-server",
            dependencies: [
                "PartnerServer",
                "PostgresBackends",
                .product(name: "Appointments", package: "MaSecurite"),
                .product(name: "Signalements", package: "MaSecurite"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PartnerServerTests",
            dependencies: [
                "PartnerServer",
                "PostgresBackends",
                .product(name: "Appointments", package: "MaSecurite"),
                .product(name: "ChatProtocol", package: "MaSecurite"),
                .product(name: "AppointmentsTestSupport", package: "MaSecurite"),
                .product(name: "ChatProtocolTestSupport", package: "MaSecurite"),
                .product(name: "Signalements", package: "MaSecurite"),
                .product(name: "SignalementsTestSupport", package: "MaSecurite"),
                .product(name: "LocalInformation", package: "MaSecurite"),
                .product(name: "LocalInformationTestSupport", package: "MaSecurite"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
