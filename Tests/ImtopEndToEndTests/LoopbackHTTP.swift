import AsyncHTTPClient
import Foundation
import NIOCore

/// The tests' HTTP client for servers on the loopback address (imtop serve, Prometheus,
/// node_exporter). It is AsyncHTTPClient's, which never goes through a proxy unless told to:
/// URLSession on Linux is libcurl, which follows `http_proxy` from the environment, and a machine
/// whose environment names a proxy that does not except 127.0.0.1 would send every request there.
///
/// Its calls block the calling thread while the request runs on the client's own event loop: an
/// `async` test awaiting it would need a thread of Swift's cooperative pool to resume, and with
/// two cores that pool is two threads, which the synchronous end-to-end tests running beside it
/// (tmux sessions polled with `usleep`) can hold for minutes: a 60 s poll then made one try.
enum LoopbackHTTP {
  struct Answer {
    var status: Int
    var contentType: String
    var body: String
  }

  /// One GET: the answer, or why there was none.
  static func get(_ url: URL, accept: String? = nil) -> Result<Answer, Error> {
    do {
      var request = try HTTPClient.Request(url: url.absoluteString)
      if let accept { request.headers.add(name: "Accept", value: accept) }
      let response = try HTTPClient.shared.execute(request: request, deadline: .now() + .seconds(10)).wait()
      return .success(
        Answer(
          status: Int(response.status.code), contentType: response.headers.first(name: "Content-Type") ?? "",
          body: response.body.map { String(buffer: $0) } ?? ""))
    } catch {
      return .failure(error)
    }
  }

  /// Asks `url` until `accept` takes the answer, for up to `seconds`; throws, with what the last
  /// try got and `context` (a server's log, say), if none did.
  static func poll(
    _ url: URL, seconds: Double, context: @autoclosure () -> String = "", until accept: (Answer) -> Bool
  ) throws -> Answer {
    let deadline = Date().addingTimeInterval(seconds)
    var last = "no try"
    var tries = 0
    while Date() < deadline {
      tries += 1
      switch get(url) {
      case .success(let answer) where accept(answer): return answer
      case .success(let answer): last = "status \(answer.status): \(answer.body.prefix(200))"
      case .failure(let error): last = "\(error)"
      }
      usleep(200_000)
    }
    throw PollFailure(
      description: "no acceptable answer from \(url) within \(Int(seconds)) s (\(tries) tries); the last try: \(last)\n\(context())")
  }

  struct PollFailure: Error, CustomStringConvertible {
    var description: String
  }
}
