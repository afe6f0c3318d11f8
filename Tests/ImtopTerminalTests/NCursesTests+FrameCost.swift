import ImtopCore
import ImtopTestSupport
import ImtopUI
import Testing

@testable import ImtopTerminal
import ImtopTerminalTestSupport

extension NCursesTests {
  /// A theme that leaves normal text in the terminal's own colours, as the shipped default does.
  static let plainTheme = Theme(
    name: "plain",
    styles: [.crit: Style(foreground: .ansi(1), attributes: .bold), .ok: Style(foreground: .ansi(2))]
  )

  /// A 160 x 48 table of 40 systems, one row each.
  func systemsFrame(downSystem: Int? = nil, clock: String = "12:00:00", shift: Int = 0) -> Buffer {
    var frame = Buffer(size: Size(width: 160, height: 48))
    frame.put("imtop  Overview  Systems  Budget  Compliance  KPIs", x: 0, y: 0)
    frame.put(clock, x: 150, y: 0)
    for index in 0..<40 {
      let down = index == downSystem
      // Shifting rotates the letters: every one of the 16 name cells changes.
      let letters = Array("abcdefghijklmnopq")
      let name = String((0..<16).map { letters[($0 + index + shift) % letters.count] })
      frame.put(down ? "✖" : "●", x: 0, y: index + 2, foreground: down ? .crit : .ok)
      frame.put(name, x: 2, y: index + 2)
      frame.put(down ? "down" : "up  ", x: 20, y: index + 2, foreground: down ? .crit : .ok)
      frame.put("99.9\(index % 10)%  ERP  in-house  team-\(index % 7)", x: 26, y: index + 2)
    }
    return frame
  }

  @Test func frameCostsStayWithinTheTargets() throws {
    let samples = try FrameCost.measure(
      [systemsFrame(), systemsFrame(downSystem: 7), systemsFrame(downSystem: 7, clock: "12:00:01"),
       systemsFrame(downSystem: 7, clock: "12:00:01", shift: 1)],
      theme: Self.plainTheme)
    try #require(samples.count == 4)
    // One system goes down: "●" -> "✖" and "up" -> "down" ("up  " has 4 cells, 3 change text or
    // colour: d/o/w/n against u/p/space/space, all 4 change); 5 cells, in two runs on one row.
    #expect(samples[1].cellsWritten == 5)
    #expect(samples[1].bytes <= 200)
    // The clock's last digit: one cell.
    #expect(samples[2].cellsWritten == 1)
    #expect(samples[2].bytes < 40)
    // Every row's 16 name cells change: 40 runs of 16 cells. Each run costs its text (1 byte a
    // cell) plus one cursor move (ESC [ row ; column H, at most 8 bytes), and the frame a final
    // attribute reset (under 20 bytes): at most 640 + 40 x 8 + 20 = 980 bytes.
    #expect(samples[3].cellsWritten == 640)
    #expect(samples[3].bytes <= 980)
  }
}

/// The dashboard itself, not a hand-made frame: the demo organisation at 160×48 with the shipped
/// default theme, on the real ncurses path.
extension NCursesTests {
  /// The demo's overview one second apart: only the clock (and labels of ages) moves on.
  static func tickFrames() throws -> (before: Buffer, after: Buffer) {
    let folder = try TemporaryDirectory(prefix: "imtop-frame-cost")
    defer { folder.remove() }
    let now = Timestamp(seconds: 1_795_867_200)  // 2026-11-28T12:00:00Z
    try DemoGenerator(now: now, historyDays: 2).write(to: folder.url)
    let snapshot = MetricEngine().snapshot(of: DirectoryReading(directory: folder.path, at: now).input, at: now)
    var state = AppState(size: Size(width: 160, height: 48))
    _ = state.update(.snapshot(snapshot, []))
    _ = state.update(.tick(now + Span.seconds(1)))
    let before = state.view()
    _ = state.update(.tick(now + Span.seconds(2)))
    return (before, state.view())
  }

  /// Changed cells in runs: cells side by side on one row are one run (one cursor move).
  static func runs(_ changes: [CellChange]) -> Int {
    var runs = 0
    var last: (x: Int, y: Int)?
    for change in changes.sorted(by: { ($0.y, $0.x) < ($1.y, $1.x) }) {
      if let last, last.y == change.y, last.x + 1 == change.x {} else { runs += 1 }
      last = (change.x, change.y)
    }
    return runs
  }

  @Test func aClockTickSendsWhatChangedAndAnUnchangedFrameSendsNothing() throws {
    let (before, after) = try Self.tickFrames()
    let changes = after.changes(since: before)
    try #require(!changes.isEmpty, "a second later the clock reads differently")
    let samples = try FrameCost.measure([before, after, after], theme: ThemeCatalog.fallback)
    try #require(samples.count == 3)
    #expect(samples[1].cellsWritten == changes.count)
    // Each changed cell costs its character (1 or 2 bytes here: digits and letters) and each run of
    // them one cursor move (`ESC [ 48 ; 160 H` at most, 10 bytes); the frame its few switches of
    // style: into the header's bold and two 256-colour numbers (ESC [ 0 ; 1 m SI ESC [ 38 ; 5 ; n m
    // ESC [ 48 ; 5 ; n m, 29 bytes), into the muted colour of the ages (under 20) and back to the
    // terminal's defaults (under 15): 64 bytes.
    let limit = 2 * changes.count + 10 * Self.runs(changes) + 64
    #expect(samples[1].bytes <= limit, "\(changes.count) cells in \(Self.runs(changes)) runs")
    #expect(samples[2].cellsWritten == 0)
    #expect(samples[2].bytes == 0, "a frame with no change sends nothing")
    // The rendition is switched only where it changes and never reset at the end of the frame, and
    // the cursor moves by the shortest way (a row down and a backspace for the column of ages):
    // ncurses, which resets the rendition at the end of a frame and sets it again in full, and moves
    // by rows and columns as absolute numbers, sends more for the same cells.
    let curses = try FrameCost.measure([before, after], theme: ThemeCatalog.fallback, writesANSIFrames: false)
    try #require(curses.count == 2)
    #expect(samples[1].bytes < curses[1].bytes)
  }

  @Test func aKeyTypedWhileAFrameIsDrawnDoesNotCutTheFrameShort() throws {
    // ncurses stops an update halfway when input is waiting (it expects another refresh soon); the
    // run loop only draws again when a cell changes, so the rest would stay stale.
    let frames = [systemsFrame(), systemsFrame(downSystem: 7, clock: "12:00:01", shift: 1)]
    let quiet = try FrameCost.measure(frames, theme: Self.plainTheme)
    let typing = try FrameCost.measure(frames, theme: Self.plainTheme, typedAhead: Array("j".utf8))
    try #require(quiet.count == 2 && typing.count == 2)
    #expect(typing.map(\.bytes) == quiet.map(\.bytes))
  }
}
