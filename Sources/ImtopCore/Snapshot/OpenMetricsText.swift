/// OpenMetrics text written family by family: the exposition format of `imtop snapshot --format
/// openmetrics`, kept within what the Prometheus 0.0.4 text parser reads too.
///
/// Every family is a `gauge`: its `# HELP`, `# TYPE` and, when it has a unit, `# UNIT` lines are
/// written with its first sample, so a family whose figures are all unknown is left out whole rather
/// than written as an empty family or as `NaN`. A family whose name ends with a unit (`_seconds`,
/// `_ratio`) gets a `# UNIT` line, since OpenMetrics wants the name to end with its unit. The 0.0.4
/// parser takes `# UNIT` and `# EOF` for comments. A label set repeated in a family is written once
/// (the first), as both formats require.
struct OpenMetricsText {
  /// The units a family name may end with (`_seconds`, `_ratio`): base units, as Prometheus names them.
  static let units = ["seconds", "ratio"]

  /// One sample's labels, in the order written.
  typealias Labels = KeyValuePairs<String, String>

  private var output = ""
  private let pieceSize: Int
  private let sink: (String) -> Void
  private var currentName = ""
  private var header: String?
  private var written = Set<String>()

  /// Text goes to `sink` in pieces of about `pieceSize` bytes, cut between samples.
  init(pieceSize: Int = 1 << 20, sink: @escaping (String) -> Void) {
    self.pieceSize = pieceSize
    self.sink = sink
  }

  /// Starts a family; its samples follow with `sample(_:_:)` until the next family or `finish()`.
  mutating func family(_ name: String, help: String) {
    var lines = "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
    if let unit = OpenMetricsText.units.first(where: { name.hasSuffix("_" + $0) }) { lines += "# UNIT \(name) \(unit)\n" }
    header = lines
    written.removeAll(keepingCapacity: true)
    currentName = name
  }

  /// A sample of the current family whose value is already number text (exact money); nil is left out.
  mutating func sample(_ labels: Labels, text: String?) {
    guard let text else { return }
    var line = currentName
    if !labels.isEmpty {
      line += "{"
      for (position, (name, value)) in labels.enumerated() {
        if position > 0 { line += "," }
        line += name + "=\""
        OpenMetricsText.escape(value, into: &line)
        line += "\""
      }
      line += "}"
    }
    guard written.insert(line).inserted else { return }
    if let header {
      output += header
      self.header = nil
    }
    output += line + " " + text + "\n"
    if output.utf8.count >= pieceSize {
      sink(output)
      output.removeAll(keepingCapacity: true)
    }
  }

  /// A sample rounded to `decimals` places; nil, NaN and infinities are left out.
  mutating func sample(_ labels: Labels, _ value: Double?, decimals: Int = 6) {
    guard case .number(let text) = JSONValue.double(value, decimals: decimals) else { return }
    sample(labels, text: text)
  }

  mutating func sample(_ labels: Labels, _ value: Int?) {
    sample(labels, text: value.map { String($0) })
  }

  /// 1 for true, 0 for false.
  mutating func sample(_ labels: Labels, _ value: Bool) {
    sample(labels, text: value ? "1" : "0")
  }

  /// The one sample of a family without labels.
  mutating func sample(_ value: Double?, decimals: Int = 6) { sample([:], value, decimals: decimals) }

  mutating func sample(_ value: Int?) { sample([:], value) }

  /// Ends the text with `# EOF` and hands the rest to the sink.
  mutating func finish() {
    output += "# EOF\n"
    sink(output)
    output.removeAll()
  }

  /// A label value as both formats read it: backslash, double quote and line feed escaped; every
  /// other character as UTF-8.
  static func escape(_ value: String, into line: inout String) {
    guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x22 || $0 == 0x0A }) else {
      line += value
      return
    }
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\\": line += "\\\\"
      case "\"": line += "\\\""
      case "\n": line += "\\n"
      default: line.unicodeScalars.append(scalar)
      }
    }
  }
}
