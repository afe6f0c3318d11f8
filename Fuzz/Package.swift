// swift-tools-version:6.1
import PackageDescription

// The libFuzzer harnesses, one executable per reader. A package of its own so that the main
// package's `swift build` and `swift test` never see them: `Scripts/fuzz` builds it with
// `-sanitize=fuzzer,address`. `Sources/ImtopCore` and `Sources/ImtopUI` are links to the real
// sources, so the readers and the screens are compiled (and coverage-instrumented) exactly as they
// are, without a library product in the main package.
let package = Package(
  name: "imtop-fuzz",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
  ],
  targets: [
    .target(
      name: "ImtopCore",
      dependencies: [.product(name: "TOMLKit", package: "TOMLKit"), .product(name: "Logging", package: "swift-log")]
    ),
    .target(name: "ImtopUI", dependencies: ["ImtopCore", .product(name: "TOMLKit", package: "TOMLKit")]),
    .target(name: "CFuzzerDriver"),
    .target(name: "FuzzSupport", dependencies: ["ImtopCore"]),
    .executableTarget(name: "FuzzCSV", dependencies: ["ImtopCore", "CFuzzerDriver"]),
    .executableTarget(name: "FuzzJSONLines", dependencies: ["ImtopCore", "CFuzzerDriver"]),
    .executableTarget(name: "FuzzConfig", dependencies: ["ImtopCore", "CFuzzerDriver"]),
    .executableTarget(name: "FuzzKPI", dependencies: ["ImtopCore", "FuzzSupport", "CFuzzerDriver"]),
    .executableTarget(name: "FuzzRender", dependencies: ["ImtopCore", "ImtopUI", "FuzzSupport", "CFuzzerDriver"]),
  ],
  swiftLanguageModes: [.v6]
)
