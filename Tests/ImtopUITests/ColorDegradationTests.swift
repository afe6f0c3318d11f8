import ImtopUI
import Testing

/// The degradation table, with expected values worked out by hand from xterm's palette: the cube
/// levels 0, 95, 135, 175, 215, 255 (index 16 + 36r + 6g + b), greys 8 + 10i (index 232 + i), and
/// the 16 ANSI colours (0,0,0) (205,0,0) (0,205,0) (205,205,0) (0,0,238) (205,0,205) (0,205,205)
/// (229,229,229) (127,127,127) (255,0,0) (0,255,0) (255,255,0) (92,92,255) (255,0,255) (0,255,255)
/// (255,255,255).
@Suite struct ColorDegradationTests {
  @Test(arguments: [
    // Pure red: cube (5,0,0) = 16 + 180 = 196, distance 0.
    (Color.rgb(255, 0, 0), ColorDepth.truecolor, Color.rgb(255, 0, 0)),
    (.rgb(255, 0, 0), .palette256, .indexed(196)),
    // ANSI 9 is (255,0,0) exactly.
    (.rgb(255, 0, 0), .sixteen, .ansi(9)),
    // Of the first 8, (205,0,0) is nearest: 50^2 = 2500 (magenta 5 adds 205^2).
    (.rgb(255, 0, 0), .eight, .ansi(1)),
    (.rgb(255, 0, 0), .none, .terminalDefault),
    // Mid grey: cube step 2 (135) is 3 x 7^2 = 147 away; grey 12 (8 + 120 = 128) is exact: 244.
    (.rgb(128, 128, 128), .palette256, .indexed(244)),
    // Low chroma: only greys are candidates; ANSI 8 (127,127,127) is 3 away.
    (.rgb(128, 128, 128), .sixteen, .ansi(8)),
    // Greys of 8: black 3 x 128^2 = 49152, white 3 x 101^2 = 30603.
    (.rgb(128, 128, 128), .eight, .ansi(7)),
    // (100,100,100): cube step 1 (95) is 3 x 25 = 75 away, grey 9 (98) is 3 x 4 = 12 away: 241.
    (.rgb(100, 100, 100), .palette256, .indexed(241)),
    // An exact cube colour: steps 1, 2, 3 give 16 + 36 + 12 + 3 = 67.
    (.rgb(95, 135, 175), .palette256, .indexed(67)),
    (.rgb(0, 0, 0), .palette256, .indexed(16)),
    (.rgb(255, 255, 255), .palette256, .indexed(231)),
    // Orange: (205,205,0) is 50^2 + 40^2 = 4100 away, (255,255,0) 90^2 = 8100, (255,0,0) 165^2.
    (.rgb(255, 165, 0), .sixteen, .ansi(3)),
    // Dark blue: (0,0,238) is 38^2 = 1444 away, black 200^2.
    (.rgb(0, 0, 200), .sixteen, .ansi(4)),
    // Light blue of 8: blue 92^2 x 2 + 17^2 = 17217, cyan and magenta 23733.
    (.rgb(92, 92, 255), .eight, .ansi(4)),
    // A light grey with a tint (chroma 10): white 7 at 2043 beats 15 at 8075.
    (.rgb(200, 200, 210), .sixteen, .ansi(7)),
    // Palette indexes: kept at 256, to the ANSI colour of the same value below.
    (.indexed(196), .palette256, .indexed(196)),
    (.indexed(196), .sixteen, .ansi(9)),
    (.indexed(196), .eight, .ansi(1)),
    (.indexed(244), .sixteen, .ansi(8)),
    (.indexed(244), .eight, .ansi(7)),
    (.indexed(3), .sixteen, .ansi(3)),
    (.indexed(12), .sixteen, .ansi(12)),
    (.indexed(12), .eight, .ansi(4)),
    (.indexed(200), .none, .terminalDefault),
    // ANSI colours: bright ones lose their brightness at 8.
    (.ansi(9), .palette256, .ansi(9)),
    (.ansi(9), .sixteen, .ansi(9)),
    (.ansi(9), .eight, .ansi(1)),
    (.ansi(2), .eight, .ansi(2)),
    (.ansi(2), .none, .terminalDefault),
    // Out of range: the default, never a crash or a wrong colour.
    (.ansi(16), .palette256, .terminalDefault),
    (.ansi(-1), .sixteen, .terminalDefault),
    (.indexed(256), .palette256, .terminalDefault),
    (.terminalDefault, .truecolor, .terminalDefault),
    (.terminalDefault, .eight, .terminalDefault),
  ])
  func degradesToTheNearestColour(color: Color, depth: ColorDepth, expected: Color) {
    #expect(color.degraded(to: depth) == expected)
  }

  @Test func everyPaletteColourMapsToItself() {
    for index in 16...255 {
      let (r, g, b) = Color.xtermRGB(index)
      #expect(Color.nearestPaletteIndex(r, g, b) == index, "index \(index)")
    }
    for index in 0...15 {
      let (r, g, b) = Color.xtermRGB(index)
      #expect(Color.nearestANSI(r, g, b, count: 16) == index, "ANSI \(index)")
      if index < 8 { #expect(Color.nearestANSI(r, g, b, count: 8) == index, "ANSI \(index) of 8") }
    }
  }

  @Test func paletteValues() {
    // 196 - 16 = 180 = 5 x 36: red level 5 (255), green and blue 0.
    #expect(Color.xtermRGB(196) == (255, 0, 0))
    // 67 - 16 = 51 = 1 x 36 + 2 x 6 + 3.
    #expect(Color.xtermRGB(67) == (95, 135, 175))
    #expect(Color.xtermRGB(232) == (8, 8, 8))
    #expect(Color.xtermRGB(255) == (238, 238, 238))
    #expect(Color.xtermRGB(12) == (92, 92, 255))
    #expect(Color.xtermRGB(-1) == (0, 0, 0))
  }

  @Test func degradingTwiceChangesNothingMore() {
    let samples: [Color] = [
      .rgb(12, 200, 99), .rgb(250, 250, 250), .indexed(17), .indexed(250), .ansi(13), .terminalDefault,
    ]
    for color in samples {
      for depth in ColorDepth.allCases {
        let once = color.degraded(to: depth)
        #expect(once.degraded(to: depth) == once, "\(color) at \(depth)")
      }
    }
  }
}
