import Foundation
@testable import LoyaltyCLI
import Testing

/// Every sample directory under samples/ is its own test: its events through its rules
/// must give exactly its expected decisions (and error lines). With UPDATE_GOLDEN=1 the
/// expected files are rewritten and the test FAILS, so a recording never passes by accident.
@Suite struct SamplesTests {
    static let samples: [String] = PackageRoot.withCurrentDirectory {
        SampleDirectory.find(under: ["samples"]).samples.map(\.path)
    }

    @Test func samplesExist() {
        #expect(Self.samples.count >= 7, "expected the sample directories under samples/")
    }

    @Test(arguments: samples)
    func sample(_ path: String) throws {
        let outcome = PackageRoot.withCurrentDirectory { GoldenRunner.run(SampleDirectory(path: path)) }
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try PackageRoot.withCurrentDirectory { try GoldenRunner.record(outcome) }
            Issue.record("recorded \(path): read the new expected files, then run again without UPDATE_GOLDEN")
            return
        }
        #expect(outcome.passed, "\(path):\n\(outcome.report)")
    }
}
