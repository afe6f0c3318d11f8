#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file could not be written: its path and the system's reason.
public struct FileWriteError: Error, Hashable, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String

  public init(path: String, code: Int32) {
    self.path = path
    reason = String(cString: strerror(code))
  }

  public var description: String { "cannot write \(path): \(reason)" }
}

/// Writing files through their descriptors (FileHandle is the full Foundation's, see `Lock`).
public enum FileWrite {
  /// Writes all of `bytes` to `descriptor`, going on after interruptions and short writes: nil, or
  /// the `errno` that stopped it.
  public static func all(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
    var written = 0
    while written < bytes.count {
      let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return count < 0 ? errno : EIO }
      written += count
    }
    return nil
  }

  /// Writes `text` to the standard error, whole; a closed or broken stderr loses it silently.
  public static func toStandardError(_ text: String) {
    _ = all(Array(text.utf8), to: STDERR_FILENO)
  }

  /// Appends `text` to the file at `path`, which must exist, in one write where the system allows:
  /// a reader following the file never sees half of a line written this way.
  public static func append(_ text: String, to path: String) throws(FileWriteError) {
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileWriteError(path: path, code: errno) }
    defer { close(descriptor) }
    if let code = all(Array(text.utf8), to: descriptor) { throw FileWriteError(path: path, code: code) }
  }
}
