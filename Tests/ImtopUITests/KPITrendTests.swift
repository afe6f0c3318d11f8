import ImtopCore
import Testing

@testable import ImtopUI

/// KPI trends drawn honestly (the README's "KPI trends"): on a stated scale, flat when constant, a
/// missing point apart from a zero, checked cell by cell in every glyph set.
@Suite struct KPITrendTests {
  func kpi(_ trend: [Double?], target: Double? = nil, warn: Double? = nil, crit: Double? = nil) -> KPIResult {
    KPIResult(
      definition: KPIDefinition(name: "K", expression: "1", target: target, warn: warn, crit: crit), value: trend.last ?? nil,
      status: .ok, trend: trend, isBuiltIn: false)
  }

  @Test func theScaleRunsFromZeroOrTheLowestThresholdToTheLargerOfTargetAndMaximum() {
    // No threshold: from zero to the largest value.
    #expect(KPITrendScale.of(kpi([3, 7, nil, 5])) == 0...7)
    // Thresholds: from the lowest of them; up to the target when it is above every value.
    #expect(KPITrendScale.of(kpi([99.2, 99.6], target: 99.9, warn: 99.5, crit: 99)) == 99...99.9)
    // A value below the lowest threshold lowers the bottom; one above the target raises the top.
    #expect(KPITrendScale.of(kpi([10, 25], target: 14, warn: 21, crit: 30)) == 10...25)
    // A negative value under a scale from zero.
    #expect(KPITrendScale.of(kpi([-2, 4])) == -2...4)
    // Nothing to draw.
    #expect(KPITrendScale.of(kpi([nil, nil], target: 5)) == nil)
    #expect(KPITrendScale.window(kpi(Array(repeating: 1, count: 14))) == "14d")
  }

  /// [missing, 0, 5, 10] on 0..10, one row: missing is blank, zero the lowest level, 10 full.
  @Test(arguments: [
    (Sparkline.Variant.block, [" ", "▁", "▅", "█"]),
    // Halves (the Linux console): two levels, 0 → ▄, 5 → 1 + round(0.5) = 2 → █.
    (.halves, [" ", "▄", "█", "█"]),
    // ASCII: seven levels, 5 → 1 + round(3) = 4 → "=".
    (.ascii, [" ", "_", "=", "#"]),
  ])
  func aMissingPointIsBlankAndAZeroIsTheLowestLevel(variant: Sparkline.Variant, cells: [String]) {
    let text = Sparkline.text([nil, 0, 5, 10], width: 4, variant: variant, scale: 0...10)
    #expect(text.map(String.init) == cells)
  }

  @Test func brailleDrawsTwoPointsPerCellTheMissingOneWithoutDots() {
    // [missing, 0] and [5, 10] on 0..10, four levels: 0 → 1 dot, 5 → 1 + round(1.5) = 3, 10 → 4.
    // Left column dots from the bottom 7,3,2,1 (0x40 0x04 0x02 0x01), right 8,6,5,4 (0x80 0x20 0x10 0x08).
    let text = Sparkline.text([nil, 0, 5, 10], width: 2, variant: .braille, scale: 0...10)
    let first = Unicode.Scalar(0x2800 + 0x80)!
    let second = Unicode.Scalar(0x2800 + 0x40 + 0x04 + 0x02 + 0x80 + 0x20 + 0x10 + 0x08)!
    #expect(text == String(Character(first)) + String(Character(second)))
  }

  @Test(arguments: [Sparkline.Variant.block, .halves, .ascii, .braille])
  func aConstantSeriesIsFlat(variant: Sparkline.Variant) {
    // Constant 4 with no threshold: 0..4, every point full; constant 0: 0..0, every point the lowest level.
    for (value, scale) in [(4.0, 0.0...4.0), (0.0, 0.0...0.0)] {
      let values = Array(repeating: Optional(value), count: 6)
      #expect(KPITrendScale.of(kpi(values)) == scale)
      let text = Sparkline.text(values, width: 3, variant: variant, scale: scale)
      #expect(Set(text).count == 1, "\(variant) \(value): \(text)")
      #expect(!text.contains(" "), "\(variant) \(value): \(text)")
    }
  }

  @Test func everyTrendGlyphOfTheBlocksSetIsOnTheConsole() {
    for variant in [Sparkline.Variant.preferred(.block, for: .blocks), .preferred(.braille, for: .blocks)] {
      let text = Sparkline.text([nil, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], width: 12, variant: variant, scale: 0...10)
      for scalar in text.unicodeScalars {
        #expect((0x20...0x7E).contains(scalar.value) || Glyphs.consoleCharacters.contains(scalar), "\(scalar)")
      }
    }
  }
}
