import DossierCore
import Foundation

/// How the commands print: diagnostics to standard error, coloured on a terminal unless NO_COLOR is set.
enum Terminal {
    static var colorsStandardError: Bool {
        isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static var colorsStandardOutput: Bool {
        isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic], format: DiagnosticFormat = .text) {
        guard !diagnostics.isEmpty || format == .json else { return }
        let text = format.render(diagnostics, color: format == .text && colorsStandardError)
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func seconds(_ s: Double) -> String {
        s < 1 ? "\(Int((s * 1000).rounded())) ms" : String(format: "%.2f s", s)
    }

    static func count(_ n: Int, _ word: String) -> String {
        "\(n) \(word)\(n == 1 ? "" : "s")"
    }
}
