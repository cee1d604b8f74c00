// swift-tools-version: 6.0
import PackageDescription

/// Four targets, dependencies pointing one way:
/// RuleLanguage ← LoyaltyEngine ← LoyaltyCLI ← loyalty.
/// No package dependencies: the Swift toolchain only.
let package = Package(
    name: "loyalty",
    products: [
        .executable(name: "loyalty", targets: ["loyalty"]),
        .executable(name: "loyalty-bench", targets: ["loyalty-bench"]),
    ],
    targets: [
        .target(name: "RuleLanguage"),
        .target(name: "LoyaltyEngine", dependencies: ["RuleLanguage"]),
        .target(name: "LoyaltyCLI", dependencies: ["RuleLanguage", "LoyaltyEngine"]),
        .executableTarget(name: "loyalty", dependencies: ["LoyaltyCLI"]),
        .executableTarget(name: "loyalty-bench", dependencies: ["RuleLanguage", "LoyaltyEngine", "LoyaltyCLI"]),
        .testTarget(
            name: "RuleLanguageTests",
            dependencies: ["RuleLanguage"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "LoyaltyEngineTests", dependencies: ["RuleLanguage", "LoyaltyEngine"]),
        .testTarget(name: "LoyaltyCLITests", dependencies: ["RuleLanguage", "LoyaltyEngine", "LoyaltyCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
