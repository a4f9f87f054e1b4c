"""Moving around as a visitor does: language switcher, skip link, keyboard, reflow."""

import pytest

from .support import focused, path_of, visit

pytestmark = pytest.mark.e2e

TRANSLATIONS = [
    # (page, its language, the other language, the translation's path)
    ("/kontakt/", "pl", "en", "/en/contact/"),
    ("/en/contact/", "en", "pl", "/kontakt/"),
]


@pytest.mark.parametrize(("path", "language", "other", "translation"), TRANSLATIONS)
def test_language_switcher_links_to_translation(
    path, language, other, translation, live_site, new_page
):
    page = new_page()
    visit(page, live_site, path)

    switcher = page.locator(".language-switcher")
    assert switcher.count() == 1, "expected one nav.language-switcher"
    assert switcher.evaluate("el => el.tagName.toLowerCase()") == "nav"
    assert switcher.get_attribute("aria-label"), "the switcher nav needs a label"

    current = switcher.locator("[aria-current]")
    assert current.get_attribute("lang") == language

    link = switcher.locator(f'a[hreflang="{other}"]')
    assert link.count() == 1, f"no switcher link to {other!r} on {path}"
    assert path_of(link.get_attribute("href")) == translation
    assert link.get_attribute("lang") == other

    link.click()
    page.wait_for_load_state("load")
    assert path_of(page.url) == translation
    assert page.get_attribute("html", "lang") == other


@pytest.mark.parametrize(("path", "language", "other", "translation"), TRANSLATIONS)
def test_hreflang_alternates(path, language, other, translation, live_site, new_page):
    page = new_page()
    visit(page, live_site, path)

    alternates = page.eval_on_selector_all(
        'head link[rel="alternate"][hreflang]',
        "links => links.map(l => [l.hreflang, l.href])",
    )
    by_language = dict(alternates)
    assert other in by_language, (
        f"no hreflang={other} alternate on {path}: {alternates}"
    )
    assert by_language[other].startswith(("http://", "https://")), (
        "hreflang URLs must be absolute"
    )
    assert path_of(by_language[other]) == translation
    if language in by_language:  # a self-reference is optional but must be right
        assert path_of(by_language[language]) == path


@pytest.mark.parametrize("path", ["/", "/en/", "/kontakt/", "/search/?query=kampania"])
def test_skip_link_is_first_and_moves_focus_to_main(path, live_site, new_page):
    page = new_page()
    visit(page, live_site, path)

    page.keyboard.press("Tab")
    first = focused(page)
    assert first["href"] == "#main-content", f"first focusable element is {first}"
    assert page.locator(".skip-link").is_visible(), "skip link must show when focused"

    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id")
    after = focused(page)
    assert after["tag"] == "main" and after["id"] == "main-content", (
        f"focus after activating the skip link: {after}"
    )


@pytest.mark.parametrize("path", ["/", "/en/"])
@pytest.mark.parametrize(
    "viewport", [(1280, 800), (375, 812)], ids=["desktop", "mobile"]
)
def test_keyboard_reaches_every_main_menu_link(path, viewport, live_site, new_page):
    page = new_page(*viewport)
    visit(page, live_site, path)

    expected = page.eval_on_selector_all(
        "nav.main-menu a", "links => links.map(a => a.getAttribute('href'))"
    )
    assert expected, f"no main menu links on {path}"

    reached = []
    unfocused = []
    for _ in range(len(expected) + 40):
        page.keyboard.press("Tab")
        element = focused(page)
        if element["isMenuToggle"] and not element["menuOpen"]:
            # On a phone the menu is behind its button: open it from the keyboard.
            page.keyboard.press("Enter")
        elif element["inMainMenu"]:
            reached.append(element["href"])
            if element["outlineStyle"] == "none" or element["outlineWidth"] == "0px":
                unfocused.append(element["href"])
        elif reached:
            break  # left the menu
    assert reached == expected, (
        f"Tab order through nav.main-menu on {path}: reached {reached}, "
        f"expected {expected}"
    )
    assert not unfocused, f"menu links with no visible focus outline: {unfocused}"


@pytest.mark.parametrize("path", ["/", "/en/", "/kontakt/", "/en/contact/"])
def test_no_horizontal_scroll_at_320px(path, live_site, new_page):
    page = new_page(320, 640)
    visit(page, live_site, path)

    widths = page.evaluate(
        """() => ({
            scroll: document.documentElement.scrollWidth,
            wide: Array.from(document.querySelectorAll('body *'))
                .filter(el => el.getBoundingClientRect().right > 320.5)
                .slice(0, 5)
                .map(el => el.tagName.toLowerCase() + (el.className ? '.' +
                     String(el.className).trim().split(/\\s+/).join('.') : '')),
        })"""
    )
    assert widths["scroll"] <= 320, (
        f"{path} scrolls sideways at 320 px: scrollWidth {widths['scroll']}, "
        f"overflowing: {widths['wide']}"
    )
