import FoundationEssentials
import Glibc
import ImtopCore

/// Where a crash's backtrace goes, and the Swift runtime set up to write it there without asking.
///
/// The runtime's backtracer reads `SWIFT_BACKTRACE` once, as the process starts; by default, on a
/// terminal, it waits on "Press space to interact" and writes its report over the dashboard. So
/// the program, before anything else, runs itself again with `interactive=no` and the report going
/// to a file under `$XDG_STATE_HOME/imtop/` (`~/.local/state/imtop/`). A `SWIFT_BACKTRACE` the user
/// set is left alone. A build without the backtracer helper (a static binary shipped alone) turns
/// backtracing off rather than promise a report it cannot write.
enum CrashReport {
  static let variable = "SWIFT_BACKTRACE"

  /// Re-executes the program with `SWIFT_BACKTRACE` set when it is not and the runtime's defaults
  /// would prompt; returns when it was set already, when they would not, or when re-executing
  /// failed (the program then runs with the runtime's defaults).
  static func configureRuntime() {
    #if os(Linux)
    let environment = ProcessInfo.processInfo.environment
    guard environment[variable] == nil else { return }
    guard
      needsSettings(
        arguments: Array(CommandLine.arguments.dropFirst()), stdinIsTerminal: isatty(STDIN_FILENO) == 1,
        stdoutIsTerminal: isatty(STDOUT_FILENO) == 1)
    else { return }
    setenv(variable, settings(environment: environment), 1)
    // The resolved path rather than /proc/self/exe, which would rename the process "exe" in ps.
    let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "/proc/self/exe"
    execv(executable, CommandLine.unsafeArgv)
    // Still here: exec failed. Nothing was read yet, so carry on as this process.
    unsetenv(variable)
    #endif
  }

  /// Commands that print and exit; everything else draws the dashboard.
  static let oneShotCommands: Set<String> = ["snapshot", "check", "themes", "help", "--help", "-h", "--version"]

  /// Whether this run needs its own settings, worth the cost of starting again (about 10 ms).
  ///
  /// The dashboard always does: its crash must leave the screen to the terminal restore and the
  /// report to a file. A one-shot command (snapshot, check...) only when its standard input and
  /// output are both terminals: only then does the runtime prompt ("Press space to interact"); in
  /// a script or pipe its defaults already write the report to stderr without asking.
  static func needsSettings(arguments: [String], stdinIsTerminal: Bool, stdoutIsTerminal: Bool) -> Bool {
    guard let first = arguments.first, oneShotCommands.contains(first) else { return true }
    return stdinIsTerminal && stdoutIsTerminal
  }

  /// The `SWIFT_BACKTRACE` value for this process: no prompt, the report in a file named after the
  /// time and process (exec keeps the process id), or on stderr when no directory can hold it.
  static func settings(environment: [String: String], now: Date = Date()) -> String {
    guard let helper = backtracerHelper() else { return "enable=no" }
    var settings = "interactive=no,swift-backtrace=\(helper)"
    if let directory = reportDirectory(environment: environment) {
      let stamp = Timestamp(milliseconds: Int64(saturating: now.timeIntervalSince1970 * 1000)).iso8601
        .filter { $0 != "-" && $0 != ":" }.prefix { $0 != "." && $0 != "Z" }
      settings += ",output-to=\(directory)/crash-\(stamp)Z-\(getpid()).log"
    } else {
      settings += ",output-to=stderr"
    }
    return settings
  }

  /// `$XDG_STATE_HOME/imtop` or `~/.local/state/imtop`, created (private to the user) if needed;
  /// nil when neither can be made, or when the path holds a comma, which the runtime's list would
  /// split.
  static func reportDirectory(environment: [String: String]) -> String? {
    guard let directory = StateDirectory.path(environment: environment), !directory.contains(",") else { return nil }
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      return nil
    }
    return directory
  }

  /// The backtracer helper the runtime would run, found next to the loaded runtime library
  /// (`<toolchain>/usr/lib/swift/linux/libswiftCore.so` → `<toolchain>/usr/libexec/swift/linux/`);
  /// nil when the runtime is linked in statically or the helper is not installed.
  static func backtracerHelper() -> String? {
    for line in processMaps().split(separator: "\n") {
      guard let start = line.firstIndex(of: "/"), line.hasSuffix("/libswiftCore.so") else { continue }
      let library = String(line[start...])
      guard let range = library.ranges(of: "/lib/swift/").last else { continue }
      let helper = String(library[..<range.lowerBound]) + "/libexec/swift/linux/swift-backtrace"
      return access(helper, X_OK) == 0 && !helper.contains(",") ? helper : nil
    }
    return nil
  }

  /// `/proc/self/maps` whole: it reports a size of 0, and Foundation's file reading stops at the
  /// first page, before the Swift libraries are listed.
  private static func processMaps() -> String {
    let descriptor = open("/proc/self/maps", O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return "" }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      bytes += chunk[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// How the line printed on a crash ends, from `SWIFT_BACKTRACE` as this process started with it.
  static func note(environment: [String: String]) -> String {
    guard let value = environment[variable] else { return "No crash report was configured." }
    var settings: [String: String] = [:]
    for pair in value.split(separator: ",") {
      let parts = pair.split(separator: "=", maxSplits: 1)
      if parts.count == 2 { settings[parts[0].lowercased()] = String(parts[1]) }
    }
    if let enable = settings["enable"]?.lowercased(), ["no", "false", "0", "off"].contains(enable) {
      return "No crash report: backtracing is off (this build has no backtracer, or SWIFT_BACKTRACE says so)."
    }
    switch settings["output-to"] {
    case nil, "stdout"?, "stderr"?: return "The crash report follows."
    case let path?: return "Crash report: \(path)"
    }
  }
}
