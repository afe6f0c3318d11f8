import Foundation
import ImtopCore
import ImtopRemote
import Testing

@Suite struct PrometheusResponseTests {
  static let source = PrometheusSourceSettings(name: "fleet", url: "http://127.0.0.1:9", status: .init(up: "up"))

  static func json(_ result: String) -> Data {
    Data(#"{"status":"success","data":{"resultType":"matrix","result":[\#(result)]}}"#.utf8)
  }

  @Test func readsTheLabelsAndPointsOfAMatrix() throws {
    let body = Self.json(#"{"metric":{"system":"erp","job":"x"},"values":[[1700000000,"1"],[1700000060.5,"NaN"]]}"#)
    let series = try PrometheusResponse.matrix(body).get()
    #expect(series.count == 1)
    #expect(series[0].labels == ["system": "erp", "job": "x"])
    #expect(series[0].points.map(\.time) == [Timestamp(milliseconds: 1_700_000_000_000), Timestamp(milliseconds: 1_700_000_060_500)])
    #expect(series[0].points[0].value == 1)
    #expect(series[0].points[1].value.isNaN)
  }

  @Test func anErrorAnswerGivesTheServersMessage() {
    let body = Data(#"{"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected"}"#.utf8)
    guard case .failure(let failure) = PrometheusResponse.matrix(body) else {
      Issue.record("an error answer was read as data")
      return
    }
    #expect(failure.message == "bad_data: 1:5: parse error: unexpected")
  }

  @Test(arguments: ["not json", #"{"status":"success","data":{"resultType":"vector","result":[]}}"#, #"{"status":"success"}"#])
  func aMalformedAnswerIsAFailure(_ text: String) {
    guard case .failure = PrometheusResponse.matrix(Data(text.utf8)) else {
      Issue.record("\(text) was accepted")
      return
    }
  }

  static func series(_ system: String?, _ values: [Double], start: Int64 = 0) -> PrometheusSeries {
    PrometheusSeries(
      labels: system.map { ["system": $0] } ?? ["job": "probe"],
      points: values.enumerated().map { (Timestamp(milliseconds: start + Int64($0.offset) * 60_000), $0.element) })
  }

  @Test func maintenanceWinsThenDownThenDegraded() {
    let converter = PrometheusSamples(source: Self.source)
    let (samples, issues) = converter.status(.init(
      up: [Self.series("erp", [1, 0, 1, 0, .nan])],
      degraded: [Self.series("erp", [0, 1, 1, 0, 0])],
      maintenance: [Self.series("erp", [0, 0, 0, 1, 0])],
      latencyMs: [Self.series("erp", [12, 13, 14, 15, 16])]))
    #expect(issues.isEmpty)
    #expect(samples.map(\.state) == [.up, .down, .degraded, .maintenance])
    #expect(samples.map(\.latencyMs) == [12, 13, 14, 15])
    #expect(samples.allSatisfy { $0.system == "erp" })
  }

  @Test func aSeriesWithoutTheSystemLabelIsAnIssueAndTheOthersAreKept() {
    let converter = PrometheusSamples(source: Self.source)
    let (samples, issues) = converter.status(.init(up: [Self.series(nil, [1]), Self.series("crm", [2])]))
    #expect(samples.map(\.system) == ["crm"])
    #expect(samples.map(\.state) == [.up])
    #expect(issues.count == 1)
    #expect(issues.first?.file == "fleet")
    #expect(issues.first?.message.contains("job=\"probe\"") == true)
  }

  @Test func metricPointsBecomeMetricSamples() {
    let converter = PrometheusSamples(source: Self.source)
    let metric = PrometheusSourceSettings.MetricQuery(name: "patch_latency_days", query: "q", unit: "days")
    let samples = converter.metrics([Self.series("erp", [3, .nan, 5])], of: metric)
    #expect(samples.map(\.value) == [3, 5])
    #expect(samples.allSatisfy { $0.metric == "patch_latency_days" && $0.unit == "days" && $0.system == "erp" })
  }

  @Test func chunksStayUnderTheServersLimitAndCoverTheRangeOnTheGrid() {
    let step = Span.seconds(60)
    let start = Timestamp(milliseconds: 30_001)
    let end = start + Span.days(30)
    let chunks = PrometheusSource.chunks(of: start...end, step: step)
    #expect(chunks.first?.lowerBound == Timestamp(milliseconds: 60_000))
    for chunk in chunks {
      #expect((chunk.upperBound - chunk.lowerBound).milliseconds / step.milliseconds + 1 <= PrometheusSource.maximumPointsPerQuery)
      #expect(chunk.lowerBound.milliseconds % step.milliseconds == 0)
    }
    for (previous, next) in zip(chunks, chunks.dropFirst()) { #expect(next.lowerBound == previous.upperBound + step) }
    #expect(chunks.last.map { end - $0.upperBound < step } == true)
  }

  @Test func theQueryIsEncodedAndTheTimesAreSeconds() {
    let address = PrometheusSource.queryRangeAddress(
      base: "http://h:9090/", query: #"max by (system) (up{job="a"})"#,
      range: Timestamp(milliseconds: 60_000)...Timestamp(milliseconds: 120_500), step: .seconds(60))
    #expect(address.hasPrefix("http://h:9090/api/v1/query_range?query=max%20by%20%28system%29%20%28up%7Bjob%3D%22a%22%7D%29&"))
    #expect(address.hasSuffix("&start=60&end=120.500&step=60"))
  }

  @Test func aLabelValueOutsideASCIIIsSentAsItsUTF8Bytes() {
    let address = PrometheusSource.queryRangeAddress(
      base: "http://h:9090", query: #"up{site="zürich"}"#, range: Timestamp(milliseconds: 0)...Timestamp(milliseconds: 0), step: .seconds(1))
    #expect(address.contains("query=up%7Bsite%3D%22z%C3%BCrich%22%7D&"))
    #expect(address.unicodeScalars.allSatisfy { $0.isASCII })
  }
}
