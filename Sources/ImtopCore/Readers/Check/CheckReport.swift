/// What `imtop check` prints and the status it exits with, kept out of the command so it can be tested.
///
/// Exit statuses, as the README's table of errors and warnings says: 0 when no file has an error
/// (warnings allowed), 1 when one has, 2 when the directory does not exist or is not a data
/// directory (no `systems.csv`), so that scripts can tell a bad file from a wrong path.
public struct CheckReport: Sendable {
  /// The text to print, one line per file, then one line per problem, then a summary.
  public var text: String
  public var exitStatus: Int32
  /// The same report for scripts (`imtop check --format json`; the README's JSON section).
  public var json: JSONValue

  public init(text: String, exitStatus: Int32, json: JSONValue = .null) {
    self.text = text
    self.exitStatus = exitStatus
    self.json = json
  }

  /// What a data directory must hold, for the exit-2 message.
  public static let directoryContract =
    "a data directory must hold at least systems.csv (or a systems/ folder of .csv files), and optionally "
    + "budget.csv, incidents.csv, compliance.csv, status.jsonl, metrics.jsonl (each also as a folder) and imtop.toml"

  /// The exit-2 report when `directory` is not a data directory, nil when it is one; `shownPath`
  /// is how the user wrote it, `command` the name the message speaks as (`imtop check`).
  public static func refusal(directory: String, shownPath: String, command: String = "imtop check") -> CheckReport? {
    let listing = DataDirectoryListing(directory: directory)
    let reason: String
    if !listing.exists {
      reason = "\(shownPath) is not a directory: \(directoryContract)"
    } else if !listing.hasSystems {
      reason = "\(shownPath) holds no systems.csv: \(directoryContract)"
    } else {
      return nil
    }
    return CheckReport(text: "\(command): \(reason)\n", exitStatus: 2, json: CheckReport.refusalJSON(reason))
  }

  /// Checks the directory at `directory` as of the time `now` gives for its configuration.
  /// `settle`, `user` and `sources` as for `DirectoryReading`: each source's queries run against its server.
  public static func check(
    directory: String, shownPath: String, settle: Span = .zero, user: UserConfiguration = .none,
    sources: [any RemoteSource] = [], now: (Configuration) throws -> Timestamp
  ) rethrows -> CheckReport {
    if let refusal = refusal(directory: directory, shownPath: shownPath) { return refusal }
    return CheckReport(try DirectoryReading(directory: directory, settle: settle, user: user, sources: sources, now: now))
  }

  /// The report on a directory read once: every file, every problem with its severity, a summary
  /// that counts errors and warnings apart.
  public init(_ reading: DirectoryReading) {
    let files = reading.input.files
    let issues = reading.input.issues(at: reading.now)
    var lines: [String] = []
    let width = files.map(\.path.count).max() ?? 0
    for file in files {
      let padded = file.path + String(repeating: " ", count: width - file.path.count)
      lines.append("\(padded)  \(CheckReport.summary(of: file))")
    }
    for kind in CheckReport.absentKinds(files) {
      lines.append("\(kind.fileName): not present (optional)")
    }
    if !issues.isEmpty { lines.append("") }
    lines += issues.map(CheckReport.line)
    lines.append("")
    let errors = issues.filter(\.isError).count
    let warnings = issues.count - errors
    let fileCount = CheckReport.count(files.count, "file")
    if issues.isEmpty {
      lines.append("No problems in \(fileCount).")
    } else {
      let counts = [(errors, "error"), (warnings, "warning")].filter { $0.0 > 0 }.map { CheckReport.count($0.0, $0.1) }
      lines.append("\(counts.joined(separator: " and ")) in \(fileCount).")
    }
    let status: Int32 = errors == 0 ? 0 : 1
    self.init(
      text: lines.joined(separator: "\n") + "\n", exitStatus: status,
      json: CheckReport.json(reading, issues: issues, exitStatus: status))
  }

  /// `file:line: error: message`, the form compilers and linters use, so editors can jump to it.
  public static func line(_ issue: DataIssue) -> String {
    let place = issue.line.map { "\(issue.file):\($0)" } ?? issue.file
    return "\(place): \(issue.severity.rawValue): \(issue.message)"
  }

  /// The kinds no file was read for, in reading order.
  static func absentKinds(_ files: [FileReport]) -> [FileKind] {
    let present = Set(files.map(\.kind))
    return FileKind.readingOrder.filter { !present.contains($0) }
  }

  private static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }

  private static func summary(of file: FileReport) -> String {
    if let failure = file.failure { return "not read: \(failure)" }
    if file.kind == .config { return file.errors == 0 ? "read" : "read, \(file.errors) setting\(file.errors == 1 ? "" : "s") rejected" }
    return "\(file.records) record\(file.records == 1 ? "" : "s") read, \(file.errors) rejected"
  }
}
