import ImtopCore
import ImtopRemote

extension Poller {
  /// The poller of the live commands, the dashboard and `serve` alike: the data directory's files
  /// and the sources of the user's configuration.
  static func live(directory: String, clock: any TimeSource, user: UserConfiguration) -> Poller {
    let poller = Poller(directory: directory, clock: clock, user: user)
    poller.remoteSources = PrometheusSource.sources(of: user)
    return poller
  }
}
