import AsyncHTTPClient
import Foundation
import NIOCore

/// The tests' HTTP client for servers on the loopback address (imtop serve, Prometheus,
/// node_exporter). It is AsyncHTTPClient's, which never goes through a proxy unless told to:
/// URLSession on Linux is libcurl, which follows `http_proxy` from the environment, and a machine
/// whose environment names a proxy that does not except 127.0.0.1 would send every request there.
enum LoopbackHTTP {
  struct Answer {
    var status: Int
    var contentType: String
    var body: String
  }

  /// One GET: the answer, or why there was none.
  static func get(_ url: URL, accept: String? = nil) async -> Result<Answer, Error> {
    do {
      var request = HTTPClientRequest(url: url.absoluteString)
      if let accept { request.headers.add(name: "Accept", value: accept) }
      let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
      let body = try await response.body.collect(upTo: 64 << 20)
      return .success(
        Answer(
          status: Int(response.status.code), contentType: response.headers.first(name: "Content-Type") ?? "",
          body: String(buffer: body)))
    } catch {
      return .failure(error)
    }
  }

  /// Asks `url` until `accept` takes the answer, for up to `seconds`; throws, with what the last
  /// try got and `context` (a server's log, say), if none did.
  static func poll(
    _ url: URL, seconds: Double, context: @autoclosure () -> String = "", until accept: (Answer) -> Bool
  ) async throws -> Answer {
    let deadline = Date().addingTimeInterval(seconds)
    var last = "no try"
    while Date() < deadline {
      switch await get(url) {
      case .success(let answer) where accept(answer): return answer
      case .success(let answer): last = "status \(answer.status): \(answer.body.prefix(200))"
      case .failure(let error): last = "\(error)"
      }
      try await Task.sleep(nanoseconds: 200_000_000)
    }
    throw PollFailure(description: "no acceptable answer from \(url) within \(Int(seconds)) s; the last try: \(last)\n\(context())")
  }

  struct PollFailure: Error, CustomStringConvertible {
    var description: String
  }
}
