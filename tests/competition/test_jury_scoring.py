"""The juror's screens: dashboard, declaration of conflict of interest, scoring
with autosave and optimistic locking, and every rule about who sees what,
tried by changing ids in URLs and forms."""

import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from PIL import ExifTags, Image
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from competition import permissions
from competition.models import (
    Assignment,
    CompetitionPage,
    ConflictDeclaration,
    EntryFile,
    Review,
    ReviewVersion,
    Score,
    Status,
)
from competition.permissions import can_download
from competition.views.jury_review import save_refusal

from . import builders
from .builders import JURY, assign, body, member, staff_user

STALE = "Ta ocena została w międzyczasie zmieniona w innej karcie"
DASHBOARD = reverse("jury:dashboard")


# -- helpers ---------------------------------------------------------------------


def review_url(entry):
    return reverse("jury:review", args=[entry.pk])


def change_url(entry):
    return reverse("jury:change", args=[entry.pk])


def declaration_url(entry):
    return reverse("jury:declaration", args=[entry.pk])


def autosave_url(entry):
    return reverse("jury:autosave", args=[entry.pk])


def photo_url(entry_file):
    return reverse("jury:photo", args=[entry_file.pk])


def download_url(entry_file):
    return reverse("competition_file_download", args=[entry_file.pk])


def declare_none(entry, jury_member):
    return ConflictDeclaration.objects.create(
        entry=entry, member=jury_member, has_conflict=False
    )


def criteria_of(entry):
    return list(entry.category.criteria.order_by("sort_order", "pk"))


def form_data(entry, points, comments=None, version=0, action="draft", **extra):
    """The scoring form as a juror fills it: ``points`` in criteria order."""
    data = {"version": str(version), "action": action}
    for index, criterion in enumerate(criteria_of(entry)):
        value = points[index] if index < len(points) else None
        data[f"points_{criterion.pk}"] = "" if value is None else str(value)
        data[f"comment_{criterion.pk}"] = (comments or {}).get(index, "")
    data.update(extra)
    return data


def close_scoring(edition):
    CompetitionPage.objects.filter(pk=edition.pk).update(
        scoring_closed_at=timezone.now() - timedelta(minutes=1)
    )


def logged(action):
    return ModelLogEntry.objects.filter(action=action)


# -- fixtures --------------------------------------------------------------------


@pytest.fixture
def edition(home):
    """An edition in its jury phase: submissions closed, scoring open."""
    page = builders.jury_phase_edition(home)
    # Guidance the juror sees beside each criterion.
    for criterion in page.categories.get(slug="reintegracja").criteria.all():
        criterion.juror_guidance = f"Wskazówka do {criterion.name}."
        criterion.save()
    return page


@pytest.fixture
def entries(edition):
    first = builders.entry(
        edition,
        status=Status.ELIGIBLE,
        organisation_name="Fundacja Pierwsza",
        summary="Tajny opis pierwszego zgłoszenia.",
        video_url="https://video.example.org/film-1",
    )
    second = builders.entry(
        edition, status=Status.IN_REVIEW, organisation_name="Spółdzielnia Druga"
    )
    third = builders.entry(
        edition, status=Status.ELIGIBLE, organisation_name="Stowarzyszenie Trzecie"
    )
    return [first, second, third]


@pytest.fixture
def other_juror(db):
    return staff_user("juror2", JURY)


@pytest.fixture
def jury(edition, juror, other_juror, entries):
    """Two jurors: the first assigned to all three entries, the second to the
    first two."""
    mine = member(edition, juror)
    theirs = member(edition, other_juror)
    for entry in entries:
        assign(entry, mine)
    for entry in entries[:2]:
        assign(entry, theirs)
    return {"mine": mine, "theirs": theirs}


@pytest.fixture
def juror_client(client, juror):
    client.force_login(juror)
    return client


@pytest.fixture
def declared(jury, entries):
    """The first juror declared no conflict on every entry."""
    for entry in entries:
        declare_none(entry, jury["mine"])
    return entries


@pytest.fixture
def files(private_root, entries):
    """A photo (a real PNG) and a presentation on the first entry."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import storages

    buffer = io.BytesIO()
    Image.new("RGBA", (1, 1), (200, 30, 30, 255)).save(buffer, "PNG")
    png = buffer.getvalue()
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    storage = storages["private"]
    photo_name = storage.save("entries/photo.png", ContentFile(png))
    pdf_name = storage.save("entries/deck.pdf", ContentFile(pdf))
    photo = EntryFile.objects.create(
        entry=entries[0],
        kind=EntryFile.Kind.PHOTO,
        storage_name=photo_name,
        original_name="kawiarnia.png",
        content_type="image/png",
        size=len(png),
        width=1,
        height=1,
    )
    presentation = EntryFile.objects.create(
        entry=entries[0],
        kind=EntryFile.Kind.PRESENTATION,
        storage_name=pdf_name,
        original_name="prezentacja.pdf",
        content_type="application/pdf",
        size=len(pdf),
    )
    return {"photo": (photo, png), "presentation": (presentation, pdf)}


# -- the rules (competition/permissions.py) ------------------------------------------


def test_juror_assignments_are_live_only(home, edition, jury, entries, juror):
    mine = jury["mine"]
    withdrawn = builders.entry(edition, status=Status.WITHDRAWN)
    submitted = builders.entry(edition, status=Status.SUBMITTED)
    reviewed = builders.entry(edition, status=Status.REVIEWED)
    for entry in (withdrawn, submitted, reviewed):
        assign(entry, mine)
    # An entry of another edition cannot be one of this membership's.
    other = builders.edition(home, code="MMES-2028", categories=("rozwoj",))
    assign(builders.entry(other, status=Status.ELIGIBLE), mine)
    # A conflict hides the entry even if the secretariat assigns it again.
    ConflictDeclaration.objects.create(
        entry=entries[2], member=mine, has_conflict=True, kind="family"
    )

    live = {a.entry_id for a in permissions.juror_assignments(mine)}

    assert live == {entries[0].pk, entries[1].pk, reviewed.pk}
    assert set(permissions.memberships(juror)) == {mine}
    assert permissions.assignment_for(juror, entries[2].pk) is None
    assert permissions.assignment_for(juror, withdrawn.pk) is None
    assert permissions.assignment_for(juror, entries[0].pk).member == mine


def test_can_open_entry_needs_an_assignment_and_a_declaration(jury, entries, juror):
    mine, theirs = jury["mine"], jury["theirs"]
    assert not permissions.can_open_entry(juror, entries[0])  # not declared yet

    declare_none(entries[0], mine)
    assert permissions.can_open_entry(juror, entries[0])
    assert permissions.can_open_entry(juror, entries[0].pk)
    # Declaring on an entry one is not assigned to opens nothing.
    declare_none(entries[2], theirs)
    assert not permissions.can_open_entry(theirs.user, entries[2])
    # Nor does a declaration survive the entry leaving the jury's states.
    entries[0].status = Status.DISQUALIFIED
    entries[0].save()
    assert not permissions.can_open_entry(juror, entries[0])


def test_nobody_else_is_a_juror(db, secretary, editor):
    anonymous = type("Anonymous", (), {"is_authenticated": False})()
    inactive = staff_user("nieaktywny", JURY, is_active=False)

    for user in (secretary, editor, anonymous, inactive):
        assert not permissions.is_juror(user)
        assert not permissions.memberships(user).exists()


# -- menu --------------------------------------------------------------------------


def test_menu_item_only_for_jury_members(jury, juror, secretary, editor):
    jury_group_only = staff_user("bez-edycji", JURY)

    assert "Ocena zgłoszeń" in builders.menu_labels(juror)
    assert "Postęp oceny jury" not in builders.menu_labels(juror)
    for user in (jury_group_only, secretary, editor):
        assert "Ocena zgłoszeń" not in builders.menu_labels(user)
    assert "Postęp oceny jury" in builders.menu_labels(secretary)


def test_a_juror_sees_only_the_jury_in_the_menu(jury, juror, secretary, editor):
    """Wagtail's reports and help are for staff; a juror's admin is the jury's
    screens (and their own account)."""
    assert builders.menu_labels(juror) == ["Ocena zgłoszeń"]
    assert "Raporty" in builders.menu_labels(secretary)
    assert "Pomoc" in builders.menu_labels(editor)


# -- dashboard ------------------------------------------------------------------------


def test_dashboard_lists_assignments_with_status_and_progress(
    juror_client, jury, entries, edition
):
    mine, theirs = jury["mine"], jury["theirs"]
    first, second, third = entries
    fourth = builders.entry(
        edition, status=Status.ELIGIBLE, organisation_name="Czwarta Sp. Soc."
    )
    assign(fourth, mine)
    for entry in (second, third, fourth):
        declare_none(entry, mine)
    Review.objects.create(entry=third, member=mine)  # a draft
    Review.objects.create(entry=fourth, member=mine, status=Review.Status.SUBMITTED)
    # Another juror's submitted review changes nothing here.
    declare_none(second, theirs)
    Review.objects.create(entry=second, member=theirs, status=Review.Status.SUBMITTED)
    # An entry this juror is not assigned to is not listed.
    hidden = builders.entry(
        edition, status=Status.ELIGIBLE, organisation_name="Obca Fundacja"
    )
    assign(hidden, theirs)

    response = juror_client.get(DASHBOARD)

    assert response.status_code == 200
    content = response.content.decode()
    statuses = re.findall(r'data-assignment-status="(\w+)"', content)
    # What still needs doing first: the draft, then the rest in order.
    assert statuses == ["draft", "declare", "not_started", "submitted"]
    assert "wymaga deklaracji bezstronności" in content
    assert "nierozpoczęta" in content and "wersja robocza" in content
    assert 'max="4" value="1"' in content
    assert "Złożono 1 z 4 ocen." in content
    assert f'href="{declaration_url(first)}"' in content
    for entry in (second, third, fourth):
        assert f'href="{review_url(entry)}"' in content
    assert "Obca Fundacja" not in content
    assert hidden.reference not in content


@pytest.mark.parametrize("count", [3, 30])
def test_dashboard_queries_do_not_grow_with_assignments(
    client, edition, juror, django_assert_max_num_queries, count
):
    mine = member(edition, juror)
    for number in range(count):
        entry = builders.entry(edition, status=Status.ELIGIBLE)
        assign(entry, mine)
        if number % 3:
            declare_none(entry, mine)
        if number % 3 == 2:
            Review.objects.create(entry=entry, member=mine)
    client.force_login(juror)

    with django_assert_max_num_queries(DASHBOARD_QUERY_BUDGET):
        response = client.get(DASHBOARD)

    assert response.content.decode().count("data-assignment-status") == count


# Measured on SQLite: 14 for the dashboard at either size, 19 for the scoring
# screen with a saved review at either size (Wagtail's admin page itself takes
# about ten); a little room, far below one query per assignment or criterion.
DASHBOARD_QUERY_BUDGET = 16
REVIEW_QUERY_BUDGET = 21


def test_next_goes_to_the_next_unfinished_assignment(
    juror_client, jury, declared, entries
):
    mine = jury["mine"]
    Review.objects.create(entry=entries[1], member=mine, status="submitted")

    response = juror_client.get(reverse("jury:next") + f"?after={entries[0].pk}")
    assert response["Location"] == review_url(entries[2])
    # Wraps round; skips what is submitted.
    response = juror_client.get(reverse("jury:next") + f"?after={entries[2].pk}")
    assert response["Location"] == review_url(entries[0])


# -- declaration of conflict of interest -----------------------------------------------


def test_before_declaring_the_juror_sees_only_who_and_where(
    juror_client, jury, entries, files
):
    entry = entries[0]
    photo, _png = files["photo"]

    # The scoring screen sends the juror to the declaration first.
    response = juror_client.get(review_url(entry))
    assert response.status_code == 302
    assert response["Location"] == declaration_url(entry)

    response = juror_client.get(declaration_url(entry))
    assert response.status_code == 200
    content = response.content.decode()
    assert entry.reference in content
    assert "Fundacja Pierwsza" in content
    assert "Reintegracja" in content
    assert "Nie mam konfliktu interesów" in content
    assert "Mam konflikt interesów" in content
    for secret in ("Tajny opis", "Odpowiedź na Kryterium 1.", "kawiarnia.png"):
        assert secret not in content
    # Nor the files, by any door.
    assert juror_client.get(download_url(photo)).status_code == 403
    assert juror_client.get(photo_url(photo)).status_code == 403
    assert juror_client.post(autosave_url(entry), {"version": "0"}).status_code == 404


def test_no_conflict_opens_the_entry_and_is_logged(juror_client, jury, entries, juror):
    entry = entries[0]

    response = juror_client.post(declaration_url(entry), {"answer": "no"}, follow=True)

    assert response.redirect_chain[-1][0] == review_url(entry)
    assert "Odpowiedź na Kryterium 1." in response.content.decode()
    declaration = ConflictDeclaration.objects.get(entry=entry, member=jury["mine"])
    assert declaration.has_conflict is False
    (entry_log,) = logged("competition.conflict.none")
    assert entry_log.user_id == juror.pk
    assert entry_log.object_id == str(entry.pk)
    # A second declaration is not possible: the form now leads to the review.
    again = juror_client.post(declaration_url(entry), {"answer": "yes"})
    assert again["Location"] == review_url(entry)
    assert ConflictDeclaration.objects.filter(entry=entry).count() == 1


def test_a_conflict_hides_the_entry_from_the_juror_everywhere(
    juror_client, jury, entries, files, juror
):
    entry = entries[0]
    mine = jury["mine"]
    photo, _png = files["photo"]
    presentation, _pdf = files["presentation"]
    # A draft left over (e.g. made before a reassignment) goes with the assignment.
    Review.objects.create(entry=entry, member=mine)

    response = juror_client.post(
        declaration_url(entry),
        {"answer": "yes", "kind": "employment", "note": "Pracowałem tam w 2025."},
        follow=True,
    )

    content = response.content.decode()
    assert response.redirect_chain[-1][0] == DASHBOARD
    assert "Zgłosiłeś(-aś) konflikt interesów" in content
    declaration = ConflictDeclaration.objects.get(entry=entry, member=mine)
    assert declaration.has_conflict
    assert declaration.kind == "employment"
    assert declaration.note == "Pracowałem tam w 2025."
    assert not Assignment.objects.filter(entry=entry, member=mine).exists()
    assert not Review.objects.filter(entry=entry, member=mine).exists()
    (conflict_log,) = logged("competition.conflict.declared")
    assert conflict_log.user_id == juror.pk
    assert conflict_log.data["kind"] == "employment"
    assert conflict_log.data["reason"] == "Pracowałem tam w 2025."
    # Gone from the dashboard, the screens, the files...
    assert f'<th scope="row">{entry.reference}</th>' not in content
    assert f'href="{declaration_url(entry)}"' not in content
    assert f'href="{review_url(entry)}"' not in content
    assert "Złożono 0 z 2 ocen." in content
    assert juror_client.get(review_url(entry)).status_code == 404
    assert juror_client.get(declaration_url(entry)).status_code == 404
    assert juror_client.post(
        review_url(entry), form_data(entry, [5, 5])
    ).status_code == (404)
    assert juror_client.post(autosave_url(entry), {"version": "0"}).status_code == 404
    assert juror_client.get(download_url(photo)).status_code == 403
    assert juror_client.get(download_url(presentation)).status_code == 403
    assert juror_client.get(photo_url(photo)).status_code == 403
    # ...even when the secretariat assigns the juror to it again by hand.
    assign(entry, mine)
    assert juror_client.get(review_url(entry)).status_code == 404
    assert entry.reference not in juror_client.get(DASHBOARD).content.decode()
    assert not can_download(juror, photo)


def test_a_conflict_needs_its_kind(juror_client, jury, entries):
    response = juror_client.post(declaration_url(entries[0]), {"answer": "yes"})

    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' in content
    assert "Wybierz rodzaj konfliktu interesów" in content
    assert 'href="#declaration-kind"' in content
    assert re.search(r'<select[^>]*aria-invalid="true"', content)
    assert (
        'aria-describedby="declaration-kind_helptext declaration-kind_error"' in content
    )
    assert not ConflictDeclaration.objects.exists()
    assert Assignment.objects.filter(entry=entries[0], member=jury["mine"]).exists()


# -- the scoring screen ----------------------------------------------------------------


def test_scoring_screen_shows_the_answers_beside_the_criteria(
    juror_client, declared, files
):
    entry = declared[0]
    photo, _png = files["photo"]
    presentation, _pdf = files["presentation"]

    response = juror_client.get(review_url(entry))

    assert response.status_code == 200
    content = response.content.decode()
    for criterion in criteria_of(entry):
        assert criterion.question in content
        assert f"Wskazówka do {criterion.name}." in content
        assert f"Odpowiedź na {criterion.name}." in content
        field = f'id="review-points_{criterion.pk}"'
        assert field in content
        assert f'<label for="review-points_{criterion.pk}">' in content
        assert f'<label for="review-comment_{criterion.pk}">' in content
        assert re.search(
            rf'<input type="number" name="points_{criterion.pk}" min="0" max="10"',
            content,
        )
        # The answer comes before the points for it.
        assert content.index(f"Odpowiedź na {criterion.name}.") < content.index(field)
    assert "Waga kryterium: 2" in content
    assert f'<img src="{photo_url(photo)}"' in content
    assert 'alt="Zdjęcie 1 z 1 ze zgłoszenia' in content
    assert f'href="{download_url(presentation)}"' in content
    assert 'href="https://video.example.org/film-1"' in content
    assert 'name="version" value="0"' in content
    assert "Zapisz wersję roboczą" in content and "Złóż ocenę" in content
    assert "js/jury.js" in content
    # Applicants' contact data stays with the secretariat.
    assert entry.email not in content and entry.phone not in content


def test_the_weight_is_said_once_and_the_answer_reads_as_text(juror_client, declared):
    entry = declared[0]

    content = juror_client.get(review_url(entry)).content.decode()

    sections = re.findall(
        r'<section class="jury-criterion".*?</section>', content, re.S
    )
    assert len(sections) == 2
    for section, criterion in zip(sections, criteria_of(entry), strict=True):
        # Once beside the criterion, not again in the points field's hint.
        assert section.lower().count("waga") == 1, section
        assert "od 0 do 10 pkt" in section
        # The answer's heading is a plain label, visible, not a link.
        assert '<h4 class="jury-answer__label">Odpowiedź zgłaszającego</h4>' in section
        answer = re.search(
            r'<blockquote class="jury-answer">(.*?)</blockquote>', section, re.S
        )
        assert answer and "<a " not in answer.group(1)
        # The running weighted total reads each field's weight and maximum.
        assert re.search(
            rf'<input type="number" name="points_{criterion.pk}" min="0" max="10"'
            rf'[^>]*data-weight="{criterion.weight}"',
            section,
        )
    # Progressive enhancement: empty and hidden until jury.js fills it.
    assert re.search(r'<p class="jury-total" data-jury-total[^>]* hidden', content)
    assert "Suma ważona: {points} z {max} pkt ({percent})" in content


def test_the_dashboard_lists_what_still_needs_doing_first(client, edition, juror):
    mine = member(edition, juror)
    kinds = ["submitted", "not_started", "draft", "declare", "draft"]
    references = {}
    for kind in kinds:
        entry = builders.entry(edition, status=Status.ELIGIBLE)
        assign(entry, mine)
        references.setdefault(kind, []).append(entry.reference)
        if kind != "declare":
            declare_none(entry, mine)
        if kind in ("submitted", "draft"):
            Review.objects.create(entry=entry, member=mine, status=kind)
    client.force_login(juror)

    content = client.get(DASHBOARD).content.decode()

    shown = re.findall(
        r'<tr data-assignment-status="([a-z_]+)">\s*<th scope="row">([^<]+)</th>',
        content,
    )
    assert [status for status, _ref in shown] == [
        "draft",
        "draft",
        "not_started",
        "declare",
        "submitted",
    ]
    # Within a group, the entries' order.
    assert [ref for status, ref in shown if status == "draft"] == references["draft"]


@pytest.mark.parametrize("criteria", [2, 8])
def test_scoring_screen_queries_do_not_grow_with_criteria(
    client, edition, juror, django_assert_max_num_queries, criteria
):
    category = builders.category(edition, f"k{criteria}", criteria=criteria)
    entry = builders.entry(edition, category=category, status=Status.ELIGIBLE)
    mine = member(edition, juror)
    assign(entry, mine)
    declare_none(entry, mine)
    review = Review.objects.create(entry=entry, member=mine, version=1)
    for criterion in category.criteria.all():
        Score.objects.create(review=review, criterion=criterion, points=3)
    for number in range(criteria):
        EntryFile.objects.create(
            entry=entry,
            kind=EntryFile.Kind.PHOTO,
            storage_name=f"p/{criteria}-{number}.png",
            original_name=f"{number}.png",
            content_type="image/png",
            size=10,
        )
    client.force_login(juror)

    with django_assert_max_num_queries(REVIEW_QUERY_BUDGET):
        response = client.get(review_url(entry))

    assert response.content.decode().count('type="number"') == criteria


def test_a_draft_keeps_partial_points(juror_client, jury, declared, juror):
    entry = declared[0]
    first, second = criteria_of(entry)

    response = juror_client.post(
        review_url(entry), form_data(entry, [7, None], {0: "Dobrze."}), follow=True
    )

    assert "Wersja robocza zapisana." in response.content.decode()
    review = Review.objects.get(entry=entry, member=jury["mine"])
    assert review.status == Review.Status.DRAFT
    assert review.version == 1
    assert review.submitted_at is None
    scores = {score.criterion_id: score for score in review.scores.all()}
    assert scores[first.pk].points == 7
    assert scores[first.pk].comment == "Dobrze."
    assert scores[second.pk].points is None
    assert not ReviewVersion.objects.exists()
    assert not logged("competition.review.submitted").exists()
    assert 'name="version" value="1"' in response.content.decode()


def test_submit_needs_points_for_every_criterion(juror_client, declared):
    entry = declared[0]
    first, second = criteria_of(entry)

    response = juror_client.post(
        review_url(entry), form_data(entry, [7, None], action="submit")
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' in content
    assert f'href="#review-points_{second.pk}"' in content
    assert "Przyznaj punkty za to kryterium (od 0 do 10)" in content
    # The error is tied to its field, the typed value is kept.
    assert (
        f'aria-describedby="review-points_{second.pk}_helptext '
        f'review-points_{second.pk}_error"'
    ) in content
    assert f'id="review-points_{second.pk}_error"' in content
    assert re.search(rf'name="points_{first.pk}" value="7"', content)
    assert not Review.objects.exists()


@pytest.mark.parametrize("points", ["11", "-1", "abc", "5.5"])
def test_points_outside_the_scale_are_refused(juror_client, declared, points):
    entry = declared[0]
    first, _second = criteria_of(entry)
    data = form_data(entry, [None, 3], action="draft")
    data[f"points_{first.pk}"] = points

    response = juror_client.post(review_url(entry), data)

    assert "Wpisz liczbę punktów od 0 do 10." in response.content.decode()
    assert not Score.objects.exists()


def test_submit_keeps_the_first_version_and_is_logged(
    juror_client, jury, declared, juror
):
    entry = declared[0]
    first, second = criteria_of(entry)

    response = juror_client.post(
        review_url(entry),
        form_data(entry, [8, 6], {1: "Mało konkretów."}, action="submit"),
        follow=True,
    )

    assert "data-review-confirmation" in response.content.decode()
    review = Review.objects.get(entry=entry, member=jury["mine"])
    assert review.status == Review.Status.SUBMITTED
    assert review.submitted_at is not None
    (version,) = review.versions.all()
    assert version.number == 1
    assert version.status == Review.Status.SUBMITTED
    assert version.author == juror
    assert version.reason == ""
    assert version.scores == [
        {"criterion": first.pk, "points": 8, "comment": ""},
        {"criterion": second.pk, "points": 6, "comment": "Mało konkretów."},
    ]
    (submitted_log,) = logged("competition.review.submitted")
    assert submitted_log.user_id == juror.pk
    assert submitted_log.data["entry"] == entry.reference
    # No points in the audit log: it is not where scores are read.
    assert "points" not in submitted_log.data
    # The dashboard counts it.
    assert "Złożono 1 z 3 ocen." in juror_client.get(DASHBOARD).content.decode()


def test_a_change_after_submit_needs_a_reason_and_every_version_is_kept(
    juror_client, jury, declared, juror
):
    entry = declared[0]
    juror_client.post(review_url(entry), form_data(entry, [8, 6], action="submit"))
    review = Review.objects.get(entry=entry, member=jury["mine"])

    # The review's screen confirms it; "Zmień ocenę" opens the form again.
    confirmation = juror_client.get(review_url(entry)).content.decode()
    assert "Powód zmiany oceny" not in confirmation
    assert f'href="{change_url(entry)}"' in confirmation
    page = juror_client.get(change_url(entry)).content.decode()
    assert "Powód zmiany oceny" in page
    assert "Zapisz zmianę oceny" in page
    assert "Zapisz wersję roboczą" not in page  # a submitted review stays submitted

    # Without a reason: refused, typed values kept.
    refused = juror_client.post(
        change_url(entry),
        form_data(entry, [9, 6], version=review.version, action="draft"),
    )
    content = refused.content.decode()
    assert "Napisz, dlaczego zmieniasz złożoną ocenę." in content
    assert 'href="#review-reason"' in content
    review.refresh_from_db()
    assert review.versions.count() == 1
    assert review.scores.get(criterion=criteria_of(entry)[0]).points == 8

    # With a reason: a second version, logged as a change.
    response = juror_client.post(
        change_url(entry),
        form_data(
            entry,
            [9, 6],
            version=review.version,
            action="draft",
            reason="Przeoczyłem dane o zatrudnieniu.",
        ),
        follow=True,
    )
    assert "Zmiana oceny zapisana (wersja 2)." in response.content.decode()
    review.refresh_from_db()
    assert review.status == Review.Status.SUBMITTED
    assert [v.number for v in review.versions.all()] == [1, 2]
    latest = review.versions.get(number=2)
    assert latest.reason == "Przeoczyłem dane o zatrudnieniu."
    assert latest.scores[0]["points"] == 9
    assert review.versions.get(number=1).scores[0]["points"] == 8
    (change_log,) = logged("competition.review.changed")
    assert change_log.data["reason"] == "Przeoczyłem dane o zatrudnieniu."
    assert change_log.user_id == juror.pk
    # The juror's own history shows both versions with the reason.
    assert "Historia Twojej oceny" in response.content.decode()
    assert "Przeoczyłem dane o zatrudnieniu." in response.content.decode()
    # Back on the confirmation, which says when it last changed.
    assert response.redirect_chain[-1][0] == review_url(entry)
    assert "Ostatnia zmiana: " in response.content.decode()
    assert "(wersja 2)" in response.content.decode()


def test_after_submitting_the_juror_sees_a_confirmation_not_the_form(
    juror_client, jury, declared
):
    entry, second_entry, _third = declared
    first, second = criteria_of(entry)

    response = juror_client.post(
        review_url(entry),
        form_data(entry, [8, 6], {1: "Mało konkretów."}, action="submit"),
        follow=True,
    )

    assert response.redirect_chain[-1][0] == review_url(entry)
    content = response.content.decode()
    review = Review.objects.get(entry=entry, member=jury["mine"])
    when = date_format(timezone.localtime(review.submitted_at), "j E Y, H:i")
    assert f"Ocena złożona {when}" in content
    # Read-only: no field to type in, no empty reason box.
    assert 'type="number"' not in content
    assert "<textarea" not in content
    assert "Powód zmiany oceny" not in content
    assert "Złóż ocenę" not in content
    # The points and comments as submitted, and the weighted total.
    assert f"8 z {first.max_points} (waga" in content
    assert f"6 z {second.max_points} (waga" in content
    assert "Mało konkretów." in content
    earned = first.weight * 8 + second.weight * 6
    full = first.weight * first.max_points + second.weight * second.max_points
    assert f"Suma ważona: {floatformat(earned, '-2')} z {floatformat(full, '-2')}" in (
        content
    )
    # What next: the next entry to score, or a change with a reason.
    assert f'href="{reverse("jury:next")}?after={entry.pk}"' in content
    assert "Oceń następne zgłoszenie" in content
    assert f'href="{change_url(entry)}"' in content
    assert ">Zmień ocenę<" in content


def test_the_last_confirmation_leads_back_to_the_list(juror_client, jury, declared):
    for entry in declared[1:]:
        Review.objects.create(entry=entry, member=jury["mine"], status="submitted")
    entry = declared[0]

    response = juror_client.post(
        review_url(entry), form_data(entry, [5, 5], action="submit"), follow=True
    )

    content = response.content.decode()
    assert "Oceń następne zgłoszenie" not in content
    assert "To była Twoja ostatnia ocena do złożenia. Dziękujemy!" in content
    assert f'class="button" href="{DASHBOARD}"' in content


def test_change_opens_only_a_submitted_review_while_scoring_is_open(
    juror_client, jury, declared, edition
):
    entry = declared[0]
    # Nothing submitted yet: the change URL is the scoring screen.
    response = juror_client.get(change_url(entry))
    assert response.status_code == 302 and response.url == review_url(entry)

    juror_client.post(review_url(entry), form_data(entry, [5, 5], action="submit"))
    assert "Powód zmiany oceny" in juror_client.get(change_url(entry)).content.decode()

    close_scoring(edition)
    response = juror_client.get(change_url(entry))
    assert response.status_code == 302 and response.url == review_url(entry)
    content = juror_client.get(review_url(entry)).content.decode()
    assert "data-review-confirmation" in content
    assert "Zmień ocenę" not in content and "Oceń następne" not in content


def test_two_saves_from_the_same_version_the_second_is_refused(
    juror_client, jury, declared
):
    entry = declared[0]
    first, _second = criteria_of(entry)
    # Two tabs opened on version 0.
    juror_client.post(review_url(entry), form_data(entry, [4, 4], version=0))

    response = juror_client.post(
        review_url(entry), form_data(entry, [7, 2], {0: "Z drugiej karty"}, version=0)
    )

    content = response.content.decode()
    assert response.status_code == 409
    assert STALE in content
    assert "Odśwież stronę, aby zobaczyć aktualną wersję." in content
    # What the juror typed is still on the page, with the stale version (so a
    # second click is refused too rather than overwriting).
    assert re.search(rf'name="points_{first.pk}" value="7"', content)
    assert "Z drugiej karty" in content
    assert 'name="version" value="0"' in content
    review = Review.objects.get(entry=entry, member=jury["mine"])
    assert review.version == 1
    assert review.scores.get(criterion=first).points == 4
    # Submitting from the stale tab is refused the same way.
    again = juror_client.post(
        review_url(entry), form_data(entry, [7, 2], version=0, action="submit")
    )
    assert again.status_code == 409
    assert not ReviewVersion.objects.exists()


def test_save_and_next_goes_to_the_next_unfinished(juror_client, jury, declared):
    first, second, third = declared
    Review.objects.create(entry=second, member=jury["mine"], status="submitted")

    response = juror_client.post(
        review_url(first), form_data(first, [5, 5], action="submit_next"), follow=True
    )

    assert response.redirect_chain[-1][0] == review_url(third)


def test_save_and_next_after_the_last_one_returns_to_the_dashboard(
    juror_client, jury, declared
):
    for entry in declared[1:]:
        Review.objects.create(entry=entry, member=jury["mine"], status="submitted")

    response = juror_client.post(
        review_url(declared[0]),
        form_data(declared[0], [5, 5], action="submit_next"),
        follow=True,
    )

    assert response.redirect_chain[-1][0] == DASHBOARD
    assert "Nie masz więcej ocen do złożenia" in response.content.decode()


# -- autosave --------------------------------------------------------------------------


def test_autosave_saves_a_draft_and_returns_the_new_version(
    juror_client, jury, declared
):
    entry = declared[0]
    first, _second = criteria_of(entry)
    data = form_data(entry, [3, None], {0: "Szkic"})
    del data["action"]

    response = juror_client.post(autosave_url(entry), data)

    assert response.status_code == 200
    assert response.json()["version"] == 1
    assert "Wersja robocza zapisana automatycznie" in response.json()["message"]
    review = Review.objects.get(entry=entry, member=jury["mine"])
    assert review.status == Review.Status.DRAFT
    assert review.scores.get(criterion=first).comment == "Szkic"
    # The next autosave carries the new version; the old one is refused.
    assert juror_client.post(autosave_url(entry), data).status_code == 409
    data["version"] = "1"
    assert juror_client.post(autosave_url(entry), data).json()["version"] == 2


def test_the_top_line_says_when_the_draft_was_saved(juror_client, jury, declared):
    entry = declared[0]
    assert (
        "Ocena nierozpoczęta." in juror_client.get(review_url(entry)).content.decode()
    )
    data = form_data(entry, [3, None])
    del data["action"]

    answer = juror_client.post(autosave_url(entry), data).json()

    review = Review.objects.get(entry=entry, member=jury["mine"])
    saved_at = timezone.localtime(review.updated_at).strftime("%H:%M")
    line = f"Wersja robocza zapisana o {saved_at}: ocena nie jest jeszcze złożona."
    # The autosave sends the line static/js/jury.js puts at the top; a reload
    # shows the same.
    assert answer["state"] == line
    page = juror_client.get(review_url(entry)).content.decode()
    assert f'<p class="jury-review-state" data-review-state>{line}</p>' in page


def test_one_place_refuses_a_save_when_closed_or_stale(edition, declared, jury):
    entry = declared[0]
    review = Review.objects.create(entry=entry, member=jury["mine"], version=3)

    assert save_refusal(edition, review, "3") is None
    assert save_refusal(edition, review, " 3 ") is None
    assert save_refusal(edition, None, "0") is None
    for posted in ("2", "", None, "abc"):
        message, status = save_refusal(edition, review, posted)
        assert status == 409 and str(message).startswith(STALE)
    close_scoring(edition)
    edition.refresh_from_db()
    message, status = save_refusal(edition, review, "3")
    assert status == 403 and "zamknięta" in str(message)


def autosave(client, entry, points, version, **extra):
    data = form_data(entry, points, version=version, **extra)
    del data["action"]
    return client.post(autosave_url(entry), data)


def stored_points(review):
    return [s.points for s in review.scores.order_by("criterion__sort_order")]


def test_a_closing_screens_last_save_follows_its_own_save_on_the_way(
    juror_client, jury, declared
):
    """static/js/jury.js: the page closes while its save from version 0 is on
    its way; its last fields go from version 0 too, as following that save."""
    entry = declared[0]
    assert autosave(juror_client, entry, [3, None], 0, page="tab-a").status_code == 200

    last = autosave(juror_client, entry, [3, 8], 0, page="tab-a", follows="1")

    assert last.status_code == 200 and last.json()["version"] == 2
    review = Review.objects.get(entry=entry, member=jury["mine"])
    assert review.version == 2 and stored_points(review) == [3, 8]


def test_a_closing_screens_last_save_that_arrives_first_is_kept(
    juror_client, jury, declared
):
    entry = declared[0]
    assert (
        autosave(juror_client, entry, [3, 8], 0, page="tab-a", follows="1").status_code
        == 200
    )

    # The save that was on its way arrives after it: stale, nothing overwritten.
    late = autosave(juror_client, entry, [3, None], 0, page="tab-a")

    assert late.status_code == 409
    review = Review.objects.get(entry=entry, member=jury["mine"])
    assert review.version == 1 and stored_points(review) == [3, 8]


def test_a_last_save_meeting_its_own_save_mid_commit_follows_it(
    juror_client, jury, declared, monkeypatch
):
    """The save on its way commits between the last save's check and its own
    commit: read again once, the last save follows it."""
    from competition import reviews

    entry = declared[0]
    save = reviews.save_review
    calls = []

    def on_the_way_commits_first(member, entry, scores, **kwargs):
        if not calls:
            first = [s.__class__(s.criterion, 3, "") for s in scores]
            save(member, entry, first, version=0, submit=False, page="tab-a")
        calls.append(kwargs["version"])
        return save(member, entry, scores, **kwargs)

    monkeypatch.setattr(reviews, "save_review", on_the_way_commits_first)
    response = autosave(juror_client, entry, [3, 8], 0, page="tab-a", follows="1")

    assert response.status_code == 200, response.json()
    assert calls == [0, 1]
    review = Review.objects.get(entry=entry, member=jury["mine"])
    assert review.version == 2 and stored_points(review) == [3, 8]


@pytest.mark.parametrize(
    "first",
    [
        {"page": "tab-b"},  # another tab's autosave
        {"page": ""},  # an autosave that names no screen
        None,  # the form's own save button
    ],
)
def test_following_never_overwrites_anyone_elses_save(
    juror_client, jury, declared, first
):
    entry = declared[0]
    if first is None:
        juror_client.post(review_url(entry), form_data(entry, [1, 1]))
    else:
        autosave(juror_client, entry, [1, 1], 0, **first)

    for extra in ({"page": "tab-a", "follows": "1"}, {"page": "", "follows": "1"}):
        response = autosave(juror_client, entry, [9, 9], 0, **extra)
        assert response.status_code == 409
    # Nor does a save without "follows" skip a version, even from the same tab.
    autosave(juror_client, entry, [2, 2], 1, page="tab-a")
    assert autosave(juror_client, entry, [9, 9], 1, page="tab-a").status_code == 409
    review = Review.objects.get(entry=entry, member=jury["mine"])
    assert stored_points(review) == [2, 2]


def test_autosave_refuses_invalid_points_and_submitted_reviews(
    juror_client, jury, declared
):
    entry = declared[0]
    first, _second = criteria_of(entry)
    data = form_data(entry, [11, None])

    response = juror_client.post(autosave_url(entry), data)
    assert response.status_code == 400
    assert f"review-points_{first.pk}" in response.json()["errors"]
    assert not Review.objects.exists()

    juror_client.post(review_url(entry), form_data(entry, [5, 5], action="submit"))
    response = juror_client.post(
        autosave_url(entry), form_data(entry, [6, 6], version=1)
    )
    assert response.status_code == 409
    assert "podając jej powód" in response.json()["message"]
    assert Review.objects.get().scores.get(criterion=first).points == 5


# -- the jury phase --------------------------------------------------------------------


def test_after_the_phase_closes_nothing_changes(
    juror_client, jury, declared, entries, edition
):
    entry = declared[0]
    juror_client.post(review_url(entry), form_data(entry, [5, 5], action="submit"))
    close_scoring(edition)

    page = juror_client.get(review_url(entry))
    content = page.content.decode()
    assert page.status_code == 200
    assert "Ocena w tej edycji jest zamknięta" in content
    assert 'type="number"' not in content and "Złóż ocenę" not in content

    response = juror_client.post(
        review_url(entry),
        form_data(entry, [9, 9], version=1, action="submit", reason="Zmiana"),
    )
    assert response.status_code == 403
    assert (
        juror_client.post(
            autosave_url(entry), form_data(entry, [9, 9], version=1)
        ).status_code
        == 403
    )
    review = Review.objects.get(entry=entry, member=jury["mine"])
    assert review.version == 1 and review.versions.count() == 1
    assert set(review.scores.values_list("points", flat=True)) == {5}
    # No declaration either: an undeclared entry stays closed.
    other = builders.entry(edition, status=Status.ELIGIBLE)
    assign(other, jury["mine"])
    assert (
        juror_client.post(declaration_url(other), {"answer": "no"}).status_code == 403
    )
    assert not ConflictDeclaration.objects.filter(entry=other).exists()
    assert reverse("jury:next") not in juror_client.get(DASHBOARD).content.decode()


def test_before_the_phase_opens_nothing_is_declared_or_scored(
    juror_client, jury, entries, edition
):
    CompetitionPage.objects.filter(pk=edition.pk).update(
        jury_opens_at=timezone.now() + timedelta(days=1)
    )
    entry = entries[0]

    response = juror_client.post(declaration_url(entry), {"answer": "no"})

    assert response.status_code == 403
    assert "jeszcze się nie rozpoczęła" in response.content.decode()
    assert not ConflictDeclaration.objects.exists()


# -- visibility: one's own review only -------------------------------------------------


def test_a_juror_never_reaches_another_jurors_review(
    client, jury, declared, entries, other_juror
):
    mine, theirs = jury["mine"], jury["theirs"]
    entry = entries[0]
    review = Review.objects.create(entry=entry, member=mine, version=3)
    first, second = criteria_of(entry)
    Score.objects.create(review=review, criterion=first, points=9, comment="Tajne A")
    third = entries[2]  # assigned to the first juror only
    Review.objects.create(entry=third, member=mine, version=1)
    client.force_login(other_juror)

    # The entry assigned to both: before declaring, the declaration.
    assert client.get(review_url(entry))["Location"] == declaration_url(entry)
    declare_none(entry, theirs)
    content = client.get(review_url(entry)).content.decode()
    assert "Tajne A" not in content
    assert 'name="version" value="0"' in content  # their own, not version 3
    # Saving with the other review's version or ids in the form touches only
    # their own review.
    data = form_data(entry, [1, 1], version=0, review=review.pk, member=mine.pk)
    assert client.post(review_url(entry), data).status_code == 302
    assert Review.objects.get(pk=review.pk).version == 3
    assert review.scores.get(criterion=first).comment == "Tajne A"
    assert Review.objects.get(entry=entry, member=theirs).version == 1

    # An entry only the first juror is assigned to: 404 everywhere.
    for url in (review_url(third), declaration_url(third)):
        assert client.get(url).status_code == 404
    assert (
        client.post(review_url(third), form_data(third, [0, 0], version=1)).status_code
        == 404
    )
    assert (
        client.post(
            autosave_url(third), form_data(third, [0, 0], version=1)
        ).status_code
        == 404
    )
    assert client.post(declaration_url(third), {"answer": "no"}).status_code == 404
    assert not ConflictDeclaration.objects.filter(member=theirs, entry=third).exists()
    assert Review.objects.get(entry=third, member=mine).version == 1
    assert third.reference not in client.get(DASHBOARD).content.decode()


def test_unassigned_juror_cannot_download_files(
    client, jury, declared, files, other_juror, juror
):
    photo, png = files["photo"]
    presentation, pdf = files["presentation"]
    entry = presentation.entry
    client.force_login(other_juror)
    # Assigned but not declared: refused.
    assert client.get(download_url(presentation)).status_code == 403
    assert client.get(photo_url(photo)).status_code == 403
    # A file of an entry not assigned at all.
    unassigned = EntryFile.objects.create(
        entry=declared[2],
        kind=EntryFile.Kind.PRESENTATION,
        storage_name="entries/inna.pdf",
        original_name="inna.pdf",
        content_type="application/pdf",
        size=len(pdf),
    )
    assert client.get(download_url(unassigned)).status_code == 403
    assert not logged("competition.file.download").exists()
    assert entry == declared[0]


def test_an_assigned_juror_who_declared_gets_the_files(client, declared, files, juror):
    photo, png = files["photo"]
    presentation, pdf = files["presentation"]
    client.force_login(juror)

    response = client.get(download_url(presentation))
    assert response.status_code == 200
    assert body(response) == pdf
    assert response["Content-Disposition"].startswith("attachment;")

    response = client.get(photo_url(photo))
    assert response.status_code == 200
    # The clean copy (competition/photos.py), never the original.
    photo.refresh_from_db()
    assert photo.display_name.startswith("shown/")
    assert body(response)[:3] == b"\xff\xd8\xff" != png[:3]
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == "inline"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    # Only photos are shown inline: a presentation is a download.
    assert client.get(photo_url(presentation)).status_code == 404
    assert logged("competition.file.download").count() == 2
    assert logged("competition.file.download").filter(data__inline=True).count() == 1


def test_a_juror_sees_photos_only_as_clean_copies(
    client, private_root, declared, juror, secretary
):
    """Issue 12 §3: the juror's photo is re-encoded, upright and without EXIF
    (GPS); the original stays as uploaded, for the secretariat only."""
    photo, original = builders.attach_photo(declared[0])
    client.force_login(juror)
    response = client.get(photo_url(photo))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    builders.assert_clean_upright_photo(body(response))
    # Nor through the download link, which gives jurors presentations only.
    assert client.get(download_url(photo)).status_code == 403
    content = client.get(review_url(declared[0])).content.decode()
    assert f'href="{photo_url(photo)}"' in content
    assert f'href="{download_url(photo)}"' not in content
    # A second view reuses the copy.
    photo.refresh_from_db()
    assert (
        body(client.get(photo_url(photo)))
        == (private_root / photo.display_name).read_bytes()
    )
    assert len(list((private_root / "shown").rglob("*.jpg"))) == 1

    assert (private_root / photo.storage_name).read_bytes() == original
    gps = Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert gps[ExifTags.GPS.GPSLatitude] == (52.0, 13.0, 30.0)
    client.force_login(secretary)
    secretariat = client.get(download_url(photo))
    assert secretariat.status_code == 200
    assert body(secretariat) == original


# -- the secretariat's progress screen -------------------------------------------------


def test_secretariat_sees_progress_counts_but_no_points(
    client, jury, declared, entries, secretary
):
    mine, theirs = jury["mine"], jury["theirs"]
    review = Review.objects.create(
        entry=entries[0], member=mine, status="submitted", version=1
    )
    for criterion in criteria_of(entries[0]):
        Score.objects.create(
            review=review, criterion=criterion, points=7, comment="Komentarz jurora"
        )
    ConflictDeclaration.objects.create(
        entry=entries[1], member=theirs, has_conflict=True, kind="family"
    )
    Assignment.objects.filter(entry=entries[1], member=theirs).delete()
    client.force_login(secretary)

    response = client.get(reverse("jury_progress:index"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Komentarz jurora" not in content
    assert "/admin/jury/" not in content.split("<main")[-1]
    jurors = _table_rows(content, "jurors")
    # name, role, assigned, declared, conflicts, submitted
    assert jurors == {
        "Jan": ["juror", "3", "3", "0", "1"],
        "juror2": ["juror", "1", "0", "1", "0"],
    }
    per_entry = _table_rows(content, "entries")
    assert per_entry[entries[0].reference][-4:] == ["2", "1", "0", "1"]
    assert per_entry[entries[1].reference][-4:] == ["1", "1", "1", "0"]
    assert per_entry[entries[2].reference][-4:] == ["1", "1", "0", "0"]
    assert "Złożone oceny: 1 z 4 przydzielonych." in content


def _table_rows(content, name):
    table = content.split(f'data-progress="{name}"')[1].split("</table>")[0]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)[1:]:
        cells = [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL)
        ]
        rows[cells[0]] = cells[1:]
    return rows


def test_jurors_and_editors_cannot_see_the_progress(client, jury, juror, editor):
    for user in (juror, editor):
        client.force_login(user)
        response = client.get(reverse("jury_progress:index"))
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")


# -- who may reach the jury screens, and what a juror may not reach --------------------


def _jury_urls(entry):
    return [
        DASHBOARD,
        reverse("jury:next"),
        declaration_url(entry),
        review_url(entry),
    ]


@pytest.mark.parametrize("who", ["secretary", "editor", "superuser", "jury_group_only"])
def test_only_jury_members_may_score(request, client, jury, entries, who):
    if who == "jury_group_only":
        user = staff_user("bez-edycji", JURY)
    else:
        user = request.getfixturevalue(who)
    client.force_login(user)
    entry = entries[0]

    for url in _jury_urls(entry):
        response = client.get(url)
        assert response.status_code == 403, url
        assert entry.reference.encode() not in response.content
    assert client.post(review_url(entry), form_data(entry, [5, 5])).status_code == 403
    assert client.post(autosave_url(entry), form_data(entry, [5, 5])).status_code == 403
    assert client.post(declaration_url(entry), {"answer": "no"}).status_code == 403
    assert not Review.objects.exists()
    assert not ConflictDeclaration.objects.exists()


def test_anonymous_is_sent_to_the_login(client, jury, entries, files):
    photo, _png = files["photo"]
    for url in _jury_urls(entries[0]) + [autosave_url(entries[0]), photo_url(photo)]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


ADMIN_SCREENS = [
    "/admin/pages/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/sites/",
    "/admin/locales/",
    "/admin/settings/home/footersettings/",
    "/admin/settings/home/privacysettings/",
    "/admin/snippets/",
    "/admin/snippets/home/advocate/",
    "/admin/snippets/home/newscategory/",
    "/admin/redirects/",
    "/admin/forms/",
    "/admin/competition/entries/",
    "/admin/competition/categories/",
    "/admin/competition/jury-progress/",
]


def test_a_juror_reaches_nothing_outside_the_jury_screens(
    juror_client, jury, declared, juror
):
    Review.objects.create(entry=declared[0], member=jury["theirs"])
    group = Group.objects.get(name="Jury")
    assert list(group.permissions.values_list("codename", flat=True)) == [
        "access_admin"
    ]

    for url in ADMIN_SCREENS:
        response = juror_client.get(url)
        if response.status_code == 302:
            assert response["Location"] == reverse("wagtailadmin_home"), url
        else:
            assert response.status_code in (403, 404), url
        assert declared[0].reference.encode() not in response.content, url
    entry_inspect = reverse("competition_entry:inspect", args=[declared[0].pk])
    assert juror_client.get(entry_inspect).status_code in (302, 403)
    labels = builders.menu_labels(juror)
    for label in ("Zgłoszenia", "Kategorie", "Strony", "Pages", "Obrazy", "Images"):
        assert label not in labels


def test_the_log_actions_are_registered(db):
    for action in (
        "competition.conflict.declared",
        "competition.conflict.none",
        "competition.review.submitted",
        "competition.review.changed",
    ):
        assert log_registry.action_exists(action)
    assert str(log_registry.get_action_label("competition.review.changed")) == (
        "Ocena zmieniona po złożeniu"
    )


def test_the_site_history_shows_jurors_nothing_and_the_secretariat_no_scores(
    client, jury, entries, juror, other_juror, secretary
):
    entry = entries[0]
    client.force_login(juror)
    client.post(declaration_url(entry), {"answer": "no"})
    client.post(review_url(entry), form_data(entry, [5, 5], action="submit"))
    assert logged("competition.review.submitted").exists()
    results = reverse("wagtailadmin_reports:site_history_results")

    for user in (juror, other_juror):
        client.force_login(user)
        content = client.get(results).content.decode()
        assert entry.reference not in content
        assert "Ocena złożona" not in content

    client.force_login(secretary)
    content = client.get(results).content.decode()
    assert "Deklaracja braku konfliktu interesów" in content
    assert "Ocena złożona" not in content


def test_dashboard_shows_the_phase_end_as_the_day_it_ends(juror_client, jury, edition):
    """A jury phase stored as ending at midnight ends, for people, at 23:59."""
    CompetitionPage.objects.filter(pk=edition.pk).update(
        jury_closes_at=timezone.make_aware(
            timezone.datetime(2030, 12, 18), timezone.get_default_timezone()
        )
    )

    content = juror_client.get(DASHBOARD).content.decode()

    assert "do 17 grudnia 2030, 23:59" in content
    assert "18 grudnia 2030" not in content


def test_dashboard_of_a_published_edition_tells_what_the_juror_did(
    juror_client, jury, entries, edition
):
    """After publication the entries are laureates and the like, no longer in
    review: the edition says so and counts the juror's reviews, with no empty
    "nothing assigned yet" list."""
    mine = jury["mine"]
    for entry in entries[:2]:
        declare_none(entry, mine)
        Review.objects.create(entry=entry, member=mine, status=Review.Status.SUBMITTED)
    Review.objects.create(entry=entries[2], member=mine)  # a draft: not counted
    for entry in entries:
        entry.status = Status.NOT_AWARDED
        entry.save(update_fields=["status"])
    CompetitionPage.objects.filter(pk=edition.pk).update(
        scoring_closed_at=timezone.now() - timedelta(days=2),
        results_published_at=timezone.now() - timedelta(days=1),
    )

    content = juror_client.get(DASHBOARD).content.decode()

    assert "Twoje złożone oceny: 2." in content
    assert "Ocena trwała od" in content
    assert f'href="{edition.url}wyniki/"' in content
    assert "Nie masz jeszcze przydzielonych" not in content
    assert "data-assignment-status" not in content
    assert "Przejdź do następnej oceny" not in content


def test_a_juror_never_gets_a_file_being_scanned_or_quarantined(
    juror_client, declared, files
):
    # Issue 12 §3: the scoring screen names the scan's state instead of linking.
    photo, _png = files["photo"]
    presentation, _pdf = files["presentation"]
    EntryFile.objects.filter(pk=photo.pk).update(scan_state="pending")
    EntryFile.objects.filter(pk=presentation.pk).update(
        scan_state="infected", scan_signature="Eicar-Test-Signature"
    )

    content = juror_client.get(review_url(declared[0])).content.decode()

    assert photo_url(photo) not in content
    assert download_url(photo) not in content
    assert download_url(presentation) not in content
    assert "sprawdzanie w toku" in content
    assert "wykryto złośliwe oprogramowanie (kwarantanna)" in content
    assert juror_client.get(photo_url(photo)).status_code == 403
    assert juror_client.get(download_url(presentation)).status_code == 403
    assert not logged("competition.file.download").exists()
