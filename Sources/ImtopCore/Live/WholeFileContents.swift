import Foundation

/// The records of one file that is re-read whole when it changes (CSV tables and the configuration).
public enum WholeFileContents: Sendable {
  case systems([SystemRecord])
  case budget([BudgetLine])
  case incidents([Incident])
  case compliance([ComplianceItem])
  case configuration(Configuration)

  /// How many records it holds (1 for the configuration).
  public var recordCount: Int {
    switch self {
    case .systems(let records): return records.count
    case .budget(let records): return records.count
    case .incidents(let records): return records.count
    case .compliance(let records): return records.count
    case .configuration: return 1
    }
  }
}

/// What reading one whole file gave: its records and bad rows, or why the file as a whole is unusable.
public enum WholeFileOutcome: Sendable {
  case read(WholeFileContents, issues: [DataIssue])
  /// The file cannot be used at all (not UTF-8, binary, unreadable...); the message says why.
  case failed(String)
}

/// Reads one whole file of a kind: the data directory's CSV and TOML readers, or a stand-in in tests.
/// `path` is relative to the data directory; the configuration gives the zone and currency.
public typealias WholeFileReading = @Sendable (_ kind: FileKind, _ path: String, _ data: Data, _ configuration: Configuration) -> WholeFileOutcome
