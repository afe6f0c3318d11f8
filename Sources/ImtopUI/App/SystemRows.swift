import ImtopCore

/// The systems table's rows: the snapshot's systems in the table's order. It shares the snapshot's
/// array and keeps only positions, so caching it costs no copy of 5,000 systems per snapshot.
struct SystemRows: RandomAccessCollection, Sendable {
  let systems: [SystemHealth]
  /// Positions in `systems`, in table order.
  let order: [Int]

  static let empty = SystemRows(systems: [], order: [])

  var startIndex: Int { 0 }
  var endIndex: Int { order.count }
  subscript(position: Int) -> SystemHealth { systems[order[position]] }

  /// Where the system with this id is, looking at ids only (no system is copied out).
  func position(ofID id: String) -> Int? {
    order.firstIndex { systems[$0].id == id }
  }
}
