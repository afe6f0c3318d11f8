import Foundation
import ImtopTestSupport

/// A TCP connection to a loopback port that sends and reads bytes as given: for what an HTTP
/// client library will not do (a request sent in two parts, a HEAD read to the byte).
struct RawHTTPConnection {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  let descriptor: Int32

  /// Connected to 127.0.0.1:`port`; every read gives up after `timeout` seconds.
  init(port: Int, timeout: Int = 10) throws {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw Failure(description: "socket: errno \(errno)") }
    var limit = timeval(tv_sec: timeout, tv_usec: 0)
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    var address = LoopbackPort.address(port: port)
    let connected = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
    }
    guard connected else {
      _ = Glibc.close(descriptor)
      throw Failure(description: "connect to 127.0.0.1:\(port): errno \(errno)")
    }
  }

  func send(_ text: String) throws {
    let bytes = Array(text.utf8)
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      guard count > 0 else { throw Failure(description: "send: errno \(errno)") }
      sent += count
    }
  }

  /// Everything the server sends until it closes the connection (or a read times out).
  func readToEnd() -> String {
    var received: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16_384)
    while true {
      let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      guard count > 0 else { break }
      received += chunk[..<count]
    }
    return String(decoding: received, as: UTF8.self)
  }

  func close() { _ = Glibc.close(descriptor) }
}
