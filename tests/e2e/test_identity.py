"""The site's identity on a phone and a desktop: the compact header, its menu,
the icons and sharing image, and the home page's weight. (No request to another
host: the ``new_page`` fixture fails any browser test that makes one.)"""

from urllib.parse import urlsplit

import pytest

from .support import axe_violations, focused, format_violations, shoot, visit

pytestmark = pytest.mark.e2e

PHONE = (375, 740)
DESKTOP = (1280, 800)
H1_LIMIT = 300  # px from the top of a phone's screen
HOME_BUDGET = 500 * 1024  # bytes transferred on a first visit to the home page

# One page of every type a visitor reaches.
PAGE_TYPES = {
    "home": "/",
    "campaign": "/kampania/",
    "news-index": "/aktualnosci/",
    "news": "/aktualnosci/trzecie-spotkanie-forum-rzecznikow/",
    "event-index": "/wydarzenia/",
    "event": "/wydarzenia/gala-mazowieckiej-marki-ekonomii-spolecznej/",
    "standard": "/kontakt/",
    "competition": "/konkurs/",
    "edition": "/konkurs/mmes-2027/",
    "search": "/search/?query=kampania",
    "en-home": "/en/",
    "en-news": "/en/news/third-advocates-forum-meeting/",
}

TOGGLE = "summary.site-menu__toggle"


def toggle_state(page):
    """The menu button's expanded state as Chromium exposes it to assistive
    technology, and as its aria-expanded attribute says (set by the script on
    the <details>' toggle event, which fires a moment after the change)."""
    page.wait_for_function(
        """() => {
            const menu = document.querySelector('[data-site-menu]');
            const state = menu.querySelector('summary').getAttribute('aria-expanded');
            return state === String(menu.open);
        }"""
    )
    cdp = page.context.new_cdp_session(page)
    try:
        document = cdp.send("DOM.getDocument", {"depth": 0})
        node = cdp.send(
            "DOM.querySelector",
            {"nodeId": document["root"]["nodeId"], "selector": TOGGLE},
        )
        tree = cdp.send(
            "Accessibility.getPartialAXTree",
            {"nodeId": node["nodeId"], "fetchRelatives": False},
        )
    finally:
        cdp.detach()
    properties = {
        prop["name"]: prop["value"].get("value")
        for ax_node in tree["nodes"]
        for prop in ax_node.get("properties", [])
    }
    return properties.get("expanded"), page.get_attribute(TOGGLE, "aria-expanded")


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_h1_on_the_first_phone_screen(path, live_site, new_page):
    page = new_page(*PHONE)
    visit(page, live_site, path)
    top = page.evaluate("document.querySelector('h1').getBoundingClientRect().top")
    print(f"{path}: h1 starts {top:.0f} px down at 375x740")
    assert top <= H1_LIMIT, f"{path}: the h1 starts {top:.0f} px down (> {H1_LIMIT})"


def test_home_first_phone_screen_has_campaign_and_call_to_action(live_site, new_page):
    """A newcomer on a phone sees the campaign's name, its message and the open
    edition's call to action without scrolling."""
    page = new_page(*PHONE)
    visit(page, live_site, "/")
    boxes = page.evaluate(
        """() => Object.fromEntries(
            [['h1', 'h1'], ['cta', '.home-competition__action a']]
            .map(([name, sel]) => {
                const el = document.querySelector(sel);
                return [name, el ? el.getBoundingClientRect().bottom : null];
            }))"""
    )
    print(
        f"home at 375x740: h1 ends {boxes['h1']:.0f} px, "
        f"call to action ends {boxes['cta']:.0f} px"
    )
    assert "Zgłoś się do" in page.inner_text(".home-competition__action a")
    assert boxes["h1"] <= PHONE[1]
    assert boxes["cta"] <= PHONE[1], (
        f"the call to action ends {boxes['cta']:.0f} px down"
    )


@pytest.mark.parametrize(
    "name", ["home", "news", "edition"], ids=["home", "news", "edition"]
)
def test_screenshots_at_phone_and_desktop(name, live_site, new_page, screenshot_dir):
    for width, height in (PHONE, DESKTOP):
        page = new_page(width, height)
        visit(page, live_site, PAGE_TYPES[name])
        shoot(page, screenshot_dir, f"identity-{name}-{width}")
        if width == PHONE[0]:
            page.click(TOGGLE)
            page.screenshot(
                path=str(screenshot_dir / f"identity-{name}-{width}-menu-open.png")
            )


def test_phone_header_is_one_compact_bar(live_site, new_page):
    page = new_page(*PHONE)
    visit(page, live_site, "/")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 90, f"the header is {header['height']} px tall"
    assert page.locator(".site-logo").is_visible()
    assert page.locator(".language-switcher a[hreflang='en']").is_visible()
    assert page.locator(TOGGLE).is_visible()
    assert not page.locator("nav.main-menu a").first.is_visible()
    assert not page.locator("#site-search-query").is_visible()


def test_desktop_shows_the_whole_menu_without_a_button(live_site, new_page):
    page = new_page(*DESKTOP)
    visit(page, live_site, "/")
    assert not page.locator(TOGGLE).is_visible()
    links = page.locator("nav.main-menu a")
    assert links.count() >= 5
    for index in range(links.count()):
        assert links.nth(index).is_visible()
    assert page.locator("#site-search-query").is_visible()


def test_menu_opens_and_closes_by_keyboard(live_site, new_page):
    page = new_page(*PHONE)
    visit(page, live_site, "/")
    assert toggle_state(page) == (False, "false")

    # Tab order: skip link, logo, the other language, then the menu button.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{TOGGLE}')"):
            break
    else:
        pytest.fail(f"Tab never reached the menu button; stopped on {focused(page)}")

    page.keyboard.press("Enter")
    assert toggle_state(page) == (True, "true")
    first_link = page.locator("nav.main-menu a").first
    assert first_link.is_visible()
    page.keyboard.press("Tab")
    assert focused(page)["inMainMenu"], "the first Tab after opening goes into the menu"

    page.keyboard.press("Escape")
    assert toggle_state(page) == (False, "false")
    assert page.evaluate(f"document.activeElement.matches('{TOGGLE}')"), (
        f"Escape must return focus to the menu button, not {focused(page)}"
    )
    assert not first_link.is_visible()

    page.keyboard.press("Space")
    assert toggle_state(page) == (True, "true")
    page.keyboard.press("Space")
    assert toggle_state(page) == (False, "false")


def test_menu_works_without_javascript(browser, live_site):
    context = browser.new_context(
        viewport={"width": PHONE[0], "height": PHONE[1]}, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto(live_site + "/", wait_until="load")
        link = page.locator("nav.main-menu a").first
        assert not link.is_visible()
        page.click(TOGGLE)
        assert link.is_visible()
        page.click(TOGGLE)
        assert not link.is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/", "/konkurs/mmes-2027/", "/en/"])
def test_axe_with_the_menu_closed_and_open(path, live_site, new_page, axe_path):
    page = new_page(*PHONE)
    visit(page, live_site, path)
    closed = axe_violations(page, axe_path)
    assert not closed, format_violations(f"{path} at 375 px, menu closed", closed)
    page.click(TOGGLE)
    assert toggle_state(page) == (True, "true")
    opened = axe_violations(page, axe_path)
    assert not opened, format_violations(f"{path} at 375 px, menu open", opened)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_home_page_weight(viewport, live_site, new_page):
    page = new_page(*viewport)
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    visit(page, live_site, "/")
    page.wait_for_load_state("networkidle")
    total = 0
    by_type = {}
    for request in finished:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        total += size
        by_type[request.resource_type] = by_type.get(request.resource_type, 0) + size
    print(
        f"home at {viewport[0]} px: {len(finished)} requests, {total / 1024:.0f} KB "
        + ", ".join(f"{kind} {size / 1024:.0f} KB" for kind, size in by_type.items())
    )
    assert total < HOME_BUDGET, f"home weighs {total} bytes (> {HOME_BUDGET})"


def test_icons_manifest_and_sharing_image(live_site, new_page):
    page = new_page(*DESKTOP)
    visit(page, live_site, "/kontakt/")
    favicon = page.request.get(live_site + "/favicon.ico")
    assert favicon.ok and favicon.headers["content-type"].startswith("image/")
    for selector in (
        "link[rel=icon][type='image/svg+xml']",
        "link[rel=icon][type='image/png']",
        "link[rel=apple-touch-icon]",
    ):
        href = page.get_attribute(selector, "href")
        assert page.request.get(live_site + href).ok, f"{selector} -> {href}"

    manifest_url = live_site + page.get_attribute("link[rel=manifest]", "href")
    manifest = page.request.get(manifest_url).json()
    assert manifest["name"] and manifest["lang"] == "pl"
    for icon in manifest["icons"]:
        icon_url = manifest_url.rsplit("/", 1)[0] + "/" + icon["src"]
        assert page.request.get(icon_url).ok, icon_url

    card = page.get_attribute("meta[property='og:image']", "content")
    assert card.endswith("/static/img/og-default.png")
    dimensions = page.evaluate(
        """async (url) => {
            const image = new Image();
            image.src = url;
            await image.decode();
            return [image.naturalWidth, image.naturalHeight];
        }""",
        urlsplit(card).path,
    )
    assert dimensions == [1200, 630]
