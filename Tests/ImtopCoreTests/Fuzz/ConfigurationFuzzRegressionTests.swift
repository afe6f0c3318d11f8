import Testing

@testable import ImtopCore

/// Inputs the `config` fuzzer found to abort the process (an assertion inside the TOML parser on a
/// table header whose name starts with neither a key character nor a quote), and valid files that
/// look like them, which must still be read.
@Suite struct ConfigurationFuzzRegressionTests {
  private func read(_ text: String) -> ConfigurationReading {
    ConfigurationReader.read(Array(text.utf8))
  }

  /// The input as the fuzzer wrote it (a mutated fixture), shortened after the crashing header.
  @Test func fuzzerInputIsASyntaxError() {
    let reading = read("""
      [organization]
      fiscal_year_start = 9223372036854775807
      timezone = "Etc/GMT+14"
      currency = ""
      [refresh]
      interval = "000000;9999999999998d"
      [display]
      rotate = "10675199))))"
      target = nan
      better = "target"
      [# A small municipa[kpi]]
      name = "x"
      """)
    // Line 11 is the header; its name would start at column 2, with `#`.
    #expect(reading.failure != nil)
    #expect(reading.issues.map(\.line) == [11])
    #expect(reading.issues.first?.message.hasPrefix("TOML syntax error at column 2:") == true)
    #expect(reading.configuration.fiscalYearStart == Configuration().fiscalYearStart)
  }

  @Test(arguments: [
    ("[#]", 1, 2), ("[ #x", 1, 3), ("[[#]]", 1, 3), ("[+a]", 1, 2), ("[=]", 1, 2), ("[", 1, 2),
    ("[\n", 1, 2), ("# comment\n[é]", 2, 2), ("a = 1\n  [\t!]", 2, 5),
  ])
  func headerWithoutANameIsASyntaxError(text: String, line: Int, column: Int) {
    let reading = read(text)
    #expect(reading.failure != nil)
    #expect(reading.issues.map(\.line) == [line])
    #expect(reading.issues.first?.message.hasPrefix("TOML syntax error at column \(column):") == true)
  }

  /// A line that opens with `[` inside an array, a multi-line string or a comment is no header.
  @Test func bracketsThatAreNoHeaderAreRead() {
    let reading = read("""
      # [+ not a header
      [organization]
      name = \"\"\"
      [# inside a string
      \"\"\"
      currency = "EUR" # [#
      [display]
      pages = [
        "overview",
      ]
      [[kpi]]
      name = "Nested"
      expr = '1 + [2'
      """)
    #expect(reading.failure == nil)
    #expect(reading.configuration.organizationName == "[# inside a string\n")
    #expect(reading.configuration.currency == "EUR")
    #expect(reading.configuration.pages == [.overview])
  }

  @Test func nestedArrayOnItsOwnLineIsNoHeader() {
    #expect(TOMLHeaderCheck.firstBadHeader(in: Array("x = [\n[+1, 2],\n  [#c\n3]]\n[a]\n".utf8)) == nil)
    #expect(TOMLHeaderCheck.firstBadHeader(in: Array("x = { a = [1] }\n[ 'quoted' ]\n[[\"q\"]]\n".utf8)) == nil)
  }

  /// The third find: `}` where an array wants a value fails another assertion in the parser.
  @Test(arguments: [("x = [1,}", 1, 8), ("x = [}", 1, 6), ("x = [\n#c\n}]", 3, 1), ("a = 1\nx = [[1], {b = [}]", 2, 17)])
  func braceInsideAnArrayIsASyntaxError(text: String, line: Int, column: Int) {
    let reading = read(text)
    #expect(reading.failure != nil)
    #expect(reading.issues.map(\.line) == [line])
    #expect(
      reading.issues.first?.message == "TOML syntax error at column \(column): an array is closed with ], not }; using the default settings")
  }

  @Test func inlineTablesInArraysAreRead() {
    let reading = read("[organization]\nname = \"x\"\nunused = [{ a = [1, { b = 2 }] }, {}]\n")
    #expect(reading.failure == nil)
    #expect(reading.configuration.organizationName == "x")
  }

  @Test func escapedQuoteKeepsTheStringOpen() {
    // The string holds `\"` then a line break escape; the `[#` after it is on line 2 inside it.
    #expect(TOMLHeaderCheck.firstBadHeader(in: Array("a = \"\"\"x\\\"\\\n[#\"\"\"\n[#]".utf8))?.line == 3)
  }
}
