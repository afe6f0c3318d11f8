import Foundation
import Testing

@testable import ImtopCore

/// The fast path for plain lines never accepts what the strict scanner rejects, and finds exactly
/// the members the strict scanner finds.
@Suite struct PlainObjectFastPathTests {
  static let names = StatusLineDecoder.fieldNames

  /// The strict scanner's slots for `bytes`, nil when it rejects them or they are not an object.
  static func strict(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONFieldSlots? {
    var scanner = JSONScanner(bytes)
    do throws(JSONSyntaxError) {
      return try scanner.scanObjectFields(names)
    } catch {
      return nil
    }
  }

  static func fast(_ text: String) -> JSONFieldSlots? {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer { JSONScanner.scanPlainObjectFields(UnsafeBufferPointer($0), names) }
  }

  @Test func neverAcceptsWhatTheSuiteRejectsAndAgreesOnTheRest() throws {
    var accepted = 0
    for prefix in ["y_", "n_", "i_"] {
      for url in try JSONConformanceFiles.files(prefix: prefix) {
        let data = try Data(contentsOf: url)
        data.withUnsafeBytes { raw in
          let bytes = raw.bindMemory(to: UInt8.self)
          guard let fast = JSONScanner.scanPlainObjectFields(bytes, Self.names) else { return }
          accepted += 1
          #expect(prefix != "n_", "\(url.lastPathComponent) accepted by the fast path")
          #expect(fast == Self.strict(bytes), "\(url.lastPathComponent)")
        }
      }
    }
    // Plain one-line objects of strings and numbers in the suite: y_object_basic ({"asd":"sdf"}),
    // y_object_duplicated_key, y_object_duplicated_key_and_value, y_object_simple ({"a":[]} is not
    // plain: an array), ... at least the first three must take the fast path.
    #expect(accepted >= 3)
  }

  @Test func takesPlainLinesAndDeclinesTheRest() {
    let line = #"{"ts":"2026-03-01T08:00:00Z","system":"web","state":"up","latency_ms":12.5e1,"x":-0}"#
    let slots = Self.fast(line)
    #expect(slots != nil)
    // "system" is the 2nd wanted name. Before its value's first byte: `{` (1), `"ts"` (4), `:` (1),
    // the 22-byte quoted time, `,` (1), `"system"` (8), `:` (1) and the opening quote (1): 39 bytes.
    #expect(slots?[1] == JSONValueSpan(kind: .string, start: 39, end: 42))
    var bytes = Array(line.utf8)
    #expect(bytes.withUnsafeMutableBufferPointer { Self.strict(UnsafeBufferPointer($0)) } == slots)
    for other in [
      #"{"ts": "2026-03-01T08:00:00Z"}"#, #"{"ts":"a\"b"}"#, #"{"ts":"é"}"#, #"{"ts":true}"#, #"{"ts":1} "#,
      #"{"ts":01}"#, #"{"ts":1.}"#, #"{"ts":-}"#, #"{"ts":1e}"#, #"{"ts":"x""#, "{}", #"{"ts":1,}"#, "[1]", "",
      "{\"ts\":\"\u{1}\"}",
    ] {
      #expect(Self.fast(other) == nil, "\(other)")
    }
  }
}
