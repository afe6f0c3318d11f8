import Foundation

/// Ports on the loopback interface for the servers the tests start.
public enum LoopbackPort {
  /// A port on 127.0.0.1 that nothing listened on a moment ago.
  public static func free() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = Self.address(port: 0)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
    }
    guard bound else { throw ChildProcess.Failure.pipe }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// The socket address of `port` on 127.0.0.1 (0: any free port, for `bind`).
  public static func address(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    return address
  }
}
