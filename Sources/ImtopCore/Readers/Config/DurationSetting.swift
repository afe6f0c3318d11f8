/// A duration the user sets, and the range it may take: one definition for `imtop.toml` and the
/// command line, so both accept the same values and refuse the rest with the same message
/// (`refresh.interval "1ms": expected a duration from 100ms to 1d`).
///
/// The bounds keep the program away from its edges: a poll every millisecond would spin, one every
/// 100,000 days overflows the clock a sleep is computed with.
public struct DurationSetting: Sendable, Hashable {
  /// The key as `imtop.toml` writes it (`refresh.interval`).
  public let key: String
  public let range: ClosedRange<Span>

  public init(key: String, range: ClosedRange<Span>) {
    self.key = key
    self.range = range
  }

  /// How often the data files are polled (`refresh.interval`, `--interval`).
  public static let refreshInterval = DurationSetting(key: "refresh.interval", range: Span(milliseconds: 100)...Span.days(1))
  /// How old a system's last sample may be before its state is unknown (`refresh.stale_after`).
  public static let staleAfter = DurationSetting(key: "refresh.stale_after", range: Span.seconds(1)...Span.days(7))
  /// How often kiosk mode turns the page (`display.rotate`).
  public static let rotate = DurationSetting(key: "display.rotate", range: Span.seconds(1)...Span.hours(1))

  /// `a duration from 100ms to 1d`.
  public var expected: String {
    "a duration from \(DurationParser.text(range.lowerBound)) to \(DurationParser.text(range.upperBound))"
  }

  /// The span `text` writes when it is a duration within range.
  ///
  /// - Parameter name: how the message names the setting; the key unless given (`--interval`).
  public func parse(_ text: String, as name: String? = nil) -> Result<Span, DurationSettingError> {
    guard let span = DurationParser.parse(text) else { return .failure(error(written: "\"\(text)\"", as: name)) }
    return validate(span, written: "\"\(text)\"", as: name)
  }

  /// `span` when it is within range; `written` is how the value appeared (`"1ms"`, `5`).
  public func validate(_ span: Span, written: String, as name: String? = nil) -> Result<Span, DurationSettingError> {
    range.contains(span) ? .success(span) : .failure(error(written: written, as: name))
  }

  private func error(written: String, as name: String?) -> DurationSettingError {
    DurationSettingError(message: "\(name ?? key) \(written): expected \(expected)")
  }
}

/// A duration setting's value that is not a duration or is out of its range; `message` says which
/// setting and what it accepts.
public struct DurationSettingError: Error, Sendable, Hashable, CustomStringConvertible {
  public let message: String
  public var description: String { message }
}
