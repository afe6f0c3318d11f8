/// What a reader must know about the organisation to read one file on its own.
///
/// Kept apart from `Configuration` because the poller re-reads single files: it builds a context once
/// from the configuration and the budget's currency, then hands it to whichever reader a change needs.
public struct ReadContext: Hashable, Sendable {
  /// The zone in which times without an offset (`2026-03-01 08:00`) and dates alone are read.
  public var zone: Zone
  /// The organisation's ISO 4217 currency code: every amount must be in it.
  public var currency: String

  public init(zone: Zone = .utc, currency: String = "EUR") {
    self.zone = zone
    self.currency = currency.uppercased()
  }

  /// The context for a configuration: its zone, and its currency, else `budgetCurrency` (the first
  /// currency found in the budget files, see `BudgetReader.firstCurrency(in:)`), else EUR.
  public init(configuration: Configuration, budgetCurrency: String? = nil) {
    self.init(zone: configuration.zone, currency: configuration.currency ?? budgetCurrency ?? "EUR")
  }
}
