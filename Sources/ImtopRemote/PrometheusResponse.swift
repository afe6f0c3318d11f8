import FoundationEssentials
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
/// success, the server's `errorType` and `error` on failure. With FoundationEssentials' JSONDecoder
/// (JSONSerialization is the full Foundation's), through lenient shapes that keep what was wrong.
public enum PrometheusResponse {
  /// The series of a successful answer, or what was wrong, as a message naming what was expected.
  public static func matrix(_ body: Data) -> Result<[PrometheusSeries], RemoteSourceFailure> {
    guard let root = try? JSONDecoder().decode(Answer.self, from: body) else {
      return .failure(RemoteSourceFailure("answer is not JSON: expected the Prometheus HTTP API's {\"status\": ..., \"data\": ...}"))
    }
    if let error = root.errorMessage { return .failure(RemoteSourceFailure(error)) }
    guard let data = root.data, let resultType = data.resultType, let result = data.result else {
      return .failure(RemoteSourceFailure("answer has no data.result: expected the Prometheus HTTP API's query_range answer"))
    }
    guard resultType == "matrix" else {
      return .failure(RemoteSourceFailure("answer is a \(resultType): expected a matrix (query_range)"))
    }
    var series: [PrometheusSeries] = []
    for (index, entry) in result.enumerated() {
      guard let points = entry.points else {
        return .failure(RemoteSourceFailure("series \(index + 1) has no values: expected {\"metric\": {...}, \"values\": [[time, \"value\"], ...]}"))
      }
      guard !entry.hasBadPoint else {
        return .failure(RemoteSourceFailure("series \(index + 1) has a point that is not [time, \"number\"]"))
      }
      series.append(PrometheusSeries(labels: entry.labels, points: points))
    }
    return .success(series)
  }

  /// `bad_data: 1:5: parse error: ...` from an answer with `"status": "error"`; nil otherwise.
  public static func errorMessage(_ body: Data) -> String? {
    (try? JSONDecoder().decode(Answer.self, from: body))?.errorMessage
  }

  /// The answer's outer object; every member optional, so that what is missing can be named.
  private struct Answer: Decodable {
    var status: String?
    var errorType: String?
    var error: String?
    var data: Matrix?

    var errorMessage: String? {
      guard status == "error" else { return nil }
      let message = error ?? "no message"
      return errorType.map { "\($0): \(message)" } ?? message
    }
  }

  /// `data`: its result is read only when it is a matrix (a scalar's is `[time, "value"]`).
  private struct Matrix: Decodable {
    var resultType: String?
    var result: [Entry]?

    enum CodingKeys: String, CodingKey { case resultType, result }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      resultType = try? container.decode(String.self, forKey: .resultType)
      if resultType == "matrix" {
        result = try? container.decode([Entry].self, forKey: .result)
      } else {
        result = container.contains(.result) ? [] : nil
      }
    }
  }

  /// One element of the matrix: never fails to decode, it records what it lacks.
  private struct Entry: Decodable {
    var labels: [String: String] = [:]
    var points: [(time: Timestamp, value: Double)]?
    var hasBadPoint = false

    enum CodingKeys: String, CodingKey { case metric, values }

    init(from decoder: any Decoder) throws {
      guard let container = try? decoder.container(keyedBy: CodingKeys.self) else { return }
      labels = (try? container.decode([String: String].self, forKey: .metric)) ?? [:]
      guard var values = try? container.nestedUnkeyedContainer(forKey: .values) else { return }
      var points: [(time: Timestamp, value: Double)] = []
      points.reserveCapacity(values.count ?? 0)
      while !values.isAtEnd {
        guard var pair = try? values.nestedUnkeyedContainer(), pair.count == 2,
          let seconds = try? pair.decode(Double.self), let text = try? pair.decode(String.self), let number = Double(text)
        else {
          hasBadPoint = true
          break
        }
        points.append((Timestamp(milliseconds: Int64((seconds * 1000).rounded())), number))
      }
      self.points = points
    }
  }
}
