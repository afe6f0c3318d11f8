import Foundation
import Testing

@testable import ImtopCore

/// `[[source]]` tables: read from the user's configuration only, each setting checked with a
/// message naming the file and line.
@Suite struct SourceConfigurationTests {
  static let source = """
    [refresh]
    stale_after = "5m"

    [[source]]
    kind = "prometheus"
    name = "fleet"
    url = "http://127.0.0.1:9090"
    interval = "15s"
    history = "2d"
    step = "60s"
    timeout = "3s"
    bearer_token_file = "/etc/imtop/token"
    system_label = "service"
    [source.status]
    up = 'max by (service) (probe_success)'
    latency_ms = 'max by (service) (probe_duration_seconds) * 1000'
    [[source.metric]]
    name = "patch_latency_days"
    query = 'avg by (service) (patch_latency_days)'
    unit = "days"

    """

  static func user(_ text: String) -> UserConfiguration {
    UserConfiguration.read(Array(text.utf8), path: "config.toml")
  }

  @Test func theUsersConfigurationGivesASource() throws {
    let configuration = Self.user(Self.source)
    #expect(configuration.issues.isEmpty, "\(configuration.issues)")
    let source = try #require(configuration.settings.sources.first)
    #expect(configuration.settings.sources.count == 1)
    #expect(source.name == "fleet")
    #expect(source.url == "http://127.0.0.1:9090")
    #expect(source.interval == .seconds(15))
    #expect(source.history == .days(2))
    #expect(source.step == .seconds(60))
    #expect(source.timeout == .seconds(3))
    #expect(source.bearerTokenFile == "/etc/imtop/token")
    #expect(source.systemLabel == "service")
    #expect(source.status.up == "max by (service) (probe_success)")
    #expect(source.status.latencyMs != nil)
    #expect(source.status.degraded == nil)
    #expect(source.metrics == [.init(name: "patch_latency_days", query: "avg by (service) (patch_latency_days)", unit: "days")])
    #expect(source.location == SourceLocation(file: "config.toml", line: 4))
  }

  @Test func aDataDirectoryMayNotNameASource() {
    let reading = ConfigurationReader.read(Array(Self.source.utf8), path: "imtop.toml", scope: .dataDirectory)
    let issue = reading.issues.first { $0.message.contains("[[source]]") }
    #expect(issue?.file == "imtop.toml")
    #expect(issue?.line == 5)
    #expect(issue?.isError == true)
    #expect(issue?.message.contains("never in a data directory") == true)
    #expect(reading.userSettings.sources.isEmpty)
  }

  @Test func aStepLongerThanStaleAfterIsRefused() {
    let text = Self.source.replacingOccurrences(of: #"step = "60s""#, with: #"step = "10m""#)
    let configuration = Self.user(text)
    #expect(configuration.settings.sources.isEmpty)
    let issue = configuration.issues.first { $0.message.contains("step") }
    #expect(issue?.line == 10)
    #expect(issue?.message.contains("exceeds refresh.stale_after 5m") == true)
  }

  @Test(arguments: [
    (#"history = "2d""#, #"history = "2 days""#, "source.history \"2 days\": expected a duration from 1m to 400d", 9),
    (#"timeout = "3s""#, #"timeout = "1h""#, "source.timeout \"1h\": expected a duration from 100ms to 5m", 11),
    (#"kind = "prometheus""#, #"kind = "graphite""#, "source kind \"graphite\": expected kind = \"prometheus\"", 5),
    (#"url = "http://127.0.0.1:9090""#, #"url = "127.0.0.1:9090""#, "expected an address starting with http:// or https://", 7),
    (#"system_label = "service""#, #"system_label = "1x""#, "expected a Prometheus label name", 13),
  ])
  func aBadSettingIsNamedWithItsLine(_ original: String, _ replacement: String, _ message: String, _ line: Int) {
    let configuration = Self.user(Self.source.replacingOccurrences(of: original, with: replacement))
    let issue = configuration.issues.first { $0.message.contains(message) }
    #expect(issue != nil, "\(configuration.issues)")
    #expect(issue?.line == line)
    #expect(issue?.file == "config.toml")
  }

  @Test func aSourceWithoutAnUpQueryIsRefused() {
    let text = Self.source.replacingOccurrences(of: "up = 'max by (service) (probe_success)'\n", with: "")
    let configuration = Self.user(text)
    #expect(configuration.settings.sources.isEmpty)
    #expect(configuration.issues.contains { $0.line == 4 && $0.message.contains("[source.status] up") })
  }
}
