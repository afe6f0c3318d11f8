/// Why a time zone could not be loaded: the name is not a zone name, or the system's zoneinfo
/// lacks the zone or holds a broken file for it.
public struct ZoneError: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Reason: Error, Hashable, Sendable {
    /// Not an IANA name: empty, absolute, with `..`, or with characters no zone name has.
    case invalidName
    /// The zoneinfo directory does not exist.
    case noDatabase
    /// No file for the zone in the zoneinfo directory.
    case notFound
    /// The file exists but cannot be read (the system's reason).
    case unreadable(String)
    /// The file is not a valid TZif file (what is wrong with it).
    case malformed(String)
  }

  public var identifier: String
  /// The zoneinfo directory searched (`$TZDIR`, else `/usr/share/zoneinfo`).
  public var directory: String
  public var reason: Reason

  /// True when the name itself is wrong, whatever the system's zoneinfo holds.
  public var isInvalidName: Bool { reason == .invalidName }

  public var description: String {
    let file = "\(directory)/\(identifier)"
    switch reason {
    case .invalidName: return "\"\(identifier)\" is not a time zone name: expected an IANA name such as Europe/Berlin or UTC"
    case .noDatabase: return "no time zone database at \(directory) (install tzdata, or set TZDIR)"
    case .notFound: return "no zone \"\(identifier)\" in the system's zoneinfo (a misspelt name, or tzdata older than the zone)"
    case .unreadable(let why): return "\(file) cannot be read: \(why)"
    case .malformed(let why): return "\(file) is not a valid zone file: \(why)"
    }
  }
}
