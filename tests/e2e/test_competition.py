"""The competition in a real browser: an applicant's entry from the edition page
to the status link in the receipt e-mail, a correction the secretariat asked
for, and the secretariat's list, inspect view, file download and export.

Every public state of the form (its error state included), the receipt and the
status page must have zero axe violations; screenshots land next to the other
e2e screenshots. The admin is Wagtail's: its axe findings are recorded in
``admin-axe.txt`` in the screenshot directory, not asserted.
"""

import re
from urllib.parse import urlsplit

import pytest
from PIL import Image
from playwright.sync_api import expect

from .support import (
    admin_login,
    assert_accessible,
    path_of,
    read_mail,
    record_admin_axe,
    shoot,
    visit,
)

pytestmark = pytest.mark.e2e

EDITION = "/konkurs/mmes-2027/"
FORM = EDITION + "zgloszenie/reintegracja/"
FORM_EN = "/en/competition/mmes-2027/zgloszenie/reintegracja/"
STATUS = EDITION + "status/"
RECEIPT_PATH = re.compile(r"/konkurs/mmes-2027/zgloszenie/gotowe/MMES-2027-\d{4}/$")
REFERENCE = re.compile(r"^MMES-2027-00\d\d$")
BAD_NIP = "123-456-78-90"
# One NIP per test: the same NIP twice in a category is refused as a duplicate
# (and the demo already has 856-734-62-15 in "Reintegracja").
GOOD_NIPS = {"desktop": "525-000-00-15", "mobile": "525-000-00-21"}
SECRETARIAT_NIP = "525-000-00-38"
DRAFT_NIP = "525-000-00-44"
PHOTOS = ["zdjecie-warsztat.jpg", "zdjecie-zespol.jpg"]
PRESENTATION = "prezentacja-spoldzielni.pdf"
# The demo entry the secretariat sent back for correction of KRS and title.
CORRECTION_TOKEN = "demo-status-0003-tylko-do-pokazu"
CORRECTION_REFERENCE = "MMES-2027-0003"
# A submitted demo entry the applicant may still withdraw.
WITHDRAWAL_TOKEN = "demo-status-0004-tylko-do-pokazu"
WITHDRAWAL_REFERENCE = "MMES-2027-0004"


# -- helpers -----------------------------------------------------------------


def applicant_files(tmp_path):
    """Two small JPEG photos and a small (but real) PDF presentation."""
    paths = []
    for name, colour in zip(PHOTOS, ["#1d6b35", "#0b4f8a"], strict=True):
        path = tmp_path / name
        Image.new("RGB", (120, 80), colour).save(path, "JPEG")
        paths.append(path)
    pdf = tmp_path / PRESENTATION
    pdf.write_bytes(
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
        b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    return paths, pdf


def fill_entry(page, *, name, email_address, nip):
    """Fill every required field of the Reintegracja form, as an applicant would."""
    page.get_by_label("Pełna nazwa organizacji").fill(name)
    page.get_by_label("Forma prawna").select_option("spoldzielnia_socjalna")
    page.locator("#id_nip").fill(nip)
    page.locator("#id_krs").fill("0000359730")
    page.get_by_label("Ulica i numer").fill("ul. Grzybowska 80/82")
    page.get_by_label("Kod pocztowy").fill("00-844")
    page.get_by_label("Miejscowość").fill("Warszawa")
    page.get_by_label("Powiat").select_option(label="Warszawa")
    page.get_by_label("Imię i nazwisko osoby do kontaktu").fill("Jan Testowy")
    page.locator("#id_email").fill(email_address)
    page.locator("#id_title").fill("Pracownia, która daje pracę")
    page.locator("#id_summary").fill(
        "Od 2020 r. prowadzimy pracownię stolarską; pracuje u nas 9 osób."
    )
    for index, answer in enumerate(page.locator(".answer-field textarea").all()):
        answer.fill(f"Odpowiedź {index + 1}: trening pracy i doradztwo zawodowe.")


def attach_files(page, photos, presentation):
    page.locator("#id_photos").set_input_files([str(path) for path in photos])
    page.locator("#id_presentation").set_input_files(str(presentation))


def tick_consents(page):
    page.locator("#id_consent_rules").check()
    page.locator("#id_consent_data").check()
    page.locator("#id_consent_image_publication").check()


def status_link(body, live_site):
    links = re.findall(r"https?://\S+/status/[^/\s]+/", body)
    assert len(links) == 1, f"expected one status link in the e-mail:\n{body}"
    assert links[0].startswith(live_site + EDITION), links[0]
    return links[0]


# Issue 13, point 2: the checksum message once wrapped into five lines in its
# column. At most this many lines per viewport:
ERROR_LINES = {"desktop": 2, "mobile": 3}
# The element's content height over its computed line height ("normal" is
# about 1.2 times the font size).
_LINES = """(el) => {
    const style = getComputedStyle(el);
    const lineHeight = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
    const box = el.getBoundingClientRect().height
        - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)
        - parseFloat(style.borderTopWidth) - parseFloat(style.borderBottomWidth);
    return box / lineHeight;
}"""


def rendered_lines(locator):
    """How many lines ``locator``'s text takes on screen."""
    return round(locator.evaluate(_LINES), 2)


def submit_with_files(page, button_name="Wyślij zgłoszenie"):
    """Click submit and record how the form travelled: with files attached the
    enhancement sends it by XMLHttpRequest so it can show upload progress."""
    posts = []
    page.on(
        "request",
        lambda r: posts.append(r.resource_type) if r.method == "POST" else None,
    )
    page.get_by_role("button", name=button_name).click()
    return posts


# -- the applicant -----------------------------------------------------------


@pytest.mark.parametrize(
    "viewport", [(1280, 800), (375, 812)], ids=["desktop", "mobile"]
)
def test_applicant_submits_with_a_typo_first_and_follows_the_status_link(
    viewport,
    request,
    live_site,
    new_page,
    axe_path,
    screenshot_dir,
    mail_dir,
    tmp_path,
):
    label = request.node.callspec.id
    good_nip = GOOD_NIPS[label]
    applicant_email = f"e2e-{label}@example.org"
    organisation = f"Spółdzielnia Socjalna „Stolarnia” ({label})"
    photos, presentation = applicant_files(tmp_path)
    page = new_page(*viewport)

    # The edition page leads to the category's form.
    visit(page, live_site, EDITION)
    page.get_by_role("link", name="Zgłoś w kategorii Reintegracja").click()
    page.wait_for_url(f"**{FORM}")
    assert page.get_attribute("html", "lang") == "pl"

    # Enhancements present: a live counter under each answer, a progress bar.
    answer = page.locator(".answer-field textarea").first
    limit = int(answer.get_attribute("data-max-length"))
    counter = page.locator(f"#{answer.get_attribute('id')}_counter")
    expect(counter).to_have_text(f"Zostało znaków: {limit}")
    assert counter.get_attribute("id") in answer.get_attribute("aria-describedby")
    progress = page.locator("[data-upload-progress] progress")
    expect(progress).to_have_count(1)
    expect(page.locator("[data-upload-progress]")).to_be_hidden()

    fill_entry(page, name=organisation, email_address=applicant_email, nip=BAD_NIP)
    typed_answer = answer.input_value()
    expect(counter).to_have_text(f"Zostało znaków: {limit - len(typed_answer)}")
    answer.press_sequentially(" Ala")
    typed_answer += " Ala"
    expect(counter).to_have_text(f"Zostało znaków: {limit - len(typed_answer)}")
    attach_files(page, photos, presentation)
    tick_consents(page)

    # A typo in the NIP: the form comes back with its errors and nothing lost.
    posts = submit_with_files(page)
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    assert posts == ["xhr"], f"the form with files went as {posts}, not by XHR"
    assert page.title().startswith("Błędy w formularzu")
    assert path_of(page.url) == FORM
    expect(summary).to_have_attribute("role", "alert")
    expect(summary.get_by_role("heading")).to_be_focused()
    nip_link = summary.locator('a[href="#id_nip"]')
    expect(nip_link).to_have_count(1)
    expect(nip_link).to_contain_text("NIP")
    assert summary.locator("li").count() == 1, summary.inner_text()
    nip = page.locator("#id_nip")
    expect(nip).to_have_attribute("aria-invalid", "true")
    assert "id_nip_error" in nip.get_attribute("aria-describedby")
    nip_error = page.locator("#id_nip_error")
    expect(nip_error).to_contain_text("błędną cyfrę kontrolną")
    lines = rendered_lines(nip_error)
    assert lines <= ERROR_LINES[label], (
        f"the NIP's message takes {lines} lines at {viewport[0]} px: "
        f"{nip_error.inner_text()!r}"
    )

    expect(nip).to_have_value(BAD_NIP)
    expect(page.locator("#id_organisation_name")).to_have_value(organisation)
    expect(page.locator("#id_email")).to_have_value(applicant_email)
    expect(page.locator("#id_legal_form")).to_have_value("spoldzielnia_socjalna")
    expect(answer).to_have_value(typed_answer)
    expect(page.locator("#id_consent_rules")).to_be_checked()
    # The files were accepted: listed by name, not to be chosen again.
    kept = page.locator(".kept-files__name").all_inner_texts()
    assert kept == [*PHOTOS, presentation.name], kept
    for selector in ("#id_photos", "#id_presentation"):
        assert page.eval_on_selector(selector, "i => i.files.length") == 0
    # The enhancements run again on the page that replaced the form.
    expect(page.locator(".char-counter")).to_have_count(
        page.locator(".answer-field textarea").count()
    )

    shoot(page, screenshot_dir, f"competition-form-errors-{label}")
    assert_accessible(page, axe_path, f"form with errors ({label})")

    # Fix the NIP and send again, without choosing the files again.
    nip.fill(good_nip)
    page.get_by_role("button", name="Wyślij zgłoszenie").click()
    page.wait_for_url(RECEIPT_PATH)
    reference = page.locator(".receipt__reference strong").inner_text().strip()
    assert REFERENCE.match(reference), reference
    assert path_of(page.url).endswith(f"/{reference}/")
    receipt = page.locator("main").inner_text()
    assert "Zgłoszenie zostało przyjęte" in receipt
    for name in [*PHOTOS, presentation.name]:
        assert name in receipt, f"{name} missing from the receipt"
    assert applicant_email in receipt
    shoot(page, screenshot_dir, f"competition-receipt-{label}")
    assert_accessible(page, axe_path, f"receipt ({label})")

    # The receipt e-mail, and the private status link in it.
    message, body = read_mail(mail_dir, applicant_email, reference)
    assert reference in message["Subject"]
    link = status_link(body, live_site)
    for name in [*PHOTOS, presentation.name]:
        assert name in body

    # Opened from the mail client: a browser without the submitting session.
    reader = new_page(*viewport)
    response = reader.goto(link)
    assert response is not None and response.status == 200
    assert path_of(reader.url) == STATUS, "the token must leave the address bar"
    assert urlsplit(link).path.rstrip("/").rsplit("/", 1)[-1] not in reader.url
    assert reader.title().startswith("Status zgłoszenia")
    entry = reader.locator("section.status-entry")
    expect(entry).to_have_count(1)
    expect(entry.get_by_role("heading", level=2)).to_have_text(
        f"Zgłoszenie {reference}"
    )
    expect(entry.locator(".status-box")).to_contain_text(
        "Status: Zgłoszenie zostało przyjęte"
    )
    files = entry.locator(".file-list li").all_inner_texts()
    for name in [*PHOTOS, presentation.name]:
        assert any(item.startswith(name) for item in files), (name, files)
    expect(entry).to_contain_text(good_nip)
    shoot(reader, screenshot_dir, f"competition-status-{label}")
    assert_accessible(reader, axe_path, f"status page ({label})")


def test_a_draft_with_a_typo_saves_and_back_from_the_receipt_sends_nothing_twice(
    live_site, new_page, axe_path, screenshot_dir, mail_dir
):
    """Issue 13, points 1 and 3: the draft saves despite a wrong NIP, and Back
    from the receipt followed by "Wyślij" again leads to the same entry."""
    email_address = "e2e-wersja-robocza@example.org"
    name = "Spółdzielnia Socjalna „Robocza”"
    page = new_page(375, 812)
    visit(page, live_site, FORM)
    fill_entry(page, name=name, email_address=email_address, nip=BAD_NIP)
    page.get_by_role("button", name="Zapisz wersję roboczą").click()
    page.wait_for_load_state("load")
    expect(page.locator(".notice--success")).to_contain_text("Wersja robocza zapisana")
    summary = page.locator("#error-summary")
    expect(summary.get_by_role("heading")).to_have_text("Przed wysłaniem popraw 1 pole")
    expect(page.locator("#id_nip_error")).to_contain_text("błędną cyfrę kontrolną")
    expect(page.locator("#id_nip")).to_have_value(BAD_NIP)
    read_mail(mail_dir, email_address, "?wersja=")  # the link to the draft was sent
    shoot(page, screenshot_dir, "competition-draft-with-a-typo-mobile")
    assert_accessible(page, axe_path, "draft saved with a typo")

    # Opened again later, the draft shows the NIP as typed, with its error.
    visit(page, live_site, FORM)
    expect(page.locator("#id_nip")).to_have_value(BAD_NIP)
    expect(page.locator("#id_nip_error")).to_contain_text("błędną cyfrę kontrolną")
    expect(page.locator("#id_organisation_name")).to_have_value(name)

    page.locator("#id_nip").fill(DRAFT_NIP)
    page.locator("#id_video_url").fill("https://youtu.be/robocza")
    tick_consents(page)
    page.get_by_role("button", name="Wyślij zgłoszenie").click()
    page.wait_for_url(RECEIPT_PATH)
    reference = page.locator(".receipt__reference strong").inner_text().strip()

    # Back, and the same entry sent again: the receipt of the first one.
    page.go_back()
    page.wait_for_url(f"**{FORM}")
    expect(page.locator(".notice").first).to_contain_text(
        f"Zgłoszenie {reference} zostało już wysłane"
    )
    fill_entry(page, name=name, email_address=email_address, nip=DRAFT_NIP)
    page.locator("#id_video_url").fill("https://youtu.be/robocza")
    tick_consents(page)
    page.get_by_role("button", name="Wyślij zgłoszenie").click()
    page.wait_for_url(RECEIPT_PATH)
    assert page.locator(".receipt__reference strong").inner_text().strip() == reference

    # The same NIP from another browser: refused, with the way to the status.
    other = new_page()
    visit(other, live_site, FORM)
    fill_entry(other, name=name, email_address="ktos@example.org", nip=DRAFT_NIP)
    other.locator("#id_video_url").fill("https://youtu.be/robocza")
    tick_consents(other)
    other.get_by_role("button", name="Wyślij zgłoszenie").click()
    other.wait_for_load_state("load")
    expect(other.locator("#id_nip_error")).to_contain_text(
        "jest już zgłoszenie z tym numerem NIP"
    )
    expect(
        other.get_by_role("link", name="Jak sprawdzić status zgłoszenia")
    ).to_have_attribute("href", STATUS)
    shoot(other, screenshot_dir, "competition-duplicate-desktop")
    assert_accessible(other, axe_path, "a duplicate entry refused")


def test_form_works_without_files_by_plain_post(live_site, new_page, axe_path):
    """No file chosen: the form travels as an ordinary POST (no XHR), and an
    empty submit lists every required field in the summary."""
    page = new_page()
    visit(page, live_site, FORM)
    posts = submit_with_files(page)
    page.wait_for_load_state("load")
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("heading")).to_be_focused()
    assert posts == ["document"], posts
    for field in ("organisation_name", "nip", "email", "consent_rules"):
        expect(summary.locator(f'a[href="#id_{field}"]')).to_have_count(1)
    # Each summary link leads to a real element on the page.
    for href in summary.locator("a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    ):
        assert page.locator(href).count() == 1, f"summary link {href} goes nowhere"
    assert_accessible(page, axe_path, "empty form with errors")


def test_an_empty_submit_on_a_phone_lands_on_a_compact_summary(
    live_site, new_page, axe_path, screenshot_dir
):
    """Issue 13, points 4 and 6: 14 errors made an 1,850 px summary and the
    page landed mid-list; the RODO clause lost its disclosure marker."""
    page = new_page(375, 812)
    visit(page, live_site, FORM)
    clause = page.locator("#information-clause summary")
    assert clause.evaluate("s => getComputedStyle(s).display") == "list-item"
    assert clause.bounding_box()["height"] >= 44
    page.get_by_role("button", name="Wyślij zgłoszenie").click()
    page.wait_for_load_state("load")
    summary = page.locator("#error-summary")
    heading = summary.get_by_role("heading")
    expect(heading).to_be_focused()
    top = heading.bounding_box()["y"]
    assert 0 <= top < 812, f"the summary's heading is off-screen at y={top}"
    count = summary.locator("li").count()
    assert count >= 12, count
    height = summary.bounding_box()["height"]
    assert height < 700, f"{count} errors take {height} px"
    # The links name the fields shortly; the messages stay for screen readers.
    consent = summary.locator('a[href="#id_consent_rules"]')
    expect(consent).to_contain_text("Zgoda: regulamin konkursu")
    assert "Zapoznałem" not in consent.inner_text()
    shoot(page, screenshot_dir, "competition-form-empty-submit-mobile")
    assert_accessible(page, axe_path, "empty form with errors (phone)")


def test_english_form_speaks_english(live_site, new_page):
    """<html lang=en> must not wrap Polish labels (WCAG 3.1.1/3.1.2)."""
    page = new_page()
    visit(page, live_site, "/en/competition/mmes-2027/zgloszenie/reintegracja/")
    assert page.get_attribute("html", "lang") == "en"
    expect(page.get_by_role("heading", level=1)).not_to_contain_text("Zgłoszenie")
    expect(page.get_by_role("button", name="Wyślij zgłoszenie")).to_have_count(0)
    expect(page.get_by_role("button", name="Send entry")).to_have_count(1)


def test_leaving_a_form_with_typed_text_asks_first(
    live_site, new_page, axe_path, screenshot_dir
):
    """Issue 13, point 5: a link that leaves the form opens a new tab; with
    text typed, leaving asks first (``beforeunload``); sending or saving the
    draft does not ask, and the saved draft says why its consents are unticked."""
    page = new_page()
    visit(page, live_site, FORM)
    dialogs = []

    def stay(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # "Stay on the page"

    page.on("dialog", stay)

    back = page.locator(".form-back a")
    expect(back.locator("svg.icon--new-tab")).to_be_visible()
    expect(back).to_contain_text("(otwiera się w nowej karcie)")
    with page.context.expect_page() as opened:
        back.click()
    opened.value.wait_for_load_state("load")
    assert path_of(opened.value.url) == EDITION
    opened.value.close()
    assert path_of(page.url) == FORM and dialogs == []

    name = page.get_by_label("Pełna nazwa organizacji")
    name.click()
    name.press_sequentially("Spółdzielnia „Niezapisana”")
    with page.expect_event("dialog") as asked:
        page.locator(".language-switcher a[hreflang='en']").click()
    assert asked.value.type == "beforeunload"
    page.wait_for_timeout(300)  # a navigation that was not cancelled would start
    assert path_of(page.url) == FORM
    expect(name).to_have_value("Spółdzielnia „Niezapisana”")

    page.locator("#id_email").fill("e2e-niezapisana@example.org")
    page.get_by_role("button", name="Zapisz wersję roboczą").click()
    page.wait_for_load_state("load")
    expect(page.locator(".notice--success")).to_contain_text("Wersja robocza zapisana")
    expect(page.locator("#consent-draft-note")).to_be_visible()
    assert dialogs == ["beforeunload"], dialogs

    # Saved: the language switch leaves without asking, to the same form,
    # where the draft continues in English.
    page.locator(".language-switcher a[hreflang='en']").click()
    page.wait_for_url(f"**{FORM_EN}")
    expect(page.locator("#id_organisation_name")).to_have_value(
        "Spółdzielnia „Niezapisana”"
    )
    expect(page.locator("#consent-draft-note")).to_contain_text(
        "A draft does not keep the consents"
    )
    assert dialogs == ["beforeunload"], dialogs
    shoot(page, screenshot_dir, "competition-draft-in-english-desktop")
    assert_accessible(page, axe_path, "a reopened draft in English")


def test_the_language_switch_on_a_form_leads_to_the_same_form(
    live_site, new_page, axe_path, screenshot_dir
):
    """Issue 13, point 5: the switch went to the edition's page, not the form."""
    page = new_page(375, 812)
    visit(page, live_site, FORM)
    page.locator(".language-switcher a[hreflang='en']").click()
    page.wait_for_url(f"**{FORM_EN}")
    assert page.get_attribute("html", "lang") == "en"
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Entry in the “Reintegration"
    )
    expect(page.locator(".form-back a")).to_contain_text("(opens in a new tab)")
    shoot(page, screenshot_dir, "competition-form-english-mobile")
    assert_accessible(page, axe_path, "the English form reached by the switch")
    page.locator(".language-switcher a[hreflang='pl']").click()
    page.wait_for_url(f"**{FORM}")
    assert page.get_attribute("html", "lang") == "pl"


# -- the correction ----------------------------------------------------------


def test_applicant_corrects_the_fields_the_secretariat_flagged(
    live_site, new_page, axe_path, screenshot_dir, mail_dir
):
    page = new_page()
    response = page.goto(f"{live_site}{EDITION}status/{CORRECTION_TOKEN}/")
    assert response is not None and response.status == 200
    assert path_of(page.url) == STATUS

    entry = page.locator("section.status-entry")
    expect(entry.get_by_role("heading", level=2)).to_have_text(
        f"Zgłoszenie {CORRECTION_REFERENCE}"
    )
    expect(entry.locator(".status-box")).to_contain_text("wymaga poprawy")
    correction = entry.locator("section.status-action form:has(input[value=correct])")
    expect(correction).to_have_count(1)
    editable = correction.locator(
        "input:not([type=hidden]), select, textarea"
    ).evaluate_all("fields => fields.map(f => f.name)")
    assert editable == ["krs", "title"], editable
    assert_accessible(page, axe_path, "correction form")

    # An invalid KRS first: the errors are in a summary and by the field.
    krs = correction.get_by_label("KRS")
    krs.fill("12-34-ABC")
    correction.get_by_role("button", name="Wyślij poprawione zgłoszenie").click()
    page.wait_for_load_state("load")
    assert path_of(page.url) == STATUS
    correction = page.locator("section.status-action form:has(input[value=correct])")
    summary = correction.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_have_attribute("role", "alert")
    expect(summary.get_by_role("heading")).to_be_focused()
    krs = correction.get_by_label("KRS")
    expect(summary.locator(f'a[href="#{krs.get_attribute("id")}"]')).to_have_count(1)
    expect(krs).to_have_value("12-34-ABC")
    expect(krs).to_have_attribute("aria-invalid", "true")
    expect(page.locator("section.status-entry .status-box")).to_contain_text(
        "wymaga poprawy"
    )
    shoot(page, screenshot_dir, "competition-correction-errors-desktop")
    assert_accessible(page, axe_path, "correction form with errors")

    # The right KRS: the entry goes back to the secretariat as submitted.
    krs.fill("0000511486")
    correction.get_by_role("button", name="Wyślij poprawione zgłoszenie").click()
    page.wait_for_load_state("load")
    assert path_of(page.url) == STATUS
    expect(page.locator(".status-messages")).to_contain_text(CORRECTION_REFERENCE)
    entry = page.locator("section.status-entry")
    expect(entry.locator(".status-box")).to_contain_text(
        "Status: Zgłoszenie zostało przyjęte"
    )
    expect(entry.locator("form:has(input[value=correct])")).to_have_count(0)
    expect(entry.locator(".data-list").first).to_contain_text("0000511486")
    shoot(page, screenshot_dir, "competition-correction-done-desktop")
    assert_accessible(page, axe_path, "status page after the correction")
    read_mail(mail_dir, "zgloszenia-demo@example.org", CORRECTION_REFERENCE)


def test_applicant_withdraws_an_entry_from_the_status_page(
    live_site, new_page, axe_path
):
    """The page's other form: a browser sends ``Origin`` with it, so this
    fails with a CSRF 403 if the page is ever sent as "no-referrer" again."""
    page = new_page(375, 812)
    response = page.goto(f"{live_site}{EDITION}status/{WITHDRAWAL_TOKEN}/")
    assert response is not None and response.status == 200
    withdrawal = page.locator("section.status-action--withdraw form")

    withdrawal.get_by_role("button", name="Wycofuję zgłoszenie").click()
    page.wait_for_load_state("load")
    withdrawal = page.locator("section.status-action--withdraw form")
    summary = withdrawal.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("heading")).to_be_focused()
    assert_accessible(page, axe_path, "withdrawal form with errors (mobile)")

    withdrawal.get_by_label("Rozumiem, że wycofania nie można cofnąć").check()
    withdrawal.get_by_role("button", name="Wycofuję zgłoszenie").click()
    page.wait_for_load_state("load")
    assert path_of(page.url) == STATUS
    expect(page.locator(".status-messages")).to_contain_text(WITHDRAWAL_REFERENCE)
    expect(page.locator(".status-box")).to_contain_text(
        "Status: Zgłoszenie zostało wycofane"
    )
    expect(page.locator("section.status-action--withdraw")).to_have_count(0)


# -- the secretariat ---------------------------------------------------------


def test_secretariat_finds_the_entry_downloads_its_files_and_exports(
    live_site, new_page, axe_path, screenshot_dir, tmp_path
):
    photos, presentation = applicant_files(tmp_path)
    applicant = new_page()
    visit(applicant, live_site, FORM)
    fill_entry(
        applicant,
        name="Spółdzielnia Socjalna „Dla sekretariatu”",
        email_address="e2e-sekretariat@example.org",
        nip=SECRETARIAT_NIP,
    )
    attach_files(applicant, photos, presentation)
    tick_consents(applicant)
    applicant.get_by_role("button", name="Wyślij zgłoszenie").click()
    applicant.wait_for_url(RECEIPT_PATH)
    reference = applicant.locator(".receipt__reference strong").inner_text().strip()

    (screenshot_dir / "admin-axe.txt").unlink(missing_ok=True)
    page = admin_login(new_page(), live_site, "sekretariat")

    page.get_by_role("button", name="Konkurs").click()
    page.get_by_role("link", name="Zgłoszenia", exact=True).click()
    page.wait_for_url(f"{live_site}/admin/competition/entries/")
    row = page.locator("table.listing tbody tr", has_text=reference)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Dla sekretariatu")
    expect(row).to_contain_text("Reintegracja")
    shoot(page, screenshot_dir, "admin-entries-list-desktop")
    record_admin_axe(page, axe_path, screenshot_dir, "admin entry list")

    # The CSV export from the header's actions menu.
    page.get_by_role("button", name="Akcje").click()
    with page.expect_download() as csv_download:
        page.get_by_role("link", name="Pobierz CSV").click()
    assert csv_download.value.suggested_filename.endswith(".csv")
    exported = (tmp_path / "export.csv").as_posix()
    csv_download.value.save_as(exported)
    with open(exported, encoding="utf-8-sig") as csv_file:
        csv_text = csv_file.read()
    assert reference in csv_text
    assert "Spółdzielnia Socjalna „Dla sekretariatu”" in csv_text

    row.get_by_role("link", name=reference).click()
    page.wait_for_url(re.compile(r"/admin/competition/entries/inspect/\d+/$"))
    files = page.locator("section:has(#entry-files)")
    names = files.locator("tbody a").all_inner_texts()
    assert names == [*PHOTOS, presentation.name], names
    shoot(page, screenshot_dir, "admin-entry-inspect-desktop")
    record_admin_axe(page, axe_path, screenshot_dir, "admin entry inspect")

    for name, source in [(presentation.name, presentation), (PHOTOS[0], photos[0])]:
        with page.expect_download() as download:
            files.get_by_role("link", name=name).click()
        assert download.value.suggested_filename == name
        saved = tmp_path / f"downloaded-{name}"
        download.value.save_as(saved)
        assert saved.read_bytes() == source.read_bytes(), f"{name} changed on the way"
