import Foundation

/// Writes files into a site folder that stays in use while it changes: each file is written beside its place and
/// renamed over it, so a reader sees the old file or the new one, never half of one.
struct InPlaceWriter: Sendable {
    let output: URL

    /// Refuses outputs that overlap the content or the templates, and folders that hold something else than a site.
    init(output: String, fresh: Bool, protecting inputs: [String]) throws {
        self.output = try SiteWriter.checkedOutput(output, protecting: inputs, replacing: fresh)
    }

    func write(_ relative: String, _ bytes: [UInt8]) throws {
        try replace(relative) { temporary in
            guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else {
                throw SiteWriter.WriteError.io("cannot write '\(relative)'")
            }
        }
    }

    func copy(from source: String, to relative: String) throws {
        try replace(relative) { temporary in
            do {
                try FileManager.default.copyItem(atPath: source, toPath: temporary.path)
            } catch {
                throw SiteWriter.WriteError.io("cannot copy '\(source)': \(error.localizedDescription)")
            }
        }
    }

    /// Removes a file and the folders it leaves empty.
    func remove(_ relative: String) throws {
        var url = output.appendingPathComponent(relative)
        try? FileManager.default.removeItem(at: url)
        url.deleteLastPathComponent()
        while url.path.hasPrefix(output.path + "/"), (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: url)
            url.deleteLastPathComponent()
        }
    }

    private func replace(_ relative: String, _ make: (URL) throws -> Void) throws {
        let target = output.appendingPathComponent(relative)
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).tmp-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw SiteWriter.WriteError.io("cannot create '\(folder.path)': \(error.localizedDescription)")
        }
        try make(temporary)
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw SiteWriter.WriteError.io("cannot write '\(relative)': \(reason)")
        }
    }
}
