import Testing
@testable import ImtopUI

@Suite struct ChartTests {
  @Test func gaugeHalfFull() {
    var backend = TestBackend(width: 12, height: 1)
    // 12 cells: label " 50%" takes 4, the bar 8, half of it (4) filled.
    let buffer = backend.draw { area, buffer in Gauge(ratio: 0.5, label: "50%").render(in: area, buffer: &buffer) }
    expectRows(buffer, ["████░░░░ 50%"])
    #expect(buffer[0, 0].foreground == .gaugeFill)
    #expect(buffer[4, 0].foreground == .gaugeEmpty)
  }

  @Test func gaugeOverOneIsMarkedAndASCII() {
    var backend = TestBackend(width: 12, height: 1)
    let buffer = backend.draw { area, buffer in
      Gauge(ratio: 1.25, label: "125%", glyphs: .ascii).render(in: area, buffer: &buffer)
    }
    // Label " 125%" is 5 cells; the 7-cell bar is full and drawn as over.
    expectRows(buffer, ["####### 125%"])
    #expect(buffer[0, 0].foreground == .barOver)
    #expect(buffer[8, 0].foreground == .barOver)
  }

  @Test func blockSparkline() {
    var backend = TestBackend(width: 6, height: 1)
    // Max 8, eight levels: each value is its own level; nil is a gap.
    let buffer = backend.draw { area, buffer in
      Sparkline(values: [0, 1, 2, 4, 8, nil], variant: .block).render(in: area, buffer: &buffer)
    }
    expectRows(buffer, [" ▁▂▄█ "])
  }

  @Test func sparklineShowsTheNewestValuesRightAligned() {
    var narrow = TestBackend(width: 4, height: 1)
    let cut = narrow.draw { area, buffer in
      Sparkline(values: [0, 1, 2, 4, 8, nil], variant: .block).render(in: area, buffer: &buffer)
    }
    // The last four values [2, 4, 8, nil]; the maximum is taken over what is shown (8).
    expectRows(cut, ["▂▄█ "])
    var wide = TestBackend(width: 5, height: 1)
    let padded = wide.draw { area, buffer in Sparkline(values: [4, 8], variant: .block).render(in: area, buffer: &buffer) }
    expectRows(padded, ["   ▄█"])
  }

  @Test func brailleSparklinePacksTwoValuesPerCell() {
    var backend = TestBackend(width: 3, height: 1)
    // Max 4, four dot rows. (0, 4): right column full = dots 8,6,5,4 = 0xB8 → U+28B8 ⢸.
    // (2, nil): left column two dots from the bottom = dots 7,3 = 0x44 → U+2844 ⡄.
    let buffer = backend.draw { area, buffer in
      Sparkline(values: [0, 4, 2, nil], variant: .braille).render(in: area, buffer: &buffer)
    }
    expectRows(buffer, [" \u{28B8}\u{2844}"])
  }

  @Test func asciiSparkline() {
    var backend = TestBackend(width: 8, height: 1)
    // Max 7 over seven levels " _.-=+*#".
    let buffer = backend.draw { area, buffer in
      Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7], variant: .ascii).render(in: area, buffer: &buffer)
    }
    expectRows(buffer, [" _.-=+*#"])
    #expect(Sparkline.text([0, 1, 2, 3, 4, 5, 6, 7], width: 8, variant: .ascii) == " _.-=+*#")
  }

  @Test func sparklineFromABaseline() {
    var backend = TestBackend(width: 4, height: 1)
    // From 96 to 99 over levels 1...8: level = round((v - 96) / 3 × 7) + 1 → 1, 3, 6, 8.
    let buffer = backend.draw { area, buffer in
      Sparkline(values: [96, 97, 98, 99], variant: .block, minimum: 96).render(in: area, buffer: &buffer)
    }
    expectRows(buffer, ["▁▃▆█"])
  }

  @Test func tallBlockSparkline() {
    var backend = TestBackend(width: 2, height: 2)
    // Two rows: 16 levels; 8 → 16 (two full cells), 4 → 8 (the bottom cell).
    let buffer = backend.draw { area, buffer in Sparkline(values: [8, 4], variant: .block).render(in: area, buffer: &buffer) }
    expectRows(buffer, ["█ ", "██"])
  }

  @Test func barChartMarksMonthsOverPlan() {
    var backend = TestBackend(width: 6, height: 4)
    let groups = [BarChart.Group(label: "Jan", planned: 10, actual: 5), BarChart.Group(label: "Feb", planned: 10, actual: 20)]
    let buffer = backend.draw { area, buffer in BarChart(groups: groups).render(in: area, buffer: &buffer) }
    // Groups of 3 cells (1-cell bars + gap); 2 chart rows = 16 eighths for the top value 20:
    // planned 10 → 8 (one full cell), actual 5 → 4 (▄), actual 20 → 16 (two cells). Row 0 holds
    // the over-plan mark above February's actual bar; labels are cut to fit the group.
    expectRows(buffer, [
      "    ! ",
      "    █ ",
      "█▄ ██ ",
      "Ja Fe ",
    ])
    #expect(buffer[1, 2].foreground == .barActual)
    #expect(buffer[4, 2].foreground == .barOver)
    #expect(buffer[0, 2].foreground == .barPlanned)
    #expect(buffer[4, 0].foreground == .barOver)
  }
}
