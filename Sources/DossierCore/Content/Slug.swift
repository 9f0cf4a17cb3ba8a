/// Slugs: lowercase ASCII letters, digits and single hyphens, e.g. `giorgia-meloni`.
public enum Slug {
    public static func isValid(_ s: String) -> Bool {
        guard let first = s.utf8.first, let last = s.utf8.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else {
            return false
        }
        var previousHyphen = false
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousHyphen = false
            case UInt8(ascii: "-"):
                if previousHyphen { return false }
                previousHyphen = true
            default:
                return false
            }
        }
        return true
    }

    /// The valid slug closest to `s`: lowercased, accents dropped, other characters turned into single hyphens.
    public static func corrected(_ s: String) -> String {
        var out = ""
        var pendingHyphen = false
        let folded = s.applyingTransformIfAvailable()
        for scalar in folded.unicodeScalars {
            let c = Character(scalar).lowercased()
            if c.count == 1, let ch = c.unicodeScalars.first, ch.isASCII,
               ("a"..."z").contains(Character(ch)) || ("0"..."9").contains(Character(ch)) {
                if pendingHyphen && !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.unicodeScalars.append(ch)
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "untitled" : out
    }
}

import Foundation

extension String {
    /// Strips diacritics (`é` → `e`) so that corrected slugs stay readable.
    fileprivate func applyingTransformIfAvailable() -> String {
        folding(options: [.diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }
}
