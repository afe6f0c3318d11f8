import Foundation
import ImtopCore
import Testing

@testable import ImtopUI

/// The format table on whole pages: a column of one quantity has the same decimals in every row,
/// money in a column is either exact or abbreviated, a page gives a sign one meaning, the clock names
/// its zone, and the markdown report writes a figure as the screen does.
@Suite struct FormatConsistencyTests {
  static func screen(_ page: PageName, width: Int = 160, height: Int = 48, drawingMode: DrawingMode = .unicode) -> [String] {
    var backend = TestBackend(width: width, height: height)
    let buffer = backend.draw(Fixtures.state(page: page, width: width, height: height, drawingMode: drawingMode))
    return buffer.plainText().components(separatedBy: "\n")
  }

  /// The cells of the right-aligned column titled `title` (in the first line holding it and
  /// `header`): on each row below, the word ending where the title ends (or the `width` cells ending
  /// there, for cells with spaces), until the table's bottom border.
  static func column(_ title: String, header: String = "", width: Int? = nil, in lines: [String]) -> [String] {
    guard let headerIndex = lines.firstIndex(where: { $0.contains(title) && (header.isEmpty || $0.contains(header)) }),
      let range = lines[headerIndex].range(of: title)
    else { return [] }
    let end = lines[headerIndex].distance(from: lines[headerIndex].startIndex, to: range.upperBound)
    var cells: [String] = []
    for line in lines[(headerIndex + 1)...] {
      let characters = Array(line)
      if characters.first == "└" || characters.first == "+" || end > characters.count { break }
      // The word ending at the column's right edge, or one before it: a cell may keep its last
      // place for a marker (`99.88%▼`), which is not part of the figure.
      var stop = end
      if stop > 0, characters[stop - 1] == " " || characters[stop - 1] == "▼" { stop -= 1 }
      var start = stop
      if let width {
        start = max(0, end - width)
      } else {
        while start > 0, characters[start - 1] != " ", characters[start - 1] != "│" { start -= 1 }
      }
      let word = String(characters[start..<stop]).trimmingCharacters(in: .whitespaces)
      if !word.isEmpty { cells.append(word) }
    }
    return cells
  }

  static func matches(_ text: String, _ pattern: String) -> Bool {
    text.range(of: "^(" + pattern + ")$", options: .regularExpression) != nil
  }

  /// The availability figures of a table end at one column in every glyph set, 100.00% included:
  /// the overview's narrow column under ASCII had no room for 100.00% and the marker's padding,
  /// and that one figure stood a column right of the others.
  @Test(arguments: DrawingMode.allCases, [PageName.overview, .systems])
  func availabilityFiguresLineUp(mode: DrawingMode, page: PageName) {
    let buffer = Fixtures.state(page: page, drawingMode: mode).view()
    let names = ["ERP Fin", "Customer R", "Wide Area", "Records M", "HR & Pay", "Database", "Mail & C", "Staff Lap", "Security M"]
    var ends: [String: Int] = [:]
    for y in 0..<24 {
      let line = Array(buffer.line(y))
      guard let name = names.first(where: { buffer.line(y).contains($0) }) else { continue }
      // The first figure of the row (the overview's right-hand panels come after it).
      guard let percent = line.firstIndex(of: "%") else { continue }
      ends[name] = percent
    }
    #expect(ends["Staff Lap"] != nil, "\(mode) \(page): the 100.00% row is not on screen")
    #expect(Set(ends.values).count == 1, "\(mode) \(page): \(ends)")
  }

  @Test func availabilityAndSLAColumnsHaveTwoDecimalsInEveryRow() {
    let lines = Self.screen(.systems)
    for title in ["Avail 30d", "SLA"] {
      let cells = Self.column(title, in: lines)
      #expect(cells.count >= 5, "\(title): \(cells)")
      for cell in cells { #expect(Self.matches(cell, #"\d+\.\d\d%|—"#), "\(title): \(cell)") }
    }
  }

  @Test func percentagesOfKPIsHaveOneDecimalInEveryRow() {
    let lines = Self.screen(.kpis)
    let values = Self.column("Value", in: lines).filter { $0.hasSuffix("%") }
    #expect(values.count >= 3, "\(values)")
    for value in values { #expect(Self.matches(value, #"-?\d+\.\d%"#), "\(value)") }
  }

  @Test func thresholdsCarryTheirUnit() {
    let lines = Self.screen(.kpis)
    // The table's rows (they say which way is better), not the tiles below.
    let rows = lines.filter { ($0.contains("Systems meeting SLA") || $0.contains("MTTR")) && ($0.contains("higher") || $0.contains("lower")) }
    #expect(rows.count == 2)
    // `90.0% / 75.0%`, `8h / 1d`: never a bare `90 / 75`.
    #expect(rows.first { $0.contains("Systems meeting SLA") }?.contains("90.0% / 75.0%") == true, "\(rows)")
    for row in rows { #expect(row.range(of: #" \d+ / \d+ "#, options: .regularExpression) == nil, "\(row)") }
  }

  @Test func budgetVarianceColumnHasOneDecimalAndZeroIsUnsigned() {
    let lines = Self.screen(.budget)
    let cells = Self.column("Var", in: lines)
    #expect(cells.count >= 5, "\(cells)")
    for cell in cells {
      #expect(Self.matches(cell, #"[+-]\d+\.\d%|0\.0%|—"#), "\(cell)")
      #expect(cell != "+0.0%" && cell != "-0.0%")
    }
  }

  @Test func moneyIsExactInSummariesAndAbbreviatedInColumns() {
    let abbreviated = #"€\d+(\.\d+)?[kMB]"#
    for page in [PageName.overview, .budget] {
      let lines = Self.screen(page)
      for label in ["Actual YTD", "Plan YTD", "Burn", "Annual budget", "Forecast"] {
        for line in lines where line.contains(label) {
          // The summary panels: the figure after the label, never abbreviated.
          let panel = line.components(separatedBy: "││").first { $0.contains(label) } ?? line
          #expect(panel.range(of: abbreviated, options: .regularExpression) == nil, "\(page) \(label): \(panel)")
        }
      }
    }
    let budget = Self.screen(.budget)
    for title in ["Actual", "Plan"] {
      let cells = Self.column(title, header: "Var", in: budget).filter { $0.hasPrefix("€") }
      #expect(!cells.isEmpty)
      for cell in cells { #expect(Self.matches(cell, abbreviated + #"|€\d{1,3}"#), "\(title): \(cell)") }
    }
  }

  @Test func theBudgetPageSaysOverAndUnderInWords() throws {
    let lines = Self.screen(.budget)
    let completion = try #require(lines.first { $0.contains("Var. at completion") })
    let variance = try #require(lines.first { $0.contains("Variance") })
    #expect(completion.contains(" over") || completion.contains(" under") || completion.contains("on plan"), "\(completion)")
    #expect(!completion.contains("-€") && !completion.contains("+€"), "\(completion)")
    #expect(variance.range(of: #"\d+\.\d% (over|under)|on plan"#, options: .regularExpression) != nil, "\(variance)")
    #expect(variance.range(of: #"[+-]\d+\.\d% (over|under)"#, options: .regularExpression) == nil, "\(variance)")
  }

  @Test func theHeaderClockNamesItsZone() throws {
    let header = try #require(Self.screen(.overview).first)
    #expect(header.range(of: #"\d\d:\d\d:\d\d UTC\s*$"#, options: .regularExpression) != nil, "\(header)")
  }

  @Test func durationsAreOneUnitFamilyOnTheIncidentsPage() {
    let lines = Self.screen(.incidents)
    let family = #"\d+ s|\d+ min|\d+h( \d\dm)?|\d+d( \d+h)?|—"#
    let summary = lines.prefix(5).joined(separator: " ")
    #expect(summary.contains("MTTR"))
    // No `3.5h` or `2.1d`: hours and days are never decimals.
    #expect(summary.range(of: #"\d\.\d[hd]\b"#, options: .regularExpression) == nil, "\(summary)")
    let ages = Self.column("Age", width: 7, in: lines)
    #expect(ages.count >= 3, "\(ages)")
    for cell in ages { #expect(Self.matches(cell, family), "Age: \(cell)") }
  }

  @Test func asciiSortMarkerStandsApartFromTheTitle() {
    let lines = Self.screen(.systems, drawingMode: .ascii)
    let header = lines.first { $0.contains("System") && $0.contains("State") } ?? ""
    #expect(header.contains("State v") || header.contains("State ^"), "\(header)")
    #expect(!header.contains("Statev") && !header.contains("State^"), "\(header)")
    // The below-SLA marker after an availability stands apart too: `99.12% v`, not `99.12%v`.
    let text = lines.joined(separator: "\n")
    #expect(text.contains("99.12% v") && !text.contains("%v"), "\(text)")
  }

  /// The markdown report writes availability, SLA and durations as the screen does.
  @Test func markdownWritesFiguresAsTheScreenDoes() throws {
    let snapshot = Fixtures.snapshot()
    let markdown = SnapshotMarkdown().render(snapshot).components(separatedBy: "\n")
    let screen = Self.screen(.systems)
    let header = try #require(markdown.first { $0.hasPrefix("| System | State |") })
    let titles = header.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
    let avail30 = try #require(titles.firstIndex(of: "Avail 30d"))
    var compared = 0
    for system in snapshot.systems {
      guard let row = markdown.first(where: { $0.hasPrefix("| \(system.record.displayName) |") }) else { continue }
      let cells = row.split(separator: "|", omittingEmptySubsequences: false).dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
      let availability = cells[avail30]
      #expect(Self.matches(availability, #"\d+\.\d\d%|—"#), "\(availability)")
      guard availability != "—", let line = screen.first(where: { $0.contains(system.record.displayName) }) else { continue }
      #expect(line.contains(availability), "\(system.record.displayName): screen \(line) markdown \(availability)")
      compared += 1
    }
    #expect(compared >= 3)
    let mttr = try #require(markdown.first { $0.hasPrefix("| 30d |") })
    let family = #"\d+ s|\d+ min|\d+h( \d\dm)?|\d+d( \d+h)?|—"#
    for cell in mttr.split(separator: "|").dropFirst().map({ $0.trimmingCharacters(in: .whitespaces) }) {
      #expect(Self.matches(cell, family), "\(cell)")
    }
  }
}
