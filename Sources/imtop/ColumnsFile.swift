import Foundation
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
    guard access(path, F_OK) == 0 else { return Reading() }
    func unreadable(_ why: String) -> Reading {
      Reading(warning: DataIssue(file: path, line: nil, message: why + "; showing every column", severity: .warning))
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    guard size <= Self.maximumSize else { return unreadable("file is too large: expected at most \(Self.maximumSize) bytes") }
    do {
      return Self.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self), file: path)
    } catch {
      return unreadable("cannot be read: \(Self.reason(error))")
    }
  }

  /// More than any choice of columns takes: a bigger file is not one imtop wrote.
  static let maximumSize = 4096

  /// Writes the choice (whole, through a temporary file, so a crash never leaves half of it), making
  /// the state folder private to the user if it is missing.
  func save(_ hidden: Set<SystemTableColumn>) throws {
    let folder = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    try Data(Self.text(hidden).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  /// Saves, returning why it could not (for the footer) instead of throwing.
  func saveReportingFailure(_ hidden: Set<SystemTableColumn>) -> String? {
    do {
      try save(hidden)
      return nil
    } catch {
      return "column choice not saved to \(path): \(Self.reason(error))"
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
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      func corrupt(_ message: String) -> Reading {
        Reading(warning: DataIssue(file: file, line: index + 1, message: message + "; showing every column", severity: .warning))
      }
      let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, parts[0] == "hidden" else { return corrupt("expected `hidden = column, column, ...`") }
      guard hidden == nil else { return corrupt("`hidden` given twice") }
      var columns = Set<SystemTableColumn>()
      for name in parts[1].split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
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

  private static func reason(_ error: Error) -> String {
    let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
    if let posix = underlying.flatMap({ POSIXErrorCode(rawValue: Int32($0.code)) }), underlying?.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(posix.rawValue))
    }
    return error.localizedDescription
  }
}
