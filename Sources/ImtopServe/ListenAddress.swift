/// `--listen HOST:PORT` of `imtop serve`: an IPv4 address or name and a port, or `[IPv6]:PORT`.
public struct ListenAddress: Equatable, Sendable, CustomStringConvertible {
  public var host: String
  public var port: Int

  /// The address `serve` listens on when none is given: this machine only.
  public static let standard = ListenAddress(host: "127.0.0.1", port: 9469)

  public static let expected = "HOST:PORT, such as 127.0.0.1:9469, 0.0.0.0:9469 or [::1]:9469"

  public init(host: String, port: Int) {
    self.host = host
    self.port = port
  }

  /// Nil when `text` is not `HOST:PORT` with a port from 1 to 65535.
  public init?(parsing text: String) {
    let host: Substring
    let port: Substring
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
      host = text[text.index(after: text.startIndex)..<close]
      port = text[text.index(close, offsetBy: 2)...]
    } else {
      guard let colon = text.lastIndex(of: ":") else { return nil }
      host = text[..<colon]
      port = text[text.index(after: colon)...]
      if host.contains(":") { return nil }
    }
    guard !host.isEmpty, !host.contains(where: \.isWhitespace), port.allSatisfy({ $0.isASCII && $0.isNumber }),
      let number = Int(port), (1...65_535).contains(number)
    else { return nil }
    self.init(host: String(host), port: number)
  }

  /// Whether only this machine can connect: 127.0.0.0/8, ::1 or `localhost`.
  public var isLoopback: Bool {
    host == "localhost" || host == "::1" || host.hasPrefix("127.")
  }

  /// As given on the command line (an IPv6 address in brackets).
  public var description: String {
    host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
  }
}
