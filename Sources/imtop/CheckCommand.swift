import ArgumentParser
import Foundation
import ImtopCore

/// `imtop check [DIR]`: validates every file of a data directory and prints each problem.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate every file of a data directory and the configuration.",
    discussion: """
      Prints each file with the records it read and rejected, then every problem as file:line: message.
      Exits 0 when there is none, 1 otherwise, and 2 when DIR is not a data directory.
      """
  )

  @Argument(help: "The data directory (default: $IMTOP_DATA, else the current folder).")
  var directory: String?

  func run() throws {
    let path = directory ?? ProcessInfo.processInfo.environment["IMTOP_DATA"] ?? "."
    let report = CheckReport.check(directory: URL(fileURLWithPath: path), shownPath: path)
    if report.exitStatus == 2 {
      FileHandle.standardError.write(Data(report.text.utf8))
    } else {
      print(report.text, terminator: "")
    }
    if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
  }
}
