/// What reading a run of lines yields: the good records and a problem per bad line.
public struct LineBatch<Record: Sendable>: Sendable {
  public var records: [Record]
  public var issues: [DataIssue]
  /// Bytes consumed: up to and including the last newline (a half-written last line is left for later).
  public var consumedBytes: Int
  /// Lines consumed (complete lines, blank ones included), for numbering the next batch.
  public var consumedLines: Int

  public init(records: [Record] = [], issues: [DataIssue] = [], consumedBytes: Int = 0, consumedLines: Int = 0) {
    self.records = records
    self.issues = issues
    self.consumedBytes = consumedBytes
    self.consumedLines = consumedLines
  }
}
