import Foundation
import ImtopTestSupport
import Testing

@testable import ImtopCore

/// `refresh.interval`, `refresh.stale_after` and `display.rotate` accept the same range, with the
/// same message, from `imtop.toml` as from the command line.
@Suite struct DurationSettingTests {
  func read(_ toml: String) -> ConfigurationReading { ConfigurationReader.read(Array(toml.utf8)) }

  @Test func boundsOfEachSetting() {
    let cases: [(DurationSetting, accepted: [String], refused: [String])] = [
      (.refreshInterval, ["100ms", "2s", "1d", "23h60m"], ["99ms", "1ms", "1d1ms", "100000d"]),
      (.staleAfter, ["1s", "10m", "7d", "1w"], ["999ms", "7d1ms", "2w"]),
      (.rotate, ["1s", "20s", "1h", "60m"], ["999ms", "1h1s", "1d"]),
    ]
    for (setting, accepted, refused) in cases {
      for text in accepted { #expect((try? setting.parse(text).get()) == DurationParser.parse(text), "\(setting.key) \(text)") }
      for text in refused {
        #expect(throws: DurationSettingError.self, "\(setting.key) \(text)") { try setting.parse(text).get() }
      }
    }
  }

  @Test func oneMessageNamesTheSettingAndItsRange() {
    #expect(DurationSetting.refreshInterval.expected == "a duration from 100ms to 1d")
    #expect(DurationSetting.staleAfter.expected == "a duration from 1s to 7d")
    #expect(DurationSetting.rotate.expected == "a duration from 1s to 1h")
    let file = DurationSetting.refreshInterval.parse("1ms")
    let flag = DurationSetting.refreshInterval.parse("1ms", as: "--interval")
    #expect(file == .failure(DurationSettingError(message: "refresh.interval \"1ms\": expected a duration from 100ms to 1d")))
    #expect(flag == .failure(DurationSettingError(message: "--interval \"1ms\": expected a duration from 100ms to 1d")))
    #expect(DurationSetting.refreshInterval.parse("often", as: "--interval")
      == .failure(DurationSettingError(message: "--interval \"often\": expected a duration from 100ms to 1d")))
  }

  @Test func configurationFileRefusesWhatTheFlagRefuses() {
    let reading = read("""
      [refresh]
      interval = "1ms"
      stale_after = 691201
      [display]
      rotate = "2h"
      """)
    #expect(reading.issues.map { "\($0.line ?? 0): \($0.message)" } == [
      "2: refresh.interval \"1ms\": expected a duration from 100ms to 1d",
      "3: refresh.stale_after 691201: expected a duration from 1s to 7d",
      "5: display.rotate \"2h\": expected a duration from 1s to 1h",
    ])
    #expect(reading.configuration.refreshInterval == Configuration().refreshInterval)
    #expect(reading.configuration.staleAfter == Configuration().staleAfter)
    #expect(reading.configuration.rotate == Configuration().rotate)
  }

  @Test func edgesAreAccepted() {
    let reading = read("""
      [refresh]
      interval = "100ms"
      stale_after = "7d"
      [display]
      rotate = 3600
      """)
    #expect(reading.issues.isEmpty)
    #expect(reading.configuration.refreshInterval == Span(milliseconds: 100))
    #expect(reading.configuration.staleAfter == .days(7))
    #expect(reading.configuration.rotate == .hours(1))
  }

  /// The issue's case: 100,000 days is refused with the range, and the default kept.
  @Test func hundredThousandDaysIsRefused() {
    let reading = read("[refresh]\ninterval = \"100000d\"\n")
    #expect(reading.issues.map(\.message) == ["refresh.interval \"100000d\": expected a duration from 100ms to 1d"])
    #expect(reading.configuration.refreshInterval == .seconds(2))
  }

  /// A poller asked to sleep 100,000 days (a configuration read before the bounds, or a caller that
  /// skips them) waits, and stops when told, instead of trapping on the deadline.
  @Test func feedWithAHundredThousandDayIntervalStops() throws {
    let directory = NSTemporaryDirectory() + "imtop-feed-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let clock = ManualClock(Timestamp(seconds: 1_772_352_000))
    let delivered = DispatchSemaphore(value: 0)
    let feed = LiveFeed(
      session: LiveSession(poller: Poller(directory: directory, clock: clock)), clock: clock,
      intervalOverride: .days(100_000), deliver: { _ in delivered.signal() })
    feed.start()
    #expect(delivered.wait(timeout: .now() + 60) == .success)
    feed.stop(timeout: 60)
  }
}
