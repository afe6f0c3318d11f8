import ImtopCore
import Testing

@testable import ImtopUI

/// The `blocks` glyph set is what the Linux console's default fonts can show: checked code point by
/// code point, on the set itself and on every page drawn with it.
@Suite struct GlyphSetTests {
  /// Printable ASCII and the console's own characters.
  static func allowed(_ scalar: Unicode.Scalar) -> Bool {
    (0x20...0x7E).contains(scalar.value) || Glyphs.consoleCharacters.contains(scalar)
  }

  /// Every string a `Glyphs` holds, found by reflection so a glyph added later is checked too.
  static func strings(of glyphs: Glyphs) -> [String] {
    Mirror(reflecting: glyphs).children.flatMap { child -> [String] in
      if let text = child.value as? String { return [text] }
      if let texts = child.value as? [String] { return texts }
      return []
    }
  }

  @Test func theConsoleSetIsExactlyBoxDrawingAndSixBlocks() {
    let expected: [UInt32] = [
      0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524, 0x252C, 0x2534, 0x253C,
      0x2588, 0x2584, 0x2580, 0x2591, 0x2592, 0x2593,
    ]
    #expect(Set(Glyphs.consoleCharacters.map(\.value)) == Set(expected))
    // No braille, no eighth blocks.
    #expect(!Glyphs.consoleCharacters.contains { (0x2800...0x28FF).contains($0.value) })
    for eighth: Unicode.Scalar in ["▁", "▂", "▃", "▅", "▆", "▇"] {
      #expect(!Glyphs.consoleCharacters.contains(eighth))
    }
  }

  @Test func everyGlyphOfTheBlocksSetIsOnTheConsole() {
    let strings = Self.strings(of: .blocks)
    #expect(strings.count >= 25, "reflection found \(strings.count) strings")
    for text in strings {
      for scalar in text.unicodeScalars {
        #expect(Self.allowed(scalar), "U+\(String(scalar.value, radix: 16, uppercase: true)) in \"\(text)\"")
      }
    }
    #expect(!Glyphs.blocks.usesBraille && Glyphs.blocks.isASCII)
  }

  @Test func theBlocksSparklineUsesHalvesOnly() {
    #expect(Sparkline.Variant.preferred(.braille, for: .blocks) == .halves)
    #expect(Sparkline.Variant.preferred(.block, for: .blocks) == .halves)
    let values: [Double?] = (0..<40).map { $0 % 7 == 0 ? nil : Double($0 % 9) }
    for height in 1...3 {
      var buffer = Buffer(size: Size(width: 20, height: height))
      Sparkline(values: values, variant: .halves).render(in: buffer.area, buffer: &buffer)
      #expect(buffer.cells.allSatisfy { $0.grapheme.unicodeScalars.allSatisfy(Self.allowed) })
      #expect(buffer.cells.contains { $0.grapheme == "█" } && buffer.cells.contains { $0.grapheme == "▄" })
    }
    // A value above zero is never drawn as a gap.
    #expect(Sparkline.text([0.1, 10], width: 2, variant: .halves) == "▄█")
  }

  /// Every page, a system's detail and the help overlay, at the smallest and a large size.
  @Test(arguments: PageName.allCases)
  func everyPageDrawnWithBlocksStaysOnTheConsole(page: PageName) {
    for (width, height) in [(80, 24), (200, 60)] {
      var screens: [AppState] = [Fixtures.state(page: page, width: width, height: height, drawingMode: .blocks)]
      var detail = Fixtures.state(page: .systems, width: width, height: height, drawingMode: .blocks)
      _ = detail.update(.show(.systems, detail: "erp"))
      var help = Fixtures.state(page: page, width: width, height: height, drawingMode: .blocks)
      _ = help.update(.input(.key(.character("?"))))
      screens += [detail, help]
      for state in screens {
        var backend = TestBackend(width: width, height: height)
        let buffer = backend.draw(state)
        let outside = buffer.cells.flatMap(\.grapheme.unicodeScalars).filter { !Self.allowed($0) }
        #expect(outside.isEmpty, "\(page) \(width)x\(height): \(outside.map { "U+" + String($0.value, radix: 16) })")
        // Box drawing is still used.
        #expect(buffer.cells.contains { $0.grapheme == "┌" })
      }
    }
  }

  /// The ASCII below-SLA marker is two characters wide: where the availability column has no room
  /// for the padding it leaves, the figure stands alone rather than being cut.
  @Test(arguments: [DrawingMode.ascii, .blocks, .unicode])
  func availabilityFiguresAreNeverCutForTheirMarker(mode: DrawingMode) {
    for (width, height) in [(80, 24), (100, 30), (120, 40), (200, 60)] {
      for page in [PageName.overview, .systems] {
        var backend = TestBackend(width: width, height: height)
        let lines = rows(backend.draw(Fixtures.state(page: page, width: width, height: height, drawingMode: mode)))
        // An availability figure (two decimals) with the ellipsis after it.
        let cut = lines.filter { $0.contains(/\d\.\d\d%[…~]/) }
        #expect(cut.isEmpty, "\(mode) \(page) \(width)x\(height): \(cut)")
      }
    }
  }

  @Test func theDrawingModeIsChosenInOnePlace() {
    // A locale without UTF-8 allows only ASCII, whatever was asked.
    #expect(DrawingMode.choose(requested: .unicode, configured: .braille, terminal: "xterm", unicodeLocale: false) == .ascii)
    // The command line over the configuration over the terminal.
    #expect(DrawingMode.choose(requested: .unicode, configured: .ascii, terminal: "linux", unicodeLocale: true) == .unicode)
    #expect(DrawingMode.choose(requested: nil, configured: .braille, terminal: "linux", unicodeLocale: true) == .unicode)
    #expect(DrawingMode.choose(requested: nil, configured: .blocks, terminal: "xterm-256color", unicodeLocale: true) == .blocks)
    // The Linux console by default gets what its fonts have; every other terminal braille.
    for terminal in ["linux", "linux-16color", "linux-m1"] {
      #expect(DrawingMode.choose(requested: nil, configured: nil, terminal: terminal, unicodeLocale: true) == .blocks)
    }
    for terminal in ["xterm", "xterm-256color", "screen", "tmux-256color", "vt100", "alinux"] {
      #expect(DrawingMode.choose(requested: nil, configured: nil, terminal: terminal, unicodeLocale: true) == .unicode)
    }
    #expect(DrawingMode.choose(requested: nil, configured: nil, terminal: nil, unicodeLocale: true) == .unicode)
    #expect(GlyphSet.allCases.map(DrawingMode.init) == [.unicode, .blocks, .ascii])
  }
}
