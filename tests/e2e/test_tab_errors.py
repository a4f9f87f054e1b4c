"""Errors point to the tab that holds them (issue 13, point 14): a second
attempt at a news item with the title of an earlier one makes a slug already
taken, and comes back with the error on the hidden "Promocja SEO" (Promote)
tab. Wagtail 7.4 counts it on the tab's label ("1 błąd"); we add the tab's
name to the banner, open that tab and focus the slug."""

import sqlite3
import uuid

import pytest
from playwright.sync_api import expect

from .support import admin_login, shoot

pytestmark = pytest.mark.e2e


def _news_index(site_dir):
    """The Polish news index, where news items are added."""
    uri = f"file:{site_dir / 'e2e.sqlite3'}?mode=ro"
    with sqlite3.connect(uri, uri=True) as db:
        (parent_id,) = db.execute(
            "SELECT p.id FROM wagtailcore_page p"
            " JOIN django_content_type ct ON ct.id = p.content_type_id"
            " JOIN wagtailcore_locale l ON l.id = p.locale_id"
            " WHERE ct.app_label = 'home' AND ct.model = 'newsindexpage'"
            " AND l.language_code = 'pl'"
        ).fetchone()
    return parent_id


def _save_draft(page, base_url, parent_id, title):
    page.goto(f"{base_url}/admin/pages/add/home/newspage/{parent_id}/")
    page.locator("#id_title").fill(title)
    page.locator("#id_lead").fill("Krótko o nowym naborze.")
    # Wagtail fills the slug from the title a moment later (debounced).
    expect(page.locator("#id_slug")).not_to_have_value("")
    with page.expect_navigation():
        page.locator("footer button.action-save").click()


@pytest.mark.parametrize("viewport", [(1280, 800), (375, 812)])
def test_slug_error_on_the_promote_tab_is_pointed_to(
    live_site, site_dir, new_page, screenshot_dir, viewport
):
    parent_id = _news_index(site_dir)
    title = f"Nabór do konkursu {uuid.uuid4().hex[:8]}"
    page = admin_login(new_page(*viewport), live_site, "redaktor")
    _save_draft(page, live_site, parent_id, title)
    assert "/edit/" in page.url
    # A second attempt with the same title makes the same slug.
    _save_draft(page, live_site, parent_id, title)
    assert "/admin/pages/add/" in page.url

    promote = page.get_by_role("tab", name="Promocja SEO")
    assert promote.get_attribute("aria-selected") == "true"
    # Wagtail's own count on the tab, with its Polish label for screen readers.
    assert promote.locator(".w-tabs__errors [aria-hidden]").inner_text() == "1"
    assert "(1 błąd)" in promote.locator(".w-tabs__errors").inner_text()
    banner = page.locator(".messages li.error")
    assert "Popraw pola na karcie: Promocja SEO." in banner.inner_text()
    expect(page.locator("#id_slug")).to_be_focused()
    assert page.locator("#id_slug").is_visible()
    panel = page.locator("#" + promote.get_attribute("aria-controls"))
    assert "jest już używany" in panel.inner_text()
    shoot(page, screenshot_dir, f"admin-tab-errors-{viewport[0]}")
