/// One token of a KPI expression, with the 1-based column of its first character.
struct KPIToken: Hashable {
  enum Kind: Hashable {
    case number(Double)
    case duration(Span, text: String)
    case string(String)
    case identifier(String)
    case symbol(Character)
    case end
  }

  var kind: Kind
  var column: Int
}

/// Splits a KPI expression into tokens.
///
/// Hand-written (as is the parser) because the grammar is tiny and every error must name the exact
/// column a user has to fix; columns count characters, as an editor shows them.
enum KPILexer {
  static func tokens(of source: String) throws(KPIExpressionError) -> [KPIToken] {
    let characters = Array(source)
    var tokens: [KPIToken] = []
    var position = 0
    while position < characters.count {
      let character = characters[position]
      let column = position + 1
      if character.isWhitespace {
        position += 1
      } else if character.isASCII && character.isNumber || character == "." {
        tokens.append(try number(characters, &position))
      } else if character == "'" || character == "\"" {
        tokens.append(try string(characters, &position))
      } else if character.isLetter || character == "_" {
        let start = position
        while position < characters.count, isIdentifier(characters[position]) { position += 1 }
        tokens.append(KPIToken(kind: .identifier(String(characters[start..<position])), column: column))
      } else if "()+-*/,".contains(character) {
        tokens.append(KPIToken(kind: .symbol(character), column: column))
        position += 1
      } else {
        throw KPIExpressionError(column: column, "unexpected character '\(character)'")
      }
    }
    tokens.append(KPIToken(kind: .end, column: characters.count + 1))
    return tokens
  }

  private static func isIdentifier(_ character: Character) -> Bool {
    character.isLetter || character == "_" || character.isASCII && character.isNumber
  }

  /// A number (`12`, `0.5`, `.5`), or a duration when a unit letter follows (`30d`, `24h`, `15m`, `90s`).
  private static func number(_ characters: [Character], _ position: inout Int) throws(KPIExpressionError) -> KPIToken {
    let start = position
    while position < characters.count, characters[position].isASCII,
      characters[position].isNumber || characters[position] == "."
    {
      position += 1
    }
    let text = String(characters[start..<position])
    guard let value = Double(text) else {
      throw KPIExpressionError(column: start + 1, "'\(text)' is not a number")
    }
    guard position < characters.count, isIdentifier(characters[position]) else {
      return KPIToken(kind: .number(value), column: start + 1)
    }
    let unitStart = position
    while position < characters.count, isIdentifier(characters[position]) { position += 1 }
    let unit = String(characters[unitStart..<position])
    let scale: Int64
    switch unit {
    case "d": scale = 86_400_000
    case "h": scale = 3_600_000
    case "m": scale = 60_000
    case "s": scale = 1000
    default:
      throw KPIExpressionError(column: unitStart + 1, "unknown duration unit '\(unit)' (expected d, h, m or s)")
    }
    guard let whole = Int64(text), whole > 0, whole < Int64.max / scale else {
      throw KPIExpressionError(column: start + 1, "a duration takes a positive whole number, as in 30d")
    }
    return KPIToken(kind: .duration(Span(milliseconds: whole * scale), text: text + unit), column: start + 1)
  }

  /// A string in single or double quotes; a backslash escapes the next character.
  private static func string(_ characters: [Character], _ position: inout Int) throws(KPIExpressionError) -> KPIToken {
    let quote = characters[position]
    let column = position + 1
    position += 1
    var text = ""
    while position < characters.count {
      let character = characters[position]
      position += 1
      if character == quote { return KPIToken(kind: .string(text), column: column) }
      if character == "\\", position < characters.count {
        text.append(characters[position])
        position += 1
      } else {
        text.append(character)
      }
    }
    throw KPIExpressionError(column: column, "unterminated string (no closing \(quote))")
  }
}
