// swift-tools-version:6.0
import PackageDescription

/// The executables allocate through mimalloc (Debian's libmimalloc-dev), which replaces malloc for the whole process:
/// builds spend a fifth of their time allocating and freeing, and glibc's malloc took a third longer at 10,000 briefs.
/// `AllocatorSetup` also asks it for 2 MiB pages for all of the heap (`mi_option_large_os_pages`, and every segment
/// committed whole; where the kernel gives huge pages only on request, mimalloc asks with `madvise`) before anything
/// allocates: a build follows pointers all over a heap of 180 MB at 10,000 briefs, where 4 KiB pages miss the TLB.
/// With 2 MiB pages for the part of the heap taken after `main` started, a build took about 5% less time (and 6% more
/// memory at its peak); for all of it, about 3% less again at 10,000 briefs (at 100,000, where what `main` missed is
/// a small part of the heap, no change the noise lets one see).
let fastAllocator: Target.Dependency = .target(name: "AllocatorSetup", condition: .when(platforms: [.linux]))

/// Release builds of the library skip the run-time checks for overlapping access to class properties, globals and
/// captured variables: they cost 1.6% of a build's instructions, most in the front-matter reader and the page
/// contexts. Debug builds, which the tests run, keep them.
let releaseSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

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
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
        // Tests only: the reference that dossier's template engine is checked against.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(name: "Ccmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .target(name: "AllocatorSetup", publicHeadersPath: ".", linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]),
        .target(
            name: "DossierCore",
            dependencies: ["Ccmark", "Yams"],
            swiftSettings: releaseSettings
        ),
        .target(
            name: "DossierServer",
            dependencies: ["DossierCore", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: ["DossierCore", "DossierServer", .product(name: "ArgumentParser", package: "swift-argument-parser"), fastAllocator]
        ),
        .testTarget(
            name: "DossierCoreTests",
            dependencies: ["DossierCore", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .testTarget(name: "DossierServerTests", dependencies: ["DossierServer", "DossierCore"]),
        .target(name: "DossierBenchKit", dependencies: ["DossierCore"]),
        .executableTarget(
            name: "DossierBench",
            dependencies: ["DossierBenchKit", .product(name: "ArgumentParser", package: "swift-argument-parser"), fastAllocator]
        ),
        .testTarget(name: "DossierBenchTests", dependencies: ["DossierBenchKit"]),
    ],
    swiftLanguageModes: [.v5]
)
