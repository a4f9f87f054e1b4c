"""No page sends anything to another host (issue 12 §2, issue 13 point 13).

A real browser walks the public pages and, signed in as each demo role, the
admin screens that role works in; every request any of them makes – page,
style, script, font, image, fetch – is recorded, and a host other than the
site's own fails the test (Gravatar, a CDN font, an analytics beacon would each
tell a third party who looked at what). ``data:`` and ``blob:`` URLs never
leave the browser and are fine.

A request to another host that the Content-Security-Policy refuses never
reaches the network, so Chromium reports no request for it; the ``new_page``
fixture fails the test on that refusal instead. Either way it cannot pass.
"""

import contextlib
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .conftest import watch_hosts
from .support import admin_login

pytestmark = pytest.mark.e2e

PUBLIC = [
    "/",
    "/konkurs/",
    "/konkurs/mmes-2027/",
    "/konkurs/mmes-2027/zgloszenie/reintegracja/",
    "/konkurs/mmes-2027/status/",
    "/konkurs/mmes-2025/wyniki/",
    "/search/?query=kampania",
    "/en/",
    "/en/competition/mmes-2027/zgloszenie/reintegracja/",
]

# What each role works in. A path is opened as is; ("from", selector) opens the
# first link matching ``selector`` on the screen opened before it (an entry, a
# page's editor, a review), so the walk needs no ids of the demo's data.
EDITOR_SCREENS = [
    "/admin/",
    "/admin/pages/",
    ("from", "main a[href^='/admin/pages/'][href$='/edit/']"),
    "/admin/snippets/home/advocate/",
    ("from", "main a[href^='/admin/snippets/home/advocate/edit/']"),
    "/admin/images/",
    "/admin/documents/",
    "/admin/account/",
]
SECRETARIAT_SCREENS = [
    "/admin/",
    "/admin/competition/entries/",
    ("from", "main a[href*='/admin/competition/entries/inspect/']"),
    "/admin/competition/assignment/",
    ("from", "main a[href^='/admin/competition/assignment/']"),
    "/admin/competition/jury-progress/",
    "/admin/competition/results/",
    # The ranking of an edition whose scoring is closed (it has a protocol).
    ("from", "main tbody tr:has(a[href$='/protokol/']) th a"),
    "/admin/competition/log/",
    "/admin/competition/jury-members/",
    "/admin/account/",
]
ROLES = {
    # The administrator's own screens; those it shares with the roles below are
    # walked as those roles (the same templates, one walk each keeps it fast).
    "admin": [
        "/admin/",
        "/admin/pages/",
        ("from", "main a[href^='/admin/pages/'][href$='/edit/']"),
        "/admin/users/",
        ("from", "main a[href^='/admin/users/edit/']"),
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/account/",
    ],
    "redaktor": EDITOR_SCREENS,
    # The editor's screens plus the moderation tasks on the start page.
    "moderator": EDITOR_SCREENS[:3] + ["/admin/account/"],
    "sekretariat": SECRETARIAT_SCREENS,
    "juror1": [
        "/admin/",
        "/admin/jury/",
        # An entry to score while scoring is open. The browser journey
        # (tests/e2e/test_jury.py, which runs first) closes scoring and then
        # publishes the results: then the chair's ranking, then the published
        # results the start page links to.
        (
            "from",
            "main table a[href^='/admin/jury/entries/'],"
            " main a[href^='/admin/competition/results/'],"
            " main .jury-edition a[href*='/wyniki/']",
        ),
        "/admin/account/",
    ],
}


def record_hosts(page, seen):
    """Note (host, url) of every request ``page`` makes."""

    def on_request(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        seen.append((parts.netloc, parts.scheme, request.url))

    page.on("request", on_request)


def open_screen(page, base_url, path):
    """Open ``path``; it must answer 200 without sending the role elsewhere
    (so the walk really reached the screen), then let late requests go out."""
    response = page.goto(base_url + path, wait_until="load")
    assert response is not None and response.status == 200, (path, response)
    assert urlsplit(page.url).path == urlsplit(path).path, (path, page.url)
    # A screen that keeps a connection busy is no reason to fail here.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_load_state("networkidle", timeout=1500)


def walk(page, base_url, screens):
    visited = []
    for screen in screens:
        if isinstance(screen, tuple):
            _from, selector = screen
            link = page.locator(selector).first
            href = link.get_attribute("href", timeout=5000)
            assert href, f"no link {selector} on {page.url}"
            screen = urlsplit(href).path + (
                f"?{urlsplit(href).query}" if urlsplit(href).query else ""
            )
        open_screen(page, base_url, screen)
        visited.append(screen)
    return visited


def foreign(seen, base_url):
    own = urlsplit(base_url).netloc
    return sorted(
        {
            url
            for host, scheme, url in seen
            if host != own or scheme not in ("http", "https", "ws", "wss")
        }
    )


# Tall, so that lazy images further down a page are fetched too.
VIEWPORT = (1280, 2000)


def test_public_pages_ask_no_other_host(live_site, new_page):
    page = new_page(*VIEWPORT)
    seen = []
    record_hosts(page, seen)
    walk(page, live_site, PUBLIC)
    assert len(seen) > len(PUBLIC)  # styles, scripts, fonts, images were seen
    assert not foreign(seen, live_site), foreign(seen, live_site)


@pytest.mark.parametrize("username", list(ROLES))
def test_the_admin_asks_no_other_host(live_site, new_page, username):
    page = new_page(*VIEWPORT)
    seen = []
    record_hosts(page, seen)
    admin_login(page, live_site, username)
    visited = walk(page, live_site, ROLES[username])
    assert len(visited) == len(ROLES[username])
    assert not foreign(seen, live_site), (username, foreign(seen, live_site))


def test_every_browser_test_notices_a_request_to_another_host(browser):
    """The ``new_page`` fixture's watch, which makes this a rule for every
    browser test: a request to another host is noticed even when it fails."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.route("**/*", lambda route: route.abort())  # nothing leaves the machine
        found = []
        watch_hosts(page, found)
        page.set_content(
            '<img src="http://127.0.0.1:9/own.png" alt="">'
            '<img src="https://fonts.example.com/font.png" alt="">'
        )
        assert found == ["GET https://fonts.example.com/font.png"]
    finally:
        context.close()
