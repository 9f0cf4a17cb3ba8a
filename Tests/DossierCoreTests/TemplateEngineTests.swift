@testable import DossierCore
import Testing

/// The expected outputs are swift-mustache 2.1.1's for the same templates and values: the engine replaced it and
/// must render templates written for it byte for byte the same.
@Suite struct TemplateEngineTests {
    private func render(_ template: String, _ context: [String: Any], partials: [String: String] = [:]) throws -> String {
        var library = ["page": try TemplateParser.parse(template)]
        for (name, text) in partials { library[name] = try TemplateParser.parse(text) }
        var renderer = TemplateRenderer(library: library)
        renderer.render("page", TemplateObject(any: context))
        return String(decoding: renderer.output, as: UTF8.self)
    }

    @Test func doubleMustachesEscapeHTMLAndTripleMustachesDoNot() throws {
        #expect(try render("{{a}}|{{{a}}}|{{&a}}", ["a": "<b>&\"'"]) == "&lt;b&gt;&amp;&quot;&#39;|<b>&\"'|<b>&\"'")
    }

    @Test func checkedTextIsWrittenAsItIsOnlyWhenEscapingWouldNotChangeIt() throws {
        let library = ["page": try TemplateParser.parse("{{a}}|{{{a}}}|{{b}}|{{{b}}}|{{#a}}{{.}}{{/a}}|{{lowercased(b)}}")]
        for (a, b) in [("Tom & Jerry's <b>", "A plain title, long enough to span words"), ("\"q\"", "Zelensky — Київ")] {
            let checked: TemplateObject = ["a": .checked(a), "b": .checked(b)]
            let plain: TemplateObject = ["a": .text(a), "b": .text(b)]
            var one = TemplateRenderer(library: library), two = TemplateRenderer(library: library)
            one.render("page", checked)
            two.render("page", plain)
            #expect(one.output == two.output)
        }
        if case .safeText = TemplateValue.checked("plain words, no markup") {} else { Issue.record("plain text was not marked safe") }
        for special in ["<", ">", "&", "\"", "'", "a long run of plain bytes then <"] {
            if case .text = TemplateValue.checked(special) {} else { Issue.record("'\(special)' was marked safe") }
        }
    }

    @Test func feedsAndTheOverlayEscapeMarkupAsTheTemplatesDo() throws {
        let text = "Tom & Jerry's \"<b>\" — café, a long run of plain bytes <again>"
        #expect(try render("{{a}}", ["a": text]) == escapeMarkup(text))
        #expect(escapeMarkup(text) == "Tom &amp; Jerry&#39;s &quot;&lt;b&gt;&quot; — café, a long run of plain bytes &lt;again&gt;")
        #expect(escapeMarkup("plain text, nothing to escape") == "plain text, nothing to escape")
    }

    @Test func standaloneSectionTagsLeaveNoBlankLines() throws {
        #expect(try render("<ul>\n{{#list}}\n<li>{{.}}</li>\n{{/list}}\n</ul>\n", ["list": ["a", "b"]]) == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n")
    }

    @Test func anEmptyStringAndZeroAreTruthy() throws {
        #expect(try render("{{#s}}yes{{/s}}{{#n}}yes{{/n}}{{^s}}no{{/s}}", ["s": "", "n": 0]) == "yesyes")
    }

    @Test func onlyAMissingValueFalseAndAnEmptyListAreFalsy() throws {
        let template = "{{^missing}}1{{/missing}}{{^f}}2{{/f}}{{^e}}3{{/e}}{{#f}}x{{/f}}{{#e}}x{{/e}}"
        #expect(try render(template, ["f": false, "e": [String]()]) == "123")
    }

    @Test func listItemsKnowTheirPosition() throws {
        let template = "{{#list}}{{#first()}}[{{/first()}}{{index()}}={{.}}{{^last()}}, {{/last()}}{{#last()}}]{{/last()}}{{/list}}"
        #expect(try render(template, ["list": ["a", "b", "c"]]) == "[0=a, 1=b, 2=c]")
    }

    @Test func transformsApplyToTextsNumbersAndLists() throws {
        let template = "{{count(list)}} {{uppercased(s)}} {{plusone(n)}} {{#empty(e)}}none{{/empty(e)}} {{#odd(n)}}odd{{/odd(n)}} {{reversed(s)}}"
        #expect(try render(template, ["list": ["a", "b"], "s": "ab", "n": 2, "e": [String]()]) == "2 AB 3 none  ba")
    }

    @Test func namesClimbTheContextStackUnlessTheyStartWithADot() throws {
        #expect(try render("{{#o}}{{a}}/{{b}}/{{o.b}}/{{.b}}/{{.a}}{{/o}}", ["a": "outer", "o": ["b": "inner"]]) == "outer/inner/inner/inner/")
    }

    @Test func aPageReplacesTheBlocksOfTheLayoutItInherits() throws {
        let layout = "<main>\n{{$content}}default{{/content}}\n</main>\n<footer>{{$footer}}end{{/footer}}</footer>\n"
        #expect(try render("{{<layout}}\n{{$content}}\n<p>{{title}}</p>\n{{/content}}\n{{/layout}}\n", ["title": "T"],
                                  partials: ["layout": layout]) == "<main>\n<p>T</p>\n\n</main>\n<footer>end</footer>\n")
    }

    @Test func aStandalonePartialIndentsEveryLine() throws {
        #expect(try render("<div>\n  {{>p}}\n</div>\n", ["x": "X"], partials: ["p": "a\n{{x}}\nb\n"]) == "<div>\n  a\n  X\n  b\n</div>\n")
    }

    @Test func theTextContentTypeTurnsEscapingOff() throws {
        #expect(try render("{{% CONTENT_TYPE: TEXT}}{{a}}", ["a": "<&>"]) == "<&>")
    }

    @Test func delimitersCanBeChangedAndCommentsRenderNothing() throws {
        #expect(try render("{{=<% %>=}}<%a%><%! c %>{{a}}", ["a": "A"]) == "A{{a}}")
    }

    @Test func flagsKeepTheContextAndValuesPrintAsText() throws {
        #expect(try render("{{#flag}}{{#list}}{{.}}{{/list}}{{/flag}} {{flag}} {{n}}", ["flag": true, "list": ["x"], "n": -4]) == "x true -4")
    }

    @Test func aLazyListRendersLikeAListAndABigPageFlushesBetweenItsItems() throws {
        let library = ["page": try TemplateParser.parse("<ul>\n{{#rows}}\n<li>{{n}}{{^last()}},{{/last()}}</li>\n{{/rows}}\n</ul>\n")]
        func render(_ rows: TemplateValue, flushLimit: Int?) -> (String, Int) {
            var renderer = TemplateRenderer(library: library)
            var flushed: [UInt8] = [], flushes = 0
            if let flushLimit {
                renderer.flushLimit = flushLimit
                renderer.flush = { output in
                    flushed += output
                    flushes += 1
                }
            }
            renderer.render("page", ["rows": rows])
            return (String(decoding: flushed + renderer.output, as: UTF8.self), flushes)
        }
        let objects = (0..<5).map { ["n": .number($0)] as TemplateObject }
        let eager = render(.objects(objects), flushLimit: nil)
        let lazy = render(.lazyObjects(count: 5) { objects[$0] }, flushLimit: 10)
        #expect(eager.0 == "<ul>\n<li>0,</li>\n<li>1,</li>\n<li>2,</li>\n<li>3,</li>\n<li>4</li>\n</ul>\n")
        #expect(lazy.0 == eager.0)
        #expect(lazy.1 > 0)
    }

    @Test func aNameIsOneKeyWhereverItIsMadeAndKeysOfManyNamesStayApart() async {
        let names = (0..<200).map { "name\($0)" }
        // Made on several threads at once, as pages are built.
        let made = await withTaskGroup(of: [TemplateKey].self) { group in
            for _ in 0..<4 { group.addTask { names.map { TemplateKey($0) } } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        for keys in made { #expect(keys == made[0]) }
        #expect(Set(made[0]).count == names.count)
        #expect(made[0].map(\.name) == names)
        #expect(TemplateKey.href == TemplateKey("href"))
        // More names than bits in an object's summary: each is still found, and only its own value.
        var object = TemplateObject()
        for (i, key) in made[0].enumerated() { object[key] = .number(i) }
        for (i, name) in names.enumerated() {
            guard case .number(let n)? = object[TemplateKey(name)] else { Issue.record("\(name) is missing"); continue }
            #expect(n == i)
        }
        #expect(object["name200"] == nil)
    }

    @Test func objectsBuiltByAddingNamesMatchLiteralsAndUpdateKeepsANameGivenNil() {
        var added = TemplateObject(capacity: 3)
        added.add("a", .text("x"))
        added.add("b", nil)
        added.add("c", .number(2))
        let literal: TemplateObject = ["a": .text("x"), "b": nil, "c": .number(2)]
        #expect(added.fields.map(\.name) == literal.fields.map(\.name))
        #expect(added.fields.map(\.name) == ["a", "c"])
        var updated = added
        updated.update("a", nil)
        updated.update("c", .number(3))
        updated.update("d", .flag(true))
        #expect(updated.fields.map(\.name) == ["a", "c", "d"])
        guard case .number(3)? = updated["c"], case .text("x")? = updated["a"] else {
            Issue.record("update replaced the wrong values")
            return
        }
    }

    @Test func parseErrorsCarryTheLineAndColumn() throws {
        for (template, line, column, kind) in [("line\n{{#a}}\n", 3, 1, TemplateParseError.Kind.expectedSectionEnd),
                                               ("x {{a", 1, 6, .unexpectedEnd),
                                               ("{{#a}}\n{{/b}}", 2, 4, .sectionCloseNameIncorrect),
                                               ("a\n  {{> }}{{%X:Y}}", 2, 17, .unrecognisedConfigVariable)] {
            let error = try #require(throws: TemplateParseError.self, "\(template)") { try TemplateParser.parse(template) }
            #expect([error.line, error.column] == [line, column], "\(template)")
            #expect(error.kind == kind, "\(template)")
        }
    }
}
