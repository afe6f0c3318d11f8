/// A data source reached over the network (a Prometheus server), polled beside the data directory's
/// files: what it returns goes into the same store as the files' samples, under its name, and a
/// failure is reported as a failing file's is (a `FileReport` with the failure, `fileFailed` and
/// `fileRecovered` events), the last good data kept.
///
/// ImtopCore defines what a source answers; the HTTP client lives in another target.
public protocol RemoteSource: AnyObject, Sendable {
  /// Names the source in reports and events, as a path names a file; never a data file's path.
  var name: String { get }
  /// How often it is queried; nil: each poll.
  var interval: Span? { get }
  /// How far back the first query reaches.
  var history: Span { get }
  /// The resolution of its samples: the range after a successful fetch starts a step after its last point.
  var step: Span { get }
  /// The samples of `range` (both ends included), or why there are none. May block for up to the
  /// source's timeout. Called on the poller's thread, or on a thread of its own per query
  /// (`RemoteFetching.background`); two queries overlap only after the history was emptied.
  func fetch(_ range: ClosedRange<Timestamp>, staleAfter: Span) -> Result<RemoteSamples, RemoteSourceFailure>
}

/// What one fetch returned.
public struct RemoteSamples: Sendable, Hashable {
  public var status: [StatusSample]
  public var metrics: [MetricSample]
  /// Series that could not be used (no system label, a value that is not a number), each an issue
  /// of the source; the rest of the answer is kept.
  public var issues: [DataIssue]
  /// The last grid point the fetch covered: the next one starts a step after it.
  public var coveredUntil: Timestamp

  public init(status: [StatusSample] = [], metrics: [MetricSample] = [], issues: [DataIssue] = [], coveredUntil: Timestamp) {
    self.status = status
    self.metrics = metrics
    self.issues = issues
    self.coveredUntil = coveredUntil
  }
}

/// Why a fetch gave nothing: the message a failing file's report would carry.
public struct RemoteSourceFailure: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
