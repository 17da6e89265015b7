// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "ButlerGate",
    products: [
        .executable(name: "butlergate", targets: ["butlergate"]),
        .library(name: "ButlerGate", targets: ["ButlerGate"]),
        .library(name: "GateHTTP", targets: ["GateHTTP"]),
        .library(name: "PlexButler", targets: ["PlexButler"]),
        .library(name: "MockPlex", targets: ["MockPlex"]),
    ],
    targets: [
        .systemLibrary(name: "CLinux", path: "Sources/CLinux"),
        .systemLibrary(
            name: "COpenSSL",
            path: "Sources/COpenSSL",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            path: "Sources/CCurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "GateSync", swiftSettings: strict),
        .target(name: "GateHTTP", dependencies: ["CLinux", "COpenSSL", "GateSync"], swiftSettings: strict),
        .target(name: "PlexButler", dependencies: ["CCurl", "GateSync"], swiftSettings: strict),
        .target(
            name: "ButlerGate",
            dependencies: ["GateHTTP", "PlexButler", "COpenSSL", "GateSync"],
            swiftSettings: strict
        ),
        .target(name: "MockPlex", dependencies: ["GateHTTP"], swiftSettings: strict),
        .executableTarget(
            name: "butlergate",
            dependencies: ["ButlerGate", "MockPlex", "GateHTTP", "PlexButler"],
            swiftSettings: strict
        ),
        .target(
            name: "GateTestSupport",
            dependencies: ["GateHTTP", "CLinux", "COpenSSL"],
            path: "Tests/GateTestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "GateHTTPTests",
            dependencies: ["GateHTTP", "GateSync", "GateTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(name: "PlexButlerTests", dependencies: ["PlexButler", "GateSync"], swiftSettings: strict),
        .testTarget(
            name: "ButlerGateTests",
            dependencies: ["ButlerGate", "GateSync", "GateTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MockPlexTests",
            dependencies: ["MockPlex", "GateHTTP", "PlexButler"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ButlerGate", "MockPlex", "GateHTTP", "PlexButler", "GateTestSupport"],
            swiftSettings: strict
        ),
    ]
)
