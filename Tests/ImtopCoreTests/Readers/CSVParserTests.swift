import Testing

@testable import ImtopCore

@Suite struct CSVParserTests {
  private func parse(_ text: String) throws -> CSVDocument {
    try CSVParser.parse(Array(text.utf8))
  }

  private func records(_ document: CSVDocument) -> [CSVRecord] {
    document.entries.compactMap { if case .record(let record) = $0 { return record } else { return nil } }
  }

  @Test func byteOrderMarkIsSkipped() throws {
    let document = try CSVParser.parse([0xEF, 0xBB, 0xBF] + Array("id,name\nerp,ERP\n".utf8))
    #expect(document.header?.fields == ["id", "name"])
    #expect(records(document) == [CSVRecord(fields: ["erp", "ERP"], line: 2)])
  }

  @Test func crlfAndLoneCREndRecords() throws {
    let document = try parse("a,b\r\n1,2\r3,4\n5,6")
    // Lines: header 1, "1,2" 2 (CRLF), "3,4" 3 (lone CR), "5,6" 4 (no final newline).
    #expect(records(document) == [
      CSVRecord(fields: ["1", "2"], line: 2), CSVRecord(fields: ["3", "4"], line: 3), CSVRecord(fields: ["5", "6"], line: 4),
    ])
  }

  @Test func quotedFieldsKeepCommasQuotesAndNewlines() throws {
    let document = try parse("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,1,2\n")
    #expect(records(document) == [
      CSVRecord(fields: ["x, y", "say \"hi\"", "two\nlines"], line: 2),
      // The quoted line break moved the next record to line 4.
      CSVRecord(fields: ["next", "1", "2"], line: 4),
    ])
  }

  @Test func blankLinesAreIgnoredButCounted() throws {
    let document = try parse("a,b\n\n1,2\n   \n,\n3,4\n\n")
    #expect(records(document) == [CSVRecord(fields: ["1", "2"], line: 3), CSVRecord(fields: ["3", "4"], line: 6)])
  }

  @Test func quotedEmptyFieldsAreNotBlank() throws {
    let document = try parse("a,b\n\"\",\"\"\n")
    #expect(records(document) == [CSVRecord(fields: ["", ""], line: 2)])
  }

  @Test func separatorIsTheMostFrequentInTheHeaderOutsideQuotes() throws {
    #expect(try parse("a;b;c\n1;2,5;3\n").separator == UInt8(ascii: ";"))
    #expect(try parse("a\tb\tc\n1\t2\t3\n").separator == UInt8(ascii: "\t"))
    // Two commas inside the quoted header name do not count: one `;` wins over zero commas.
    #expect(try parse("\"a,b,c\";d\n1;2\n").separator == UInt8(ascii: ";"))
    // A tie, and a one-column file, fall back to a comma.
    #expect(try parse("a,b;c\n").separator == UInt8(ascii: ","))
    #expect(try parse("id\nerp\n").separator == UInt8(ascii: ","))
  }

  @Test func semicolonFileKeepsCommasInFields() throws {
    let document = try parse("period;planned\n2026-04;12.500,00\n")
    #expect(records(document) == [CSVRecord(fields: ["2026-04", "12.500,00"], line: 2)])
  }

  @Test func spacesAroundQuotedFieldsAreTolerated() throws {
    let document = try parse("a,b\n1, \"x, y\" \n")
    #expect(records(document) == [CSVRecord(fields: ["1", "x, y"], line: 2)])
  }

  /// A file cut off while being written (an export caught mid-write) is not used at all, not even
  /// the rows before the cut, which may be the first rows of a longer file: it ends inside quotes,
  /// or its last line has no end of line and fewer fields than the header. Read as a short row, the
  /// rows before it passed for the whole file (a budget of €2.77M read as €60k with one bad-row
  /// warning).
  @Test(arguments: [
    ("a,b\n1,2\n3,\"open\n4,5\n", 3,
     "the file ends inside a quoted field that opens on line 3: expected a closing \" (a file cut off while being written?)"),
    ("a,b,c\n1,2,3\n4,5", 3,
     "the file ends in the middle of line 3, which has 2 of the header's 3 fields and no end of line: expected the rest of the row, or a line end after it if the row is whole (a file cut off while being written?)"),
  ])
  func aFileCutOffIsRejectedWhole(text: String, line: Int, message: String) throws {
    #expect(throws: CSVFileError(message: message, line: line)) { try CSVParser.parse(Array(text.utf8)) }
  }

  /// Without the final line break a whole last row is read; a short row that ends its line is a
  /// row's problem, for the reader to report, not a cut file.
  @Test func aWholeLastRowWithoutLineEndAndAShortRowWithOneAreRead() throws {
    #expect(records(try parse("a,b,c\n1,2,3\n4,5,6")).map(\.fields) == [["1", "2", "3"], ["4", "5", "6"]])
    #expect(records(try parse("a,b,c\n1,2,3\n4,5\n")).map(\.fields) == [["1", "2", "3"], ["4", "5"]])
    #expect(records(try parse("a,b,c\r\n4,5\r")).map(\.fields) == [["4", "5"]])
    // A short row that ends its line, then a spreadsheet's blank row or spaces without one.
    #expect(records(try parse("a,b,c\n1,2\n,,")).map(\.fields) == [["1", "2"]])
    #expect(records(try parse("a,b,c\n1,2\n   ")).map(\.fields) == [["1", "2"]])
    // Short only of a column the header leaves unnamed.
    #expect(records(try parse("a,b,c,\n1,2,3")).map(\.fields) == [["1", "2", "3"]])
  }

  @Test func textAfterClosingQuoteIsAnErrorAndTheNextRecordsSurvive() throws {
    let document = try parse("a,b\n\"ab\"cd,1\n2,3\n")
    #expect(document.entries == [
      .malformed(
        line: 2,
        message: "text \"cd\" after the closing quote of field 1: expected a separator or the end of the line (a quote inside a quoted field is written \"\")"),
      .record(CSVRecord(fields: ["2", "3"], line: 3)),
    ])
  }

  @Test func quoteInsideUnquotedFieldIsText() throws {
    let document = try parse("a,b\n37'37.8\"N,x\n")
    #expect(records(document) == [CSVRecord(fields: ["37'37.8\"N", "x"], line: 2)])
  }

  @Test func notUTF8IsAWholeFileError() {
    // "id\nM\xFCnchen\n": a Latin-1 ü on line 2.
    let bytes: [UInt8] = Array("id\nM".utf8) + [0xFC] + Array("nchen\n".utf8)
    #expect(throws: CSVFileError(message: "not UTF-8 text (byte 0xFC on line 2): save the file as UTF-8", line: 2)) {
      try CSVParser.parse(bytes)
    }
  }

  @Test func utf16IsNamed() {
    // "id" in UTF-16 little-endian with its byte-order mark.
    #expect(throws: CSVFileError(message: "UTF-16 text, not UTF-8: save the file as UTF-8", line: 1)) {
      try CSVParser.parse([0xFF, 0xFE, 0x69, 0x00, 0x64, 0x00])
    }
  }

  @Test func emptyFileHasNoHeader() throws {
    let document = try parse("")
    #expect(document.header == nil)
    #expect(document.entries.isEmpty)
  }
}
