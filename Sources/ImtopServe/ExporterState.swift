import FoundationEssentials
import ImtopCore

/// The newest snapshot the poller thread has computed, read by the request handlers. Nil until the
/// first read of the data directory is done.
public final class ExporterState: @unchecked Sendable {
  private let lock = Lock()
  private var latest: Snapshot?

  public init() {}

  public var snapshot: Snapshot? {
    lock.lock()
    defer { lock.unlock() }
    return latest
  }

  public func update(_ snapshot: Snapshot) {
    lock.lock()
    latest = snapshot
    lock.unlock()
  }
}
