"""Each role's start page in the admin (``competition/dashboard.py``), in a
real browser at 1280 and 375 px: what the juror, the secretariat and an editor
see first after signing in, photographed into
``build/e2e-screenshots/start-*.png`` and checked with axe."""

import re

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
}


@pytest.mark.parametrize("username", list(ROLES))
def test_each_role_starts_on_its_own_panels(
    live_site, new_page, axe_path, screenshot_dir, username
):
    (screenshot_dir / "admin-axe.txt").touch()
    selector, says = ROLES[username]
    page = admin_login(new_page(), live_site, username)

    panel = page.locator(selector)
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(says)
    search = page.locator("main form[role=search]")
    expect(search).to_have_count(1 if username == "redaktor" else 0)
    shoot(page, screenshot_dir, f"start-{username}-desktop")
    assert_admin_accessible(page, axe_path, screenshot_dir, f"start page: {username}")
    page.set_viewport_size({"width": 375, "height": 812})
    shoot(page, screenshot_dir, f"start-{username}-mobile")
    assert_admin_accessible(
        page, axe_path, screenshot_dir, f"start page: {username} (375 px)"
    )
