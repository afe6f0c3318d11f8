import ImtopTerminal
import ImtopUI
import Testing

@Suite struct ColorDepthDetectionTests {
  @Test(arguments: [
    (256, [String: String](), false, ColorDepth.palette256),
    (256, ["COLORTERM": "truecolor"], false, .truecolor),
    (256, ["COLORTERM": "24bit"], false, .truecolor),
    (256, ["COLORTERM": "TrueColor"], false, .truecolor),
    (256, ["COLORTERM": "yes"], false, .palette256),
    // A direct-colour terminfo entry (xterm-direct) declares 2^24 colours itself.
    (16_777_216, [:], false, .truecolor),
    // COLORTERM does not lift an 8-colour entry: ncurses could not send more anyway.
    (8, ["COLORTERM": "truecolor"], false, .eight),
    (88, [:], false, .sixteen),
    (16, [:], false, .sixteen),
    (8, [:], false, .eight),
    (0, [:], false, .none),
    (-1, [:], false, .none),
    // NO_COLOR set and not empty (any value, "0" included), or --no-color, turns colour off; set but
    // empty it asks for nothing (no-color.org; README, "Themes").
    (256, ["NO_COLOR": "1"], false, .none),
    (16_777_216, ["NO_COLOR": "0"], false, .none),
    (256, ["NO_COLOR": ""], false, .palette256),
    (256, ["COLORTERM": "truecolor"], true, .none),
  ])
  func detects(colors: Int, environment: [String: String], noColorFlag: Bool, expected: ColorDepth) {
    #expect(ColorDepth.detect(colors: colors, environment: environment, noColorFlag: noColorFlag) == expected)
  }

  @Test func drawableDepthIgnoresTheEnvironment() {
    #expect(ColorDepth.drawable(colors: 256) == .palette256)
    #expect(ColorDepth.drawable(colors: 16_777_216) == .truecolor)
    #expect(ColorDepth.drawable(colors: 8) == .eight)
  }
}
