import Foundation

/// The benchmark's output: one row per figure, beside its target and a reference from the same run.
///
/// Measurements only add rows, so new ones (frame time, bytes per change) slot in without touching
/// the others.
struct BenchmarkTable {
  struct Row {
    var what: String
    var measured: String
    var target: String
    var reference: String
    /// nil when there is no pass/fail judgement (a reference-only row).
    var met: Bool?
  }

  private(set) var rows: [Row] = []

  mutating func add(_ what: String, measured: String, target: String, reference: String = "", met: Bool? = nil) {
    rows.append(Row(what: what, measured: measured, target: target, reference: reference, met: met))
    // Progress on standard error, so a long run shows where it is.
    FileHandle.standardError.write(Data("\(what): \(measured)\n".utf8))
  }

  /// The table as aligned plain text.
  func rendered() -> String {
    let header = Row(what: "what", measured: "measured", target: "target", reference: "reference", met: nil)
    let all = [header] + rows
    let columns: [(Row) -> String] = [{ $0.what }, { $0.measured }, { $0.target }, { $0.reference }]
    let widths: [Int] = columns.map { column in all.map { column($0).count }.max() ?? 0 }
    func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
    var lines: [String] = []
    for (index, row) in all.enumerated() {
      let verdict = index == 0 ? "ok?" : row.met.map { $0 ? "yes" : "NO" } ?? "-"
      lines.append(
        [pad(row.what, widths[0]), pad(row.measured, widths[1]), pad(row.target, widths[2]), pad(row.reference, widths[3]), verdict]
          .joined(separator: "  "))
      if index == 0 { lines.append(String(repeating: "-", count: widths.reduce(0, +) + 8 + 5)) }
    }
    return lines.joined(separator: "\n")
  }
}
