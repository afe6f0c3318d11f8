/// Why a KPI expression could not be read: what was expected, at a 1-based column (in characters).
public struct KPIExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
  public var column: Int
  public var message: String

  public init(column: Int, _ message: String) {
    self.column = column
    self.message = message
  }

  public var description: String { "column \(column): \(message)" }

  /// The message `imtop check` and the KPI tile show: `KPI "Patch latency": column 14: ...`.
  public func described(forKPI name: String) -> String { "KPI \"\(name)\": \(description)" }
}
