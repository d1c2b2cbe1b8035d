// swift-tools-version: 6.1
// Benchmarks for the MaSecurite SDK, apart from the SDK so they never slow its
// build. Run in release mode, e.g.:
//   swift run -c release --package-path Examples/Benchmarks StationsBenchmark
// Each prints its figures and the ratios against a baseline measured in the same run.
import PackageDescription

let package = Package(
    name: "MaSecuriteBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "MaSecurite", path: "../..")],
    targets: [
        .executableTarget(
            name: "StationsBenchmark",
            dependencies: [.product(name: "StationDirectory", package: "MaSecurite")]
        ),
        .executableTarget(
            name: "OrienteurBenchmark",
            dependencies: [.product(name: "OrienteurKit", package: "MaSecurite")]
        ),
        .executableTarget(
            name: "AppointmentsBenchmark",
            dependencies: [.product(name: "Appointments", package: "MaSecurite")]
        ),
        .executableTarget(
            name: "ChatBenchmark",
            dependencies: [.product(name: "ChatProtocol", package: "MaSecurite")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
