import Yams

/// Turns a Yams error into a diagnostic at its line in the file, in plain words where libyaml's are cryptic.
enum YAMLErrors {
    static func report(_ error: Error, in bag: DiagnosticBag, lineOffset: Int) {
        guard let yamlError = error as? YamlError else {
            bag.error("invalid YAML: \(error)", line: lineOffset + 1)
            return
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, let yaml),
             .parser(let context, let problem, let mark, let yaml),
             .composer(let context, let problem, let mark, let yaml):
            // An unclosed quote is only noticed at the end of the front matter: point at where it opened.
            let at = problem == "found unexpected end of stream" && context?.text.contains("quoted scalar") == true
                ? context!.mark : mark
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            let before = at.line >= 1 && at.line <= lines.count ? String(lines[at.line - 1].prefix(max(0, at.column - 1))) : ""
            let (message, hint) = plain(problem, context: context?.text, before: before)
            bag.error(message, line: at.line + lineOffset, column: at.column, hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            bag.error("duplicate field \(duplicates.map { "'\($0)'" }.joined(separator: ", "))",
                      line: context.mark.line + lineOffset, column: context.mark.column,
                      hint: "each field may appear once")
        case .reader(let problem, _, _, _):
            bag.error("invalid YAML: \(problem)", line: lineOffset + 1)
        default:
            bag.error("invalid YAML: \(yamlError)", line: lineOffset + 1)
        }
    }

    /// libyaml's problem text rewritten for editors, with a hint on how to fix it.
    /// `before` is the text of the line before the problem, which tells some problems apart.
    static func plain(_ problem: String, context: String?, before: String = "") -> (String, String?) {
        let trimmed = before.trimmingCharacters(in: .whitespaces)
        if problem == "did not find expected key", trimmed.hasSuffix("\"") || trimmed.hasSuffix("'") {
            return ("text after the closing quote of a value", "put the whole value inside the quotes")
        }
        switch problem {
        case "mapping values are not allowed in this context":
            return ("a ':' followed by a space inside a value", "put the value in quotes: key: \"text: more text\"")
        case "could not find expected ':'":
            return ("a line that is not 'key: value'", "add the missing ':' or close the quote opened above")
        case "found character that cannot start any token":
            return ("a value starts with a character YAML reserves (such as @, ` or a tab)", "put the value in quotes")
        case "did not find expected key":
            return ("a line out of place: its indentation does not match the lines around it",
                    "line fields up under each other; list items start with '- '")
        case "did not find expected '-' indicator":
            return ("list items do not line up", "start every item of a list with '- ' at the same indentation")
        case "found unexpected end of stream":
            return ("a quote opened here is never closed", "close the quote at the end of the value")
        case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
            return ("a tab used for indentation", "indent with spaces")
        case "found undefined tag handle":
            return ("a value starts with '!'", "put the value in quotes")
        case "did not find expected node content":
            return ("a value is missing", "write a value after the ':' or remove the line")
        case "found unknown escape character":
            return ("an unknown backslash escape inside double quotes", "write \\\\ for a backslash, or use single quotes")
        default:
            let what = context.map { "\(problem) \($0)" } ?? problem
            return ("invalid YAML: \(what)", nil)
        }
    }
}
