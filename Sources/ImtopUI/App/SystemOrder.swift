import ImtopCore

/// Filters and sorts the systems table's rows. The result is the one `SystemColumn.ordered` gives,
/// but each row's sort key and lowercased name are worked out once rather than in every comparison:
/// 5,000 systems take about 60,000 comparisons, and lowercasing and copying systems in each made
/// a sort cost tens of milliseconds.
enum SystemOrder {
  static func rows(_ systems: [SystemHealth], filter: String, column: SystemColumn, ascending: Bool) -> [SystemHealth] {
    let needle = filter.lowercased()
    let matching = needle.isEmpty ? systems : systems.filter { AppState.matches($0, needle) }
    let keys = matching.map { column.sortKey($0) }
    let names = matching.map { $0.record.displayName.lowercased() }
    let ids = matching.map(\.id)
    let order = matching.indices.sorted { i, j in
      if let less = SystemColumn.compare(keys[i], keys[j]) { return ascending ? less : !less }
      return names[i] != names[j] ? names[i] < names[j] : ids[i] < ids[j]
    }
    return order.map { matching[$0] }
  }
}
