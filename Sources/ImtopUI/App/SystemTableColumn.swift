/// A column of the systems table: a data column (sortable) or the latency trend. The column chooser
/// (`c`) shows or hides these by `name`, the word the state file keeps.
public enum SystemTableColumn: Hashable, Sendable {
  case data(SystemColumn)
  case trend

  /// `vendor`, `availabilityWeek`, `trend`: the column's name in the state file.
  public var name: String {
    switch self {
    case .data(let column): return column.rawValue
    case .trend: return "trend"
    }
  }

  public init?(name: String) {
    if name == "trend" {
      self = .trend
    } else if let column = SystemColumn(rawValue: name) {
      self = .data(column)
    } else {
      return nil
    }
  }

  public var title: String {
    switch self {
    case .data(let column): return column.title
    case .trend: return "Trend"
    }
  }

  /// The columns the chooser offers, in table order: every one but the state and the name, which
  /// the table always shows.
  public static var choosable: [SystemTableColumn] {
    SystemsTable.allKinds.filter { $0 != .data(.status) && $0 != .data(.name) }
  }
}
