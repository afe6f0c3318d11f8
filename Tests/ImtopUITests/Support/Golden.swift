import Foundation
import Testing

/// Golden text files in `Tests/ImtopUITests/Golden/`, compared as text and re-recorded when
/// `IMTOP_RECORD_GOLDEN=1` is set. A recording run writes the file and then fails the test, so that
/// a run with the variable left set can never pass unseen: review the diff in git, then run the
/// tests again without it.
enum Golden {
  static var directory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")
  }

  static var recording: Bool { ProcessInfo.processInfo.environment["IMTOP_RECORD_GOLDEN"] == "1" }

  static func check(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let url = directory.appendingPathComponent(name)
    let text = actual.hasSuffix("\n") ? actual : actual + "\n"
    if recording {
      do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
      } catch {
        Issue.record("cannot record \(name): \(error)", sourceLocation: sourceLocation)
        return
      }
      Issue.record("recorded \(name); review it, then run again without IMTOP_RECORD_GOLDEN", sourceLocation: sourceLocation)
      return
    }
    guard let data = FileManager.default.contents(atPath: url.path), let expected = String(data: data, encoding: .utf8) else {
      Issue.record("missing golden file \(name); run with IMTOP_RECORD_GOLDEN=1 to record it", sourceLocation: sourceLocation)
      return
    }
    guard expected != text else { return }
    Issue.record("\(name) differs (IMTOP_RECORD_GOLDEN=1 re-records):\n\(diff(expected: expected, actual: text))", sourceLocation: sourceLocation)
  }

  /// The differing lines, numbered, expected then actual.
  static func diff(expected: String, actual: String) -> String {
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for index in 0..<max(want.count, got.count) {
      let w = index < want.count ? String(want[index]) : "<none>"
      let g = index < got.count ? String(got[index]) : "<none>"
      if w != g { out.append("line \(index + 1):\n  - \(w)\n  + \(g)") }
      if out.count >= 12 { out.append("..."); break }
    }
    return out.joined(separator: "\n")
  }
}
