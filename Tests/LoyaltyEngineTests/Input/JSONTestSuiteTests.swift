import Foundation
import Testing
@testable import LoyaltyEngine
import RuleLanguage

/// Every file of Nicolas Seriot's JSONTestSuite (`test_parsing`), read from the shared
/// checkout beside the package rather than copied into the repository:
/// `y_*` must be accepted, `n_*` rejected, and `i_*` (implementation-defined) either way,
/// as long as nothing crashes or hangs.
@Suite("JSONReader: JSONTestSuite")
struct JSONTestSuiteTests {
    /// `<package root>/../shared/JSONTestSuite/test_parsing`, found from this file's path
    /// (`<root>/Tests/LoyaltyEngineTests/Input/JSONTestSuiteTests.swift`).
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Input
        .deletingLastPathComponent()  // LoyaltyEngineTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/JSONTestSuite/test_parsing")
        .standardizedFileURL

    /// Stands in for the file list when the folder is missing, so the test fails saying so
    /// instead of passing with no cases.
    static let missingSuite = "(JSONTestSuite folder missing)"

    static var fileNames: [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [missingSuite] }
        let tests = names.filter { $0.hasSuffix(".json") }.sorted()
        return tests.isEmpty ? [missingSuite] : tests
    }

    @Test(arguments: fileNames)
    func file(_ name: String) throws {
        guard name != Self.missingSuite else {
            Issue.record("""
                JSONTestSuite not found: expected its test_parsing folder at \(Self.directory.path) \
                (../shared/JSONTestSuite/test_parsing next to the package root)
                """)
            return
        }
        let bytes = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent(name)))
        let result = JSONReaderTesting.parse(bytes)
        switch name.prefix(2) {
        case "y_":
            #expect(result.jsonError == nil, "must be accepted")
        case "n_":
            #expect(result.jsonError != nil, "must be rejected, but read as \(JSONReaderTesting.outcome(result))")
        default:
            // Implementation-defined: either outcome would do, so reaching here without a
            // crash is the test. The table pins the choices made, so a change is deliberate.
            if let expected = Self.implementationDefined[name] {
                let actual = result.jsonError?.code.rawValue ?? "accepted"
                #expect(actual == expected)
            }
        }
    }

    /// The reader's choice for each `i_` file: numbers beyond `ExactDecimal` are accepted
    /// (as doubles, which the engine refuses as amounts later); lone surrogate escapes are
    /// invalid JSON; anything that is not UTF-8 (including UTF-16) is invalid UTF-8; a byte
    /// order mark is refused; 500 levels are past the depth limit.
    static let implementationDefined: [String: String] = [
        "i_number_double_huge_neg_exp.json": "accepted",
        "i_number_huge_exp.json": "accepted",
        "i_number_neg_int_huge_exp.json": "accepted",
        "i_number_pos_double_huge_exp.json": "accepted",
        "i_number_real_neg_overflow.json": "accepted",
        "i_number_real_pos_overflow.json": "accepted",
        "i_number_real_underflow.json": "accepted",
        "i_number_too_big_neg_int.json": "accepted",
        "i_number_too_big_pos_int.json": "accepted",
        "i_number_very_big_negative_int.json": "accepted",
        "i_object_key_lone_2nd_surrogate.json": "invalid-json",
        "i_string_1st_surrogate_but_2nd_missing.json": "invalid-json",
        "i_string_1st_valid_surrogate_2nd_invalid.json": "invalid-json",
        "i_string_incomplete_surrogate_and_escape_valid.json": "invalid-json",
        "i_string_incomplete_surrogate_pair.json": "invalid-json",
        "i_string_incomplete_surrogates_escape_valid.json": "invalid-json",
        "i_string_invalid_lonely_surrogate.json": "invalid-json",
        "i_string_invalid_surrogate.json": "invalid-json",
        "i_string_inverted_surrogates_U+1D11E.json": "invalid-json",
        "i_string_lone_second_surrogate.json": "invalid-json",
        "i_string_UTF-16LE_with_BOM.json": "invalid-utf8",
        "i_string_UTF-8_invalid_sequence.json": "invalid-utf8",
        "i_string_UTF8_surrogate_U+D800.json": "invalid-utf8",
        "i_string_invalid_utf-8.json": "invalid-utf8",
        "i_string_iso_latin_1.json": "invalid-utf8",
        "i_string_lone_utf8_continuation_byte.json": "invalid-utf8",
        "i_string_not_in_unicode_range.json": "invalid-utf8",
        "i_string_overlong_sequence_2_bytes.json": "invalid-utf8",
        "i_string_overlong_sequence_6_bytes.json": "invalid-utf8",
        "i_string_overlong_sequence_6_bytes_null.json": "invalid-utf8",
        "i_string_truncated-utf-8.json": "invalid-utf8",
        "i_string_utf16BE_no_BOM.json": "invalid-utf8",
        "i_string_utf16LE_no_BOM.json": "invalid-utf8",
        "i_structure_500_nested_arrays.json": "too-deep",
        "i_structure_UTF-8_BOM_empty_object.json": "invalid-json",
    ]

    @Test func suiteIsComplete() {
        // Guards against a partial checkout silently shrinking the test.
        let names = Self.fileNames
        #expect(names.filter { $0.hasPrefix("y_") }.count >= 90)
        #expect(names.filter { $0.hasPrefix("n_") }.count >= 180)
    }
}
