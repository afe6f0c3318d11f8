import FoundationEssentials
import Glibc
import ImtopCore

/// The dashboard's log file (the README's "Log"): lines appended by one `write(2)` each on a
/// descriptor opened with `O_APPEND`, so two instances sharing the file never mix inside a line;
/// moved to `FILE.1` (and that to `FILE.2`...) when a line would take it past `maximumBytes`; at
/// most `LogRateLimiter.limit` lines of one kind a minute. Safe to use from any thread.
final class LogFile: @unchecked Sendable {
  /// Why the log could not be opened, in words for the dashboard's feed.
  struct Unavailable: Error, CustomStringConvertible {
    var description: String
  }

  struct Limits {
    /// Size at which the file is rotated.
    var maximumBytes: Int = 5 << 20
    /// Rotated files kept: `FILE.1` ... `FILE.<kept>`.
    var kept: Int = 2
    /// Lines of one kind a minute.
    var linesPerKind: Int = 20
  }

  let path: String
  let limits: Limits
  private let clock: any TimeSource
  private let pid: Int32
  private let lock = Lock()
  private var descriptor: Int32 { didSet { descriptorChanged?(descriptor) } }
  private var limiter: LogRateLimiter
  /// Told the descriptor whenever it changes (opened again after a rotation, or closed: -1), for
  /// the fatal-signal handler that logs a crash.
  var descriptorChanged: (@Sendable (Int32) -> Void)? {
    didSet {
      lock.lock()
      defer { lock.unlock() }
      descriptorChanged?(descriptor)
    }
  }

  /// Opens `path` for appending, creating it (readable by the user only) when missing.
  /// - Parameter createDirectory: also create the folders above it (the default path).
  /// - Throws: `Unavailable` when the folder or the file cannot be made or written, or the path is
  ///   not a regular file (a terminal or a pipe would block or garble the screen).
  init(
    path: String, clock: any TimeSource, limits: Limits = Limits(), createDirectory: Bool = false,
    pid: Int32 = getpid()
  ) throws(Unavailable) {
    if createDirectory { try LogFile.makeFolders(above: path) }
    self.descriptor = try LogFile.open(path)
    self.path = path
    self.limits = limits
    self.clock = clock
    self.pid = pid
    self.limiter = LogRateLimiter(limit: limits.linesPerKind)
  }

  deinit { close() }

  /// Writes one record, unless its kind is over its rate; first says how many lines of kinds whose
  /// minute has ended were suppressed.
  func write(level: String, label: String, message: String, metadata: [(String, String)], kind: String) {
    lock.lock()
    defer { lock.unlock() }
    guard descriptor >= 0 else { return }
    let now = clock.now
    for suppressed in limiter.expired(at: now) { writeSuppressed(suppressed, at: now) }
    guard limiter.admit(kind, at: now) else { return }
    append(LogLine.format(time: now, level: level, label: label, message: message, metadata: metadata, pid: pid))
  }

  /// Says now how many lines every kind had suppressed, without waiting for its minute to end
  /// (before the stop line, so that it is the last).
  func flushSuppressed() {
    lock.lock()
    defer { lock.unlock() }
    guard descriptor >= 0 else { return }
    let now = clock.now
    for suppressed in limiter.drain() { writeSuppressed(suppressed, at: now) }
  }

  /// Says what is still suppressed and closes the descriptor; later writes do nothing.
  func close() {
    flushSuppressed()
    lock.lock()
    defer { lock.unlock() }
    guard descriptor >= 0 else { return }
    let old = descriptor
    descriptor = -1
    _ = Glibc.close(old)
  }

  private func writeSuppressed(_ suppressed: LogRateLimiter.Suppressed, at now: Timestamp) {
    let noun = suppressed.count == 1 ? "line" : "lines"
    let message = "\(suppressed.count) more \(noun) of kind \(suppressed.kind) suppressed (at most "
      + "\(limiter.limit) a minute)"
    append(LogLine.format(time: now, level: "warning", label: "imtop.log", message: message, pid: pid))
  }

  /// One `write(2)` of the whole line, after rotating when it would pass the size; a failed write
  /// (a full disk) loses the line and nothing else.
  private func append(_ line: String) {
    followRename()
    let bytes = Array(line.utf8)
    if let size = fstatResult()?.st_size, size > 0, Int(size) + bytes.count > limits.maximumBytes { rotate() }
    var written: Int
    repeat {
      written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    } while written < 0 && errno == EINTR
  }

  /// Another instance sharing the file may have rotated it, or someone removed it: the path then
  /// names another file (or none), and lines go to the file at the path again.
  private func followRename() {
    guard let open = fstatResult() else { return }
    var named = stat()
    if stat(path, &named) == 0, named.st_dev == open.st_dev, named.st_ino == open.st_ino { return }
    reopen()
  }

  /// `FILE.<kept-1>` → `FILE.<kept>` ... `FILE` → `FILE.1`, then a new `FILE`.
  private func rotate() {
    let kept = max(1, limits.kept)
    for index in stride(from: kept - 1, through: 1, by: -1) {
      _ = rename("\(path).\(index)", "\(path).\(index + 1)")
    }
    _ = rename(path, "\(path).1")
    reopen()
  }

  private func reopen() {
    guard let fresh = try? LogFile.open(path) else { return }  // keep writing where we were
    // The new one first: a crash in between must not write to a number closed (or reused).
    let old = descriptor
    descriptor = fresh
    _ = Glibc.close(old)
  }

  private func fstatResult() -> stat? {
    var status = stat()
    return fstat(descriptor, &status) == 0 ? status : nil
  }

  private static func open(_ path: String) throws(Unavailable) -> Int32 {
    let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0o600)
    guard descriptor >= 0 else { throw Unavailable(description: "cannot open \(path): \(String(cString: strerror(errno)))") }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
      _ = Glibc.close(descriptor)
      throw Unavailable(description: "\(path) is not a regular file")
    }
    return descriptor
  }

  /// `mkdir -p` of the folder holding `path` (new folders private to the user).
  private static func makeFolders(above path: String) throws(Unavailable) {
    var folder = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/", omittingEmptySubsequences: true).dropLast() {
      folder += "/" + component
      if mkdir(folder, 0o700) != 0 && errno != EEXIST {
        throw Unavailable(description: "cannot create \(folder): \(String(cString: strerror(errno)))")
      }
    }
  }
}
