import PropertyBased
import Testing

@testable import ImtopCore
import ImtopTestSupport

/// `durationChange(after:)` and `ageChange(after:)` say exactly when a label moves on: the same text
/// up to the millisecond before, a different one at it. A frame kept until then is never wrong, and
/// not redrawn sooner than needed.
@Suite struct ChangeTimeTests {
  static let labels: [(String, @Sendable (Span) -> String, @Sendable (Span) -> Span)] = [
    ("duration", QuantityFormat.duration, QuantityFormat.durationChange(after:)),
    ("age", QuantityFormat.age, QuantityFormat.ageChange(after:)),
  ]

  func expectChange(at span: Span) {
    for (name, label, change) in Self.labels {
      let next = change(span)
      #expect(next.milliseconds > 0, "\(name) at \(span.milliseconds) ms")
      #expect(label(span + next - Span(milliseconds: 1)) == label(span), "\(name) at \(span.milliseconds) ms")
      // Beyond Int64 milliseconds (292 million years) nothing changes any more.
      guard (span + next).milliseconds < .max, next.milliseconds < .max else { continue }
      #expect(label(span + next) != label(span), "\(name) at \(span.milliseconds) ms, next \(next.milliseconds)")
    }
  }

  @Test func theEdgesOfEveryBand() {
    for seconds: Int64 in [0, 1, 59, 60, 61, 3_599, 3_600, 3_660, 86_399, 86_400, 90_000, 10_000_000] {
      for offset: Int64 in [-1, 0, 1, 499, 999] {
        expectChange(at: Span(milliseconds: seconds * 1000 + offset))
      }
    }
    // A negative span (a clock behind the file) reads as zero until a second past zero.
    #expect(QuantityFormat.durationChange(after: Span(milliseconds: -5_000)) == Span(milliseconds: 6_000))
    #expect(QuantityFormat.ageChange(after: Span(milliseconds: 59_500)) == Span(milliseconds: 500))
    #expect(QuantityFormat.ageChange(after: .minutes(90)) == .minutes(30))
    #expect(QuantityFormat.durationChange(after: .minutes(90)) == .minutes(1))
  }

  @Test func anySpan() async {
    await propertyCheck(count: 3_000, input: ExtremeValues.anyInteger) { milliseconds in
      expectChange(at: Span(milliseconds: milliseconds))
    }
    await propertyCheck(count: 3_000, input: Gen.int(in: -10_000...20_000_000_000)) { milliseconds in
      expectChange(at: Span(milliseconds: Int64(milliseconds)))
    }
  }
}
