import Foundation

/// A file's identity for change detection: its modification time and size.
public struct FileStamp: Hashable, Sendable {
    public var seconds: Int
    public var nanoseconds: Int
    public var size: Int

    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The stamp of a file whose `stat` is at hand.
    public init(_ info: stat) {
        #if canImport(Darwin)
        seconds = Int(info.st_mtimespec.tv_sec)
        nanoseconds = Int(info.st_mtimespec.tv_nsec)
        #else
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        #endif
        size = Int(info.st_size)
    }
}
