/// Reads a KPI expression into a `KPIExpression`.
///
/// The language (the README's configuration section), lowest precedence first:
/// ```
/// expression := term (('+' | '-') term)*
/// term       := unary (('*' | '/') unary)*
/// unary      := '-' unary | primary
/// primary    := number | '(' expression ')' | name '(' arguments? ')'
/// arguments  := argument (',' argument)*      argument := string | duration | expression
/// ```
/// Functions:
/// - `metric('name')`, `metric('name', 'system')`: the latest sample of a metric (of one system);
///   inside an aggregate, the samples it reduces.
/// - `avg`, `sum`, `min`, `max`, `count` (`metric(...)`, window) and `last` (`metric(...)`[, window]):
///   over the samples in `(now − window, now]`; `count` is 0 when there is none.
/// - `availability(window)` (all inventory systems, time-weighted) and `availability('erp', window)`.
/// - `budget_variance()` (YTD %), `burn_rate()` and `forecast()` (major currency units),
///   `runway()` (months).
/// - `open_incidents()`, `open_incidents('P1')`, `mttr(window)`, `mtta(window)` (minutes).
/// - `overdue()`, `data_quality()` (%), `past_end_of_support()`, `below_sla()`,
///   `systems_meeting_sla()` (% of systems with an SLA and a known 30d availability that meet it).
///
/// Durations are `30d`, `24h`, `15m`, `90s` and appear only as window arguments (a duration has no
/// unit a sum could agree on). Recursive descent by hand: the grammar is tiny, and every error needs
/// the exact column to fix.
public enum KPIParser {
  static let maximumTokens = 1000

  public static func parse(_ source: String) throws(KPIExpressionError) -> KPIExpression {
    let tokens = try KPILexer.tokens(of: source)
    // A long chain (1 + 1 + ...) nests the tree as deep as it is long, and evaluation recurses on it.
    if tokens.count > maximumTokens {
      throw KPIExpressionError(
        column: tokens[maximumTokens].column, "the expression is too long (at most \(maximumTokens) tokens)")
    }
    var cursor = KPITokenCursor(tokens: tokens)
    let expression = try cursor.expression()
    let next = cursor.peek
    guard next.kind == .end else {
      throw KPIExpressionError(column: next.column, "expected an operator or the end of the expression")
    }
    return expression
  }
}

/// A function argument as written, before the function says what it needs.
enum KPIArgument {
  case string(String)
  case duration(Span)
  case expression(KPIExpression)
}

/// The parser's position in the token list, with one method per grammar rule.
struct KPITokenCursor {
  static let maximumDepth = 100

  let tokens: [KPIToken]
  var index = 0
  var depth = 0

  var peek: KPIToken { tokens[min(index, tokens.count - 1)] }

  mutating func advance() -> KPIToken {
    let token = peek
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  mutating func expression() throws(KPIExpressionError) -> KPIExpression {
    var result = try term()
    while case .symbol(let symbol) = peek.kind, symbol == "+" || symbol == "-" {
      _ = advance()
      result = .binary(symbol == "+" ? .add : .subtract, result, try term())
    }
    return result
  }

  mutating func term() throws(KPIExpressionError) -> KPIExpression {
    var result = try unary()
    while case .symbol(let symbol) = peek.kind, symbol == "*" || symbol == "/" {
      _ = advance()
      result = .binary(symbol == "*" ? .multiply : .divide, result, try unary())
    }
    return result
  }

  mutating func unary() throws(KPIExpressionError) -> KPIExpression {
    // Every level of nesting passes here; a bound keeps a hostile config from exhausting the stack.
    depth += 1
    defer { depth -= 1 }
    guard depth <= KPITokenCursor.maximumDepth else {
      throw KPIExpressionError(column: peek.column, "the expression is nested too deeply")
    }
    if case .symbol("-") = peek.kind {
      _ = advance()
      return .negate(try unary())
    }
    return try primary()
  }

  mutating func primary() throws(KPIExpressionError) -> KPIExpression {
    let token = advance()
    switch token.kind {
    case .number(let value):
      return .number(value)
    case .symbol("("):
      let inner = try expression()
      guard case .symbol(")") = peek.kind else {
        throw KPIExpressionError(column: peek.column, "expected ')' to close the '(' at column \(token.column)")
      }
      _ = advance()
      return inner
    case .identifier(let name):
      return try call(name, at: token.column)
    case .duration(_, let text):
      throw KPIExpressionError(column: token.column, "a duration such as \(text) can only be a window argument")
    case .string:
      throw KPIExpressionError(column: token.column, "a string can only be a function argument")
    case .end:
      throw KPIExpressionError(column: token.column, "expected a number, a function or '(' but the expression ends")
    case .symbol(let symbol):
      throw KPIExpressionError(column: token.column, "expected a number, a function or '(' before '\(symbol)'")
    }
  }

  /// `name(arguments)`, checked against what the function takes.
  mutating func call(_ name: String, at column: Int) throws(KPIExpressionError) -> KPIExpression {
    let isCall: Bool
    if case .symbol("(") = peek.kind { isCall = true } else { isCall = false }
    guard KPIFunctions.isKnown(name) else {
      throw KPIExpressionError(
        column: column,
        isCall ? "unknown function '\(name)'" : "unknown name '\(name)' (metric and system names are quoted: '\(name)')"
      )
    }
    guard isCall else {
      throw KPIExpressionError(column: peek.column, "expected '(' after the function name \(name)")
    }
    _ = advance()
    var arguments: [(argument: KPIArgument, column: Int)] = []
    if case .symbol(")") = peek.kind {
    } else {
      arguments.append(try argument())
      while case .symbol(",") = peek.kind {
        _ = advance()
        arguments.append(try argument())
      }
    }
    guard case .symbol(")") = peek.kind else {
      throw KPIExpressionError(column: peek.column, "expected ')' after the arguments of \(name)")
    }
    let close = advance()
    return try KPIFunctions.build(name, arguments: arguments, column: column, closeColumn: close.column)
  }

  mutating func argument() throws(KPIExpressionError) -> (argument: KPIArgument, column: Int) {
    let token = peek
    switch token.kind {
    case .string(let text):
      _ = advance()
      return (.string(text), token.column)
    case .duration(let span, _):
      _ = advance()
      return (.duration(span), token.column)
    default:
      return (.expression(try expression()), token.column)
    }
  }
}
