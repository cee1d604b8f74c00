import Foundation

/// The package root, found from this file's path, so tests see `rules/` and `samples/`
/// however `swift test` was started.
enum PackageRoot {
    static let path: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    /// Runs `body` with the package root as the working directory (samples use relative paths).
    static func withCurrentDirectory<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        return try body()
    }

    private static let lock = NSLock()
}
