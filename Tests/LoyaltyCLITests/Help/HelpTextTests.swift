@testable import LoyaltyCLI
import Testing

/// Help that teaches: every command documents itself, and the overview shows where to start.
@Suite struct HelpTextTests {
    @Test func everyCommandHasSummaryUsageOptionHelpAndExamples() {
        for command in LoyaltyCLI.commands {
            #expect(!command.summary.isEmpty, "\(command.name)")
            #expect(command.usage.hasPrefix("loyalty \(command.name)"), "\(command.name): usage")
            #expect(command.examples.count >= 2, "\(command.name): at least two examples")
            for example in command.examples {
                #expect(example.contains("loyalty \(command.name)"), "\(command.name): \(example)")
            }
            for option in command.options + command.arguments {
                #expect(!option.help.isEmpty, "\(command.name) \(option.name)")
            }
            let detail = CLITestSupport.run(["help", command.name])
            #expect(detail.status == .success)
            #expect(detail.output.contains("usage: \(command.usage)") && detail.output.contains("examples:"))
            #expect(CLITestSupport.run([command.name, "--help"]).output == detail.output)
        }
    }

    @Test func theOverviewListsCommandsAndHowToStart() {
        let outcome = CLITestSupport.run(["--help"])
        #expect(outcome.status == .success)
        for command in LoyaltyCLI.commands {
            #expect(outcome.output.contains("  \(command.name) "), "\(command.name)")
        }
        #expect(outcome.output.contains("getting started:\n  loyalty check --rules rules/"))
        #expect(outcome.output.contains("loyalty help packs") && outcome.output.contains("loyalty explain CODE"))
    }

    @Test func packsHasACheatSheet() {
        let outcome = CLITestSupport.run(["help", "packs"])
        #expect(outcome.status == .success)
        for word in ["pack ", "tiers ", "rule ", "award ", "expiring", "once", "member.spend"] {
            #expect(outcome.output.contains(word), "\(word)")
        }
    }

    @Test func unknownTopicsGetASuggestion() {
        let outcome = CLITestSupport.run(["help", "pakcs"])
        #expect(outcome.status == .usage)
        #expect(outcome.errors.contains("did you mean 'packs'?"))
    }

    @Test func argumentsAreDescribed() {
        let outcome = CLITestSupport.run(["help", "fmt"])
        #expect(outcome.output.contains("arguments:\n  PATH  a pack file or a directory of .rules files"))
    }
}
