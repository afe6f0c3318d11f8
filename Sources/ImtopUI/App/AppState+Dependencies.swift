import ImtopCore

/// The dependency trees on screen: of the open detail's system after `d`, or of the selected system
/// beside the Systems table after `D`.
extension AppState {
  /// How many rows each tree holds at most; the rest of what it reaches is counted as `+N more`.
  static let treeRowLimit = 2_000

  /// The system whose trees are shown, if any.
  var treeSystemID: String? {
    guard snapshot != nil else { return nil }
    if let detail = detailSystemID { return dependencyTreeOpen ? detail : nil }
    guard page == .systems, treeLayout else { return nil }
    let rows = visibleRows
    return selectedIndex(in: rows).map { rows[$0].id }
  }

  /// The dependencies and dependants trees of `id` in the snapshot (none when it is not a system).
  func computedTrees(of id: String) -> [DependencyTree] {
    guard let graph = snapshot?.dependencies else { return [] }
    return DependencyTree.Direction.allCases.compactMap { graph.tree(of: id, $0, limit: Self.treeRowLimit) }
  }

  /// The trees of `id`: the ones `update` worked out, or worked out now.
  public func trees(of id: String) -> [DependencyTree] {
    if let cached = dependencyTrees, cached.id == id { return cached.trees }
    return computedTrees(of: id)
  }
}
