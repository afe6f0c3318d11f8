import FoundationEssentials
import Glibc

extension Poller {
  /// Waits, up to `timeout`, until every CSV and TOML file of the directory looks finished: its
  /// size, modification time and inode unchanged for `settleTime`, or last modified at least that
  /// long ago. Called before the first read and on a re-read on demand, so that an export being
  /// written at that moment is not taken half-way (later changes settle across polls instead).
  ///
  /// It waits in real time (`wallClock` and `sleep`, injected for tests): this is about when the
  /// writer finishes, not about the figures' `now`.
  /// - Returns: whether every file settled within `timeout`.
  @discardableResult
  public func awaitSettledWholeFiles(
    timeout: Span = .seconds(2), wallClock: () -> Timestamp = { SystemTimeSource().now },
    sleep: (Span) -> Void = { usleep(useconds_t(max(0, $0.milliseconds) * 1_000)) }
  ) -> Bool {
    let start = wallClock()
    var seen: [String: (identity: FileIdentity, since: Timestamp)] = [:]
    while true {
      let now = wallClock()
      var settled = true
      for (path, kind) in listing.files() where !kind.isAppendOnly {
        guard let identity = FileIdentity.of(path: listing.fullPath(path)), identity.isRegularFile else { continue }
        if now - identity.modified >= settleTime { continue }
        if let previous = seen[path], previous.identity == identity {
          if now - previous.since >= settleTime { continue }
        } else {
          seen[path] = (identity, now)
        }
        settled = false
      }
      if settled { return true }
      if now - start >= timeout { return false }
      sleep(Span(milliseconds: 100))
    }
  }
}
