import Testing

@testable import ImtopCore

/// Strings are scanned eight bytes at a time; every special byte must be found at every offset.
@Suite struct JSONScannerStringTests {
  static func scan(_ bytes: [UInt8]) -> (span: JSONValueSpan?, error: JSONSyntaxError?) {
    var copy = bytes
    return copy.withUnsafeMutableBufferPointer { buffer in
      var scanner = JSONScanner(UnsafeBufferPointer(buffer))
      do throws(JSONSyntaxError) {
        return (try scanner.scanString(), nil)
      } catch {
        return (nil, error)
      }
    }
  }

  @Test func findsTheClosingQuoteAtEveryOffset() {
    for length in 0..<20 {
      // `"` + length letters + `"` + 16 more letters: the string ends at offset length + 1.
      let bytes = [0x22] + [UInt8](repeating: 0x61, count: length) + [0x22] + [UInt8](repeating: 0x62, count: 16)
      let result = Self.scan(bytes)
      #expect(result.span?.start == 1)
      #expect(result.span?.end == length + 1, "length \(length)")
    }
  }

  @Test func rejectsAControlCharacterAtEveryOffset() {
    for length in 0..<20 {
      let bytes = [0x22] + [UInt8](repeating: 0x61, count: length) + [0x09] + [UInt8](repeating: 0x61, count: 16) + [0x22]
      #expect(Self.scan(bytes).error?.offset == length + 1, "length \(length)")
    }
  }

  @Test func noticesEscapesAndMultiByteCharactersAtEveryOffset() {
    for length in 0..<20 {
      let prefix = [0x22] + [UInt8](repeating: 0x61, count: length)
      let escaped = Self.scan(prefix + Array(#"\n"#.utf8) + [UInt8](repeating: 0x61, count: 16) + [0x22])
      #expect(escaped.span?.hasEscapes == true, "length \(length)")
      // "é" (C3 A9) is valid; a lone C3 followed by "a" is not, and is reported where it starts.
      let accented = Self.scan(prefix + [0xC3, 0xA9] + [UInt8](repeating: 0x61, count: 16) + [0x22])
      #expect(accented.span?.end == length + 19, "length \(length)")
      let broken = Self.scan(prefix + [0xC3, 0x61] + [UInt8](repeating: 0x61, count: 16) + [0x22])
      #expect(broken.error?.offset == length + 1, "length \(length)")
    }
  }

  @Test func unterminatedStringIsReportedAtItsOpeningQuote() {
    let bytes = [0x20, 0x22] + [UInt8](repeating: 0x61, count: 30)
    var copy = bytes
    let error = copy.withUnsafeMutableBufferPointer { buffer -> JSONSyntaxError? in
      var scanner = JSONScanner(UnsafeBufferPointer(buffer))
      scanner.position = 1
      do throws(JSONSyntaxError) {
        _ = try scanner.scanString()
        return nil
      } catch {
        return error
      }
    }
    #expect(error?.offset == 1)
  }
}
