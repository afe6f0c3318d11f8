/// How much of a row or column one part of a layout asks for.
public enum Constraint: Hashable, Sendable {
  /// Exactly this many cells (less only when there is not room).
  case length(Int)
  /// At least this many cells, growing like `fill(1)` when there is room to spare.
  case min(Int)
  /// `numerator / denominator` of the whole.
  case ratio(Int, Int)
  /// A share of what the other constraints leave, by weight.
  case fill(Int)
}
