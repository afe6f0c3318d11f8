/// The colours and reverse-video state in force at each column of a line captured with
/// `tmux capture-pane -e -p`, read by following its SGR sequences (which carry on from one line to
/// the next: tmux does not reset them at a line's start).
struct SGRLine {
  struct Look: Hashable, CustomStringConvertible {
    var foreground = "default"
    var background = "default"
    var reverse = false
    var description: String { "fg \(foreground) bg \(background)\(reverse ? " reverse" : "")" }
    /// What the eye sees: reverse video swaps the two.
    var shown: (foreground: String, background: String) { reverse ? (background, foreground) : (foreground, background) }
  }

  /// The visible text, and the look of each of its characters.
  private(set) var text = ""
  private(set) var looks: [Look] = []

  /// Every line of a capture, each starting with the look the previous one ended with.
  static func lines(of capture: String) -> [SGRLine] {
    var look = Look()
    return capture.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      let parsed = SGRLine(String(line), startingWith: look)
      look = parsed.endLook
      return parsed
    }
  }

  /// The look in force after the line's last sequence.
  private(set) var endLook = Look()

  init(_ line: String, startingWith start: Look = Look()) {
    var look = start
    let scalars = Array(line.unicodeScalars)
    var index = 0
    while index < scalars.count {
      if scalars[index] == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "[" {
        var end = index + 2
        while end < scalars.count, !(0x40...0x7E).contains(scalars[end].value) { end += 1 }
        if end < scalars.count, scalars[end] == "m" {
          let body = String(String.UnicodeScalarView(scalars[(index + 2)..<end]))
          SGRLine.apply(body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }, to: &look)
        }
        index = end + 1
        continue
      }
      text.unicodeScalars.append(scalars[index])
      looks.append(look)
      index += 1
    }
    endLook = look
  }

  /// The look of the first character of `needle`, nil when the line lacks it.
  func look(at needle: String) -> Look? {
    guard let range = text.range(of: needle) else { return nil }
    let offset = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
    return looks[offset]
  }

  private static func apply(_ codes: [Int], to look: inout Look) {
    var i = 0
    while i < codes.count {
      let code = codes[i]
      switch code {
      case 0: look = Look()
      case 7: look.reverse = true
      case 27: look.reverse = false
      case 30...37, 90...97: look.foreground = "\(code)"
      case 39: look.foreground = "default"
      case 40...47, 100...107: look.background = "\(code)"
      case 49: look.background = "default"
      case 38, 48:
        let target = code == 38 ? \Look.foreground : \Look.background
        if i + 1 < codes.count, codes[i + 1] == 5, i + 2 < codes.count {
          look[keyPath: target] = "\(code);5;\(codes[i + 2])"
          i += 2
        } else if i + 1 < codes.count, codes[i + 1] == 2, i + 4 < codes.count {
          look[keyPath: target] = "\(code);2;\(codes[i + 2]);\(codes[i + 3]);\(codes[i + 4])"
          i += 4
        }
      default: break
      }
      i += 1
    }
  }
}
