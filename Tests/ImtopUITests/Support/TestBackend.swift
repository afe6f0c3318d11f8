import Testing
import ImtopCore
@testable import ImtopUI

/// The in-memory terminal for tests: draws states and widgets into buffers, keeps every frame, and
/// asserts screens line by line (whole rows, trailing spaces included, like ratatui's test backend).
struct TestBackend {
  var size: Size
  private(set) var frames: [Buffer] = []

  init(width: Int, height: Int) {
    size = Size(width: width, height: height)
  }

  /// Draws the whole screen for a state at this backend's size.
  @discardableResult
  mutating func draw(_ state: AppState) -> Buffer {
    var buffer = Buffer(size: size)
    state.view(into: &buffer)
    frames.append(buffer)
    return buffer
  }

  /// Draws one widget into a fresh buffer covering the whole backend.
  @discardableResult
  mutating func draw(_ render: (Rect, inout Buffer) -> Void) -> Buffer {
    var buffer = Buffer(size: size)
    render(buffer.area, &buffer)
    frames.append(buffer)
    return buffer
  }

  var lastFrame: Buffer? { frames.last }
}

/// Every row of `buffer` as text, full width (continuation cells contribute nothing, so a wide
/// character reads as itself).
func rows(_ buffer: Buffer) -> [String] {
  (0..<buffer.size.height).map { buffer.line($0) }
}

/// Expects the buffer's rows to equal `expected` exactly, reporting the first differing row.
func expectRows(_ buffer: Buffer, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
  let actual = rows(buffer)
  #expect(actual.count == expected.count, "row count", sourceLocation: sourceLocation)
  for (index, (got, want)) in zip(actual, expected).enumerated() where got != want {
    Issue.record("row \(index):\n  got  |\(got)|\n  want |\(want)|", sourceLocation: sourceLocation)
  }
}

/// Every grapheme in the buffer is free of control characters, escape introducers and invisible
/// format characters.
func expectNoControlCharacters(_ buffer: Buffer, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
  for cell in buffer.cells {
    for scalar in cell.grapheme.unicodeScalars where SafeText.isUnsafe(scalar) {
      Issue.record("unsafe scalar U+\(String(scalar.value, radix: 16)) in cell \"\(cell.grapheme)\"", sourceLocation: sourceLocation)
      return
    }
  }
}
