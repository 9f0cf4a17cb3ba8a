import DossierCore
import Foundation

/// Notices changes below some folders by comparing each file's modification time and size between scans.
///
/// Polling is portable and, with `readdir` and `stat`, cheap: a few milliseconds for a thousand files.
/// Dotfiles and dot-folders are ignored, as the build ignores them (editors' swap files live there).
struct ContentWatcher: Sendable {
    let folders: [String]

    /// Every file below the folders, by path.
    func scan() -> [String: FileStamp] {
        var out: [String: FileStamp] = [:]
        for folder in folders { walk(folder.hasSuffix("/") ? String(folder.dropLast()) : folder, into: &out) }
        return out
    }

    /// The paths added, removed or modified between two scans, sorted.
    static func changes(from old: [String: FileStamp], to new: [String: FileStamp]) -> [String] {
        var changed: [String] = []
        for (path, stamp) in new where old[path] != stamp { changed.append(path) }
        for path in old.keys where new[path] == nil { changed.append(path) }
        return changed.sorted()
    }

    private func walk(_ folder: String, into out: inout [String: FileStamp]) {
        for (name, isFolder) in FileTree.entries(of: folder) ?? [] where !name.hasPrefix(".") {
            let path = folder + "/" + name
            if isFolder {
                walk(path, into: &out)
            } else if let stamp = FileStamp(path: path) {
                out[path] = stamp
            }
        }
    }
}
