import ArgumentParser
import FoundationEssentials
import Glibc
import ImtopCore
import Logging

/// The log of the dashboard and the demo (the README's "Log"): where it goes, set up once per
/// process as swift-log's handler, and its start and stop lines. `imtop check` and `snapshot` use
/// none of it.
struct DashboardLog {
  /// Where the log goes: a file, or nowhere with the reason as a note for the dashboard's feed.
  enum Destination: Equatable {
    case file(path: String, createFolders: Bool)
    case off(note: String?)
  }

  let file: LogFile?
  /// Shown once in the feed when the log could not be opened.
  let note: String?
  let logger: Logger

  /// `--no-log`, else `--log FILE`, else `log.file` of the user's configuration (`configured`), else
  /// `$XDG_STATE_HOME/imtop/imtop.log` (a relative or empty `XDG_STATE_HOME` is ignored, as the XDG
  /// specification says), else `~/.local/state/imtop/imtop.log`.
  static func destination(log: String?, noLog: Bool, configured: String? = nil, environment: [String: String]) -> Destination {
    if noLog { return .off(note: nil) }
    if let log = log ?? configured { return .file(path: log, createFolders: false) }
    if let directory = StateDirectory.path(environment: environment) {
      return .file(path: directory + "/imtop.log", createFolders: true)
    }
    return .off(note: "log off: neither XDG_STATE_HOME nor HOME names a folder (--log FILE writes it elsewhere)")
  }

  /// Opens the destination and makes it swift-log's handler for the process; never fails: a log
  /// that cannot be written is off, with a note.
  static func start(_ destination: Destination, clock: any TimeSource) -> DashboardLog {
    var file: LogFile?
    var note: String?
    switch destination {
    case .off(let reason):
      note = reason
    case .file(let path, let createFolders):
      do {
        file = try LogFile(path: path, clock: clock, createDirectory: createFolders)
      } catch {
        note = "log off: \(error) (--log FILE writes it elsewhere, --no-log silences this)"
      }
    }
    LoggingSystem.bootstrap { [file] label in
      guard let file else { return SwiftLogNoOpLogHandler() }
      return LogFileHandler(label: label, file: file)
    }
    return DashboardLog(file: file, note: note, logger: Logger(label: "imtop.dashboard"))
  }

  func started(directory: URL, demo: Bool) {
    let what = demo ? "demo directory" : "data directory"
    logger.notice(
      "imtop \(Imtop.configuration.version) started on the \(what) \(directory.path), pid \(getpid())",
      metadata: ["event": "start"])
  }

  /// What the rate limit held back, the stop line, then the file closed.
  func stopped(status: Int32, error: String? = nil) {
    file?.flushSuppressed()
    var message = "stopped: exit status \(status)"
    if let signal = DashboardLog.signalName(exitStatus: status) { message += " (\(signal))" }
    if let error { message += ": \(error)" }
    logger.log(level: status == 0 || DashboardLog.signalName(exitStatus: status) != nil ? .notice : .error,
               "\(message)", metadata: ["event": "stop"])
    file?.close()
  }

  /// The signal behind an exit status of 128 + n, as the run loop returns it.
  static func signalName(exitStatus status: Int32) -> String? {
    switch status {
    case 128 + SIGHUP: return "SIGHUP"
    case 128 + SIGINT: return "SIGINT"
    case 128 + SIGTERM: return "SIGTERM"
    case 129...192: return "signal \(status - 128)"
    default: return nil
    }
  }
}
