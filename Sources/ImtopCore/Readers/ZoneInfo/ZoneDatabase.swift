#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Synchronization

/// The system's time zone database: TZif files under `$TZDIR`, else `/usr/share/zoneinfo`, each
/// parsed once and kept (a zone is looked up for every timestamp a reader converts).
enum ZoneDatabase {
  static let defaultDirectory = "/usr/share/zoneinfo"
  /// The largest zone file read (the biggest real ones are a few kilobytes).
  static let maximumFileSize = 1 << 20

  /// `$TZDIR` when set and not empty, else `/usr/share/zoneinfo`.
  static var directory: String {
    if let value = getenv("TZDIR"), value.pointee != 0 { return String(cString: value) }
    return defaultDirectory
  }

  private static let cache = Mutex<[String: ZoneRules]>([:])

  /// The rules of a zone, from the cache or its file.
  static func rules(for identifier: String, in directory: String) -> Result<ZoneRules, ZoneError> {
    let fail = { (reason: ZoneError.Reason) in Result<ZoneRules, ZoneError>.failure(ZoneError(identifier: identifier, directory: directory, reason: reason)) }
    guard isValidName(identifier) else { return fail(.invalidName) }
    let path = directory.hasSuffix("/") ? directory + identifier : directory + "/" + identifier
    if let cached = cache.withLock({ $0[path] }) { return .success(cached) }
    let bytes: [UInt8]
    switch contents(of: path, directory: directory) {
    case .success(let read): bytes = read
    case .failure(let reason): return fail(reason)
    }
    do {
      let rules = try TZifParser.parse(bytes)
      return .success(cache.withLock { cache in
        if let existing = cache[path] { return existing }
        cache[path] = rules
        return rules
      })
    } catch {
      return fail(error)
    }
  }

  /// An IANA name: relative, made of letters, digits and `_ + - .`, with no empty, `.` or `..` part.
  static func isValidName(_ identifier: String) -> Bool {
    guard !identifier.isEmpty, identifier.utf8.count <= 255 else { return false }
    let allowed = identifier.utf8.allSatisfy { byte in
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
      case UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"): return true
      default: return false
      }
    }
    return allowed && identifier.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { part in
      !part.isEmpty && part != "." && part != ".."
    }
  }

  /// The bytes of a regular file of at most `maximumFileSize`.
  private static func contents(of path: String, directory: String) -> Result<[UInt8], ZoneError.Reason> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR {
        var status = stat()
        return .failure(stat(directory, &status) == 0 ? .notFound : .noDatabase)
      }
      return .failure(.unreadable(String(cString: strerror(code))))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
    guard (status.st_mode & S_IFMT) == S_IFREG else {
      return .failure((status.st_mode & S_IFMT) == S_IFDIR ? .notFound : .malformed("not a regular file"))
    }
    guard status.st_size <= maximumFileSize else { return .failure(.malformed("larger than \(maximumFileSize) bytes")) }
    var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
    var filled = 0
    while filled < bytes.count {
      let count = bytes.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return read(descriptor, base + filled, buffer.count - filled)
      }
      if count > 0 {
        filled += count
      } else if count == 0 {
        break
      } else if errno != EINTR {
        return .failure(.unreadable(String(cString: strerror(errno))))
      }
    }
    return .success(Array(bytes[0..<filled]))
  }
}
