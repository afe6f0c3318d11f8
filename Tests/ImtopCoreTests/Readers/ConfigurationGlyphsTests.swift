import Testing

@testable import ImtopCore

/// `display.glyphs`: which characters the screen draws with.
@Suite struct ConfigurationGlyphsTests {
  private func read(_ text: String) -> ConfigurationReading {
    ConfigurationReader.read(Array(text.utf8))
  }

  @Test(arguments: [("braille", GlyphSet.braille), ("blocks", .blocks), ("ASCII", .ascii), ("block", .blocks)])
  func aGlyphSetIsRead(text: String, expected: GlyphSet) {
    let reading = read("[display]\nglyphs = \"\(text)\"\n")
    #expect(reading.issues.isEmpty)
    #expect(reading.configuration.glyphs == expected)
  }

  @Test func leftOutTheTerminalDecides() {
    #expect(read("[display]\ntheme = \"light\"\n").configuration.glyphs == nil)
  }

  @Test func anUnknownSetIsAnErrorAndLosesOnlyItself() {
    let reading = read("[display]\ntheme = \"light\"\nglyphs = \"emoji\"\n")
    #expect(ReaderTestSupport.messages(reading.issues) == ["3: display.glyphs \"emoji\": expected braille, blocks, ascii"])
    #expect(reading.rejected == 1)
    #expect(reading.configuration.glyphs == nil)
    #expect(reading.configuration.theme == "light")
  }
}
