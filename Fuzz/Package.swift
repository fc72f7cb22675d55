// swift-tools-version:6.0
// libFuzzer targets for chc's input readers. Kept out of the main package so that a normal
// `swift build` never needs libFuzzer. Build and run with `Fuzz/run.sh`.
import PackageDescription

let fuzzSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "chc-fuzz",
    dependencies: [.package(name: "chc", path: "..")],
    targets: [.target(name: "FuzzSupport")]
        + ["Timeline", "RulePack", "Policy", "CSV", "Baseline", "Workbook"].map { name in
            .executableTarget(
                name: "Fuzz\(name)", dependencies: ["FuzzSupport", .product(name: "CHCChecks", package: "chc")],
                path: "Sources/Fuzz\(name)", swiftSettings: fuzzSettings)
        },
    swiftLanguageModes: [.v6]
)
