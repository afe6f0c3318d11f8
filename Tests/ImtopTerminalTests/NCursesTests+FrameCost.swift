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
