/// The one way the dashboard's tables are filtered and sorted (the systems table, the incidents
/// tables): each row's sort key is worked out once, rows equal on it keep an order given by a tie
/// rank, and a filter is a case-insensitive substring of any of a row's texts.
enum RowOrder {
  /// One row's value in the sort column.
  enum Key: Sendable {
    /// A value the row does not have: first ascending, last descending.
    case missing
    case integer(Int64)
    case real(Double)
    case text(String)
  }

  /// Whether `a` sorts before `b` ascending; nil when they are equal (then the tie rank decides).
  static func compare(_ a: Key, _ b: Key) -> Bool? {
    func order<T: Comparable>(_ x: T, _ y: T) -> Bool? { x == y ? nil : x < y }
    switch (a, b) {
    case (.missing, .missing): return nil
    case (.missing, _): return true
    case (_, .missing): return false
    case (.integer(let x), .integer(let y)): return order(x, y)
    case (.real(let x), .real(let y)): return order(x, y)
    case (.text(let x), .text(let y)): return order(x, y)
    default: return nil  // one column gives one kind of key; never reached
    }
  }

  /// The positions of `keys` in table order: by key in the given direction, equal keys by `ties`
  /// (always ascending, so equal rows keep a stable, readable order either way).
  static func sorted(_ keys: [Key], ties: [Int], ascending: Bool) -> [Int] {
    keys.indices.sorted { i, j in
      if let less = compare(keys[i], keys[j]) { return ascending ? less : !less }
      return ties[i] < ties[j]
    }
  }

  /// Whether any of `texts` contains `needle`, which is already lowercased.
  static func matches(_ texts: [String], _ needle: String) -> Bool {
    texts.contains { $0.lowercased().contains(needle) }
  }
}
