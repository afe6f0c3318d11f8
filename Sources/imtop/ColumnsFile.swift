import FoundationEssentials
import Glibc
import ImtopCore
import ImtopUI

/// The systems table's columns as the user chose them with `c`, kept for the next start in
/// `columns` in imtop's state folder (`StateDirectory`): a file imtop owns and rewrites, apart from
/// the user's hand-written `config.toml`. It holds one setting:
///
///     # The Systems page's hidden columns, as chosen with `c` (written by imtop).
///     hidden = vendor, kind, trend
///
/// A file that is missing means no column is hidden; one that cannot be read as above means the
/// same, with a warning naming the file, the line and what was expected.
struct ColumnsFile {
  let path: String

  /// The file in the state folder of `environment`; nil when there is no state folder.
  static func standard(environment: [String: String]) -> ColumnsFile? {
    StateDirectory.path(environment: environment).map { ColumnsFile(path: $0 + "/columns") }
  }

  /// What the file says: the hidden columns, and the problem that made it fall back to none.
  struct Reading: Equatable {
    var hidden: Set<SystemTableColumn> = []
    var warning: DataIssue?
  }

  func load() -> Reading {
    func unreadable(_ why: String) -> Reading {
      Reading(warning: DataIssue(file: path, line: nil, message: why + "; showing every column", severity: .warning))
    }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else {
      // No file (or no folder for it) is no choice yet.
      return errno == ENOENT || errno == ENOTDIR ? Reading() : unreadable("cannot be read: " + String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: Self.maximumSize + 1)
    var count = 0
    while count < bytes.count {
      let got = bytes[count...].withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if got < 0, errno == EINTR { continue }
      if got < 0 { return unreadable("cannot be read: " + String(cString: strerror(errno))) }
      if got == 0 { break }
      count += got
    }
    guard count <= Self.maximumSize else { return unreadable("file is too large: expected at most \(Self.maximumSize) bytes") }
    return Self.parse(String(decoding: bytes[..<count], as: UTF8.self), file: path)
  }

  /// More than any choice of columns takes: a bigger file is not one imtop wrote.
  static let maximumSize = 4096

  /// Why the choice could not be written: the system's own words, and the path they are about.
  struct SaveError: Error, Equatable, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): \(reason)" }

    init(_ path: String, errno code: Int32 = errno) {
      self.path = path
      reason = String(cString: strerror(code))
    }
  }

  /// Writes the choice whole, through a temporary file renamed over the old one (a crash never
  /// leaves half of it), making the missing folders private to the user. With the system calls
  /// themselves, so what fails says why (`Not a directory`, `Read-only file system`).
  func save(_ hidden: Set<SystemTableColumn>) throws(SaveError) {
    let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    var made = ""
    for component in folder.split(separator: "/") {
      made += "/" + component
      if mkdir(made, 0o700) != 0, errno != EEXIST { throw SaveError(made) }
    }
    let temporary = "\(path).\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw SaveError(temporary) }
    if let code = FileWrite.all(Array(Self.text(hidden).utf8), to: descriptor) {
      let error = SaveError(temporary, errno: code)
      close(descriptor)
      unlink(temporary)
      throw error
    }
    close(descriptor)
    guard rename(temporary, path) == 0 else {
      let error = SaveError(path)
      unlink(temporary)
      throw error
    }
  }

  /// Saves, returning why it could not (for the footer) instead of throwing.
  func saveReportingFailure(_ hidden: Set<SystemTableColumn>) -> String? {
    do {
      try save(hidden)
      return nil
    } catch {
      return "column choice not saved to \(path): \(error.reason)" + (error.path == path ? "" : " (\(error.path))")
    }
  }

  /// The file's text for a choice, the columns in table order.
  static func text(_ hidden: Set<SystemTableColumn>) -> String {
    let names = SystemTableColumn.choosable.filter(hidden.contains).map(\.name)
    return "# The Systems page's hidden columns, as chosen with `c` (written by imtop).\nhidden = \(names.joined(separator: ", "))\n"
  }

  /// Reads the file's text; anything but comments, blank lines and one `hidden = a, b` line of known
  /// column names falls back to every column, with a warning.
  static func parse(_ text: String, file: String) -> Reading {
    var hidden: Set<SystemTableColumn>?
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingSpaces()
      if line.isEmpty || line.hasPrefix("#") { continue }
      func corrupt(_ message: String) -> Reading {
        Reading(warning: DataIssue(file: file, line: index + 1, message: message + "; showing every column", severity: .warning))
      }
      let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
      guard parts.count == 2, parts[0] == "hidden" else { return corrupt("expected `hidden = column, column, ...`") }
      guard hidden == nil else { return corrupt("`hidden` given twice") }
      var columns = Set<SystemTableColumn>()
      for name in parts[1].split(separator: ",").map({ $0.trimmingSpaces() }) where !name.isEmpty {
        guard let column = SystemTableColumn(name: name), SystemTableColumn.choosable.contains(column) else {
          let known = SystemTableColumn.choosable.map(\.name).joined(separator: ", ")
          return corrupt("unknown column \"\(SafeText.sanitized(name))\" (expected one of \(known))")
        }
        columns.insert(column)
      }
      hidden = columns
    }
    return Reading(hidden: hidden ?? [])
  }
}
