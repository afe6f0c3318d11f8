import Testing

@testable import ImtopCore

@Suite struct BudgetReaderTests {
  private func read(_ text: String, currency: String = "EUR") -> FileReading<BudgetLine> {
    BudgetReader.read(Array(text.utf8), path: "budget.csv", context: ReadContext(currency: currency))
  }

  private let header = "period,system,category,type,planned,actual,currency\n"

  @Test func readsALine() throws {
    let reading = read(header + "2026-04,erp,Licence,OPEX,\"1,250.00\",\"€1 300,50\",eur\n")
    #expect(reading.issues.isEmpty)
    // 1,250.00 EUR = 125000 cents; €1 300,50 = 130050 cents.
    #expect(reading.records == [BudgetLine(
      period: YearMonth(year: 2026, month: 4), system: "erp", category: .license, type: .opex,
      planned: Money(minorUnits: 125_000), actual: Money(minorUnits: 130_050),
      location: SourceLocation(file: "budget.csv", line: 2))])
  }

  @Test func emptySystemIsSharedEmptyCategoryIsOtherEmptyActualIsNotBooked() throws {
    let reading = read(header + "2026-04,,,capex,100,,\n")
    let line = try #require(reading.records.first)
    #expect(line.system == nil)
    #expect(line.category == .other)
    #expect(line.actual == nil)
    #expect(line.planned == Money(minorUnits: 10_000))
  }

  @Test func actualsOnlyFileIsFine() throws {
    let reading = read("period;type;actual\n2026-04;opex;12,50\n")
    #expect(reading.records.first?.planned == .zero)
    #expect(reading.records.first?.actual == Money(minorUnits: 1250))
  }

  @Test(arguments: [
    ("2026-13,erp,license,opex,100,,", "period \"2026-13\" is not YYYY-MM"),
    ("04/2026,erp,license,opex,100,,", "period \"04/2026\" is not YYYY-MM"),
    (",erp,license,opex,100,,", "missing period: expected a month as YYYY-MM"),
    ("2026-04,erp,license,,100,,", "missing type: expected capex, opex"),
    ("2026-04,erp,license,both,100,,", "unknown type \"both\": expected capex, opex"),
    ("2026-04,erp,coffee,opex,100,,", "unknown category \"coffee\": expected setup, maintenance, license, hardware, staff, training, other"),
    ("2026-04,erp,license,opex,-100,,", "negative amount \"-100\" in planned: expected 0 or more"),
    ("2026-04,erp,license,opex,100,-5.00,", "negative amount \"-5.00\" in actual: expected 0 or more"),
    ("2026-04,erp,license,opex,100.001,,", "planned \"100.001\" has 3 decimals, but EUR has 2: amounts are never rounded"),
    ("2026-04,erp,license,opex,$100,,", "planned \"$100\" is in USD, but the organisation's currency is EUR"),
    ("2026-04,erp,license,opex,lots,,", "planned \"lots\" is not an amount: expected an amount such as 1234.50, 1,234.50 or €1 234.50"),
    ("2026-04,erp,license,opex,100,,USD", "currency \"USD\" is not the organisation's currency EUR: every budget line must be in EUR"),
  ])
  func badLineIsReportedAndSkipped(row: String, message: String) {
    let reading = read(header + "2026-04,erp,license,opex,1,,\n" + row + "\n")
    #expect(reading.records.count == 1)
    #expect(reading.issues == [DataIssue(file: "budget.csv", line: 3, message: message)])
  }

  @Test func fileWithoutAmountsIsRejected() {
    let reading = read("period,type\n2026-04,opex\n")
    #expect(reading.failure == "no \"planned\" or \"actual\" column: the header must name period, type, and planned or actual")
    #expect(reading.records.isEmpty)
  }

  @Test func firstCurrencyComesFromTheColumnOrASymbol() {
    #expect(BudgetReader.firstCurrency(in: Array("period,type,planned,currency\n2026-04,opex,1,\n2026-05,opex,2,gbp\n".utf8)) == "GBP")
    #expect(BudgetReader.firstCurrency(in: Array("period,type,planned\n2026-04,opex,1\n2026-05,opex,$2\n".utf8)) == "USD")
    #expect(BudgetReader.firstCurrency(in: Array("period,type,planned\n2026-04,opex,1\n".utf8)) == nil)
  }
}
