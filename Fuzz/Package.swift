// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets for the loyalty package (see docs/Fuzzing.md). A package of its own:
/// an executable target without `main` links only against the fuzzer runtime, so these
/// targets must stay out of the main package's `swift build` / `swift test`.
///
///     cd Fuzz && ./run.sh FuzzExpression 600
let package = Package(
    name: "loyalty-fuzz",
    dependencies: [.package(name: "loyalty", path: "..")],
    targets: [
        .executableTarget(name: "FuzzExpression", dependencies: [.product(name: "RuleLanguage", package: "loyalty")], path: "FuzzExpression"),
        .executableTarget(name: "FuzzPack", dependencies: [
            .product(name: "RuleLanguage", package: "loyalty"), .product(name: "LoyaltyEngine", package: "loyalty"),
        ], path: "FuzzPack"),
        .executableTarget(name: "FuzzJSON", dependencies: [
            .product(name: "RuleLanguage", package: "loyalty"), .product(name: "LoyaltyEngine", package: "loyalty"),
        ], path: "FuzzJSON"),
        .executableTarget(name: "FuzzEngine", dependencies: [
            .product(name: "RuleLanguage", package: "loyalty"), .product(name: "LoyaltyEngine", package: "loyalty"),
        ], path: "FuzzEngine"),
    ],
    swiftLanguageModes: [.v6]
)
