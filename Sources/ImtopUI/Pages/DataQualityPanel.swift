import ImtopCore

/// The data-quality listing of page 4's "Risk today": for each field some systems lack (owner,
/// criticality, lifecycle, sla) how many and which, so the inventory can be fixed.
struct DataQualityPanel {
  let context: PageContext

  /// A line per field some systems lack: `owner  3  crm, hr, wan`; the ids take a second line under
  /// it when `height` has room for two per field.
  func lines(width: Int, height: Int, role: Role = .warn) -> [TextBlock.Line] {
    let lacking = QualityField.allCases.compactMap { field in
      context.snapshot.portfolio.lacking[field].flatMap { $0.isEmpty ? nil : (field, $0) }
    }
    guard !lacking.isEmpty else {
      return [TextBlock.Line([TextBlock.Span("\(context.glyphs.up) no field missing", role: .ok)])]
    }
    let label = 12
    let count = lacking.map { context.format.count($0.1.count).count }.max() ?? 1
    let indent = label + count + 2
    let rows = height >= 2 * lacking.count ? 2 : 1
    var lines: [TextBlock.Line] = []
    for (field, ids) in lacking {
      let wrapped = Self.wrap(ids, width: max(1, width - indent), rows: rows)
      lines.append(TextBlock.Line([
        TextBlock.Span(SafeText.pad(field.rawValue, to: label), role: .muted),
        TextBlock.Span(SafeText.pad(context.format.count(ids.count), to: count, alignment: .right) + "  ", role: role, attributes: .bold),
        TextBlock.Span(wrapped.first ?? ""),
      ]))
      for more in wrapped.dropFirst() {
        lines.append(TextBlock.Line([TextBlock.Span(String(repeating: " ", count: indent) + more)]))
      }
    }
    return lines
  }

  /// `ids` joined by commas in at most `rows` lines of `width` cells; when they do not all fit, the
  /// last line ends with `+N more` for the rest.
  static func wrap(_ ids: [String], width: Int, rows: Int) -> [String] {
    func piece(_ index: Int) -> String { SafeText.sanitized(ids[index]) + (index < ids.count - 1 ? "," : "") }
    func joined(_ line: String, _ piece: String) -> String { line.isEmpty ? piece : line + " " + piece }
    var lines: [String] = []
    var current = ""
    var index = 0
    // Every row but the last: as many ids as fit (at least one).
    while index < ids.count, lines.count < rows - 1 {
      let candidate = joined(current, piece(index))
      if SafeText.width(candidate) <= width || current.isEmpty {
        current = candidate
        index += 1
      } else {
        lines.append(current)
        current = ""
      }
    }
    // The last row: the rest when it fits, else as many as fit beside `+N more`.
    var rest = current
    var next = index
    while next < ids.count {
      let candidate = joined(rest, piece(next))
      guard SafeText.width(candidate) <= width else { break }
      rest = candidate
      next += 1
    }
    if next == ids.count { return rest.isEmpty ? lines : lines + [rest] }
    while index < ids.count {
      let candidate = joined(current, piece(index))
      let marker = 1 + SafeText.width(MoreMarker.text(hidden: ids.count - index - 1))
      guard SafeText.width(candidate) + marker <= width else { break }
      current = candidate
      index += 1
    }
    return lines + [joined(current, MoreMarker.text(hidden: ids.count - index))]
  }
}
