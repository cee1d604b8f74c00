@testable import LoyaltyEngine
import Foundation
import Testing

/// Files on disk: atomic replacement, missing files, unwritable places.
@Suite struct StateStoreTests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "loyalty-state-store-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    @Test func aMissingFileIsAFirstRun() throws {
        #expect(try StateStore.load(from: directory + "/none.state") == nil)
    }

    @Test func savingReplacesTheFileAndLeavesNoTemporaryFile() throws {
        let path = directory + "/members.state"
        let engine = try StateFixture.makeEngine()
        StateFixture.feed(engine, StateFixture.lines.prefix(200))
        try StateStore.save(engine.makeStateSnapshot(), to: path)
        let first = try #require(try StateStore.load(from: path))
        StateFixture.feed(engine, StateFixture.lines.dropFirst(200))
        try StateStore.save(engine.makeStateSnapshot(), to: path)
        let second = try #require(try StateStore.load(from: path))
        #expect(first.seenCount < second.seenCount)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["members.state"])
    }

    @Test func aLeftoverTemporaryFileDoesNotMatter() throws {
        let path = directory + "/members.state"
        _ = FileManager.default.createFile(atPath: path + ".tmp", contents: Data("torn".utf8))
        try StateStore.save(try StateFixture.makeEngine().makeStateSnapshot(), to: path)
        #expect(try StateStore.load(from: path)?.memberCount == 0)
    }

    @Test func unreadableAndUnwritablePlacesAreReported() throws {
        let load = try #require(throws: StateError.self) { try StateStore.load(from: directory) }
        #expect(load.message.contains(directory))
        let save = try #require(throws: StateError.self) {
            try StateStore.save(try StateFixture.makeEngine().makeStateSnapshot(), to: directory + "/missing/members.state")
        }
        #expect(save.message.hasPrefix("cannot create '\(directory)/missing/members.state.tmp'"))
    }

    @Test func anEmptyFileOnDiskIsRefused() throws {
        let path = directory + "/empty.state"
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        #expect(throws: StateError.empty) { try StateStore.load(from: path) }
    }
}
