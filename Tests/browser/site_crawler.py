"""Walks a built site in a real browser from its home page and records what each page shows.

One visit per page gathers everything the tests assert on, so ~50 pages stay quick on two cores.
"""

import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from axe_core_python.selenium import Axe

WIDTHS = (1280, 390)
SCHEMES = ("light", "dark")
VIEWPORT_HEIGHT = 900

COLLECT = """
const visible = el => el.getClientRects().length > 0;
return {
  links: [...document.querySelectorAll('a[href]')].map(a => a.href),
  assets: [...document.querySelectorAll('link[href]')].map(l => l.href)
    .concat([...document.querySelectorAll('[src]')].map(e => e.src)),
  ids: [...document.querySelectorAll('[id]')].map(e => e.id),
  headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(visible)
    .map(h => [Number(h.tagName[1]), h.textContent.trim()]),
  resources: performance.getEntriesByType('resource').map(r => r.name),
  styled: getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() !== '',
};
"""

OVERFLOW = "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"

PRINT_HIDES_NAVIGATION = """
return [...document.querySelectorAll('.site-nav, .skip-link')]
  .every(el => getComputedStyle(el).display === 'none');
"""


class Site:
    """Where a built site is reached (`root_url`, ending in `/`) and which file each of its URLs designates."""

    def __init__(self, root_url: str, folder: Path, from_disk: bool):
        self.root_url = root_url
        self.folder = folder
        self.from_disk = from_disk

    def file_for(self, url: str) -> str | None:
        """The path below the site that `url` designates (`actors/italy/index.html`), or None outside the site."""
        url = urldefrag(url).url.split("?")[0]
        if not url.startswith(self.root_url):
            return None
        relative = unquote(url[len(self.root_url):])
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        return relative

    def url_for(self, path: str) -> str:
        """The address to open for a file: the folder's URL over HTTP, the file itself from disk."""
        if not self.from_disk and (path == "index.html" or path.endswith("/index.html")):
            path = path[: -len("index.html")]
        return self.root_url + path

    def resolves(self, url: str) -> bool:
        """Whether an internal URL leads to a file: on disk, and over HTTP with status 200."""
        path = self.file_for(url)
        if path is None or not (self.folder / path).is_file():
            return False
        if self.from_disk:
            return True
        request = urllib.request.Request(urldefrag(url).url, method="HEAD")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status == 200
        except urllib.error.URLError:
            return False


@dataclass
class Page:
    """What one page showed in the browser."""

    path: str
    url: str
    console_errors: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    headings: list[tuple[int, str]] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    styled: bool = False
    overflow: dict[int, tuple[int, int]] = field(default_factory=dict)
    violations: dict[str, list[dict]] = field(default_factory=dict)
    print_hides_navigation: bool = False


def set_width(driver, width: int):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": VIEWPORT_HEIGHT, "deviceScaleFactor": 1, "mobile": False})


def set_media(driver, media: str = "", scheme: str = "light"):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def visit(driver, site: Site, path: str, axe: Axe) -> Page:
    page = Page(path=path, url=site.url_for(path))
    set_width(driver, WIDTHS[0])
    set_media(driver)
    driver.get_log("browser")  # drop whatever an earlier page left
    driver.get(page.url)
    facts = driver.execute_script(COLLECT)
    page.console_errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    page.links, page.assets, page.resources = facts["links"], facts["assets"], facts["resources"]
    page.ids = set(facts["ids"])
    page.headings = [tuple(h) for h in facts["headings"]]
    page.styled = facts["styled"]
    for scheme in SCHEMES:
        set_media(driver, scheme=scheme)
        page.violations[scheme] = axe.run(driver)["violations"]
    set_media(driver)
    for width in WIDTHS:
        set_width(driver, width)
        page.overflow[width] = tuple(driver.execute_script(OVERFLOW))
    set_media(driver, media="print")
    page.print_hides_navigation = driver.execute_script(PRINT_HIDES_NAVIGATION)
    set_media(driver)
    return page


def crawl(driver, site: Site) -> dict[str, Page]:
    """Visits the home page, then every HTML page reachable by links, once each; keyed by path below the site."""
    axe = Axe()
    pages: dict[str, Page] = {}
    queue = ["index.html"]
    while queue:
        path = queue.pop(0)
        if path in pages:
            continue
        page = pages[path] = visit(driver, site, path, axe)
        for link in page.links:
            target = site.file_for(link)
            if target and target.endswith(".html") and target not in pages and (site.folder / target).is_file():
                queue.append(target)
    set_width(driver, WIDTHS[0])
    return pages


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
