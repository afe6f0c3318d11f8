/// Reads one whole file of a kind from its bytes: `DataFileReader` in the app, a stand-in in tests.
/// `path` is relative to the data directory. A result with a `failure` keeps the last good contents.
public typealias WholeFileReading = @Sendable (_ kind: FileKind, _ bytes: [UInt8], _ path: String, _ context: ReadContext) -> FileContents

/// The readers of the data directory's CSV and TOML files.
public let dataFileWholeReading: WholeFileReading = { kind, bytes, path, context in
  DataFileReader.read(kind: kind, bytes: bytes, path: path, context: context)
}
