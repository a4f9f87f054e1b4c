"""Each role's start page in the admin (``competition/dashboard.py``), in a
real browser at 1280 and 375 px: what the juror, the secretariat, an editor
and a moderator see first after signing in, photographed into
``build/e2e-screenshots/start-*.png`` and checked with axe."""

import re
import sqlite3
import uuid

import pytest
from playwright.sync_api import expect

from .support import admin_login, assert_admin_accessible, shoot

pytestmark = pytest.mark.e2e

# What each role's start page must say (the demo's state may have moved on
# when the jury's journey ran first, so counts are not fixed here).
ROLES = {
    "juror2": (
        "#competition-juror-section",
        re.compile(r"\d+ ocen[ay]? do zrobienia, termin|Nie masz teraz ocen"),
    ),
    "sekretariat": ("#competition-secretariat-section", "Czeka na ocenę formalną"),
    "redaktor": ("#competition-editor-drafts-section", "Twoje wersje robocze"),
    "moderator": ("#awaiting-review-section", "Oczekujące na Twoją weryfikację"),
}
# Who may edit pages, and so keeps the page search.
PAGE_EDITORS = {"redaktor", "moderator"}


def home_page_id(site_dir):
    """The Polish home page's id, read from the live site's database."""
    uri = f"file:{site_dir / 'e2e.sqlite3'}?mode=ro"
    with sqlite3.connect(uri, uri=True) as db:
        (page_id,) = db.execute(
            "SELECT p.id FROM wagtailcore_page p"
            " JOIN django_content_type ct ON ct.id = p.content_type_id"
            " JOIN wagtailcore_locale l ON l.id = p.locale_id"
            " WHERE ct.app_label = 'home' AND ct.model = 'homepage'"
            " AND l.language_code = 'pl'"
        ).fetchone()
    return page_id


def submit_a_page_for_moderation(live_site, new_page, site_dir):
    """The editor writes a page and sends it to moderation (the demo leaves
    nothing waiting); returns its title."""
    title = f"Nowa strona o spółdzielniach {uuid.uuid4().hex[:6]}"
    editor = admin_login(new_page(), live_site, "redaktor")
    editor.goto(
        f"{live_site}/admin/pages/add/home/standardpage/{home_page_id(site_dir)}/"
    )
    editor.locator("#id_title").fill(title)
    editor.locator("#id_intro").fill("Kilka zdań o tym, czym się zajmujemy.")
    editor.locator("footer .w-dropdown-button [aria-expanded]").click()
    editor.locator("footer button[name='action-submit']").click()
    editor.wait_for_url(lambda url: "/add/" not in url)
    expect(editor.locator(".messages")).to_contain_text(title)
    return title


@pytest.mark.parametrize("username", list(ROLES))
def test_each_role_starts_on_its_own_panels(
    live_site, site_dir, new_page, axe_path, screenshot_dir, username
):
    (screenshot_dir / "admin-axe.txt").touch()
    selector, says = ROLES[username]
    waiting = None
    if username == "moderator":
        waiting = submit_a_page_for_moderation(live_site, new_page, site_dir)
    page = admin_login(new_page(), live_site, username)

    panel = page.locator(selector)
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(says)
    if waiting:
        expect(panel.get_by_role("link", name=waiting)).to_be_visible()
    search = page.locator("main form[role=search]")
    expect(search).to_have_count(1 if username in PAGE_EDITORS else 0)
    shoot(page, screenshot_dir, f"start-{username}-desktop")
    assert_admin_accessible(page, axe_path, screenshot_dir, f"start page: {username}")
    page.set_viewport_size({"width": 375, "height": 812})
    shoot(page, screenshot_dir, f"start-{username}-mobile")
    assert_admin_accessible(
        page, axe_path, screenshot_dir, f"start page: {username} (375 px)"
    )
