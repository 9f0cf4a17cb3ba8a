@testable import DossierCore
import XCTest

/// The expected outputs are swift-mustache 2.1.1's for the same templates and values: the engine replaced it and
/// must render templates written for it byte for byte the same.
final class TemplateEngineTests: XCTestCase {
    private func render(_ template: String, _ context: [String: Any], partials: [String: String] = [:]) throws -> String {
        var library = ["page": try TemplateParser.parse(template)]
        for (name, text) in partials { library[name] = try TemplateParser.parse(text) }
        var renderer = TemplateRenderer(library: library)
        renderer.render("page", TemplateObject(any: context))
        return String(decoding: renderer.output, as: UTF8.self)
    }

    func testDoubleMustachesEscapeHTMLAndTripleMustachesDoNot() throws {
        XCTAssertEqual(try render("{{a}}|{{{a}}}|{{&a}}", ["a": "<b>&\"'"]), "&lt;b&gt;&amp;&quot;&#39;|<b>&\"'|<b>&\"'")
    }

    func testStandaloneSectionTagsLeaveNoBlankLines() throws {
        XCTAssertEqual(try render("<ul>\n{{#list}}\n<li>{{.}}</li>\n{{/list}}\n</ul>\n", ["list": ["a", "b"]]),
                       "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n")
    }

    func testAnEmptyStringAndZeroAreTruthy() throws {
        XCTAssertEqual(try render("{{#s}}yes{{/s}}{{#n}}yes{{/n}}{{^s}}no{{/s}}", ["s": "", "n": 0]), "yesyes")
    }

    func testOnlyAMissingValueFalseAndAnEmptyListAreFalsy() throws {
        XCTAssertEqual(try render("{{^missing}}1{{/missing}}{{^f}}2{{/f}}{{^e}}3{{/e}}{{#f}}x{{/f}}{{#e}}x{{/e}}",
                                  ["f": false, "e": [String]()]), "123")
    }

    func testListItemsKnowTheirPosition() throws {
        let template = "{{#list}}{{#first()}}[{{/first()}}{{index()}}={{.}}{{^last()}}, {{/last()}}{{#last()}}]{{/last()}}{{/list}}"
        XCTAssertEqual(try render(template, ["list": ["a", "b", "c"]]), "[0=a, 1=b, 2=c]")
    }

    func testTransformsApplyToTextsNumbersAndLists() throws {
        let template = "{{count(list)}} {{uppercased(s)}} {{plusone(n)}} {{#empty(e)}}none{{/empty(e)}} {{#odd(n)}}odd{{/odd(n)}} {{reversed(s)}}"
        XCTAssertEqual(try render(template, ["list": ["a", "b"], "s": "ab", "n": 2, "e": [String]()]), "2 AB 3 none  ba")
    }

    func testNamesClimbTheContextStackUnlessTheyStartWithADot() throws {
        XCTAssertEqual(try render("{{#o}}{{a}}/{{b}}/{{o.b}}/{{.b}}/{{.a}}{{/o}}", ["a": "outer", "o": ["b": "inner"]]),
                       "outer/inner/inner/inner/")
    }

    func testAPageReplacesTheBlocksOfTheLayoutItInherits() throws {
        let layout = "<main>\n{{$content}}default{{/content}}\n</main>\n<footer>{{$footer}}end{{/footer}}</footer>\n"
        XCTAssertEqual(try render("{{<layout}}\n{{$content}}\n<p>{{title}}</p>\n{{/content}}\n{{/layout}}\n", ["title": "T"],
                                  partials: ["layout": layout]),
                       "<main>\n<p>T</p>\n\n</main>\n<footer>end</footer>\n")
    }

    func testAStandalonePartialIndentsEveryLine() throws {
        XCTAssertEqual(try render("<div>\n  {{>p}}\n</div>\n", ["x": "X"], partials: ["p": "a\n{{x}}\nb\n"]),
                       "<div>\n  a\n  X\n  b\n</div>\n")
    }

    func testTheTextContentTypeTurnsEscapingOff() throws {
        XCTAssertEqual(try render("{{% CONTENT_TYPE: TEXT}}{{a}}", ["a": "<&>"]), "<&>")
    }

    func testDelimitersCanBeChangedAndCommentsRenderNothing() throws {
        XCTAssertEqual(try render("{{=<% %>=}}<%a%><%! c %>{{a}}", ["a": "A"]), "A{{a}}")
    }

    func testFlagsKeepTheContextAndValuesPrintAsText() throws {
        XCTAssertEqual(try render("{{#flag}}{{#list}}{{.}}{{/list}}{{/flag}} {{flag}} {{n}}", ["flag": true, "list": ["x"], "n": -4]),
                       "x true -4")
    }

    func testALazyListRendersLikeAListAndABigPageFlushesBetweenItsItems() throws {
        let library = ["page": try TemplateParser.parse("<ul>\n{{#rows}}\n<li>{{n}}{{^last()}},{{/last()}}</li>\n{{/rows}}\n</ul>\n")]
        func render(_ rows: TemplateValue, flushLimit: Int?) -> (String, Int) {
            var renderer = TemplateRenderer(library: library)
            var flushed: [UInt8] = [], flushes = 0
            if let flushLimit {
                renderer.flushLimit = flushLimit
                renderer.flush = { output in
                    flushed += output
                    output.removeAll()
                    flushes += 1
                }
            }
            renderer.render("page", ["rows": rows])
            return (String(decoding: flushed + renderer.output, as: UTF8.self), flushes)
        }
        let objects = (0..<5).map { ["n": $0] as TemplateObject }
        let eager = render(.objects(objects), flushLimit: nil)
        let lazy = render(.lazyObjects(count: 5) { objects[$0] }, flushLimit: 10)
        XCTAssertEqual(eager.0, "<ul>\n<li>0,</li>\n<li>1,</li>\n<li>2,</li>\n<li>3,</li>\n<li>4</li>\n</ul>\n")
        XCTAssertEqual(lazy.0, eager.0)
        XCTAssertGreaterThan(lazy.1, 0)
    }

    func testParseErrorsCarryTheLineAndColumn() {
        for (template, line, column, kind) in [("line\n{{#a}}\n", 3, 1, TemplateParseError.Kind.expectedSectionEnd),
                                               ("x {{a", 1, 6, .unexpectedEnd),
                                               ("{{#a}}\n{{/b}}", 2, 4, .sectionCloseNameIncorrect),
                                               ("a\n  {{> }}{{%X:Y}}", 2, 17, .unrecognisedConfigVariable)] {
            XCTAssertThrowsError(try TemplateParser.parse(template), template) { error in
                let error = error as! TemplateParseError
                XCTAssertEqual([error.line, error.column], [line, column], template)
                XCTAssertEqual(error.kind, kind, template)
            }
        }
    }
}
