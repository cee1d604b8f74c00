// swift-tools-version: 6.0
import PackageDescription

/// Four targets, dependencies pointing one way:
/// RuleLanguage ← LoyaltyEngine ← LoyaltyCLI ← loyalty.
/// No package dependencies: the Swift toolchain only.
/// Release builds skip run-time exclusivity checks in the hot modules: profiling showed
/// them at ~8% of a run (every class-property access pays a TLS lookup). Debug builds, and
/// so every test run, keep them.
let fastRelease: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "loyalty",
    products: [
        .executable(name: "loyalty", targets: ["loyalty"]),
        .executable(name: "loyalty-bench", targets: ["loyalty-bench"]),
        // Libraries so that the fuzz package in Fuzz/ (a separate package) can link the modules.
        .library(name: "RuleLanguage", targets: ["RuleLanguage"]),
        .library(name: "LoyaltyEngine", targets: ["LoyaltyEngine"]),
    ],
    targets: [
        .target(name: "RuleLanguage", swiftSettings: fastRelease),
        .target(name: "LoyaltyEngine", dependencies: ["RuleLanguage"], swiftSettings: fastRelease),
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
