// swift-tools-version:6.1
import PackageDescription

// The libFuzzer harnesses, one executable per reader. A package of its own so that the main
// package's `swift build` and `swift test` never see them: `Scripts/fuzz` builds it with
// `-sanitize=fuzzer,address`. `Sources/ImtopCore` is a link to the real sources, so the readers are
// compiled (and coverage-instrumented) exactly as they are, without a library product in the main
// package.
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
    .target(name: "CFuzzerDriver"),
    .executableTarget(name: "FuzzCSV", dependencies: ["ImtopCore", "CFuzzerDriver"]),
    .executableTarget(name: "FuzzJSONLines", dependencies: ["ImtopCore", "CFuzzerDriver"]),
    .executableTarget(name: "FuzzConfig", dependencies: ["ImtopCore", "CFuzzerDriver"]),
    .executableTarget(name: "FuzzKPI", dependencies: ["ImtopCore", "CFuzzerDriver"]),
  ],
  swiftLanguageModes: [.v6]
)
