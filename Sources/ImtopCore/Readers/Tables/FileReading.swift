/// What reading one file yields: its good records, a problem per bad record, and a whole-file failure.
///
/// A bad record never hides the good ones: `records` holds every row that could be read, `issues` one
/// `file:line: message` per row that could not. `failure` is set when nothing could be read at all
/// (not UTF-8, a missing required column, a TOML syntax error); the poller then keeps the last good
/// contents of the file and shows them as stale.
public struct FileReading<Record: Sendable>: Sendable {
  public var records: [Record]
  public var issues: [DataIssue]
  /// Why the whole file was rejected; the same text is also one of `issues`.
  public var failure: String?

  /// Records (rows, lines) rejected: each has one issue. Warnings, such as an unknown key in
  /// `imtop.toml`, are issues that reject nothing.
  public var rejected: Int

  public init(records: [Record] = [], issues: [DataIssue] = [], failure: String? = nil, rejected: Int? = nil) {
    self.records = records
    self.issues = issues
    self.failure = failure
    self.rejected = rejected ?? issues.count
  }
}
