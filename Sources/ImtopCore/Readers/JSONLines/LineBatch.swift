/// What reading a run of lines yields: the good records and a problem per bad line.
public struct LineBatch<Record: Sendable>: Sendable {
  public var records: [Record]
  public var issues: [DataIssue]
  /// Bytes consumed: up to and including the last newline (a half-written last line is left for later).
  public var consumedBytes: Int
  /// Lines consumed (complete lines, blank ones included), for numbering the next batch.
  public var consumedLines: Int
  /// The physical line of the first good record naming each system id: where an id missing from
  /// `systems.csv` is reported.
  public var systemLines: [String: Int]

  public init(
    records: [Record] = [], issues: [DataIssue] = [], consumedBytes: Int = 0, consumedLines: Int = 0,
    systemLines: [String: Int] = [:]
  ) {
    self.records = records
    self.issues = issues
    self.consumedBytes = consumedBytes
    self.consumedLines = consumedLines
    self.systemLines = systemLines
  }
}

extension LineBatch: LinePiece {
  mutating func renumber(by shift: Int) {
    for index in issues.indices { issues[index].line = issues[index].line.map { $0 + shift } }
    for (system, line) in systemLines { systemLines[system] = line + shift }
  }
}
