/// Splits rectangles into rows or columns.
///
/// Lengths and minimums are served first, ratios next, and what is left goes to `fill` and `min`
/// parts by weight. When the space is too small, the last parts shrink first, so the first (most
/// important) part keeps its size longest. The parts always tile the rectangle exactly, never overlap,
/// and never have a negative size.
public enum Layout {
  public enum Direction: Sendable { case horizontal, vertical }

  public static func split(_ rect: Rect, _ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
    guard !constraints.isEmpty else { return [] }
    let total = direction == .horizontal ? rect.width : rect.height
    let gaps = Swift.max(0, spacing) * (constraints.count - 1)
    let sizes = distribute(Swift.max(0, total - gaps), constraints)
    var result: [Rect] = []
    result.reserveCapacity(sizes.count)
    var offset = 0
    for (index, size) in sizes.enumerated() {
      let start = Swift.min(offset, total)
      let length = Swift.max(0, Swift.min(size, total - start))
      switch direction {
      case .horizontal: result.append(Rect(x: rect.x + start, y: rect.y, width: length, height: rect.height))
      case .vertical: result.append(Rect(x: rect.x, y: rect.y + start, width: rect.width, height: length))
      }
      offset = start + length + (index < sizes.count - 1 ? Swift.max(0, spacing) : 0)
    }
    return result
  }

  /// Cell counts per constraint, summing to at most `total`.
  static func distribute(_ total: Int, _ constraints: [Constraint]) -> [Int] {
    var sizes = constraints.map { constraint -> Int in
      switch constraint {
      case .length(let n), .min(let n): return Swift.max(0, n)
      case .ratio(let numerator, let denominator):
        guard denominator > 0 else { return 0 }
        return Swift.max(0, total * numerator / denominator)
      case .fill: return 0
      }
    }
    var used = sizes.reduce(0, +)
    var index = sizes.count - 1
    while used > total, index >= 0 {
      let cut = Swift.min(sizes[index], used - total)
      sizes[index] -= cut
      used -= cut
      index -= 1
    }
    let spare = total - used
    guard spare > 0 else { return sizes }
    let weights = constraints.map { constraint -> Int in
      switch constraint {
      case .fill(let weight): return Swift.max(0, weight)
      case .min: return 1
      default: return 0
      }
    }
    let weightSum = weights.reduce(0, +)
    guard weightSum > 0 else { return sizes }
    var given = 0
    var lastWeighted = 0
    for (i, weight) in weights.enumerated() where weight > 0 {
      let share = spare * weight / weightSum
      sizes[i] += share
      given += share
      lastWeighted = i
    }
    sizes[lastWeighted] += spare - given
    return sizes
  }
}
