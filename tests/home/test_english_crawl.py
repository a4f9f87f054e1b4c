"""Every page a visitor reaches from /en/ is in English: a crawl of the seeded demo.

Proper names stay Polish (organisations, places, people, the MMES competition's
Polish name), so the test looks for words that only Polish *interface* or
untranslated content would show, not for Polish letters.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

# Whole words (case-insensitive) that must never reach an English reader.
POLISH_ONLY = [
    "Aktualności",
    "Wydarzenia",
    "Wydarzenie",
    "Zgłoś",
    "Zgłoszenie",
    "Czytaj",
    "więcej",
    "Strona główna",
    "Szukaj",
    "Wyszukaj",
    "Wszystkie",
    "Kategoria",
    "Tagi",
    "Kontakt",
    "Telefon",
    "Przejdź",
    "Pobierz",
    "Zobacz",
    "Dowiedz się",
    "Informacje",
    "Deklaracja dostępności",
    "Polityka prywatności",
    "Wydział",
    "piętro",
    "pok.",
    "konkurs",
    "kampania",
    "samorządy",
    "szkolenia",
    "porady",
    "jarmark",
    "wizyty studyjne",
    "zakupy prospołeczne",
    "Forum Rzeczników",
    "gmina miejska",
    "gmina wiejska",
    "gmina miejsko-wiejska",
    "specjalista",
    "godz.",
    "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września",
    "października|listopada|grudnia",
    "poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela",
]
PATTERN = re.compile(
    r"(?<![\w])(" + "|".join(POLISH_ONLY) + r")(?![\w])", re.IGNORECASE
)
# Attributes a person reads or hears (tooltips, alternative text, labels).
READ_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder"}
SKIPPED_ELEMENTS = {"script", "style", "template"}
# Files and machine formats, not pages.
NOT_PAGES = re.compile(r"(\.(ics|xml|pdf|png|jpe?g|svg|webp)$)|/(feed|atom)/")
MAX_PAGES = 300


VOID_ELEMENTS = {"area", "br", "col", "hr", "img", "input", "link", "meta", "source"}


class VisibleText(HTMLParser):
    """Text nodes and read-aloud attributes of an HTML page, plus its links.

    Text inside an element marked ``lang="pl"`` is left out: that is what people
    wrote in Polish (an entry's description, the jury's justification, the postal
    address), declared as Polish for screen readers, not the site speaking.
    """

    def __init__(self):
        super().__init__()
        self.parts, self.links, self.skipping = [], [], 0
        self.polish_tag, self.polish_depth = None, 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_ELEMENTS:
            self.skipping += 1
        if self.polish_tag == tag:
            self.polish_depth += 1
        elif self.polish_tag is None and ("lang", "pl") in attrs:
            if tag not in VOID_ELEMENTS:
                self.polish_tag, self.polish_depth = tag, 1
            return
        if self.polish_tag is not None:
            return
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value:
                self.parts.append(value)
            if tag == "a" and name == "href" and value:
                self.links.append(value)
            if tag == "meta" and name == "content" and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS and self.skipping:
            self.skipping -= 1
        if tag == self.polish_tag:
            self.polish_depth -= 1
            if not self.polish_depth:
                self.polish_tag = None

    def handle_data(self, data):
        if not self.skipping and self.polish_tag is None:
            self.parts.append(data)


def crawl(client, start="/en/"):
    """{url: VisibleText} of every /en/ page linked from `start`, transitively."""
    seen, queue, pages = {start}, [start], {}
    while queue and len(pages) < MAX_PAGES:
        url = queue.pop(0)
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        if "text/html" not in response["Content-Type"]:
            continue
        parsed = VisibleText()
        parsed.feed(response.content.decode())
        pages[url] = parsed
        for href in parsed.links:
            target = urldefrag(urljoin(url, href)).url
            parts = urlsplit(target)
            if parts.netloc not in ("", "testserver"):
                continue
            local = parts.path + (f"?{parts.query}" if parts.query else "")
            if (
                parts.path.startswith("/en/")
                and not NOT_PAGES.search(parts.path)
                and "/en/search/" not in parts.path
                and local not in seen
            ):
                seen.add(local)
                queue.append(local)
    return pages


def test_english_pages_show_no_polish(demo_site, client):
    pages = crawl(client)
    # The crawl reaches the menu, listings with their filters, and their items.
    assert len(pages) >= 20, sorted(pages)
    assert any("?" in url for url in pages), "no listing filter was followed"
    found = {
        url: sorted({match.group(0) for match in PATTERN.finditer(" ".join(p.parts))})
        for url, p in pages.items()
    }
    assert {url: words for url, words in found.items() if words} == {}
    # The search page, which the crawl does not follow, speaks English too.
    search = VisibleText()
    search.feed(client.get("/en/search/?query=social").content.decode())
    assert not PATTERN.search(" ".join(search.parts))
