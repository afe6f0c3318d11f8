import Foundation

/// What `imtop check` prints and the status it exits with, kept out of the command so it can be tested.
///
/// Exit statuses: 0 when every file read cleanly, 1 when anything was reported, 2 when the directory
/// does not exist or is not a data directory (no `systems.csv`), so that scripts can tell a bad file
/// from a wrong path.
public struct CheckReport: Sendable {
  /// The text to print, one line per file, then one line per problem, then a summary.
  public var text: String
  public var exitStatus: Int32

  public init(text: String, exitStatus: Int32) {
    self.text = text
    self.exitStatus = exitStatus
  }

  /// What a data directory must hold, for the exit-2 message.
  public static let directoryContract =
    "a data directory must hold at least systems.csv (or a systems/ folder of .csv files), and optionally "
    + "budget.csv, incidents.csv, compliance.csv, status.jsonl, metrics.jsonl (each also as a folder) and imtop.toml"

  /// Checks the directory at `url`; `shownPath` is how the user wrote it, for messages.
  public static func check(directory url: URL, shownPath: String) -> CheckReport {
    let directory = DataDirectory(url: url)
    guard directory.exists else {
      return CheckReport(text: "imtop check: \(shownPath) is not a directory: \(directoryContract)\n", exitStatus: 2)
    }
    guard directory.hasSystems else {
      return CheckReport(text: "imtop check: \(shownPath) holds no systems.csv: \(directoryContract)\n", exitStatus: 2)
    }
    return CheckReport(dataSet: DataLoader.load(directory: url))
  }

  /// The report on a loaded data set.
  public init(dataSet: DataSet) {
    var lines: [String] = []
    let width = dataSet.files.map(\.path.count).max() ?? 0
    for file in dataSet.files {
      let padded = file.path + String(repeating: " ", count: width - file.path.count)
      lines.append("\(padded)  \(CheckReport.summary(of: file))")
    }
    let present = Set(dataSet.files.map(\.kind))
    for kind in DataDirectory.readingOrder where !present.contains(kind) {
      lines.append("\(kind.fileName): not present (optional)")
    }
    if !dataSet.issues.isEmpty { lines.append("") }
    lines += dataSet.issues.map(\.description)
    lines.append("")
    let count = dataSet.issues.count
    let files = dataSet.files.count == 1 ? "1 file" : "\(dataSet.files.count) files"
    lines.append(count == 0 ? "No problems in \(files)." : "\(count == 1 ? "1 problem" : "\(count) problems") in \(files).")
    self.init(text: lines.joined(separator: "\n") + "\n", exitStatus: count == 0 ? 0 : 1)
  }

  private static func summary(of file: FileReport) -> String {
    if let failure = file.failure { return "not read: \(failure)" }
    if file.kind == .config { return file.errors == 0 ? "read" : "read, \(file.errors) setting\(file.errors == 1 ? "" : "s") rejected" }
    return "\(file.records) record\(file.records == 1 ? "" : "s") read, \(file.errors) rejected"
  }
}
