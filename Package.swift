// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "imtop",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "imtop", targets: ["imtop"]),
    .executable(name: "imtop-bench", targets: ["imtop-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", .upToNextMinor(from: "1.8.2")),
    .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based", .upToNextMinor(from: "2.0.1")),
    .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    .package(url: "https://github.com/swift-server/async-http-client", .upToNextMinor(from: "1.37.0")),
    // `imtop serve`'s HTTP/1.1 server; also under the HTTP client.
    .package(url: "https://github.com/apple/swift-nio", .upToNextMinor(from: "2.101.2")),
  ],
  targets: [
    // ncursesw (Debian: libncurses-dev). No pkgConfig on purpose: SwiftPM warns that it drops the
    // flags ncursesw.pc gives, and the shim defines what they would have.
    .systemLibrary(name: "CNCursesW"),
    .target(
      name: "ImtopCore",
      dependencies: [.product(name: "TOMLKit", package: "TOMLKit"), .product(name: "Logging", package: "swift-log")]
    ),
    .target(
      name: "ImtopUI",
      dependencies: ["ImtopCore", .product(name: "TOMLKit", package: "TOMLKit")]
    ),
    .target(name: "ImtopTerminal", dependencies: ["ImtopUI", "ImtopCore", "CNCursesW"]),
    // Data sources reached over HTTP (a Prometheus server): the HTTP client stays out of ImtopCore.
    .target(
      name: "ImtopRemote",
      dependencies: ["ImtopCore", .product(name: "AsyncHTTPClient", package: "async-http-client")]
    ),
    // `imtop serve`'s HTTP server, apart so that ImtopCore stays free of the server stack.
    .target(
      name: "ImtopServe",
      dependencies: [
        "ImtopCore", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .executableTarget(
      name: "imtop",
      dependencies: [
        "ImtopCore", "ImtopUI", "ImtopTerminal", "ImtopRemote", "ImtopServe",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      // The linker exports every symbol of an executable by default (for `dlsym` into it, which
      // nothing here does): 3.7 MB of symbol tables and hashes in the stripped static binary.
      linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux], configuration: .release))]
    ),
    .executableTarget(
      name: "imtop-bench",
      dependencies: ["ImtopCore", "ImtopUI", "ImtopTerminal", "ImtopTestSupport", "ImtopTerminalTestSupport"]
    ),
    // Helpers the tests and the benchmark share: a hand-moved clock, an organisation held in memory,
    // temporary folders, child processes, a tmux driver, generators of extreme values.
    .target(
      name: "ImtopTestSupport",
      dependencies: ["ImtopCore", .product(name: "PropertyBased", package: "swift-property-based")],
      path: "Tests/ImtopTestSupport"
    ),
    // The same for the terminal layer: a recording backend for the run loop, a pseudo-terminal for
    // the real ncurses path, reading cells back, and the cost of frames in bytes.
    .target(
      name: "ImtopTerminalTestSupport", dependencies: ["ImtopTerminal", "ImtopUI", "CNCursesW"],
      path: "Tests/ImtopTerminalTestSupport"
    ),
    .testTarget(
      name: "ImtopCoreTests",
      dependencies: [
        "ImtopCore", "ImtopTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
        .product(name: "Logging", package: "swift-log"),
      ],
      exclude: ["Conformance"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "ImtopRemoteTests", dependencies: ["ImtopRemote", "ImtopCore", "ImtopTestSupport"]),
    .testTarget(name: "ImtopUITests", dependencies: ["ImtopUI", "ImtopCore", "ImtopTestSupport"], resources: [.copy("Golden")]),
    .testTarget(
      name: "ImtopTerminalTests",
      dependencies: ["ImtopTerminal", "ImtopUI", "ImtopCore", "ImtopTestSupport", "ImtopTerminalTestSupport"]
    ),
    // `imtop serve`'s answers and listen addresses, without a socket.
    .testTarget(name: "ImtopServeTests", dependencies: ["ImtopServe", "ImtopCore", "ImtopTestSupport"]),
    // The command's own parts that need no terminal (the log file), through `@testable import imtop`.
    .testTarget(name: "ImtopCommandTests", dependencies: ["imtop", "ImtopCore", "ImtopTestSupport"]),
    // Runs the built imtop binary in tmux; depends on it so that it is built first.
    .testTarget(
      name: "ImtopEndToEndTests",
      dependencies: [
        "imtop", "ImtopTestSupport", "ImtopTerminalTestSupport", .product(name: "AsyncHTTPClient", package: "async-http-client"),
      ]),
  ],
  swiftLanguageModes: [.v6]
)

// The product's targets see the members of the modules they import, and only those (SE-0444):
// without it, an extension of the full Foundation, loaded for TOMLKit, was usable from a file that
// imports FoundationEssentials (`trimmingCharacters(in: .whitespaces)`, `String(format:)`), and
// linked ICU's 34 MB of data into the static binary.
for target in package.targets where ["ImtopCore", "ImtopUI", "ImtopTerminal", "ImtopRemote", "ImtopServe", "imtop"].contains(target.name) {
  target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")]
}
