import LoyaltyCLI

#if canImport(Glibc)
import Glibc
#endif

// A closed pipe (`loyalty run … | head`) ends output quietly instead of killing the process.
signal(SIGPIPE, SIG_IGN)
exit(LoyaltyCLI.main(arguments: Array(CommandLine.arguments.dropFirst()), streams: .process()).rawValue)
