/// The `depends_on` graph of the portfolio: who is impacted by an outage, who depends on whom, and
/// which dependency chains loop.
///
/// Every walk is linear in the graph and marks what it has visited, so a cycle in a hand-edited CMDB
/// export is reported, never followed forever.
///
/// The snapshot carries the graph of its systems (node `i` is `Snapshot.systems[i]`), so a screen can
/// ask for one system's transitive tree (`tree(of:_:limit:)`) without walking the portfolio itself.
public struct DependencyGraph: Sendable {
  let ids: [String]
  let index: [String: Int]
  /// Direct dependencies of each node, in `depends_on` order, unknown ids dropped.
  let edges: [[Int]]
  /// Direct dependants of each node, in node order (the reverse of `edges`).
  let reverse: [[Int]]
  /// Per node with any, the `depends_on` ids that are not in the inventory, in their order.
  let unregistered: [Int: [String]]

  public init(systems: [SystemRecord]) {
    ids = systems.map(\.id)
    var index: [String: Int] = [:]
    for (position, id) in ids.enumerated() where index[id] == nil { index[id] = position }
    self.index = index
    var unregistered: [Int: [String]] = [:]
    edges = systems.enumerated().map { position, record in
      var seen = Set<Int>()
      var unknown: [String] = []
      let known = record.dependsOn.compactMap { id -> Int? in
        guard let node = index[id] else {
          if !unknown.contains(id) { unknown.append(id) }
          return nil
        }
        return node
      }.filter { seen.insert($0).inserted }
      if !unknown.isEmpty { unregistered[position] = unknown }
      return known
    }
    self.unregistered = unregistered
    var reverse = [[Int]](repeating: [], count: ids.count)
    for (node, targets) in edges.enumerated() { for target in targets { reverse[target].append(node) } }
    self.reverse = reverse
  }

  /// For each node, the ids of the nodes that depend on it directly, in node order.
  func dependants() -> [[String]] {
    reverse.map { $0.map { ids[$0] } }
  }

  /// For each node that is up or degraded, the id of the nearest down system it depends on (directly
  /// or through others); nil for the rest. Of several down systems equally near, the smallest id, so
  /// the answer does not depend on the order of `systems.csv`. A breadth-first walk backwards from
  /// every down node at once, level by level, so the whole portfolio costs O(nodes + edges).
  func impact(states: [ServiceState]) -> [String?] {
    var source = [Int?](repeating: nil, count: ids.count)
    var distance = [Int](repeating: -1, count: ids.count)
    var level: [Int] = []
    for node in ids.indices where states[node] == .down {
      source[node] = node
      distance[node] = 0
      level.append(node)
    }
    var depth = 0
    while !level.isEmpty {
      var next: [Int] = []
      for node in level {
        guard let down = source[node] else { continue }
        for dependant in reverse[node] {
          if distance[dependant] < 0 {
            distance[dependant] = depth + 1
            source[dependant] = down
            next.append(dependant)
          } else if distance[dependant] == depth + 1, let current = source[dependant], ids[down] < ids[current] {
            source[dependant] = down
          }
        }
      }
      level = next
      depth += 1
    }
    return ids.indices.map { node in
      guard states[node] == .up || states[node] == .degraded, let down = source[node] else { return nil }
      return ids[down]
    }
  }

  /// For each node, the ids of a dependency cycle it is on or leads to (the cycle written from its
  /// first member reached, ending before it repeats), nil when its dependencies never loop.
  ///
  /// Tarjan's strongly connected components give the loops; components come out dependencies first,
  /// so a node outside a loop takes the loop of its first dependency that has one.
  func cycles() -> [[String]?] {
    let components = StronglyConnected(edges: edges).components
    var result = [[String]?](repeating: nil, count: ids.count)
    for component in components {
      let members = Set(component)
      let isLoop = component.count > 1 || edges[component[0]].contains(component[0])
      for node in component.sorted() {
        if isLoop {
          result[node] = shortestLoop(from: node, within: members).map { ids[$0] }
        } else {
          result[node] = edges[node].lazy.compactMap { result[$0] }.first
        }
      }
    }
    return result
  }

  /// The shortest path from `start` back to itself inside one component, start first.
  private func shortestLoop(from start: Int, within members: Set<Int>) -> [Int] {
    var previous: [Int: Int] = [:]
    var queue = [start]
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      for next in edges[node] where members.contains(next) {
        if next == start {
          var path = [node]
          while let before = previous[path[path.count - 1]] { path.append(before) }
          return path.reversed()
        }
        if previous[next] == nil {
          previous[next] = node
          queue.append(next)
        }
      }
    }
    return [start]
  }
}
