import Testing

@testable import ImtopCore

/// How `Store.assemble` takes the inventory from the systems files it read.
@Suite struct StoreAssemblyTests {
  static func records(_ ids: [String], file: String = "systems.csv") -> [SystemRecord] {
    ids.enumerated().map { SystemRecord(id: $1, location: SourceLocation(file: file, line: $0 + 2)) }
  }

  static func address(_ records: [SystemRecord]) -> UnsafeRawPointer? {
    records.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
  }

  /// A systems file without a duplicate id is the inventory as read: the same storage, not a copy
  /// of every record for as long as the dashboard runs.
  @Test func aSystemsFileWithoutDuplicatesIsKeptAsRead() {
    let read = Self.records(["erp", "crm", "hr"])
    let assembly = Store.assemble(configuration: Configuration(), contents: [FileContents(path: "systems.csv", records: .systems(read))])
    #expect(assembly.systems.map(\.id) == ["erp", "crm", "hr"])
    #expect(Self.address(assembly.systems) == Self.address(read))
    #expect(assembly.duplicateRows.isEmpty)
  }

  /// A duplicate id keeps the first definition, and every other record in order, wherever the
  /// duplicate falls.
  @Test func duplicatesKeepTheFirstDefinitionWhereverTheyFall() {
    let cases: [(ids: [String], kept: [String], duplicates: Int)] = [
      (["erp", "erp"], ["erp"], 1),
      (["erp", "crm", "erp", "hr"], ["erp", "crm", "hr"], 1),
      (["erp", "crm", "hr", "crm", "erp"], ["erp", "crm", "hr"], 2),
    ]
    for (ids, kept, duplicates) in cases {
      let read = Self.records(ids)
      let assembly = Store.assemble(configuration: Configuration(), contents: [FileContents(path: "systems.csv", records: .systems(read))])
      #expect(assembly.systems.map(\.id) == kept)
      #expect(assembly.systems.map(\.location.line) == kept.map { id in ids.firstIndex(of: id)! + 2 })
      #expect(assembly.duplicateRows["systems.csv"] == duplicates)
      #expect(assembly.issues.filter { $0.message.hasPrefix("duplicate system id") }.count == duplicates)
    }
  }
}
