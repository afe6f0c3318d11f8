/// What a system depends on, or what depends on it, transitively, as the rows of a tree to draw:
/// "what breaks if wan goes down" is the dependants tree of `wan`.
///
/// Each system is expanded once: met again on another branch it is a `repeated` row without children,
/// and met again on its own branch (a dependency cycle closing there) a `cycle` row. So the rows are
/// at most the graph's edges, and never more than the `limit` asked for; `hidden` counts the systems
/// reached that no row names (`+N more`).
public struct DependencyTree: Sendable, Hashable {
  public enum Direction: String, Sendable, Hashable, CaseIterable {
    /// What the root depends on (`depends_on`, followed).
    case dependencies
    /// What depends on the root (`depends_on` followed backwards).
    case dependants
  }

  public enum Mark: String, Sendable, Hashable {
    /// A system shown with its own children below it.
    case expanded
    /// A system already expanded higher up on another branch: not expanded again.
    case repeated
    /// A system already on this branch (the root or one of the row's ancestors): the cycle closes here.
    case cycle
    /// A `depends_on` id that `systems.csv` lacks.
    case unregistered
  }

  public struct Row: Sendable, Hashable {
    /// 1 for the root's direct dependencies (or dependants), 2 for theirs, and so on.
    public var depth: Int
    public var id: String
    /// The system's position in the snapshot's `systems` (nil for an id not in the inventory).
    public var system: Int?
    public var mark: Mark
    /// The last of its parent's children (drawn `└`, else `├`).
    public var isLast: Bool

    public init(depth: Int, id: String, system: Int?, mark: Mark, isLast: Bool) {
      self.depth = depth
      self.id = id
      self.system = system
      self.mark = mark
      self.isLast = isLast
    }
  }

  public var root: String
  public var direction: Direction
  /// Depth first, children in `depends_on` order (dependencies) or in `systems.csv` order (dependants).
  public var rows: [Row]
  /// Distinct inventory systems reached, the root left out (ids not in the inventory not counted).
  public var reached: Int
  /// Systems reached that no row names, because the rows stopped at the limit.
  public var hidden: Int

  public init(root: String, direction: Direction, rows: [Row], reached: Int, hidden: Int) {
    self.root = root
    self.direction = direction
    self.rows = rows
    self.reached = reached
    self.hidden = hidden
  }
}

extension DependencyGraph {
  /// The tree of `id`'s dependencies or dependants, at most `limit` rows; nil when `id` is not a node.
  /// A depth-first walk on an explicit stack with a visited set: linear in what it reaches, whatever
  /// the depth, width or cycles of the graph.
  public func tree(of id: String, _ direction: DependencyTree.Direction, limit: Int = 2_000) -> DependencyTree? {
    guard let root = index[id] else { return nil }
    let next = direction == .dependencies ? edges : reverse
    func unknown(_ node: Int) -> [String] { direction == .dependencies ? unregistered[node] ?? [] : [] }
    var expanded = [Bool](repeating: false, count: ids.count)
    var onBranch = [Bool](repeating: false, count: ids.count)
    var rows: [DependencyTree.Row] = []
    expanded[root] = true
    onBranch[root] = true
    var shown = 0
    // Each frame: a node on the current branch and how many of its children have rows.
    var frames: [(node: Int, child: Int)] = [(root, 0)]
    while let frame = frames.last, rows.count < max(0, limit) {
      let node = frame.node
      let known = next[node]
      let extra = unknown(node)
      let count = known.count + extra.count
      guard frame.child < count else {
        onBranch[node] = false
        frames.removeLast()
        continue
      }
      frames[frames.count - 1].child += 1
      let depth = frames.count
      let isLast = frame.child + 1 == count
      guard frame.child < known.count else {
        rows.append(.init(depth: depth, id: extra[frame.child - known.count], system: nil, mark: .unregistered, isLast: isLast))
        continue
      }
      let child = known[frame.child]
      if onBranch[child] {
        rows.append(.init(depth: depth, id: ids[child], system: child, mark: .cycle, isLast: isLast))
      } else if expanded[child] {
        rows.append(.init(depth: depth, id: ids[child], system: child, mark: .repeated, isLast: isLast))
      } else {
        expanded[child] = true
        onBranch[child] = true
        shown += 1
        rows.append(.init(depth: depth, id: ids[child], system: child, mark: .expanded, isLast: isLast))
        frames.append((child, 0))
      }
    }
    let reached = reachable(from: root, along: next)
    return DependencyTree(root: id, direction: direction, rows: rows, reached: reached, hidden: max(0, reached - shown))
  }

  /// How many nodes `root` reaches along `next`, itself left out (a breadth-first walk).
  private func reachable(from root: Int, along next: [[Int]]) -> Int {
    var seen = [Bool](repeating: false, count: ids.count)
    seen[root] = true
    var queue = [root]
    var head = 0
    while head < queue.count {
      for target in next[queue[head]] where !seen[target] {
        seen[target] = true
        queue.append(target)
      }
      head += 1
    }
    return queue.count - 1
  }
}
