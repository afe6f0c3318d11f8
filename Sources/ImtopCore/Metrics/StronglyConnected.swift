/// Tarjan's strongly connected components, iterative so that a long dependency chain cannot overflow
/// the stack. Components come out in reverse topological order: a component after all it depends on.
struct StronglyConnected {
  let components: [[Int]]

  init(edges: [[Int]]) {
    let count = edges.count
    var order = [Int](repeating: -1, count: count)
    var low = [Int](repeating: 0, count: count)
    var onStack = [Bool](repeating: false, count: count)
    var stack: [Int] = []
    var found: [[Int]] = []
    var counter = 0
    for root in 0..<count where order[root] < 0 {
      // Each frame: the node and the position of the next edge to look at.
      var frames: [(node: Int, edge: Int)] = [(root, 0)]
      order[root] = counter
      low[root] = counter
      counter += 1
      stack.append(root)
      onStack[root] = true
      while let frame = frames.last {
        let node = frame.node
        if frame.edge < edges[node].count {
          frames[frames.count - 1].edge += 1
          let next = edges[node][frame.edge]
          if order[next] < 0 {
            order[next] = counter
            low[next] = counter
            counter += 1
            stack.append(next)
            onStack[next] = true
            frames.append((next, 0))
          } else if onStack[next] {
            low[node] = min(low[node], order[next])
          }
          continue
        }
        frames.removeLast()
        if let parent = frames.last { low[parent.node] = min(low[parent.node], low[node]) }
        if low[node] == order[node] {
          var component: [Int] = []
          while let member = stack.popLast() {
            onStack[member] = false
            component.append(member)
            if member == node { break }
          }
          found.append(component)
        }
      }
    }
    components = found
  }
}
