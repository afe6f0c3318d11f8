import ImtopTestSupport
import Testing

@testable import ImtopCore

/// A snapshot's figures refer to each system's record in the inventory rather than copy it
/// (`RecordReference`); they still behave as values.
@Suite struct RecordReferenceTests {
  static let records = [
    SystemRecord(id: "erp", name: "ERP suite", category: "ERP", owner: "Finance"),
    SystemRecord(id: "crm", name: "Customer relations", category: "CRM", owner: "Sales", sla: 99.5),
  ]

  @Test func aSnapshotsFiguresReferToTheInventoryAsRead() {
    let input = TestOrganisation(systems: Self.records).engineInput(at: marchFirst)
    let snapshot = MetricEngine().snapshot(of: input, at: marchFirst)
    #expect(snapshot.systems.map(\.record) == Self.records)
    // The inventory's own array, not a copy of each record.
    let inventory = input.systems.withUnsafeBufferPointer { $0.baseAddress }
    for system in snapshot.systems {
      #expect(system.reference.shared.records.withUnsafeBufferPointer { $0.baseAddress } == inventory)
    }
  }

  @Test func figuresMadeByHandEqualTheEnginesWhenTheirRecordsAreEqual() {
    let input = TestOrganisation(systems: Self.records).engineInput(at: marchFirst)
    let computed = MetricEngine().snapshot(of: input, at: marchFirst).systems[0]
    var byHand = computed
    byHand.record = Self.records[0]
    #expect(byHand == computed)
    #expect(byHand.hashValue == computed.hashValue)
    byHand.record.owner = "Operations"
    #expect(byHand != computed)
    #expect(computed.record.owner == "Finance")
    #expect(byHand.record.owner == "Operations")
  }
}
