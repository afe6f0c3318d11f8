import Foundation
import ImtopCore
import ImtopTerminal
import ImtopTerminalTestSupport
import ImtopUI

/// Frame figures: the time to build and diff one frame of a large portfolio, and the bytes the real
/// ncurses path sends to a pseudo-terminal when one system changes state.
extension Measurements {
  /// One frame for 5,000 systems at 200×60 (median of `frames`): `view()` and `Buffer.changes(since:)`
  /// after a new snapshot or a clock tick went through `update` (timed apart, as the reference), on
  /// the overview and systems pages.
  mutating func frameTime(systems: Int = 5_000, frames: Int = 60) throws {
    let demo = try ScaledDemo(systems: systems, directory: try makeDirectory("frames"))
    var snapshot = demo.snapshot()
    let engineTime = Stopwatch.best(of: 3) { snapshot = demo.snapshot() }.best
    let changed = demo.snapshot(changing: .down, from: snapshot).snapshot
    let forward = FeedEvent.changes(from: snapshot, to: changed)
    let back = FeedEvent.changes(from: changed, to: snapshot)
    for page in [PageName.overview, .systems] {
      var state = AppState(size: Size(width: 200, height: 60), page: page)
      _ = state.update(.snapshot(snapshot, []))
      var previous = state.view()
      var times: [Double] = []
      var updates: [Double] = []
      var changedCells = 0
      for frame in 0..<frames {
        // Alternate: a snapshot where one system went down, a tick, the snapshot where it came back, a tick.
        updates.append(Stopwatch.seconds {
          switch frame % 4 {
          case 0: _ = state.update(.snapshot(changed, forward))
          case 2: _ = state.update(.snapshot(snapshot, back))
          default: _ = state.update(.tick(demo.now + Span.seconds(Int64(frame))))
          }
        })
        times.append(Stopwatch.seconds {
          let buffer = state.view()
          changedCells += buffer.changes(since: previous).count
          previous = buffer
        })
      }
      updates.sort()
      times.sort()
      let median = times[times.count / 2]
      table.add(
        "one frame, \(snapshot.systems.count.formatted()) systems, 200×60, \(page.rawValue)", measured: Stopwatch.format(median),
        target: "≤ 5 ms build + diff",
        reference: "slowest \(Stopwatch.format(times.last ?? 0)); update() \(Stopwatch.format(updates[updates.count / 2])); "
          + "\(changedCells / frames) cells/frame; engine \(Stopwatch.format(engineTime))",
        met: median <= 0.005)
    }
  }

  /// Bytes the real ncurses path sends on a pseudo-terminal at 160×48 when one system of the demo
  /// changes state, drawn with the default theme; and bytes per changed cell.
  mutating func bytesPerChange() throws {
    let demo = try ScaledDemo(historyDays: 30, directory: try makeDirectory("bytes"))
    let before = demo.snapshot()
    let theme = ThemeCatalog.fallback
    var ticking = AppState(size: Size(width: 160, height: 48))
    _ = ticking.update(.snapshot(before, []))
    _ = ticking.update(.tick(demo.now + Span.seconds(1)))
    let beforeTick = ticking.view()
    _ = ticking.update(.tick(demo.now + Span.seconds(2)))
    let afterTick = ticking.view()
    let tickCells = afterTick.changes(since: beforeTick).count
    let tick = try FrameCost.measure([beforeTick, afterTick], theme: theme)
    if tick.count == 2 {
      table.add(
        "bytes for a clock tick, 160×48 overview", measured: "\(tick[1].bytes) B", target: "< 100 B (tens of bytes)",
        reference: String(format: "%d changed cells (the clock, ages), %.1f B each; nothing else changed", tickCells,
                          Double(tick[1].bytes) / Double(max(1, tickCells))),
        met: tick[1].bytes < 100)
      print("a clock tick sends: " + Self.escaped(tick[1].output))
    }
    for page in [PageName.overview, .systems] {
      for state in [ServiceState.down, .degraded] {
        let (after, system) = demo.snapshot(changing: state, from: before)
        var app = AppState(size: Size(width: 160, height: 48), page: page)
        _ = app.update(.snapshot(before, []))
        _ = app.update(.tick(demo.now + Span.seconds(1)))
        let first = app.view()
        _ = app.update(.snapshot(after, FeedEvent.changes(from: before, to: after)))
        let second = app.view()
        let cells = second.changes(since: first).count
        let samples = try FrameCost.measure([first, second], theme: theme)
        guard samples.count == 2 else { continue }
        let bytes = samples[1].bytes
        let perCell = Double(bytes) / Double(max(1, cells))
        table.add(
          "bytes when \(system) goes \(state.rawValue), 160×48 \(page.rawValue)", measured: "\(bytes) B",
          target: "≤ 200 B", reference: "first frame \(samples[0].bytes) B; htop 0.6 B/cell, btop 220 B/cell", met: bytes <= 200)
        table.add(
          "  bytes per changed cell", measured: String(format: "%.2f B (%d cells)", perCell, cells),
          target: "≤ 1 B", reference: "ncurses wrote \(samples[1].cellsWritten) cells", met: perCell <= 1)
      }
    }
  }

  /// Terminal output made readable: escape as `⎋`, other control bytes as `\xNN`.
  static func escaped(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self).unicodeScalars.map { scalar in
      scalar == "\u{1B}" ? "⎋" : scalar.value < 0x20 ? String(format: "\\x%02X", scalar.value) : String(scalar)
    }.joined()
  }
}
