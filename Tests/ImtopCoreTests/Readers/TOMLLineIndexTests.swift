import Testing

@testable import ImtopCore

@Suite struct TOMLLineIndexTests {
  @Test func findsKeysTablesAndArrayTablesPastMultilineStrings() {
    let index = TOMLLineIndex("""
      title = "x"
      [display]
      note = \"\"\"
      [fake]
      key = 1
      \"\"\"
      theme = "dark"
      [[kpi]]
      name = "A"
      [[ kpi ]]
      "name" = "B"
      """)
    #expect(index.line(ofKey: "title", inTable: "") == 1)
    #expect(index.line(ofKey: "display.theme", inTable: "display") == 7)
    // Inside the multi-line string nothing counts.
    #expect(index.line(ofKey: "fake.key", inTable: "fake") == nil)
    #expect(index.arrayTableLine("kpi#1") == 8)
    #expect(index.arrayTableLine("kpi#2") == 10)
    #expect(index.line(ofKey: "kpi#2.name", inTable: "kpi#2") == 11)
    #expect(index.arrayTableLine("kpi#3") == nil)
  }
}
