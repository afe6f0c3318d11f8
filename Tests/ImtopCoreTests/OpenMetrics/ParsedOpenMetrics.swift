/// OpenMetrics text read back for the writer's tests: its families with their metadata and samples,
/// label values unescaped. Strict about what the writer promises (metadata before samples, samples
/// named as their family, `# EOF` last); anything else is an error naming the line.
struct ParsedOpenMetrics {
  struct Sample: Equatable {
    var name: String
    var labels: [String: String]
    var labelOrder: [String]
    var value: String
  }

  struct Family {
    var name: String
    var help = ""
    var type = ""
    var unit: String?
    var samples: [Sample] = []
  }

  struct Malformed: Error, CustomStringConvertible {
    var line: Int
    var reason: String
    var description: String { "line \(line): \(reason)" }
  }

  var families: [Family] = []

  init(_ text: String) throws {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard lines.last == "" else { throw Malformed(line: lines.count, reason: "no final newline") }
    lines.removeLast()
    guard lines.last == "# EOF" else { throw Malformed(line: lines.count, reason: "not ended by # EOF") }
    lines.removeLast()
    for (index, line) in lines.enumerated() {
      let number = index + 1
      if line.hasPrefix("# ") {
        let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4 else { throw Malformed(line: number, reason: "short metadata line") }
        switch parts[1] {
        case "HELP":
          guard family(parts[2]) == nil else { throw Malformed(line: number, reason: "\(parts[2]) written twice") }
          families.append(Family(name: parts[2], help: parts[3]))
        case "TYPE", "UNIT":
          guard families.last?.name == parts[2], families.last?.samples.isEmpty == true else {
            throw Malformed(line: number, reason: "\(parts[1]) not right after its HELP")
          }
          if parts[1] == "TYPE" { families[families.count - 1].type = parts[3] } else { families[families.count - 1].unit = parts[3] }
        default: throw Malformed(line: number, reason: "unknown metadata \(parts[1])")
        }
        continue
      }
      let sample = try Self.sample(line, number: number)
      guard let family = families.last, sample.name == family.name else {
        throw Malformed(line: number, reason: "\(sample.name) outside its family")
      }
      families[families.count - 1].samples.append(sample)
    }
  }

  /// The family named `name`, if written.
  func family(_ name: String) -> Family? { families.first { $0.name == name } }

  /// The value of the sample of `name` whose labels include `labels`.
  func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
    family(name)?.samples.first { sample in labels.allSatisfy { sample.labels[$0.key] == $0.value } }.flatMap { Double($0.value) }
  }

  private static func sample(_ line: String, number: Int) throws -> Sample {
    var characters = Substring(line)
    let name = String(characters.prefix { $0 != "{" && $0 != " " })
    characters = characters.dropFirst(name.count)
    var labels: [String: String] = [:]
    var order: [String] = []
    if characters.first == "{" {
      characters = characters.dropFirst()
      while characters.first != "}" {
        let label = String(characters.prefix { $0 != "=" })
        characters = characters.dropFirst(label.count)
        guard characters.hasPrefix("=\"") else { throw Malformed(line: number, reason: "label \(label) without a quoted value") }
        characters = characters.dropFirst(2)
        var value = ""
        while let character = characters.first, character != "\"" {
          characters = characters.dropFirst()
          guard character == "\\" else {
            value.append(character)
            continue
          }
          switch characters.first {
          case "\\": value.append("\\")
          case "\"": value.append("\"")
          case "n": value.append("\n")
          default: throw Malformed(line: number, reason: "bad escape in label \(label)")
          }
          characters = characters.dropFirst()
        }
        guard characters.first == "\"" else { throw Malformed(line: number, reason: "unterminated value of \(label)") }
        characters = characters.dropFirst()
        guard labels.updateValue(value, forKey: label) == nil else { throw Malformed(line: number, reason: "label \(label) twice") }
        order.append(label)
        if characters.first == "," { characters = characters.dropFirst() }
      }
      characters = characters.dropFirst()
    }
    guard characters.first == " " else { throw Malformed(line: number, reason: "no value") }
    let value = String(characters.dropFirst())
    guard !value.isEmpty, !value.contains(" ") else { throw Malformed(line: number, reason: "value \"\(value)\"") }
    return Sample(name: name, labels: labels, labelOrder: order, value: value)
  }
}
