/// The process exit codes, decided in one place (SPEC §2): 0 success, 1 rule errors or
/// failed tests, 2 usage errors.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case failure = 1
    case usage = 2
}
