import LoyaltyCLI

#if canImport(Glibc)
import Glibc
#endif

// SIGTERM/SIGINT stop a run gracefully and SIGHUP reloads its packs. A parent may have
// started us with them blocked (Foundation's `Process` hands its whole signal mask down):
// unblock them, or they would stay pending and the run would never stop or reload.
var handled = sigset_t()
sigemptyset(&handled)
for number in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&handled, number) }
pthread_sigmask(SIG_UNBLOCK, &handled, nil)

// A closed pipe (`loyalty run … | head`) ends output quietly instead of killing the process.
signal(SIGPIPE, SIG_IGN)
exit(LoyaltyCLI.main(arguments: Array(CommandLine.arguments.dropFirst()), streams: .process()).rawValue)
