import Testing
import ImtopCore
@testable import ImtopUI

@Suite struct WidgetTests {
  @Test func panelWithTitleAndAge() {
    var backend = TestBackend(width: 20, height: 3)
    var inner = Rect.zero
    let buffer = backend.draw { area, buffer in
      inner = Panel(title: "Sys", age: DataAge(age: .seconds(12), isStale: false)).render(in: area, buffer: &buffer)
    }
    expectRows(buffer, [
      "┌ Sys ────── 12 s ─┐",
      "│                  │",
      "└──────────────────┘",
    ])
    #expect(inner == Rect(x: 1, y: 1, width: 18, height: 1))
    #expect(buffer[13, 0].foreground == .muted)
  }

  @Test func stalePanelSaysStaleInTheStaleRole() {
    var backend = TestBackend(width: 20, height: 3)
    let buffer = backend.draw { area, buffer in
      Panel(title: "Sys", age: DataAge(age: .hours(3), isStale: true)).render(in: area, buffer: &buffer)
    }
    #expect(buffer.line(0) == "┌ Sys ── stale 3h ─┐")
    // " stale 3h " spans x 8...17.
    #expect((8...17).allSatisfy { buffer[$0, 0].foreground == .stale && buffer[$0, 0].attributes.contains(.bold) })
  }

  @Test func asciiPanel() {
    var backend = TestBackend(width: 20, height: 3)
    let buffer = backend.draw { area, buffer in
      Panel(title: "Sys", age: DataAge(age: .seconds(12), isStale: false), glyphs: .ascii).render(in: area, buffer: &buffer)
    }
    expectRows(buffer, ["+ Sys ------ 12 s -+", "|                  |", "+------------------+"])
  }

  @Test func dataAgeFromFiles() {
    let now = Timestamp(seconds: 10_000)
    let files = [
      FileReport(path: "status.jsonl", kind: .status, modified: now - .minutes(15)),
      FileReport(path: "systems.csv", kind: .systems, modified: now - .days(30)),
    ]
    // The status file has not grown for 15 minutes, past stale_after (10): stale.
    let status = DataAge.of([.status], in: files, now: now, staleAfter: .minutes(10))
    #expect(status.isStale)
    #expect(status.label == "stale 15 min")
    // An inventory export a month old is normal, not stale.
    let systems = DataAge.of([.systems], in: files, now: now, staleAfter: .minutes(10))
    #expect(!systems.isStale)
    #expect(systems.label == "30d")
    // A file that failed to read is stale whatever its age.
    let failed = DataAge.of([.systems], in: [FileReport(path: "systems.csv", kind: .systems, modified: now, failure: "denied")],
                            now: now, staleAfter: .minutes(10))
    #expect(failed.isStale)
    #expect(failed.failure == "denied")
  }

  @Test func tabsShortenAndHitTest() {
    let tabs = Tabs(tabs: [
      Tabs.Tab(title: "Overview", shortTitle: "Overview"), Tabs.Tab(title: "Systems", shortTitle: "Systems"),
      Tabs.Tab(title: "Compliance & risk", shortTitle: "Risk"),
    ], selected: 1)
    var backend = TestBackend(width: 40, height: 1)
    let buffer = backend.draw { area, buffer in tabs.render(in: area, buffer: &buffer) }
    // Full titles need 12 + 11 + 21 = 44 > 40 cells, so the short forms are used (31 cells).
    #expect(buffer.line(0) == " 1 Overview  2 Systems  3 Risk          ")
    #expect(buffer[13, 0].foreground == .tabActive)
    #expect(buffer[1, 0].foreground == .tabInactive)
    // " 2 Systems " spans x 12...22.
    #expect(tabs.tab(atX: 12, originX: 0, width: 40) == 1)
    #expect(tabs.tab(atX: 11, originX: 0, width: 40) == 0)
    #expect(tabs.tab(atX: 35, originX: 0, width: 40) == nil)
    // Very narrow: numbers alone.
    #expect(tabs.placements(width: 10).map(\.label) == [" 1 ", " 2 ", " 3 "])
  }

  @Test func statusLightsCarrySymbolAndWord() {
    let down = StatusLight(state: .down)
    #expect(down.text(width: 10) == "✖ down")
    #expect(down.text(width: 3) == "✖")
    #expect(down.role == .crit)
    let degraded = StatusLight(state: .degraded)
    #expect(degraded.forms == ["▲ degraded", "▲ degr", "▲"])
    #expect(StatusLight(state: .up, glyphs: .ascii).text(width: 10) == "o up")
    #expect(StatusLight(state: .maintenance, glyphs: .ascii).text(width: 10) == "= maint")
    #expect(StatusLight(kpi: .unknown, glyphs: .ascii).text(width: 10) == "? unknown")
    #expect(StatusLight(kpi: .warn).text(width: 10) == "▲ warn")
  }

  @Test func eventLogRows() {
    var backend = TestBackend(width: 30, height: 2)
    let log = EventLog(entries: [EventLog.Entry(time: "11:00:00", symbol: "✖", role: .crit, text: "WAN up → down")])
    let buffer = backend.draw { area, buffer in log.render(in: area, buffer: &buffer) }
    expectRows(buffer, ["11:00:00 ✖ WAN up → down      ", String(repeating: " ", count: 30)])
    #expect(buffer[9, 0].foreground == .crit)
    #expect(buffer[0, 0].foreground == .muted)
  }

  @Test func kpiTileAsALine() {
    var backend = TestBackend(width: 30, height: 1)
    let tile = KPITile(name: "MTTR (30d)", value: "185 min", target: "target 240 min", status: .ok)
    let buffer = backend.draw { area, buffer in tile.render(in: area, buffer: &buffer) }
    // Symbol, space, name from x 2, value right-aligned in the last 7 cells.
    expectRows(buffer, ["● MTTR (30d)           185 min"])
    #expect(buffer[29, 0].foreground == .ok)
  }

  @Test func kpiTileFramed() {
    var backend = TestBackend(width: 20, height: 5)
    let tile = KPITile(
      name: "MTTR", value: "185 min", target: "tgt 240", status: .ok, trend: [1, 2], scale: 1...2, caption: "2d 1..2")
    let buffer = backend.draw { area, buffer in tile.render(in: area, buffer: &buffer) }
    // Trend [1, 2] on one row on the scale 1..2: 1 is the lowest level (▁), 2 full (█); no row for
    // the caption, so it follows the target, right-aligned.
    expectRows(buffer, [
      "┌ MTTR ────────────┐",
      "│185 min       ● ok│",
      "│tgt 240    2d 1..2│",
      "│                ▁█│",
      "└──────────────────┘",
    ])
  }

  @Test func kpiTileStatesItsWindowAndScaleUnderATallTrend() {
    var backend = TestBackend(width: 14, height: 7)
    let tile = KPITile(
      name: "K", value: "5", target: "", status: .ok, trend: [0, nil, 5, 10, 10], scale: 0...10, caption: "5d 0..10")
    let buffer = backend.draw { area, buffer in tile.render(in: area, buffer: &buffer) }
    // Two rows of eight levels, 0..10 over levels 1...16: 0 → 1 (▁), missing → blank, 5 → 1 + round(7.5) = 9
    // (█ then ▁), 10 → 16 (full, two rows); the caption on the last row.
    expectRows(buffer, [
      "┌ K ─────────┐",
      "│5       ● ok│",
      "│            │",
      "│         ▁██│",
      "│       ▁ ███│",
      "│5d 0..10    │",
      "└────────────┘",
    ])
    #expect(buffer[1, 5].foreground == .muted)
  }

  @Test func helpOverlayListsEveryKey() {
    var backend = TestBackend(width: 80, height: 24)
    let buffer = backend.draw { area, buffer in HelpOverlay(bindings: KeyBindings.all).render(in: area, buffer: &buffer) }
    let text = buffer.plainText()
    for binding in KeyBindings.all {
      #expect(text.contains(binding.keys), "missing \(binding.keys)")
      #expect(text.contains(binding.action), "missing \(binding.action)")
    }
  }
}

@Suite struct HelpOverlayTests {
  @Test func twoColumnsWhenTheScreenIsShort() {
    // 60x16: the body is 13 rows, less than 15 bindings + 4, and the full wording is too wide for
    // two columns, so the compact wording goes in two columns of 8 and 7.
    var state = Fixtures.state(width: 60, height: 16)
    state.press(.character("?"))
    #expect(state.showHelp)
    let text = state.view().plainText()
    for binding in KeyBindings.compact {
      #expect(text.contains(binding.keys), "missing \(binding.keys)")
      #expect(text.contains(binding.action), "missing \(binding.action)")
    }
    #expect(KeyBindings.compact.count == KeyBindings.all.count)
  }
}
