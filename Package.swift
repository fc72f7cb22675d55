// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "chc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "chc", targets: ["chc"]),
        .library(name: "CHCKit", targets: ["CHCKit"]),
        .library(name: "WorkingDays", targets: ["WorkingDays"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .target(name: "WorkingDays"),
        .target(
            name: "CHCKit",
            dependencies: ["WorkingDays", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "chc",
            dependencies: ["CHCKit", "WorkingDays", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Helpers shared by the test targets (a seeded random number generator).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "WorkingDaysTests", dependencies: ["WorkingDays", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "CHCKitTests", dependencies: ["CHCKit", "WorkingDays", "TestSupport"], exclude: ["Fixtures", "Goldens", "BadInput"]),
    ],
    swiftLanguageModes: [.v6]
)
