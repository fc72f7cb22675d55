// swift-tools-version:6.0
import PackageDescription

// The layers, each a target so that a dependency loop is a compile error:
//
//   WorkingDays  the calendar (dates, bank holidays, working-day arithmetic); no dependencies
//   CHCModel     complaints, events, findings, locations, errors: plain values
//   CHCIngest    reading files (YAML, CSV, holidays, policies) and the threads that stream them
//   CHCChecks    rule packs, the check kinds and their registry, the checker, the linter
//   CHCOutput    every output format and its registry, the report, the worklist
//   chc          the command line: parses options and calls the layers
//
// CSystemShims (C) gives CHCOutput the few system calls Swift's Glibc module leaves out.
//
// Plugins/EmbedRulePacks builds the rule packs in Rules/ into CHCChecks.
//
// See docs/architecture.md.
let package = Package(
    name: "chc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "chc", targets: ["chc"]),
        .library(name: "WorkingDays", targets: ["WorkingDays"]),
        // The readers' public entry points (ReaderEntryPoints), for the fuzzing package in Fuzz/.
        .library(name: "CHCChecks", targets: ["CHCChecks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Excel workbooks are zip files: read with ZIPFoundation, never a hand-written zip reader.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "WorkingDays"),
        .target(name: "CHCModel", dependencies: ["WorkingDays"]),
        .target(
            name: "CHCIngest",
            dependencies: [
                "CHCModel", "WorkingDays", .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .target(
            name: "CHCChecks", dependencies: ["CHCIngest", "CHCModel", "WorkingDays", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedRulePacks"]),
        .target(name: "CSystemShims"),
        .target(name: "CHCOutput", dependencies: ["CHCChecks", "CHCIngest", "CHCModel", "WorkingDays", "CSystemShims"]),
        .executableTarget(
            name: "chc",
            dependencies: [
                "CHCOutput", "CHCChecks", "CHCIngest", "CHCModel", "WorkingDays",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Builds the Code packs in Rules/ into CHCChecks, so a copied binary needs no Rules/ folder.
        .plugin(name: "EmbedRulePacks", capability: .buildTool()),
        // Helpers shared by the test targets (a seeded random number generator).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "WorkingDaysTests", dependencies: ["WorkingDays", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "CHCKitTests",
            dependencies: ["CHCOutput", "CHCChecks", "CHCIngest", "CHCModel", "WorkingDays", "TestSupport"],
            exclude: ["Fixtures", "Goldens", "BadInput"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
