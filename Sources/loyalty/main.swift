import LoyaltyCLI

#if canImport(Glibc)
import Glibc
#endif

exit(LoyaltyCLI.main(arguments: Array(CommandLine.arguments.dropFirst()), streams: .process()).rawValue)
