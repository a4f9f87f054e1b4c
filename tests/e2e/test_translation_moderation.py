"""An English translation goes through "Akceptacja moderatora" like any page
(issue 13, point 12), and the admin's login carries the site's name and logo
(point 11, branding).

The redaktor translates a Polish news item with wagtail-localize, and its
screen's main action sends it to moderation (it used to be "Usuń"); a publish
posted by hand is refused; the moderator approves it on the same screen and
only then is it live under /en/.
"""

import re
import sqlite3

import pytest

from .support import admin_login, shoot, visit

pytestmark = pytest.mark.e2e

SITE_NAME = "Ekonomia społeczna na Mazowszu"
MAIN_BUTTON = "footer button[name='action'][value='publish']"


class Site:
    """Read-only look at the live site's database (the server is a subprocess)."""

    def __init__(self, site_dir):
        self.uri = f"file:{site_dir / 'e2e.sqlite3'}?mode=ro"

    def query(self, sql, *params):
        with sqlite3.connect(self.uri, uri=True) as db:
            return db.execute(sql, params).fetchall()

    def untranslated_news(self):
        """A live Polish news item with no English page yet."""
        rows = self.query(
            "SELECT p.id FROM wagtailcore_page p"
            " JOIN django_content_type ct ON ct.id = p.content_type_id"
            " JOIN wagtailcore_locale l ON l.id = p.locale_id"
            " WHERE ct.app_label = 'home' AND ct.model = 'newspage'"
            " AND l.language_code = 'pl' AND p.live"
            " AND NOT EXISTS (SELECT 1 FROM wagtailcore_page t"
            "   JOIN wagtailcore_locale tl ON tl.id = t.locale_id"
            "   WHERE t.translation_key = p.translation_key"
            "   AND tl.language_code = 'en')"
            " ORDER BY p.path"
        )
        assert rows, "the demo has no Polish news item without a translation"
        return rows[0][0]

    def english_page(self, source_id):
        """(id, live, url_path) of the English translation of ``source_id``."""
        return self.query(
            "SELECT t.id, t.live, t.url_path FROM wagtailcore_page t"
            " JOIN wagtailcore_page p ON p.translation_key = t.translation_key"
            " JOIN wagtailcore_locale tl ON tl.id = t.locale_id"
            " WHERE p.id = ? AND tl.language_code = 'en'",
            source_id,
        )[0]

    def workflow_states(self, page_id):
        return [
            status
            for (status,) in self.query(
                "SELECT status FROM wagtailcore_workflowstate WHERE object_id = ?"
                " ORDER BY id",
                str(page_id),
            )
        ]


@pytest.fixture
def site(live_site, site_dir):
    return Site(site_dir)


@pytest.mark.parametrize("viewport", [(1280, 800), (375, 812)])
def test_login_page_carries_the_sites_name_and_logo(
    live_site, new_page, screenshot_dir, viewport
):
    page = new_page(*viewport)
    visit(page, live_site, "/admin/login/")

    assert page.title() == f"Zaloguj się - {SITE_NAME}"
    heading = page.locator("h1")
    assert heading.inner_text().strip() == SITE_NAME
    logo = page.locator(".login-logo img")
    assert logo.get_attribute("src") == "/static/img/symbol.svg"
    box = logo.bounding_box()
    assert box and box["width"] > 40 and box["x"] >= 0
    assert box["x"] + box["width"] <= viewport[0]
    assert "Wagtail" not in page.locator("body").inner_text()
    shoot(page, screenshot_dir, f"admin-login-{viewport[0]}")


def translate(page, base_url, source_id):
    """Start wagtail-localize's English translation of ``source_id``; lands
    on its translation screen."""
    visit(page, base_url, f"/admin/localize/submit/page/{source_id}/")
    page.get_by_label("angielski").check()
    page.locator("main form [type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.locator(MAIN_BUTTON).wait_for()


def test_editor_submits_a_translation_and_the_moderator_approves_it(
    live_site, site, new_page, screenshot_dir
):
    source_id = site.untranslated_news()
    editor = admin_login(new_page(), live_site, "redaktor")
    translate(editor, live_site, source_id)
    english_id, live, url_path = site.english_page(source_id)
    assert not live
    edit_url = f"{live_site}/admin/pages/{english_id}/edit/"

    main = editor.locator(MAIN_BUTTON)
    assert main.inner_text().strip() == "Wyślij do moderacji"
    assert main.is_visible()
    # wagtail-localize's two hard-coded English strings, in Polish.
    editor.get_by_role("heading", name="Tłumaczenie: polski → angielski").wait_for()
    screen_text = editor.locator(".js-translation-editor").text_content()
    assert "More actions" not in screen_text
    assert "to angielski translation" not in screen_text
    shoot(editor, screenshot_dir, "admin-translation-redaktor-1280")
    phone = admin_login(new_page(375, 812), live_site, "redaktor")
    visit(phone, live_site, f"/admin/pages/{english_id}/edit/")
    assert phone.locator(MAIN_BUTTON).inner_text().strip() == "Wyślij do moderacji"
    shoot(phone, screenshot_dir, "admin-translation-redaktor-375")

    main.click()
    editor.wait_for_url(edit_url)
    assert "do moderacji" in editor.locator(".messages").inner_text()
    assert site.workflow_states(english_id) == ["in_progress"]
    assert site.english_page(source_id)[1] == 0

    # Publishing by hand, past the screen, is refused: back to the screen,
    # which says the translation waits for moderation.
    token = editor.locator(
        ".js-translation-editor input[name=csrfmiddlewaretoken]"
    ).first.get_attribute("value")
    response = editor.request.post(
        edit_url,
        form={"action": "publish", "csrfmiddlewaretoken": token},
        headers={"Referer": edit_url},
        max_redirects=0,
    )
    assert response.status == 302
    assert response.headers["location"].endswith(f"/admin/pages/{english_id}/edit/")
    editor.goto(edit_url)
    assert "czeka na moderację" in editor.locator(".messages").inner_text()
    assert editor.locator(MAIN_BUTTON).inner_text().strip() == "Czeka na moderację"
    assert editor.locator(MAIN_BUTTON).is_disabled()
    assert site.english_page(source_id)[1] == 0
    assert site.workflow_states(english_id) == ["in_progress"]

    moderator = admin_login(new_page(), live_site, "moderator")
    visit(moderator, live_site, f"/admin/pages/{english_id}/edit/")
    approve = moderator.locator(MAIN_BUTTON)
    assert approve.inner_text().strip() == "Zatwierdź i opublikuj"
    shoot(moderator, screenshot_dir, "admin-translation-moderator-1280")
    approve.click()
    moderator.wait_for_url(edit_url)

    assert site.workflow_states(english_id) == ["approved"]
    assert site.english_page(source_id)[1] == 1
    public_path = "/en/" + url_path.split("/", 2)[2]
    visit(moderator, live_site, public_path)
