import ArgumentParser
import FoundationEssentials
import Glibc
import ImtopCore
import ImtopRemote

/// The data directory argument shared by the commands, and how an absent one is resolved.
struct DataDirectoryOption: ParsableArguments {
  @Argument(help: "The data directory (default: $IMTOP_DATA, else the current folder).")
  var directory: String?

  /// The directory as given, else `$IMTOP_DATA`, else the current folder.
  var path: String {
    directory ?? ProcessInfo.processInfo.environment["IMTOP_DATA"] ?? "."
  }

  var url: URL { URL(fileURLWithPath: path) }

  /// Fails with exit status 2 and a message saying what a data directory must hold.
  func requireDataDirectory(command: String = "imtop") throws {
    if let refusal = CheckReport.refusal(directory: path, shownPath: path, command: command) {
      FileWrite.toStandardError(refusal.text)
      throw ExitCode(refusal.exitStatus)
    }
  }

  /// The directory read once at the time `--now` names (default: the clock), in the organisation's zone.
  /// `user` is the user's configuration, laid over `imtop.toml`.
  func read(now text: String?, user: UserConfiguration = .none) throws -> DirectoryReading {
    try DirectoryReading(directory: path, settle: .seconds(2), user: user, sources: PrometheusSource.sources(of: user)) { configuration in
      try NowOption.resolve(text, zone: configuration.zone)
    }
  }
}

/// `--now`: the evaluation time for reproducible output.
enum NowOption {
  /// Parses `--now` in the organisation's zone (an ISO time with `Z` or an offset is absolute).
  static func resolve(_ text: String?, zone: Zone) throws -> Timestamp {
    guard let text else { return Timestamp(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded())) }
    guard let parsed = TimestampParser.parse(text, zone: zone) else {
      throw ValidationError("--now \"\(text)\": expected \(TimestampParser.expected)")
    }
    return parsed.instant
  }
}
