/// What one file yielded: for `imtop check`, the data-age display and the snapshot's `data.files`.
public struct FileReport: Hashable, Sendable {
  /// Relative to the data directory (`status.jsonl`, `status/edge.jsonl`).
  public var path: String
  public var kind: FileKind
  public var records: Int
  public var errors: Int
  /// Last modification time; nil when the file could not be looked at.
  public var modified: Timestamp?
  /// Set when the file could not be read this time (the last good contents stay in use, stale).
  public var failure: String?
  /// The line the failure is about, when it is about one (`systems.csv:2: not UTF-8 text`).
  public var failureLine: Int?

  public init(
    path: String, kind: FileKind, records: Int = 0, errors: Int = 0, modified: Timestamp? = nil, failure: String? = nil,
    failureLine: Int? = nil
  ) {
    self.path = path
    self.kind = kind
    self.records = records
    self.errors = errors
    self.modified = modified
    self.failure = failure
    self.failureLine = failureLine
  }
}
