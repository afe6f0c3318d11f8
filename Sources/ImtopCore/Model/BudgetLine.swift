/// One row of `budget.csv`: a planned and (once booked) actual amount for a month.
public struct BudgetLine: Hashable, Sendable {
  public var period: YearMonth
  /// The system id, or nil for a shared cost.
  public var system: String?
  public var category: BudgetCategory
  public var type: CostType
  public var planned: Money
  /// nil until finance books the month.
  public var actual: Money?
  public var extra: [ExtraField]
  public var location: SourceLocation

  public init(
    period: YearMonth, system: String?, category: BudgetCategory, type: CostType, planned: Money,
    actual: Money?, extra: [ExtraField] = [], location: SourceLocation = SourceLocation(file: "", line: 0)
  ) {
    self.period = period
    self.system = system
    self.category = category
    self.type = type
    self.planned = planned
    self.actual = actual
    self.extra = extra
    self.location = location
  }
}
