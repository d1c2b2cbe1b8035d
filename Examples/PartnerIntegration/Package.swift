// swift-tools-version: 6.1
// How a partner service embeds the MaSecurite orienteur and station search in
// its own Swift code, with its own storage behind the SDK's protocols.
// The partner here is a rental-file service (« dossier de location ») whose
// users sometimes report a problem: a fake listing, a deposit scam, a burglary.
//
//   printf '33000;on m a demandé un dépôt de garantie pour une fausse location\n' \
//     | swift run --package-path Examples/PartnerIntegration
import PackageDescription

let package = Package(
    name: "PartnerIntegration",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "MaSecurite", path: "../..")],
    targets: [
        .executableTarget(
            name: "PartnerIntegration",
            dependencies: [
                .product(name: "OrienteurKit", package: "MaSecurite"),
                .product(name: "StationDirectory", package: "MaSecurite"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
