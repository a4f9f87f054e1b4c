"""The jury's half of the competition in a real browser, on the demo's edition
in the jury phase (MMES-2026): from the formal check to published results.

The secretariat checks the two late entries (one by its checklist, one with
the bulk action) and runs the assignment; the chair and a juror declare no
conflict and score, the third juror declares a conflict; the secretariat
closes scoring; the chair reads the ranking, checks it against the XLSX export
and records the decisions; the secretariat publishes; the public results page
lists the laureates with zero axe violations; the competition's log (Konkurs →
Dziennik konkursu) tells the story and exports it. Every jury screen is
photographed into ``build/e2e-screenshots/jury-*.png``.

Our admin screens must have no axe violations either (Wagtail's fading flash
messages aside); the findings are also written to ``admin-axe.txt``.
"""

import io
import re
from fractions import Fraction

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from .support import (
    admin_login,
    assert_accessible,
    assert_admin_accessible,
    assert_screen_reader_text_hidden,
    path_of,
    read_mail,
    shoot,
    visit,
)

pytestmark = pytest.mark.e2e

EDITION = "MMES-2026"
RESULTS_PAGE = "/konkurs/mmes-2026/wyniki/"
# The two late entries the demo leaves for the formal check.
CHECKED = "MMES-2026-0010"  # Reintegracja, checked with the checklist
BULK = "MMES-2026-0011"  # Rozwój, marked eligible in bulk
APPLICANT_MAIL = "zgloszenia-demo@example.org"
# Points the chair and juror2 give CHECKED, per criterion; the demo's
# Reintegracja criteria weigh 3, 2 and 1, each out of 10 points.
POINTS = {"juror1": [9, 8, 10], "juror2": [7, 6, 8]}
WEIGHTS = [3, 2, 1]
MAX_POINTS = 10


def juror_total(points):
    """sum(w·s) / sum(w·max) · 100, as DESIGN §6 defines it."""
    weighted = sum(w * s for w, s in zip(WEIGHTS, points, strict=True))
    return Fraction(weighted * 100, sum(WEIGHTS) * MAX_POINTS)


# The entry's score: the mean of the two submitted totals (juror3 conflicted).
EXPECTED_SCORE = (juror_total(POINTS["juror1"]) + juror_total(POINTS["juror2"])) / 2


def open_competition_menu(page, item):
    page.get_by_role("button", name="Konkurs").click()
    page.get_by_role("link", name=item, exact=True).click()
    page.wait_for_load_state("load")


def open_jury_dashboard(page):
    menu = page.get_by_role("navigation", name="Główne menu")
    menu.get_by_role("link", name="Ocena zgłoszeń").click()
    page.wait_for_load_state("load")


def entry_row(page, reference):
    return page.locator("table tbody tr", has_text=reference)


# -- the secretariat: formal check and assignment ----------------------------


def secretariat_checks_the_late_entries(page, base, screenshot_dir, axe_path):
    open_competition_menu(page, "Zgłoszenia")
    page.goto(
        f"{base}/admin/competition/entries/?edition=all&status=submitted&q={EDITION}"
    )
    expect(entry_row(page, CHECKED)).to_have_count(1)
    expect(entry_row(page, BULK)).to_have_count(1)

    # One by its checklist: every requirement ticked, "eligible".
    entry_row(page, CHECKED).get_by_role("link", name="Oceń").click()
    page.wait_for_load_state("load")
    form = page.locator("form[aria-labelledby=formal-check-heading]")
    expect(form).to_contain_text(f"Ocena formalna zgłoszenia {CHECKED}")
    shoot(page, screenshot_dir, "jury-formal-check-desktop")
    assert_admin_accessible(page, axe_path, screenshot_dir, "formal check")
    # A decision without the checklist ticked is refused and nothing is lost.
    form.get_by_label("spełnia wymogi").check()
    form.get_by_label("Notatka wewnętrzna").fill("Dokumenty kompletne.")
    form.get_by_role("button", name="Zapisz ocenę i powiadom zgłaszającego").click()
    page.wait_for_load_state("load")
    form = page.locator("form[aria-labelledby=formal-check-heading]")
    expect(form.locator(".help-critical").first).to_be_visible()
    expect(form.get_by_label("Notatka wewnętrzna")).to_have_value(
        "Dokumenty kompletne."
    )
    for checkbox in form.locator("fieldset input[type=checkbox]").all():
        checkbox.check()
    form.get_by_label("spełnia wymogi").check()
    form.get_by_role("button", name="Zapisz ocenę i powiadom zgłaszającego").click()
    page.wait_for_load_state("load")
    expect(page.locator(".messages")).to_contain_text(f"{CHECKED}: spełnia wymogi")
    read_mail(page.context.mail_dir, APPLICANT_MAIL, CHECKED)

    # The other with the bulk action.
    page.goto(
        f"{base}/admin/competition/entries/?edition=all&status=submitted&q={EDITION}"
    )
    expect(entry_row(page, CHECKED)).to_have_count(0)
    entry_row(page, BULK).locator("input[type=checkbox]").check()
    page.get_by_role("link", name="Oznacz wybrane zgłoszenia").click()
    page.wait_for_load_state("load")
    expect(page.locator("main")).to_contain_text(BULK)
    page.get_by_role("button", name="Tak, oznacz jako spełniające wymogi").click()
    page.wait_for_load_state("load")
    page.goto(
        f"{base}/admin/competition/entries/?edition=all&status=eligible&q={EDITION}"
    )
    expect(entry_row(page, CHECKED)).to_have_count(1)
    expect(entry_row(page, BULK)).to_have_count(1)
    read_mail(page.context.mail_dir, APPLICANT_MAIL, BULK)


def secretariat_assigns_the_jury(page, base, screenshot_dir, axe_path):
    open_competition_menu(page, "Przydział zgłoszeń")
    page.get_by_role("link", name=re.compile(EDITION)).first.click()
    page.wait_for_load_state("load")
    # Nobody scores the new entries yet.
    row = entry_row(page, CHECKED)
    expect(row.locator("input[type=checkbox]:checked")).to_have_count(0)
    page.get_by_role("button", name="Przydziel automatycznie").click()
    page.wait_for_load_state("load")
    # Every juror of the edition scores every entry of a category by default.
    for reference in (CHECKED, BULK):
        row = entry_row(page, reference)
        expect(row.locator("input[type=checkbox]:checked")).to_have_count(3)
    shoot(page, screenshot_dir, "jury-assignment-matrix-desktop")
    assert_admin_accessible(page, axe_path, screenshot_dir, "assignment matrix")
    # The jurors were told.
    for juror in ("juror1@", "juror2@", "juror3@"):
        read_mail(page.context.mail_dir, juror, "/admin/jury/")


# -- the jurors -------------------------------------------------------------


def juror_declares_a_conflict(page, base, screenshot_dir, axe_path):
    """juror3 knows the organisation: declares it and never sees the entry."""
    open_jury_dashboard(page)
    row = entry_row(page, CHECKED)
    expect(row).to_have_count(1)
    # The dashboard names the entry but not its content.
    shoot(page, screenshot_dir, "jury-dashboard-desktop")
    assert_admin_accessible(page, axe_path, screenshot_dir, "jury dashboard")
    row.get_by_role("link").first.click()
    page.wait_for_load_state("load")
    assert path_of(page.url).endswith("/declaration/"), page.url
    entry_url = page.url.removesuffix("declaration/")
    expect(page.locator("main")).not_to_contain_text("Kryteria i odpowiedzi")
    shoot(page, screenshot_dir, "jury-declaration-desktop")
    assert_admin_accessible(page, axe_path, screenshot_dir, "jury declaration")

    # A conflict without its kind is refused, with the answer kept.
    page.get_by_label("Mam konflikt interesów").check()
    page.get_by_role("button", name="Złóż deklarację").click()
    page.wait_for_load_state("load")
    expect(page.get_by_label("Mam konflikt interesów")).to_be_checked()
    expect(page.locator("main")).to_contain_text("Wybierz rodzaj")
    page.get_by_label("Rodzaj konfliktu interesów").select_option(
        label="zatrudnienie lub współpraca"
    )
    page.get_by_label("Wyjaśnienie (nieobowiązkowe)").fill(
        "Prowadziłem szkolenia dla tej spółdzielni."
    )
    page.get_by_role("button", name="Złóż deklarację").click()
    page.wait_for_load_state("load")
    # Back on the dashboard, the entry is gone; its address no longer opens.
    expect(entry_row(page, CHECKED)).to_have_count(0)
    response = page.goto(entry_url)
    assert response is not None and response.status in (403, 404), response.status
    expect(page.locator("body")).not_to_contain_text("Pracownia krawiecka")


def juror_scores(page, base, username, screenshot_dir, axe_path, *, shots=False):
    """Declare no conflict, fill the points and comments, submit."""
    open_jury_dashboard(page)
    entry_row(page, CHECKED).get_by_role("link").first.click()
    page.wait_for_load_state("load")
    page.get_by_label("Nie mam konfliktu interesów").check()
    page.get_by_role("button", name="Złóż deklarację").click()
    page.wait_for_load_state("load")
    main = page.locator("main")
    expect(main).to_contain_text("Kryteria i odpowiedzi")
    expect(main).to_contain_text("Pracownia krawiecka dla mam")
    points = main.locator("input[name^=points_]")
    expect(points).to_have_count(len(POINTS[username]))
    if shots:
        shoot(page, screenshot_dir, "jury-review-desktop")
        assert_admin_accessible(page, axe_path, screenshot_dir, "jury review")
        # A juror scoring on a phone.
        desktop = page.viewport_size
        page.set_viewport_size({"width": 375, "height": 812})
        shoot(page, screenshot_dir, "jury-review-mobile")
        assert_admin_accessible(page, axe_path, screenshot_dir, "jury review (375 px)")
        page.set_viewport_size(desktop)
    for index, value in enumerate(POINTS[username]):
        points.nth(index).fill(str(value))
        main.locator("textarea[name^=comment_]").nth(index).fill(
            f"{username}: uzasadnienie {index + 1}."
        )
    # The running weighted total follows the points as they are entered.
    weighted = sum(w * s for w, s in zip(WEIGHTS, POINTS[username], strict=True))
    percent = f"{float(juror_total(POINTS[username])):.2f}".replace(".", ",")
    expect(main.locator("[data-jury-total]")).to_have_text(
        f"Suma ważona: {weighted} z {sum(WEIGHTS) * MAX_POINTS} pkt ({percent}%)"
    )
    return main


def juror_submits(page, button="Złóż ocenę"):
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state("load")
    if button == "Złóż ocenę":
        # The review's screen confirms it (test_autosave.py looks closer).
        confirmation = page.locator("[data-review-confirmation]")
        expect(confirmation).to_contain_text("Ocena złożona")
    else:
        # On the next entry: the message says which one was submitted.
        expect(page.locator(".messages")).to_contain_text(
            f"Ocena zgłoszenia {CHECKED} złożona"
        )


def juror_looks_at_a_late_conflict(page, screenshot_dir, axe_path):
    """On an entry juror2 already scored (demo: MMES-2026-0002), the form for
    a conflict noticed late: it says the submitted review would stop counting
    and wants a reason. The juror changes their mind; nothing changes."""
    reference = "MMES-2026-0002"
    open_jury_dashboard(page)
    row = entry_row(page, reference)
    expect(row).to_contain_text("złożona")
    row.get_by_role("link").first.click()
    page.wait_for_load_state("load")
    page.get_by_role("link", name="Zgłoś konflikt interesów").click()
    page.wait_for_load_state("load")
    main = page.locator("main")
    expect(main).to_contain_text("Twoja złożona ocena zostanie wycofana")
    shoot(page, screenshot_dir, "jury-late-conflict-desktop")
    assert_admin_accessible(page, axe_path, screenshot_dir, "late conflict")
    page.get_by_role("button", name="Zgłoś konflikt interesów").click()
    page.wait_for_load_state("load")
    expect(main).to_contain_text("Wybierz rodzaj konfliktu interesów")
    expect(main).to_contain_text("napisz, skąd konflikt interesów")
    assert_admin_accessible(page, axe_path, screenshot_dir, "late conflict, errors")
    page.get_by_role("link", name="Wróć do oceny zgłoszenia").click()
    page.wait_for_load_state("load")
    open_jury_dashboard(page)
    expect(entry_row(page, reference)).to_contain_text("złożona")


def two_tabs_cannot_overwrite(page, new_page, base, username):
    """The same review open twice: the second save is refused, not merged."""
    first_url = page.url
    other = admin_login(new_page(), base, username)
    other.goto(first_url)
    other.locator("input[name^=points_]").first.fill("1")
    other.get_by_role("button", name="Zapisz wersję roboczą").click()
    other.wait_for_load_state("load")
    expect(other.locator(".messages")).to_contain_text("Wersja robocza zapisana")
    # The first tab still holds the old version number.
    page.get_by_role("button", name="Złóż ocenę", exact=True).click()
    page.wait_for_load_state("load")
    expect(page.locator("main")).to_contain_text("zmieniona w innej karcie")
    page.goto(page.url)  # a fresh GET, with the current version


def keyboard_reaches_every_score(page):
    """Every points field and the submit button, by Tab alone, in order."""
    page.locator("input[name^=points_]").first.focus()
    names = []
    for _ in range(20):
        names.append(page.evaluate("document.activeElement.name || ''"))
        if page.evaluate("document.activeElement.type") == "submit":
            break
        page.keyboard.press("Tab")
    visited = [n for n in names if n.startswith(("points_", "comment_"))]
    assert len(visited) == 2 * len(POINTS["juror1"]), names


# -- results ----------------------------------------------------------------


def secretariat_sees_counts_and_closes(page, base, screenshot_dir, axe_path):
    open_competition_menu(page, "Postęp oceny jury")
    main = page.locator("main")
    expect(main).to_contain_text("tylko liczby")
    row = entry_row(page, CHECKED)
    expect(row).to_have_count(1)
    # Two scored, one conflict; no points anywhere.
    expect(row).to_contain_text("2")
    expect(main).not_to_contain_text("juror1: uzasadnienie")
    shoot(page, screenshot_dir, "jury-progress-desktop")
    assert_admin_accessible(page, axe_path, screenshot_dir, "jury progress")

    open_competition_menu(page, "Wyniki")
    results_row = page.locator("table tbody tr", has_text="2026")
    # The ranking stays shut while the jury scores.
    results_row.get_by_role("link", name=re.compile("Mazowiecka")).first.click()
    page.wait_for_load_state("load")
    expect(page.locator("main")).to_contain_text("Ocena jury jeszcze trwa")
    page.go_back()
    page.locator("table tbody tr", has_text="2026").get_by_role(
        "link", name="Zamknij ocenę"
    ).click()
    page.wait_for_load_state("load")
    assert_screen_reader_text_hidden(page, "close scoring confirmation")
    page.get_by_role("button", name="Zamknij ocenę").click()
    page.wait_for_load_state("load")
    expect(page.locator(".messages")).to_contain_text("Ocena zamknięta")


def open_category(page, name):
    nav = page.get_by_role("navigation", name="Kategorie")
    # Each tab's name ends with what it still needs ("brakuje 3 decyzji").
    link = nav.get_by_role("link", name=re.compile(rf"^{name}(\s|$)"))
    if link.count():  # the current category is shown as text, not a link
        link.click()
        page.wait_for_load_state("load")
    expect(page.locator("main h2").first).to_contain_text(name)


def decision_is_within_reach(page, screenshot_dir, axe_path):
    """At 1280 px "Zapisz decyzję" sits inside the window with no sideways
    scrolling; at 375 px the way to the next decision is on the first screen."""
    assert page.viewport_size == {"width": 1280, "height": 800}
    button = page.locator("table.results-ranking td.decision a").first
    expect(button).to_have_text(re.compile("^Zapisz decyzję"))
    box = button.bounding_box()
    assert box and box["x"] + box["width"] <= 1280, box
    assert page.evaluate(
        "() => document.documentElement.scrollWidth <= window.innerWidth"
    )
    scroller = page.locator(".results-admin__scroll").first
    assert scroller.evaluate("el => el.scrollLeft") == 0
    nav = page.get_by_role("navigation", name="Kategorie")
    expect(nav).to_contain_text(re.compile(r"brakuje \d+ decyzji"))
    shoot(page, screenshot_dir, "jury-ranking-decisions-desktop")
    page.set_viewport_size({"width": 375, "height": 812})
    try:
        page.reload()  # the admin lays its sidebar out for the width it loads at
        next_button = page.get_by_role("link", name=re.compile("^Następna decyzja"))
        box = next_button.bounding_box()
        assert box and box["x"] + box["width"] <= 375, box
        shoot(page, screenshot_dir, "jury-ranking-decisions-mobile")
    finally:
        page.set_viewport_size({"width": 1280, "height": 800})
        page.reload()


def decide_with_save_and_next(page, category):
    """The chair goes through the last category without coming back to the
    ranking: "Następna decyzja", then "Zapisz i przejdź do następnej decyzji"
    from entry to entry in ranking order."""
    open_category(page, category)
    references = page.locator("table.results-ranking tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.reference).filter(Boolean)"
    )
    page.get_by_role("link", name=re.compile("^Następna decyzja")).click()
    page.wait_for_load_state("load")
    for reference in references:
        expect(page.locator("main h2").first).to_contain_text(reference)
        page.get_by_label("bez nagrody", exact=True).check()
        page.get_by_label("Uzasadnienie jury").fill(f"Jury: {reference}.")
        # The last decision of all has no next one to offer.
        last = reference == references[-1]
        save_and_next = page.get_by_role(
            "button", name="Zapisz i przejdź do następnej decyzji"
        )
        expect(save_and_next).to_have_count(0 if last else 1)
        if last:
            page.get_by_role("button", name="Zapisz decyzję", exact=True).click()
        else:
            save_and_next.click()
        page.wait_for_load_state("load")
        expect(page.locator(".messages")).to_contain_text(reference)
    # The last category done: back on its ranking, nothing left to decide.
    expect(page.locator("main h2").first).to_contain_text(category)
    expect(page.locator(".results-admin__next")).to_contain_text(
        "Wszystkie ocenione zgłoszenia, które widzisz, mają decyzję."
    )
    return references


def decide_category(page, screenshot_dir, axe_path, first=False):
    """The chair's decisions in ranking order: a laureate, a distinction, and
    no award for the rest; back on the ranking after each."""
    outcomes = ["laureat", "wyróżnienie"]
    references = page.locator("table.results-ranking tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.reference).filter(Boolean)"
    )
    for place, reference in enumerate(references):
        row = page.locator(f"table.results-ranking tr[data-reference='{reference}']")
        row.get_by_role("link", name=re.compile("^Zapisz decyzję")).click()
        page.wait_for_load_state("load")
        expect(page.locator("main")).to_contain_text(reference)
        if first and place == 0:
            shoot(page, screenshot_dir, "jury-decision-desktop")
            assert_admin_accessible(page, axe_path, screenshot_dir, "decision")
        outcome = outcomes[place] if place < len(outcomes) else "bez nagrody"
        page.get_by_label(outcome, exact=True).check()
        page.get_by_label("Uzasadnienie jury").fill(f"Jury: {outcome}, {reference}.")
        page.get_by_role("button", name="Zapisz decyzję").click()
        page.wait_for_load_state("load")
        expect(page.locator(".messages")).to_contain_text(
            f"Zapisano decyzję dla zgłoszenia {reference}"
        )
        row = page.locator(f"table.results-ranking tr[data-reference='{reference}']")
        expect(row.locator("td.decision")).to_contain_text(outcome)
    return references


def chair_ranks_and_decides(page, base, screenshot_dir, axe_path):
    page.get_by_role("button", name="Konkurs").click()
    page.get_by_role("link", name="Wyniki", exact=True).click()
    page.wait_for_load_state("load")
    page.locator("table tbody tr", has_text="2026").get_by_role(
        "link", name=re.compile("Mazowiecka")
    ).first.click()
    page.wait_for_load_state("load")
    open_category(page, "Reintegracja")
    row = page.locator(f"table.results-ranking tr[data-reference='{CHECKED}']")
    expect(row.locator("td.n")).to_have_text("2")  # juror3 declared a conflict
    expected = f"{float(EXPECTED_SCORE):.2f}"
    expect(row.locator("td.score")).to_have_text(expected.replace(".", ","))
    shoot(page, screenshot_dir, "jury-ranking-desktop")
    assert_admin_accessible(page, axe_path, screenshot_dir, "ranking")

    # The export holds the same number, from the same points.
    with page.expect_download() as download:
        page.get_by_role("link", name="Pobierz ranking (XLSX)").click()
    workbook = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    cells = [
        str(cell)
        for sheet in workbook.worksheets
        for line in sheet.iter_rows(values_only=True)
        if CHECKED in [str(c) for c in line]
        for cell in line
    ]
    assert any(cell.startswith(expected) for cell in cells), cells

    decision_is_within_reach(page, screenshot_dir, axe_path)
    decided = []
    for index, category in enumerate(["Reintegracja", "Rozwój"]):
        open_category(page, category)
        decided += decide_category(page, screenshot_dir, axe_path, first=index == 0)
    decided += decide_with_save_and_next(page, "Osobowość")
    # Every entry the jury had, the unscored BULK included (n = 0).
    assert sorted(decided) == [f"{EDITION}-{n:04d}" for n in range(1, 12)], decided

    page.get_by_role("link", name="Protokół do druku").click()
    page.wait_for_load_state("load")
    expect(page.locator("main")).to_contain_text(CHECKED)
    shoot(page, screenshot_dir, "jury-protocol-desktop")
    assert_admin_accessible(page, axe_path, screenshot_dir, "protocol")


def secretariat_publishes(page, base):
    open_competition_menu(page, "Wyniki")
    page.locator("table tbody tr", has_text="2026").get_by_role(
        "link", name=re.compile("Mazowiecka")
    ).first.click()
    page.wait_for_load_state("load")
    page.get_by_role("link", name="Opublikuj wyniki").click()
    page.wait_for_load_state("load")
    page.get_by_role("button", name="Opublikuj wyniki").click()
    page.wait_for_load_state("load")
    expect(page.locator(".messages")).to_contain_text("Wyniki opublikowane")


def secretariat_reads_the_log(page, base, tmp_path, screenshot_dir, axe_path):
    """Konkurs → Dziennik konkursu: the journey's steps with who and why, and
    the same in the CSV export."""
    open_competition_menu(page, "Dziennik konkursu")
    main = page.locator("main")
    # Newest first: the publication and the closing of scoring.
    expect(main).to_contain_text("Wyniki opublikowane")
    expect(main).to_contain_text("Ocena jury zamknięta")
    # Filtered to conflicts: juror3's declaration, with its note as the reason.
    page.goto(f"{page.url.split('?')[0]}?action=competition.conflict.declared")
    row = page.locator("table tbody tr", has_text=CHECKED)
    expect(row).to_contain_text("Piotr Juror")
    expect(row).to_contain_text("Prowadziłem szkolenia dla tej spółdzielni.")
    shoot(page, screenshot_dir, "jury-competition-log-desktop")
    assert_admin_accessible(page, axe_path, screenshot_dir, "competition log")
    page.get_by_role("button", name="Akcje").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Pobierz CSV").click()
    exported = tmp_path / "dziennik.csv"
    download.value.save_as(exported)
    text = exported.read_text(encoding="utf-8-sig")
    # The export follows the filter: the conflict, who declared it and why.
    for expected in (CHECKED, "Piotr Juror", "Prowadziłem szkolenia dla"):
        assert expected in text, expected
    assert "Wyniki opublikowane" not in text


# -- the journey ---------------------------------------------------------------


def test_from_formal_check_to_published_results(
    live_site, new_page, mail_dir, axe_path, screenshot_dir, tmp_path
):
    base = live_site
    (screenshot_dir / "admin-axe.txt").touch()

    def staff(username):
        page = admin_login(new_page(), base, username)
        page.context.mail_dir = mail_dir
        return page

    # The results page is not public before publication.
    public = new_page()
    response = public.goto(base + RESULTS_PAGE)
    assert response is not None and response.status == 404, response.status

    secretariat = staff("sekretariat")
    secretariat_checks_the_late_entries(secretariat, base, screenshot_dir, axe_path)
    secretariat_assigns_the_jury(secretariat, base, screenshot_dir, axe_path)

    juror_declares_a_conflict(staff("juror3"), base, screenshot_dir, axe_path)

    juror2 = staff("juror2")
    juror_scores(juror2, base, "juror2", screenshot_dir, axe_path, shots=True)
    two_tabs_cannot_overwrite(juror2, new_page, base, "juror2")
    juror_scores_again = juror2.locator("input[name^=points_]")
    for index, value in enumerate(POINTS["juror2"]):
        juror_scores_again.nth(index).fill(str(value))
    juror_submits(juror2)
    juror_looks_at_a_late_conflict(juror2, screenshot_dir, axe_path)

    chair = staff("juror1")
    juror_scores(chair, base, "juror1", screenshot_dir, axe_path)
    keyboard_reaches_every_score(chair)
    juror_submits(chair, button="Złóż ocenę i przejdź do następnego")

    secretariat_sees_counts_and_closes(secretariat, base, screenshot_dir, axe_path)
    chair_ranks_and_decides(chair, base, screenshot_dir, axe_path)
    secretariat_publishes(secretariat, base)
    secretariat_reads_the_log(secretariat, base, tmp_path, screenshot_dir, axe_path)

    # The public results: laureates by category, accessible, in both sizes.
    for width, height, suffix in ((1280, 800, "desktop"), (375, 812, "mobile")):
        page = new_page(width, height)
        visit(page, base, RESULTS_PAGE)
        expect(page.locator("main")).to_contain_text("Spółdzielnia Socjalna")
        assert_accessible(page, axe_path, f"results page after publication ({suffix})")
        shoot(page, screenshot_dir, f"jury-published-results-{suffix}")
    # And every applicant was told.
    read_mail(mail_dir, APPLICANT_MAIL, "wyniki")
