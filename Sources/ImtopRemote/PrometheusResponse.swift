import Foundation
import ImtopCore

/// One series of a `query_range` answer: its labels and its points.
public struct PrometheusSeries: Hashable, Sendable {
  public var labels: [String: String]
  /// `(time, value)`; a value Prometheus writes as `NaN` stays NaN.
  public var points: [(time: Timestamp, value: Double)]

  public init(labels: [String: String], points: [(time: Timestamp, value: Double)]) {
    self.labels = labels
    self.points = points
  }

  public static func == (lhs: PrometheusSeries, rhs: PrometheusSeries) -> Bool {
    lhs.labels == rhs.labels && lhs.points.map(\.time) == rhs.points.map(\.time)
      && zip(lhs.points, rhs.points).allSatisfy { $0.value == $1.value || ($0.value.isNaN && $1.value.isNaN) }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(labels)
    hasher.combine(points.count)
  }

  /// `{job="blackbox", instance="a"}`, for messages.
  public var labelText: String {
    "{" + labels.keys.sorted().map { "\($0)=\"\(labels[$0] ?? "")\"" }.joined(separator: ", ") + "}"
  }
}

/// Reads the JSON of the Prometheus HTTP API (`/api/v1/query_range`): a matrix of series on
/// success, the server's `errorType` and `error` on failure.
public enum PrometheusResponse {
  /// The series of a successful answer, or what was wrong, as a message naming what was expected.
  public static func matrix(_ body: Data) -> Result<[PrometheusSeries], RemoteSourceFailure> {
    guard let object = try? JSONSerialization.jsonObject(with: body), let root = object as? [String: Any] else {
      return .failure(RemoteSourceFailure("answer is not JSON: expected the Prometheus HTTP API's {\"status\": ..., \"data\": ...}"))
    }
    if let error = errorMessage(root) { return .failure(RemoteSourceFailure(error)) }
    guard let data = root["data"] as? [String: Any], let resultType = data["resultType"] as? String,
      let result = data["result"] as? [Any]
    else {
      return .failure(RemoteSourceFailure("answer has no data.result: expected the Prometheus HTTP API's query_range answer"))
    }
    guard resultType == "matrix" else {
      return .failure(RemoteSourceFailure("answer is a \(resultType): expected a matrix (query_range)"))
    }
    var series: [PrometheusSeries] = []
    for (index, element) in result.enumerated() {
      guard let entry = element as? [String: Any], let values = entry["values"] as? [Any] else {
        return .failure(RemoteSourceFailure("series \(index + 1) has no values: expected {\"metric\": {...}, \"values\": [[time, \"value\"], ...]}"))
      }
      let labels = (entry["metric"] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
      var points: [(time: Timestamp, value: Double)] = []
      points.reserveCapacity(values.count)
      for value in values {
        guard let pair = value as? [Any], pair.count == 2, let seconds = (pair[0] as? NSNumber)?.doubleValue,
          let text = pair[1] as? String, let number = Double(text)
        else {
          return .failure(RemoteSourceFailure("series \(index + 1) has a point that is not [time, \"number\"]"))
        }
        points.append((Timestamp(milliseconds: Int64((seconds * 1000).rounded())), number))
      }
      series.append(PrometheusSeries(labels: labels, points: points))
    }
    return .success(series)
  }

  /// `bad_data: 1:5: parse error: ...` from an answer with `"status": "error"`; nil otherwise.
  public static func errorMessage(_ body: Data) -> String? {
    guard let object = try? JSONSerialization.jsonObject(with: body), let root = object as? [String: Any] else { return nil }
    return errorMessage(root)
  }

  private static func errorMessage(_ root: [String: Any]) -> String? {
    guard root["status"] as? String == "error" else { return nil }
    let type = root["errorType"] as? String
    let message = root["error"] as? String ?? "no message"
    return type.map { "\($0): \(message)" } ?? message
  }
}
