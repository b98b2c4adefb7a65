// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Pacer",
    // Atomic (Synchronization) and String(validating:as:) need macOS 15.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pacer", targets: ["pacer"]),
        .library(name: "PacerCore", targets: ["PacerCore"]),
        .library(name: "GLPK", targets: ["GLPK"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/pointfreeco/swift-tagged", from: "0.10.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already built for Hummingbird; the portal names socket addresses and header fields.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // GLPK's C header, linked by name: Debian ships no glpk.pc.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // The safe Swift API over GLPK; the only target that imports CGLPK.
        .target(name: "GLPK", dependencies: ["CGLPK"]),
        // The domain, scenario reading and validation. Knows nothing of the command line.
        .target(
            name: "PacerCore",
            dependencies: [
                "GLPK",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Tagged", package: "swift-tagged"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Plot", package: "Plot"),
            ]
        ),
        // The web portal over the term's state (pacer serve): routes, authorizes, renders; the
        // logic is PacerCore's.
        .target(
            name: "PacerPortal",
            dependencies: [
                "PacerCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Plot", package: "Plot"),
            ]
        ),
        // The command line: thin, no logic.
        .executableTarget(
            name: "pacer",
            dependencies: [
                "PacerCore",
                "PacerPortal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What several test targets share: where the checkout's files are (Checkout), and a write
        // lock held as another process would hold it. No @testable import here: `swift build -c
        // release` builds this target too, and PacerCore is compiled for testing only in debug.
        .target(name: "PacerTestSupport", dependencies: [.product(name: "GRDB", package: "GRDB.swift")], path: "Tests/PacerTestSupport"),
        .testTarget(name: "GLPKTests", dependencies: ["GLPK"]),
        .testTarget(
            name: "PacerCoreTests",
            dependencies: ["PacerCore", "GLPK", "PacerTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures", "Golden", "ImportFixtures"]
        ),
        .testTarget(
            name: "PacerPortalTests",
            dependencies: ["PacerPortal", "PacerCore", "PacerTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(
            name: "pacerTests",
            dependencies: ["pacer", "PacerCore", "PacerTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
    ]
)
