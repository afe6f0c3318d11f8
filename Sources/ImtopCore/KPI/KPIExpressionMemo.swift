import Synchronization

/// The KPI expressions of the last recomputation, parsed: they change only with `imtop.toml`, and
/// parsing every one of them again at each recomputation was a twentieth of the live demo's time.
/// Reused only for the very same expressions, in the same order.
final class KPIExpressionMemo: Sendable {
  private struct Kept {
    var sources: [String] = []
    var parsed: [Result<KPIExpression, KPIExpressionError>] = []
    /// How many times the sources were parsed rather than reused, for the tests.
    var parses = 0
  }

  private let kept = Mutex(Kept())

  /// How many times a list of sources was parsed rather than reused.
  var parses: Int { kept.withLock { $0.parses } }

  /// Each source parsed, in order.
  func parse(_ sources: [String]) -> [Result<KPIExpression, KPIExpressionError>] {
    if let reused = kept.withLock({ $0.parses > 0 && $0.sources == sources ? $0.parsed : nil }) { return reused }
    let parsed = sources.map { source in Result { () throws(KPIExpressionError) in try KPIParser.parse(source) } }
    kept.withLock { $0 = Kept(sources: sources, parsed: parsed, parses: $0.parses + 1) }
    return parsed
  }
}
