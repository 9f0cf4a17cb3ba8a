// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierCore", targets: ["DossierCore"]),
        .executable(name: "DossierBench", targets: ["DossierBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "Ccmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .target(
            name: "DossierCore",
            dependencies: ["Ccmark", "Yams"]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: ["DossierCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore"]),
        .target(name: "DossierBenchKit", dependencies: ["DossierCore"]),
        .executableTarget(
            name: "DossierBench",
            dependencies: ["DossierBenchKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "DossierBenchTests", dependencies: ["DossierBenchKit"]),
    ],
    swiftLanguageModes: [.v5]
)
