import Testing

@testable import ImtopCore

/// Whole files are checked for UTF-8, zero bytes and overlong lines before any reader sees them.
@Suite struct TextCheckTests {
  @Test func acceptsUTF8TextOfEveryLength() {
    #expect(TextCheck.problem(in: Array("id,name\nerp,Café ☕ 𝄞\n".utf8)) == nil)
    #expect(TextCheck.problem(in: [UInt8]()) == nil)
  }

  @Test func rejectsInvalidSequencesWithTheirLine() {
    // Each is invalid UTF-8: an overlong "/", an encoded surrogate, above U+10FFFF, a lone
    // continuation byte, and a sequence cut short by the end of the file.
    let cases: [[UInt8]] = [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE2, 0x82]]
    for bytes in cases {
      let problem = TextCheck.problem(in: Array("a\n".utf8) + bytes)
      #expect(problem?.line == 2, "\(bytes)")
      #expect(problem?.message.hasPrefix("not UTF-8 text (byte 0x\(String(bytes[0], radix: 16, uppercase: true)) on line 2)") == true, "\(bytes)")
    }
  }

  @Test func rejectsZeroBytesAndOverlongLastLine() {
    #expect(
      TextCheck.problem(in: [0x61, 0x0A, 0x0A, 0x00])
        == TextCheck.Problem(message: "binary data (a zero byte on line 3): expected UTF-8 text", line: 3))
    let long = [UInt8](repeating: 0x61, count: (1 << 20) + 1)
    #expect(
      TextCheck.problem(in: long)
        == TextCheck.Problem(message: "line 1 is 1048577 bytes long: expected text lines of at most 1 MB", line: 1))
  }

  @Test func namesUTF16ForWhatItIs() {
    #expect(TextCheck.problem(in: [0xFF, 0xFE, 0x69, 0x00])?.message == "UTF-16 text, not UTF-8: save the file as UTF-8")
  }
}
