"""A conflict of interest declared after a declaration of none, from the scoring
screen: the entry leaves the juror as if the conflict had been declared at
once, their review (even submitted) stops counting but is kept, the change is
in the audit log, and nothing turns it back."""

import re

import pytest
from django.urls import reverse
from wagtail.log_actions import registry as log_registry

from competition import ranking, reviews
from competition.models import (
    Assignment,
    ConflictDeclaration,
    Review,
    ReviewVersion,
    Score,
)
from competition.progress import progress_counts

from . import test_jury_scoring as scoring_screens
from .test_jury_scoring import (
    DASHBOARD,
    assign,
    autosave_url,
    close_scoring,
    declaration_url,
    declare_none,
    download_url,
    form_data,
    logged,
    photo_url,
    review_url,
)

# The scoring screens' data, shared rather than copied (bound by
# assignment: a fixture imported by name would be shadowed by every argument
# that asks for it).
edition = scoring_screens.edition
entries = scoring_screens.entries
other_juror = scoring_screens.other_juror
jury = scoring_screens.jury
juror_client = scoring_screens.juror_client
declared = scoring_screens.declared
files = scoring_screens.files

REVISED = "competition.conflict.revised"
LINK_TEXT = "Zgłoś konflikt interesów"


def conflict_url(entry):
    return reverse("jury:conflict", args=[entry.pk])


def submit(client, entry, points, version=0, **extra):
    response = client.post(
        review_url(entry), form_data(entry, points, version=version, **extra)
    )
    assert response.status_code == 302, response.content.decode()[-2000:]


@pytest.fixture
def submitted(juror_client, declared):
    """The first juror submitted the first entry and changed it once."""
    entry = declared[0]
    submit(juror_client, entry, [5, 5], action="submit")
    submit(juror_client, entry, [6, 7], version=1, action="submit", reason="Pomyłka")
    return entry


# -- the way in ------------------------------------------------------------------


def test_the_scoring_screen_offers_it_only_while_scoring_is_open(
    juror_client, declared, edition
):
    entry = declared[0]

    content = juror_client.get(review_url(entry)).content.decode()
    assert f'href="{conflict_url(entry)}"' in content
    assert LINK_TEXT in content

    close_scoring(edition)
    content = juror_client.get(review_url(entry)).content.decode()
    assert conflict_url(entry) not in content
    assert LINK_TEXT not in content


def test_the_form_shows_the_earlier_declaration_and_what_will_happen(
    juror_client, submitted
):
    response = juror_client.get(conflict_url(submitted))

    content = response.content.decode()
    assert response.status_code == 200
    assert "zadeklarowałeś(-aś) brak konfliktu interesów wobec tego" in content
    assert "Twoja złożona ocena zostanie wycofana" in content
    assert 'name="kind"' in content and 'name="note"' in content
    # The answer is given: no "no conflict" to choose here.
    assert 'name="answer"' not in content
    assert "Nie mam konfliktu interesów" not in content
    # Before opening, as on the declaration: no answers or summary.
    assert "Odpowiedź na Kryterium 1." not in content
    assert "Tajny opis" not in content


def test_before_any_declaration_it_leads_to_the_declaration(juror_client, jury):
    entry = jury["mine"].assignments.first().entry

    response = juror_client.get(conflict_url(entry))

    assert response["Location"] == declaration_url(entry)


def test_the_kind_is_required(juror_client, submitted, jury):
    response = juror_client.post(conflict_url(submitted), {"note": "Coś"})

    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' in content
    assert "Wybierz rodzaj konfliktu interesów, który zgłaszasz." in content
    assert re.search(r'<select[^>]*aria-invalid="true"', content)
    assert 'aria-describedby="declaration-kind_error"' in content
    assert not ConflictDeclaration.objects.filter(has_conflict=True).exists()
    assert Review.objects.get(entry=submitted).status == Review.Status.SUBMITTED


def test_withdrawing_a_submitted_review_needs_a_reason(juror_client, submitted, jury):
    """Like any change after submitting: the note becomes required."""
    response = juror_client.post(conflict_url(submitted), {"kind": "family"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "Twoja ocena jest już złożona: napisz, skąd konflikt interesów." in content
    assert not ConflictDeclaration.objects.filter(has_conflict=True).exists()
    assert Review.objects.get(entry=submitted).status == Review.Status.SUBMITTED
    assert not logged(REVISED).exists()


# -- the effect ------------------------------------------------------------------


def test_a_submitted_review_is_withdrawn_kept_and_logged(
    juror_client, submitted, jury, juror, files
):
    mine = jury["mine"]
    entry = submitted
    before = ConflictDeclaration.objects.get(entry=entry, member=mine)
    photo, _png = files["photo"]
    presentation, _pdf = files["presentation"]

    response = juror_client.post(
        conflict_url(entry),
        {"kind": "family", "note": "Prezeska to moja siostra."},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == DASHBOARD
    content = response.content.decode()
    assert "Zgłosiłeś(-aś) konflikt interesów" in content
    declaration = ConflictDeclaration.objects.get(entry=entry, member=mine)
    assert (declaration.has_conflict, declaration.kind, declaration.note) == (
        True,
        "family",
        "Prezeska to moja siostra.",
    )
    assert declaration.declared_at > before.declared_at
    assert not Assignment.objects.filter(entry=entry, member=mine).exists()
    # Kept, with both versions and the points, but no longer submitted; the
    # withdrawal is a third version, with the juror's reason.
    review = Review.objects.get(entry=entry, member=mine)
    assert review.status == Review.Status.WITHDRAWN
    assert review.submitted_at is not None
    assert list(review.versions.values_list("number", "reason")) == [
        (1, ""),
        (2, "Pomyłka"),
        (3, "Prezeska to moja siostra."),
    ]
    assert sorted(review.scores.values_list("points", flat=True)) == [6, 7]
    (entry_log,) = logged(REVISED)
    assert entry_log.object_id == str(entry.pk)
    assert entry_log.user_id == juror.pk
    assert entry_log.data["kind"] == "family"
    assert entry_log.data["reason"] == "Prezeska to moja siostra."
    assert entry_log.data["previous"] == {
        "has_conflict": False,
        "note": "",
        "declared_at": before.declared_at.isoformat(),
    }
    assert entry_log.data["review"]["status"] == "submitted"
    assert entry_log.data["review"]["now"] == "withdrawn"
    assert entry_log.data["review"]["version"] == 2
    assert log_registry.action_exists(REVISED)

    # Gone from the dashboard (two entries left, none submitted)...
    assert f'href="{review_url(entry)}"' not in content
    assert "Złożono 0 z 2 ocen." in content
    # ...and from every screen and file, turning it back included.
    for url in (review_url(entry), conflict_url(entry), declaration_url(entry)):
        assert juror_client.get(url).status_code == 404, url
    assert juror_client.post(declaration_url(entry), {"answer": "no"}).status_code == (
        404
    )
    assert juror_client.post(conflict_url(entry), {"kind": "other"}).status_code == 404
    assert (
        juror_client.post(
            review_url(entry),
            form_data(entry, [1, 1], version=3, action="submit", reason="x"),
        ).status_code
        == 404
    )
    assert juror_client.post(autosave_url(entry), {"version": "3"}).status_code == 404
    assert juror_client.get(download_url(presentation)).status_code == 403
    assert juror_client.get(photo_url(photo)).status_code == 403
    # Even when the secretariat assigns the juror again by hand.
    assign(entry, mine)
    assert juror_client.get(review_url(entry)).status_code == 404
    assert juror_client.get(conflict_url(entry)).status_code == 404
    assert ReviewVersion.objects.filter(review=review).count() == 3  # + withdrawal


def test_a_draft_goes_as_with_a_conflict_declared_at_once(juror_client, declared, jury):
    entry = declared[0]
    submit(juror_client, entry, [3], action="draft")

    juror_client.post(conflict_url(entry), {"kind": "employment"})

    assert not Review.objects.filter(entry=entry, member=jury["mine"]).exists()
    (entry_log,) = logged(REVISED)
    assert entry_log.data["review"]["status"] == "draft"
    assert entry_log.data["review"]["now"] == "deleted"


def test_the_rules_refuse_what_the_screens_do_not_offer(declared, jury, edition):
    mine = jury["mine"]
    entry = declared[0]
    reviews.revise_to_conflict(mine, entry, kind="other")

    # A conflict stays one.
    with pytest.raises(reviews.NothingToRevise):
        reviews.revise_to_conflict(mine, entry, kind="family")
    with pytest.raises(reviews.AlreadyDeclared):
        reviews.declare(mine, entry, has_conflict=False)
    # Nothing declared yet: the declaration comes first.
    undeclared = jury["theirs"].assignments.first().entry
    with pytest.raises(reviews.NothingToRevise):
        reviews.revise_to_conflict(jury["theirs"], undeclared, kind="other")
    # A withdrawn review is not saved again: the entry has left the list.
    Review.objects.create(entry=entry, member=mine, status=Review.Status.WITHDRAWN)
    with pytest.raises(reviews.NotOnTheList):
        reviews.save_review(mine, entry, [], version=0, submit=False)
    # After scoring closes, no revision.
    second = declared[1]
    close_scoring(edition)
    edition.refresh_from_db()
    second.edition.refresh_from_db()
    with pytest.raises(reviews.ScoringClosed):
        reviews.revise_to_conflict(mine, second, kind="other")
    assert not ConflictDeclaration.objects.get(entry=second, member=mine).has_conflict


def test_after_scoring_closes_there_is_no_revision(juror_client, submitted, edition):
    close_scoring(edition)

    page = juror_client.get(conflict_url(submitted))
    assert "Ocena w tej edycji jest zamknięta" in page.content.decode()
    assert 'name="kind"' not in page.content.decode()
    response = juror_client.post(conflict_url(submitted), {"kind": "family"})

    assert response.status_code == 403
    assert not ConflictDeclaration.objects.filter(has_conflict=True).exists()
    assert Review.objects.get(entry=submitted).status == Review.Status.SUBMITTED
    assert not logged(REVISED).exists()


def test_another_juror_cannot_revise_for_someone_else(
    client, submitted, jury, other_juror, declared
):
    theirs = jury["theirs"]
    client.force_login(other_juror)
    # Not assigned to the third entry at all.
    assert client.post(conflict_url(declared[2]), {"kind": "other"}).status_code == 404
    # Assigned to the first: their own declaration comes first, nothing of the
    # first juror's changes.
    response = client.post(conflict_url(submitted), {"kind": "other"})
    assert response["Location"] == declaration_url(submitted)
    declare_none(submitted, theirs)
    client.post(conflict_url(submitted), {"kind": "other"})
    assert ConflictDeclaration.objects.get(entry=submitted, member=theirs).has_conflict
    mine = ConflictDeclaration.objects.get(entry=submitted, member=jury["mine"])
    assert not mine.has_conflict
    assert Review.objects.get(entry=submitted, member=jury["mine"]).status == (
        Review.Status.SUBMITTED
    )


# -- counted nowhere ---------------------------------------------------------------


def test_a_withdrawn_review_counts_in_neither_the_ranking_nor_the_progress(
    client, jury, declared, entries, juror, other_juror, edition
):
    mine, theirs = jury["mine"], jury["theirs"]
    entry = entries[1]  # in review, assigned to both
    declare_none(entry, theirs)
    for user, points in ((juror, [10, 10]), (other_juror, [2, 2])):
        client.force_login(user)
        submit(client, entry, points, action="submit")
    category = entry.category_id

    (before,) = [r for r in ranking.load(edition, category)[0].rows if r.result.n]
    assert set(before.totals) == {mine.pk, theirs.pk}

    client.force_login(juror)
    client.post(conflict_url(entry), {"kind": "financial", "note": "Mam udziały."})

    (after,) = ranking.load(edition, category)[0].rows[:1]
    assert after.entry == entry
    assert after.result.n == 1
    assert set(after.totals) == {theirs.pk}
    assert after.result.score == 20  # only the other juror's 2/10 + 2·2/10
    assert mine not in ranking.load(edition, category)[0].jurors
    counts = progress_counts(edition)
    by_member = {row["member"].pk: row for row in counts["juror_rows"]}
    assert by_member[mine.pk]["submitted"] == 0
    assert by_member[mine.pk]["conflicts"] == 1
    assert by_member[mine.pk]["assigned"] == 2
    by_entry = {row["entry"].pk: row for row in counts["entry_rows"]}
    assert (by_entry[entry.pk]["submitted"], by_entry[entry.pk]["conflicts"]) == (
        1,
        1,
    )
    # Its points are still on record.
    assert Score.objects.filter(review__member=mine, review__entry=entry).count() == 2


def test_the_entry_history_tells_the_secretariat_what_changed(
    client, submitted, jury, secretary
):
    reviews.revise_to_conflict(jury["mine"], submitted, kind="family", note="Siostra")
    client.force_login(secretary)

    response = client.get(reverse("competition_entry:inspect", args=[submitted.pk]))

    content = response.content.decode()
    assert "Konflikt interesów zgłoszony po deklaracji jego braku" in content
    assert "Zastępuje deklarację braku konfliktu interesów z" in content
    assert "Złożona ocena jurora wycofana: nie jest liczona." in content
    assert "Siostra" in content


# -- races with another tab ----------------------------------------------------------


def test_a_change_racing_a_late_conflict_goes_back_to_the_list(
    juror_client, declared, jury, monkeypatch
):
    """Tab A's change passes the screen's checks; tab B's conflict commits
    just before A's save: A is told the entry left the list, not a 500."""
    from competition.views import jury_review as jury_views

    entry = declared[0]
    submit(juror_client, entry, [5, 5], action="submit")
    checked = jury_views.save_refusal

    def conflict_meanwhile(edition, review, posted):
        refusal = checked(edition, review, posted)
        reviews.revise_to_conflict(jury["mine"], entry, kind="family", note="Brat")
        return refusal

    monkeypatch.setattr(jury_views, "save_refusal", conflict_meanwhile)
    response = juror_client.post(
        review_url(entry),
        form_data(entry, [6, 6], version=1, action="submit", reason="Zmiana"),
        follow=True,
    )

    assert response.redirect_chain[-1][0] == DASHBOARD
    assert "nie jest już na Twojej liście" in response.content.decode()
    review = Review.objects.get(entry=entry, member=jury["mine"])
    assert review.status == Review.Status.WITHDRAWN
    assert [s.points for s in review.scores.order_by("criterion__sort_order")] == [
        5,
        5,
    ]


def test_a_first_autosave_racing_a_late_conflict_leaves_no_draft(
    juror_client, declared, jury, monkeypatch
):
    entry = declared[0]
    save = reviews.save_review

    def conflict_commits_first(*args, **kwargs):
        reviews.revise_to_conflict(jury["mine"], entry, kind="family")
        return save(*args, **kwargs)

    monkeypatch.setattr(reviews, "save_review", conflict_commits_first)
    response = juror_client.post(
        autosave_url(entry), form_data(entry, [3, None], version=0)
    )

    assert response.status_code == 404
    assert "nie jest już na Twojej liście" in response.json()["message"]
    assert not Review.objects.filter(entry=entry, member=jury["mine"]).exists()


def test_a_review_submitted_meanwhile_still_needs_the_reason(
    juror_client, declared, jury
):
    """The form loaded before the review was submitted (so without a required
    note); the rule is checked again when the conflict is saved."""
    entry = declared[0]
    page = juror_client.get(conflict_url(entry)).content.decode()
    assert "(nieobowiązkowe)" in page  # no submitted review yet
    submit(juror_client, entry, [5, 5], action="submit")  # in another tab

    response = juror_client.post(conflict_url(entry), {"kind": "family"})

    assert response.status_code == 200
    assert "napisz, skąd konflikt interesów" in response.content.decode()
    assert Review.objects.get(entry=entry).status == Review.Status.SUBMITTED
    assert not logged(REVISED).exists()


def test_a_withdrawal_is_a_version_of_the_review(juror_client, submitted, jury, juror):
    juror_client.post(conflict_url(submitted), {"kind": "family", "note": "Siostra"})

    review = Review.objects.get(entry=submitted, member=jury["mine"])
    last = review.versions.order_by("number").last()
    assert (last.number, last.status, last.reason, last.author) == (
        3,
        Review.Status.WITHDRAWN,
        "Siostra",
        juror,
    )
    assert [s["points"] for s in last.scores] == [6, 7]
