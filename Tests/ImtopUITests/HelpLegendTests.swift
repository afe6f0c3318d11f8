import Testing

@testable import ImtopUI

/// The help overlay's legend: every symbol the pages draw, in the glyphs drawn with.
@Suite struct HelpLegendTests {
  @Test func theHelpListsEverySymbolInTheGlyphsDrawn() {
    var state = Fixtures.state(width: 80, height: 24)
    state.press(.character("?"))
    let text = state.view().plainText()
    for binding in KeyBindings.legend(.unicode, compact: true) {
      #expect(text.contains(binding.keys), "missing \(binding.keys)")
      #expect(text.contains(binding.action), "missing \(binding.action)")
    }
    #expect(text.contains("● ▲ ✖ ? ◆") && text.contains("99.12%▼") && text.contains("via X") && text.contains("cov"))
    let wide = Fixtures.state(width: 200, height: 60)
    var opened = wide
    opened.press(.character("?"))
    let full = opened.view().plainText()
    for binding in KeyBindings.legend(.unicode) + KeyBindings.all {
      #expect(full.contains(binding.action), "missing \(binding.action)")
    }
    #expect(KeyBindings.legend(.blocks).first?.keys == "o ^ x ? =")
  }
}
