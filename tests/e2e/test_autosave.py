"""The scoring screen's draft autosave in a real browser (``static/js/jury.js``)
and the confirmation a juror sees after "Złóż ocenę" (issue 13, point 16).

juror3 of the demo's edition in the jury phase (MMES-2026) scores entries the
jury's journey (``test_jury.py``) never reads the scores of. This module runs
before that journey, which closes the edition's scoring: keep its name sorting
before ``test_jury.py``. What the autosave stored is read straight from the
live site's database, not from the page that sent it.

Screenshots: ``build/e2e-screenshots/jury-autosave-*.png`` (the draft with its
status line) and ``jury-confirmation-*.png``, at 1280 and 375 px.
"""

import contextlib
import re
import sqlite3
import time

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from .support import admin_login, assert_admin_accessible, shoot

pytestmark = pytest.mark.e2e

JUROR = "juror3"
QUEUED = "MMES-2026-0005"  # Rozwój: two quick edits, then submitted
LEFT = "MMES-2026-0008"  # Osobowość: typed into, then the page is left
CLOSED = "MMES-2026-0004"  # Rozwój: left while a save is on its way
AUTOSAVE = re.compile(r"/admin/jury/entries/\d+/autosave/$")
DB_TIMEOUT = 10  # seconds for a save to reach the database


def stored_scores(site_dir, reference):
    """juror3's review of ``reference`` as the database holds it: (version,
    [(points, comment)] in criteria order), or None before the first save."""
    with sqlite3.connect(site_dir / "e2e.sqlite3", timeout=5) as db:
        review = db.execute(
            """SELECT r.id, r.version FROM competition_review r
               JOIN competition_entry e ON e.id = r.entry_id
               JOIN competition_jurymember m ON m.id = r.member_id
               JOIN auth_user u ON u.id = m.user_id
               WHERE e.reference = ? AND u.username = ?""",
            (reference, JUROR),
        ).fetchone()
        if review is None:
            return None
        rows = db.execute(
            """SELECT s.points, s.comment FROM competition_score s
               JOIN competition_criterion c ON c.id = s.criterion_id
               WHERE s.review_id = ? ORDER BY c.sort_order, c.id""",
            (review[0],),
        ).fetchall()
    return review[1], rows


def wait_for_stored(site_dir, reference, check):
    """Poll the database until ``check(stored)`` holds; the last value read."""
    deadline = time.monotonic() + DB_TIMEOUT
    stored = None
    while time.monotonic() < deadline:
        stored = stored_scores(site_dir, reference)
        if stored is not None and check(stored):
            return stored
        time.sleep(0.2)
    pytest.fail(f"{reference}: the database never held the edit; last: {stored}")


def open_review(page, base, reference):
    """From the dashboard to the scoring screen, declaring no conflict first."""
    page.goto(f"{base}/admin/jury/")
    page.locator("table tbody tr", has_text=reference).get_by_role("link").first.click()
    page.wait_for_load_state("load")
    declaration = page.get_by_label("Nie mam konfliktu interesów")
    if declaration.count():
        declaration.check()
        page.get_by_role("button", name="Złóż deklarację").click()
        page.wait_for_load_state("load")
    expect(page.locator("main")).to_contain_text("Kryteria i odpowiedzi")
    return page.locator("main")


def wait_until(page, condition, what, timeout=5):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        page.wait_for_timeout(50)


def test_a_save_asked_for_while_one_is_on_its_way_is_queued_not_skipped(
    live_site, new_page, site_dir, screenshot_dir, axe_path
):
    page = admin_login(new_page(), live_site, JUROR)
    main = open_review(page, live_site, QUEUED)
    state = main.locator("[data-review-state]")
    expect(state).to_have_text("Ocena nierozpoczęta.")
    points = main.locator("input[name^=points_]")
    version = main.locator("input[name=version]")

    # The first autosave is held on its way to the server.
    held = []
    holding = [True]

    def hold(route):
        if holding[0]:
            held.append(route)
        else:
            route.continue_()

    page.route(AUTOSAVE, hold)
    points.nth(0).fill("7")
    points.nth(1).focus()  # focus leaves the field: autosave
    wait_until(page, lambda: held, "the first autosave")
    # A second edit while it is on its way: asked for, not sent alongside.
    points.nth(1).fill("4")
    main.locator("textarea[name^=comment_]").nth(1).focus()
    page.wait_for_timeout(2500)  # past the pause after typing, too
    assert len(held) == 1, f"{len(held)} autosaves sent at once"
    assert stored_scores(site_dir, QUEUED) is None

    # The first one goes through; the queued one follows with its version.
    holding[0] = False
    held[0].continue_()
    expect(version).to_have_value("2")
    stored = wait_for_stored(site_dir, QUEUED, lambda s: s[0] == 2)
    assert [p for p, _comment in stored[1][:2]] == [7, 4], stored
    # The line at the top follows the draft as soon as it is saved.
    expect(state).to_have_text(
        re.compile(r"^Wersja robocza zapisana o \d\d:\d\d: ocena nie jest")
    )
    expect(main.locator("[data-autosave-status]")).to_contain_text(
        "Wersja robocza zapisana automatycznie o"
    )
    shoot(page, screenshot_dir, "jury-autosave-desktop")
    page.set_viewport_size({"width": 375, "height": 812})
    shoot(page, screenshot_dir, "jury-autosave-mobile")
    page.set_viewport_size({"width": 1280, "height": 800})

    # A reload shows what the database holds.
    page.reload()
    expect(points.nth(0)).to_have_value("7")
    expect(points.nth(1)).to_have_value("4")
    expect(version).to_have_value("2")


def test_leaving_the_page_right_after_typing_saves_the_draft(
    live_site, new_page, site_dir
):
    page = admin_login(new_page(), live_site, JUROR)
    main = open_review(page, live_site, LEFT)
    comments = main.locator("textarea[name^=comment_]")

    # Typed, and the address bar used at once: no blur, no pause, no tick.
    comments.nth(0).fill("Zapisane przy wyjściu ze strony.")
    page.goto(f"{live_site}/admin/jury/")
    stored = wait_for_stored(
        site_dir, LEFT, lambda s: s[1][0][1] == "Zapisane przy wyjściu ze strony."
    )
    version = stored[0]

    # Typed, and a link followed at once: that save outlives the page too.
    open_review(page, live_site, LEFT)
    comments.nth(1).fill("Zapisane przed kliknięciem w link.")
    main.get_by_role("link", name="Wróć do listy zgłoszeń").click()
    page.wait_for_load_state("load")
    stored = wait_for_stored(
        site_dir, LEFT, lambda s: s[1][1][1] == "Zapisane przed kliknięciem w link."
    )
    assert stored[0] > version
    assert stored[1][0][1] == "Zapisane przy wyjściu ze strony."


def test_leaving_while_a_save_is_on_its_way_keeps_the_last_edit(
    live_site, new_page, site_dir
):
    """The save made on focusout has reached the server, its answer has not
    reached the page, and the juror types on and leaves: the page's last save
    follows its own save and is kept."""
    page = admin_login(new_page(), live_site, JUROR)
    main = open_review(page, live_site, CLOSED)
    points = main.locator("input[name^=points_]")
    held = []
    holding = [True]

    def hold(route):
        if holding[0]:
            held.append(route)
        else:
            route.continue_()

    page.route(AUTOSAVE, hold)
    points.nth(0).fill("6")
    points.nth(1).focus()
    wait_until(page, lambda: held, "the first autosave")
    holding[0] = False
    on_the_way = held[0].fetch()  # the server saves; the page hears nothing yet
    wait_for_stored(site_dir, CLOSED, lambda s: s[0] == 1)
    points.nth(1).fill("9")
    page.goto(f"{live_site}/admin/jury/")
    with contextlib.suppress(PlaywrightError):  # the page that asked is gone
        held[0].fulfill(response=on_the_way)

    stored = wait_for_stored(site_dir, CLOSED, lambda s: s[0] == 2)
    assert [p for p, _comment in stored[1][:2]] == [6, 9], stored


def test_after_submitting_the_juror_sees_a_confirmation(
    live_site, new_page, site_dir, screenshot_dir, axe_path
):
    (screenshot_dir / "admin-axe.txt").touch()
    page = admin_login(new_page(), live_site, JUROR)
    main = open_review(page, live_site, QUEUED)
    points = main.locator("input[name^=points_]")
    given = [5 + index for index in range(points.count())]
    for index, value in enumerate(given):
        points.nth(index).fill(str(value))
    page.get_by_role("button", name="Złóż ocenę", exact=True).click()
    page.wait_for_load_state("load")

    confirmation = main.locator("[data-review-confirmation]")
    expect(confirmation.get_by_role("heading", level=2)).to_have_text(
        re.compile(r"^Ocena złożona \d{1,2} \w+ 20\d\d, \d\d:\d\d$")
    )
    expect(confirmation).to_contain_text("5 z 10")
    expect(confirmation).to_contain_text("Suma ważona:")
    # Read-only: nothing to type in, no empty "Powód zmiany oceny" box.
    expect(main.locator("input[type=number], textarea")).to_have_count(0)
    expect(main).not_to_contain_text("Powód zmiany oceny")
    next_entry = confirmation.get_by_role("link", name="Oceń następne zgłoszenie")
    change = confirmation.get_by_role("link", name="Zmień ocenę")
    expect(next_entry).to_be_visible()
    expect(change).to_be_visible()
    stored = wait_for_stored(site_dir, QUEUED, lambda s: s[0] >= 3)
    assert [p for p, _c in stored[1]] == given
    shoot(page, screenshot_dir, "jury-confirmation-desktop")
    assert_admin_accessible(page, axe_path, screenshot_dir, "jury confirmation")
    page.set_viewport_size({"width": 375, "height": 812})
    shoot(page, screenshot_dir, "jury-confirmation-mobile")
    assert_admin_accessible(
        page, axe_path, screenshot_dir, "jury confirmation (375 px)"
    )
    page.set_viewport_size({"width": 1280, "height": 800})

    # "Zmień ocenę" opens the form, now asking for a reason.
    change.click()
    page.wait_for_load_state("load")
    expect(main.get_by_label("Powód zmiany oceny")).to_be_visible()
    main.get_by_role("link", name="Anuluj zmianę").click()
    page.wait_for_load_state("load")
    # The next entry to score: juror3's next one not yet submitted.
    main.locator("[data-review-confirmation]").get_by_role(
        "link", name="Oceń następne zgłoszenie"
    ).click()
    page.wait_for_load_state("load")
    expect(main).not_to_contain_text(QUEUED)
