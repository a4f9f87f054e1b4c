"""A quick editor creates a page in Wagtail's admin and acts on it at once
(issue 14): fills a new news item, event or standard page and straight away
submits it for moderation, saves the draft, or – as a moderator – publishes.

Wagtail 7.4's autosave used to create the page in the background while the
editor's own form still posted to the *add* URL, so the page was created
twice: a 500 (duplicate slug) when both requests met in the server, or the
form coming back with "slug already in use" on the hidden Promote tab when the
autosave won. The race is made deterministic here: the editor clicks about a
second after the last keystroke (long enough for autosave to fire), and the
form's POST is held in the browser until every autosave request in flight has
been answered – the worst order the browser allows. Every test counts the
pages with its title in the site's database, checks the workflow state, and
fails on any answer >= 500.
"""

import sqlite3
import time
import uuid

import pytest

from .support import admin_login

pytestmark = pytest.mark.e2e

# Wagtail starts watching the form for edits 2 s after it loads; an editor
# who reads the form first types after that.
READ_THE_FORM_MS = 2500
# About the time a quick editor needs to open the actions menu after typing;
# longer than Wagtail's default autosave interval (500 ms), so an autosave on
# the create view, if enabled, is about to start when the editor clicks.
QUICK_EDITOR_PAUSE_MS = 1200
# Wagtail's check (500 ms) + notify (30 ms) + autosave (500 ms) debounces:
# an autosave scheduled before the click has started by then.
AUTOSAVE_GRACE_MS = 1500
SETTLE_TIMEOUT = 10  # seconds for held requests to be answered


class Site:
    """Read-only look at the live site's database (the server is a subprocess)."""

    def __init__(self, site_dir):
        self.uri = f"file:{site_dir / 'e2e.sqlite3'}?mode=ro"

    def query(self, sql, *params):
        with sqlite3.connect(self.uri, uri=True) as db:
            return db.execute(sql, params).fetchall()

    def parent_id(self, model):
        """The Polish page of type ``home.<model>`` new pages are added under."""
        rows = self.query(
            "SELECT p.id FROM wagtailcore_page p"
            " JOIN django_content_type ct ON ct.id = p.content_type_id"
            " JOIN wagtailcore_locale l ON l.id = p.locale_id"
            " WHERE ct.app_label = 'home' AND ct.model = ? AND l.language_code = 'pl'"
            " ORDER BY p.path",
            model,
        )
        assert rows, f"the demo has no Polish {model}"
        return rows[0][0]

    def pages_titled(self, title):
        """(id, live, has_unpublished_changes) of every page titled ``title``."""
        return self.query(
            "SELECT id, live, has_unpublished_changes FROM wagtailcore_page"
            " WHERE title = ?",
            title,
        )

    def workflow_states(self, page_id):
        return [
            status
            for (status,) in self.query(
                "SELECT status FROM wagtailcore_workflowstate WHERE object_id = ?",
                str(page_id),
            )
        ]


@pytest.fixture
def site(live_site, site_dir):
    return Site(site_dir)


def fill_news(page):
    page.locator("#id_lead").fill("Krótko o nowym naborze do konkursu.")


def fill_event(page):
    page.locator("#id_start").fill("2027-03-10 10:00")
    page.locator("#id_end").fill("2027-03-10 14:00")
    page.locator("#id_venue_name").fill("MCPS, sala 501")
    page.locator("#id_venue_address").fill("ul. Grzybowska 80/82, 00-844 Warszawa")
    page.locator("#id_lead").fill("Szkolenie dla podmiotów ekonomii społecznej.")


def fill_standard(page):
    page.locator("#id_intro").fill("Kilka zdań o tym, czym się zajmujemy.")


# page type -> (model, parent model, fills its required fields after the title)
PAGE_TYPES = {
    "news": ("newspage", "newsindexpage", fill_news),
    "event": ("eventpage", "eventindexpage", fill_event),
    "standard": ("standardpage", "homepage", fill_standard),
}


def click_save_draft(page):
    page.locator("footer button.action-save").click(no_wait_after=True)


def click_in_actions_menu(name):
    def click(page):
        page.locator("footer .w-dropdown-button [aria-expanded]").click()
        page.locator(f"footer button[name='{name}']").click(no_wait_after=True)

    return click


def click_publish(page):
    # A moderator's main button is "Opublikuj"; it may also sit in the menu.
    button = page.locator("footer button[name='action-publish']")
    if not button.is_visible():
        page.locator("footer .w-dropdown-button [aria-expanded]").click()
    button.click(no_wait_after=True)


# The clicks don't wait for the navigation they start: the test holds it.
# action -> (user, how the editor clicks it)
ACTIONS = {
    "submit": ("redaktor", click_in_actions_menu("action-submit")),
    "save": ("redaktor", click_save_draft),
    "publish": ("moderator", click_publish),
}


def is_autosave(request):
    return request.method == "POST" and "json" in request.headers.get("accept", "")


def wait_until(page, condition, what):
    deadline = time.monotonic() + SETTLE_TIMEOUT
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        page.wait_for_timeout(50)


def create_at_once(page, base_url, model, parent_id, title, fill, click):
    """Fill a new page and act on it a moment later, the form's POST reaching
    the server only after any autosave in flight has been answered.

    Returns (server errors seen, autosave requests sent on the create view)."""
    server_errors = []
    page.on(
        "response",
        lambda r: (
            server_errors.append(f"{r.status} {r.request.method} {r.url}")
            if r.status >= 500
            else None
        ),
    )
    autosaves_pending, create_autosaves = set(), []

    def on_request(request):
        if is_autosave(request):
            autosaves_pending.add(request)
            if "/admin/pages/add/" in request.url:
                create_autosaves.append(request)

    page.on("request", on_request)
    page.on("requestfinished", lambda request: autosaves_pending.discard(request))
    page.on("requestfailed", lambda request: autosaves_pending.discard(request))

    held_form_posts = []

    def hold_form_post(route):
        request = route.request
        if request.method == "POST" and request.is_navigation_request():
            held_form_posts.append(route)
        else:
            route.continue_()

    # To the add URL, or to the edit URL if an autosave already switched it.
    page.route("**/admin/pages/**", hold_form_post)

    response = page.goto(f"{base_url}/admin/pages/add/home/{model}/{parent_id}/")
    assert response.status == 200
    page.wait_for_timeout(READ_THE_FORM_MS)
    page.locator("#id_title").fill(title)
    fill(page)
    page.wait_for_timeout(QUICK_EDITOR_PAUSE_MS)
    click(page)

    wait_until(page, lambda: held_form_posts, "the form's POST")
    page.wait_for_timeout(AUTOSAVE_GRACE_MS)
    wait_until(page, lambda: not autosaves_pending, "autosave requests to finish")
    with page.expect_navigation():
        held_form_posts[0].continue_()
    page.wait_for_load_state()
    return server_errors, create_autosaves


@pytest.mark.parametrize("page_type", PAGE_TYPES)
@pytest.mark.parametrize("action", ACTIONS)
def test_a_quick_editor_creates_the_page_once(
    action, page_type, live_site, new_page, site
):
    user, click = ACTIONS[action]
    model, parent_model, fill = PAGE_TYPES[page_type]
    title = f"Szybka strona {action} {page_type} {uuid.uuid4().hex[:8]}"
    page = admin_login(new_page(), live_site, user)

    server_errors, create_autosaves = create_at_once(
        page, live_site, model, site.parent_id(parent_model), title, fill, click
    )

    assert not server_errors, "server errors:\n" + "\n".join(server_errors)
    pages = site.pages_titled(title)
    assert len(pages) == 1, (
        f"{len(pages)} pages titled {title!r} "
        f"({len(create_autosaves)} autosave requests on the create view); "
        f"the editor is at {page.url}: "
        + " | ".join(page.locator(".error-message").all_inner_texts())
    )
    page_id, live, _ = pages[0]
    states = site.workflow_states(page_id)
    if action == "publish":
        assert live == 1 and "in_progress" not in states
    elif action == "submit":
        assert live == 0 and states == ["in_progress"]
    else:
        assert live == 0 and states == []
        assert f"/admin/pages/{page_id}/edit/" in page.url
