"""The secretariat's jury set-up: members (Konkurs → Jury), the assignment
matrix with automatic runs and manual changes, the jurors' e-mails and
reminders, and who may reach any of it."""

import importlib
import re
from datetime import timedelta

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry
from wagtail.users.models import UserProfile

from competition import assignment, audit, jury_emails, jury_setup
from competition.models import (
    Assignment,
    AssignmentMode,
    ConflictDeclaration,
    JuryMember,
    RemovedAssignment,
    Review,
    Status,
)
from competition.tasks import remind_jurors
from competition.views.jury_members import JuryMemberCreateView, JuryMemberEditView

from . import builders
from .builders import JURY, assert_denied, member, staff_user

MEMBERS = reverse("competition_jurymember:index")
MEMBER_ADD = reverse("competition_jurymember:add")
ASSIGNMENT_INDEX = reverse("competition_assignment:index")
DASHBOARD = "http://testserver/admin/jury/"
ROW_HEADER = '<th scope="row" class="assignment-matrix__entry">'


def matrix_url(edition):
    return reverse("competition_assignment:matrix", args=[edition.pk])


def run_url(edition):
    return reverse("competition_assignment:run", args=[edition.pk])


def change_url(edition):
    return reverse("competition_assignment:change", args=[edition.pk])


def pair(entry, member):
    return f"{entry.pk}:{member.pk}"


def messages_of(response):
    """The messages shown on the (last) page of a followed redirect."""
    return [str(message) for message in get_messages(response.wsgi_request)]


def pairs_of(edition):
    return set(
        Assignment.objects.filter(member__edition=edition).values_list(
            "entry_id", "member_id"
        )
    )


# -- users and data ------------------------------------------------------------


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed():`` runs what was queued for after the commit (the
    e-mails) when the block ends, as a real request's commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def jury_users(db):
    people = [
        ("jan", "Jan", "Kowalski"),
        ("ewa", "Ewa", "Nowak"),
        ("olga", "Olga", "Zięba"),
    ]
    return [
        staff_user(
            username,
            JURY,
            first_name=first,
            last_name=last,
            email=f"{username}@example.org",
        )
        for username, first, last in people
    ]


@pytest.fixture
def categories(edition):
    reintegracja, osobowosc = edition.categories.order_by("sort_order")
    return {"reintegracja": reintegracja, "osobowosc": osobowosc}


@pytest.fixture
def jury(edition, jury_users, categories):
    """Jan (chair, every category), Ewa (every category), Olga (osobowość only)."""
    jan, ewa, olga = jury_users
    return {
        "jan": member(edition, jan, JuryMember.Role.CHAIR),
        "ewa": member(edition, ewa),
        "olga": member(edition, olga, categories=[categories["osobowosc"]]),
    }


@pytest.fixture
def entries(edition, categories):
    """Two eligible entries of reintegracja, one of osobowość, one only submitted."""
    return {
        "r1": builders.entry(edition, status=Status.ELIGIBLE),
        "r2": builders.entry(edition, status=Status.ELIGIBLE),
        "o1": builders.entry(
            edition, category=categories["osobowosc"], status=Status.ELIGIBLE
        ),
        "submitted": builders.entry(edition, status=Status.SUBMITTED),
    }


# -- jury members ----------------------------------------------------------------


def _member_form(edition, user, role="juror", categories=()):
    return {
        "edition": edition.pk,
        "user": user.pk,
        "role": role,
        "categories": [category.pk for category in categories],
    }


def test_secretary_adds_a_jury_member_and_it_is_logged(
    secretary_client, edition, jury_users, categories
):
    jan = jury_users[0]

    response = secretary_client.post(
        MEMBER_ADD, _member_form(edition, jan, categories=[categories["osobowosc"]])
    )

    assert response.status_code == 302
    created = JuryMember.objects.get(edition=edition, user=jan)
    assert created.role == JuryMember.Role.JUROR
    assert list(created.categories.all()) == [categories["osobowosc"]]
    logged = ModelLogEntry.objects.get(action="wagtail.create", object_id=created.pk)
    assert logged.label == "Jan Kowalski"


def test_only_one_chair_per_edition(secretary_client, home, edition, jury_users):
    jan, ewa, _olga = jury_users
    member(edition, jan, JuryMember.Role.CHAIR)

    response = secretary_client.post(MEMBER_ADD, _member_form(edition, ewa, "chair"))

    assert response.status_code == 200
    assert "Ta edycja ma już przewodniczącego(-cą) jury: Jan Kowalski" in (
        response.content.decode()
    )
    assert not JuryMember.objects.filter(user=ewa).exists()
    # Another edition may have its own chair.
    other = builders.edition(home, code="MMES-2028")
    response = secretary_client.post(MEMBER_ADD, _member_form(other, ewa, "chair"))
    assert response.status_code == 302


def test_chair_can_be_edited_without_clashing_with_itself(
    secretary_client, edition, jury_users
):
    chair = member(edition, jury_users[0], JuryMember.Role.CHAIR)
    url = reverse("competition_jurymember:edit", args=[chair.pk])

    response = secretary_client.post(url, _member_form(edition, jury_users[0], "chair"))

    assert response.status_code == 302
    assert ModelLogEntry.objects.filter(
        action="wagtail.edit", object_id=chair.pk
    ).exists()


def test_the_database_keeps_one_chair_per_edition(home, edition, jury_users):
    jan, ewa, olga = jury_users
    member(edition, jan, JuryMember.Role.CHAIR)
    member(edition, olga)  # jurors are many

    with pytest.raises(IntegrityError), transaction.atomic():
        member(edition, ewa, JuryMember.Role.CHAIR)
    with pytest.raises(IntegrityError), transaction.atomic():
        JuryMember.objects.filter(user=olga).update(role=JuryMember.Role.CHAIR)

    other = builders.edition(home, code="MMES-2028")
    assert member(other, ewa, JuryMember.Role.CHAIR).is_chair


def test_the_chairs_name_is_given_once_not_beside_a_generic_error(
    secretary_client, edition, jury_users
):
    jan, ewa, _olga = jury_users
    member(edition, jan, JuryMember.Role.CHAIR)
    url = reverse("competition_jurymember:edit", args=[member(edition, ewa).pk])

    response = secretary_client.post(url, _member_form(edition, ewa, "chair"))

    content = response.content.decode()
    assert response.status_code == 200
    assert content.count("Ta edycja ma już przewodniczącego(-cą) jury") == 1
    assert "Jan Kowalski" in content
    assert "one_chair_per_edition" not in content
    assert JuryMember.objects.get(user=ewa).role == JuryMember.Role.JUROR


@pytest.mark.parametrize("view", ["add", "edit"])
def test_a_chair_named_meanwhile_by_someone_else_is_a_form_error_not_a_500(
    secretary_client, monkeypatch, edition, jury_users, view
):
    """Both secretaries' forms pass the check; the database refuses the second
    save and the form says who the chair now is."""
    jan, ewa, _olga = jury_users
    if view == "add":
        url, view_class = MEMBER_ADD, JuryMemberCreateView
    else:
        url = reverse("competition_jurymember:edit", args=[member(edition, ewa).pk])
        view_class = JuryMemberEditView
    checked = view_class.is_valid

    def checked_then_someone_else_saves(self, form):
        valid = checked(self, form)
        member(edition, jan, JuryMember.Role.CHAIR)
        return valid

    monkeypatch.setattr(view_class, "is_valid", checked_then_someone_else_saves)

    response = secretary_client.post(url, _member_form(edition, ewa, "chair"))

    assert response.status_code == 200
    assert "Ta edycja ma już przewodniczącego(-cą) jury: Jan Kowalski" in (
        response.content.decode()
    )
    assert list(
        JuryMember.objects.filter(edition=edition, role="chair").values_list(
            "user__username", flat=True
        )
    ) == ["jan"]


def test_categories_must_be_the_editions_own(
    secretary_client, home, edition, jury_users
):
    other = builders.edition(home, code="MMES-2028", categories=("rozwoj",))
    foreign = other.categories.get()

    response = secretary_client.post(
        MEMBER_ADD, _member_form(edition, jury_users[0], categories=[foreign])
    )

    assert response.status_code == 200
    assert "Wybierz tylko kategorie edycji, do której należy członek jury." in (
        response.content.decode()
    )
    assert not JuryMember.objects.exists()


def test_only_active_users_of_the_jury_group_can_be_chosen(
    secretary_client, edition, editor
):
    inactive = staff_user("dawny", JURY, is_active=False)

    for user in (editor, inactive):
        response = secretary_client.post(MEMBER_ADD, _member_form(edition, user))
        assert response.status_code == 200
        assert response.context["form"].errors["user"]
    assert not JuryMember.objects.exists()


def test_the_same_person_once_per_edition(secretary_client, edition, jury_users):
    member(edition, jury_users[0])

    response = secretary_client.post(MEMBER_ADD, _member_form(edition, jury_users[0]))

    assert "Ta osoba jest już w jury tej edycji." in response.content.decode()
    assert JuryMember.objects.count() == 1


def test_edition_and_person_are_fixed_once_saved(
    secretary_client, home, edition, jury_users
):
    juror = member(edition, jury_users[0])
    other = builders.edition(home, code="MMES-2028")
    url = reverse("competition_jurymember:edit", args=[juror.pk])

    secretary_client.post(url, _member_form(other, jury_users[1], "chair"))

    juror.refresh_from_db()
    assert (juror.edition_id, juror.user_id) == (edition.pk, jury_users[0].pk)
    assert juror.role == JuryMember.Role.CHAIR


def test_add_form_offers_only_polish_editions_and_the_chosen_editions_categories(
    secretary_client, home, edition, locales
):
    other = builders.edition(home, code="MMES-2028", categories=("rozwoj",))
    english = edition.copy_for_translation(locales["en"], copy_parents=True)

    content = secretary_client.get(MEMBER_ADD, {"edition": edition.pk}).content.decode()

    assert f'value="{english.pk}"' not in content
    assert "Reintegracja" in content
    offered = re.findall(r'name="categories" value="(\d+)"', content)
    assert offered and str(other.categories.get().pk) not in offered


def test_members_list_filters_by_edition(secretary_client, home, edition, jury_users):
    other = builders.edition(home, code="MMES-2028")
    member(edition, jury_users[0])
    member(other, jury_users[1])

    content = secretary_client.get(MEMBERS, {"edition": edition.pk}).content.decode()

    assert "Jan Kowalski" in content
    assert "Ewa Nowak" not in content
    assert matrix_url(edition) in content
    assert f"{MEMBER_ADD}?edition={edition.pk}" in content


def test_member_with_a_review_cannot_be_deleted(secretary_client, jury, entries):
    juror = jury["ewa"]
    Review.objects.create(entry=entries["r1"], member=juror)
    url = reverse("competition_jurymember:delete", args=[juror.pk])

    response = secretary_client.post(url, follow=True)

    assert JuryMember.objects.filter(pk=juror.pk).exists()
    assert any("nie można usunąć" in message for message in messages_of(response))


def test_member_without_history_can_be_deleted_and_it_is_logged(secretary_client, jury):
    juror = jury["olga"]
    url = reverse("competition_jurymember:delete", args=[juror.pk])

    secretary_client.post(url)

    assert not JuryMember.objects.filter(pk=juror.pk).exists()
    assert ModelLogEntry.objects.filter(
        action="wagtail.delete", object_id=juror.pk
    ).exists()


# -- automatic run: everyone of a category ---------------------------------------


def test_run_in_mode_all_assigns_every_juror_of_the_category(
    secretary_client, edition, jury, entries
):
    ConflictDeclaration.objects.create(
        entry=entries["r2"], member=jury["ewa"], has_conflict=True, kind="family"
    )

    response = secretary_client.post(run_url(edition), follow=True)

    jan, ewa, olga = jury["jan"], jury["ewa"], jury["olga"]
    r1, r2, o1 = entries["r1"], entries["r2"], entries["o1"]
    assert pairs_of(edition) == {
        (r1.pk, jan.pk),
        (r1.pk, ewa.pk),
        (r2.pk, jan.pk),  # Ewa declared a conflict with r2
        (o1.pk, jan.pk),
        (o1.pk, ewa.pk),
        (o1.pk, olga.pk),  # Olga covers osobowość only
    }
    assert set(Assignment.objects.values_list("source", flat=True)) == {"automatic"}
    assert "dodano 6, usunięto 0, razem 6 przydziałów" in " ".join(
        messages_of(response)
    )
    # Eligible entries with jurors move into review; the submitted one does not.
    for key in ("r1", "r2", "o1"):
        entries[key].refresh_from_db()
        assert entries[key].status == Status.IN_REVIEW
    entries["submitted"].refresh_from_db()
    assert entries["submitted"].status == Status.SUBMITTED
    assert ModelLogEntry.objects.filter(
        action="competition.entry.in_review", object_id=r1.pk
    ).exists()


def test_run_logs_the_run_and_every_change(
    secretary_client, secretary, edition, jury, entries
):
    secretary_client.post(run_url(edition))

    run = PageLogEntry.objects.get(page=edition, action=audit.ASSIGNMENTS_GENERATED)
    assert run.user == secretary
    assert run.data["mode"] == AssignmentMode.ALL
    assert run.data["seed"] == edition.assignment_seed
    assert (run.data["entries"], run.data["jurors"], run.data["added"]) == (3, 3, 7)
    assert run.data["moved_to_review"] == 3
    changes = ModelLogEntry.objects.filter(action=audit.ASSIGNMENT_CHANGED)
    assert changes.count() == 7
    change = changes.get(object_id=entries["o1"].pk, data__member_id=jury["olga"].pk)
    assert change.user == secretary
    assert change.data["action"] == "added"
    assert change.data["source"] == "automatic"
    assert change.data["juror"] == "Olga Zięba"
    assert change.data["entry"] == entries["o1"].reference


def test_run_emails_each_juror_once_with_the_count_and_the_dashboard(
    secretary_client, edition, jury, entries, committed
):
    with committed():
        secretary_client.post(run_url(edition))

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {
        "jan@example.org",
        "ewa@example.org",
        "olga@example.org",
    }
    assert len(mail.outbox) == 3
    olga = by_recipient["olga@example.org"]
    assert "Nowe zgłoszenia do oceny" in olga.subject
    assert "Liczba nowych zgłoszeń: 1" in olga.body
    assert DASHBOARD in olga.body
    assert "Liczba nowych zgłoszeń: 3" in by_recipient["jan@example.org"].body


def prefer(user, language):
    """What the user picks in Account → Language preferences."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def test_each_juror_is_emailed_in_the_language_of_their_admin(
    secretary_client, secretary, edition, jury, entries, jury_users, committed
):
    _jan, ewa, olga = jury_users
    prefer(olga, "en")
    prefer(ewa, "")  # a profile, no choice: Polish
    # Jan chose nothing either; the secretary works in English, which is not
    # Jan's choice.
    prefer(secretary, "en")

    with committed():
        secretary_client.post(run_url(edition))

    by_recipient = {message.to[0]: message for message in mail.outbox}
    english = by_recipient["olga@example.org"]
    assert english.subject == f"New entries to assess – {edition.title}"
    assert "Dear Olga Zięba," in english.body
    assert "Number of new entries: 1" in english.body
    closes = jury_emails.closing_text(edition, "en")
    assert f"Assessment open until: {closes}" in english.body
    assert closes != jury_emails.closing_text(edition)  # the month is in English
    assert DASHBOARD in english.body
    assert "Dzień dobry" not in english.body
    for address in ("jan@example.org", "ewa@example.org"):
        polish = by_recipient[address]
        assert polish.subject == f"Nowe zgłoszenia do oceny – {edition.title}"
        assert "Dzień dobry" in polish.body
        assert f"Ocena trwa do: {jury_emails.closing_text(edition)}" in polish.body
        assert DASHBOARD in polish.body


def test_a_second_run_changes_nothing_and_emails_nobody(
    secretary_client, edition, jury, entries, committed
):
    with committed():
        secretary_client.post(run_url(edition))
    before = pairs_of(edition)
    mail.outbox.clear()

    with committed():
        secretary_client.post(run_url(edition))

    assert pairs_of(edition) == before
    assert mail.outbox == []
    runs = PageLogEntry.objects.filter(page=edition, action=audit.ASSIGNMENTS_GENERATED)
    assert runs.count() == 2
    assert runs.order_by("-pk").first().data["added"] == 0


def test_run_keeps_manual_pairs_and_removes_conflicts_unless_scoring_began(
    secretary_client, secretary, edition, jury, entries
):
    r1, r2 = entries["r1"], entries["r2"]
    # Olga covers osobowość only, but the secretariat added her to r1 by hand.
    Assignment.objects.create(entry=r1, member=jury["olga"], source="manual")
    # Ewa was assigned r1 and r2, began scoring r2, then both turned conflicts.
    Assignment.objects.create(entry=r1, member=jury["ewa"])
    Assignment.objects.create(entry=r2, member=jury["ewa"])
    Review.objects.create(entry=r2, member=jury["ewa"])
    for entry in (r1, r2):
        ConflictDeclaration.objects.create(
            entry=entry, member=jury["ewa"], has_conflict=True, kind="other"
        )

    report = jury_setup.run_assignment(edition, secretary)

    pairs = pairs_of(edition)
    assert (r1.pk, jury["olga"].pk) in pairs
    assert (r1.pk, jury["ewa"].pk) not in pairs
    assert (r2.pk, jury["ewa"].pk) in pairs
    assert report.removed == [(r1.pk, jury["ewa"].pk)]
    assert report.kept_with_review == [(r2.pk, jury["ewa"].pk)]
    run = PageLogEntry.objects.get(page=edition, action=audit.ASSIGNMENTS_GENERATED)
    assert run.data["kept_with_review"] == [
        {"entry": r2.reference, "juror": "Ewa Nowak"}
    ]

    content = secretary_client.get(matrix_url(edition)).content.decode()
    assert "Przydziały zostawione, bo ocena już się zaczęła" in content


def test_run_is_refused_once_scoring_closed(secretary_client, edition, jury, entries):
    edition.scoring_closed_at = timezone.now() - timedelta(minutes=1)
    edition.save()

    response = secretary_client.post(run_url(edition), follow=True)

    assert not Assignment.objects.exists()
    assert "Ocena jury jest zamknięta" in " ".join(messages_of(response))


# -- automatic run: balanced -----------------------------------------------------


@pytest.fixture
def balanced(edition):
    edition.assignment_mode = AssignmentMode.BALANCED
    edition.jurors_per_entry = 2
    edition.max_load = None
    edition.assignment_seed = 7
    edition.save()
    return edition


@pytest.fixture
def big_jury(balanced):
    return [
        member(
            balanced,
            staff_user(f"juror{n}", JURY, email=f"j{n}@example.org"),
        )
        for n in range(5)
    ]


@pytest.fixture
def many_entries(balanced):
    return [builders.entry(balanced, status=Status.ELIGIBLE) for _ in range(10)]


def test_balanced_run_gives_k_jurors_per_entry_and_even_loads(
    secretary_client, balanced, big_jury, many_entries, committed
):
    with committed():
        secretary_client.post(run_url(balanced))

    assignments = Assignment.objects.filter(member__edition=balanced)
    per_entry = {
        entry.pk: assignments.filter(entry=entry).count() for entry in many_entries
    }
    assert set(per_entry.values()) == {2}
    loads = {juror.pk: assignments.filter(member=juror).count() for juror in big_jury}
    assert set(loads.values()) == {4}  # 10 entries × 2 / 5 jurors
    run = PageLogEntry.objects.get(page=balanced, action=audit.ASSIGNMENTS_GENERATED)
    assert (run.data["mode"], run.data["seed"], run.data["jurors_per_entry"]) == (
        "balanced",
        7,
        2,
    )
    assert len(mail.outbox) == 5
    assert all("Liczba nowych zgłoszeń: 4" in message.body for message in mail.outbox)


def test_balanced_run_is_the_pure_functions_result_for_the_seed(
    secretary, balanced, big_jury, many_entries
):
    jury_setup.run_assignment(balanced, secretary)
    stored = pairs_of(balanced)

    expected = assignment.assign_balanced(
        [assignment.EntryRef(entry.pk, entry.category_id) for entry in many_entries],
        [assignment.JurorRef(juror.pk) for juror in big_jury],
        conflicts=set(),
        k=2,
        max_load=None,
        seed=7,
    )
    assert stored == set(expected.pairs)

    # Stored again from nothing, the same seed gives the same pairs.
    Assignment.objects.all().delete()
    jury_setup.run_assignment(balanced, secretary)
    assert pairs_of(balanced) == stored


def test_balanced_run_keeps_existing_pairs_and_reports_shortfalls(
    secretary_client, secretary, balanced, big_jury, many_entries
):
    balanced.max_load = 3  # 5 jurors × 3 = 15 < 10 entries × 2
    balanced.save()
    kept = Assignment.objects.create(
        entry=many_entries[0], member=big_jury[0], source="manual"
    )

    report = jury_setup.run_assignment(balanced, secretary)

    assert Assignment.objects.filter(pk=kept.pk).exists()
    assert len(pairs_of(balanced)) == 15
    assert sum(2 - shortfall.got for shortfall in report.shortfalls) == 5
    assert {shortfall.reason for shortfall in report.shortfalls} == {
        assignment.MAX_LOAD
    }

    content = secretary_client.get(matrix_url(balanced)).content.decode()
    assert "Zgłoszenia z za małą liczbą jurorów" in content
    short = report.shortfalls[0]
    reference = next(e.reference for e in many_entries if e.pk == short.entry_id)
    assert f"{reference}: {short.got} z 2 – jurorzy osiągnęli limit zgłoszeń" in content
    assert "brakuje" in content


# -- manual changes ----------------------------------------------------------------


def test_manual_add_is_saved_logged_and_emailed(
    secretary_client, secretary, edition, jury, entries, committed
):
    r1 = entries["r1"]

    with committed():
        response = secretary_client.post(
            change_url(edition),
            {"pair": [pair(r1, jury["ewa"])], "reason": "Uzupełnienie składu"},
            follow=True,
        )

    added = Assignment.objects.get(entry=r1, member=jury["ewa"])
    assert added.source == Assignment.Source.MANUAL
    assert added.created_by == secretary
    assert "dodano 1, usunięto 0" in " ".join(messages_of(response))
    logged = ModelLogEntry.objects.get(action=audit.ASSIGNMENT_CHANGED, object_id=r1.pk)
    assert logged.data["action"] == "added"
    assert logged.data["source"] == "manual"
    assert logged.data["reason"] == "Uzupełnienie składu"
    assert logged.data["juror"] == "Ewa Nowak"
    assert logged.data["entry"] == r1.reference
    r1.refresh_from_db()
    assert r1.status == Status.IN_REVIEW
    # The entry's history in the admin says who was assigned, how and why.
    history = secretary_client.get(
        reverse("competition_entry:inspect", args=[r1.pk])
    ).content.decode()
    assert "Przydzielono jurorowi Ewa Nowak (ręcznie)" in history
    assert "Uzupełnienie składu" in history
    assert [message.to for message in mail.outbox] == [["ewa@example.org"]]
    assert "Liczba nowych zgłoszeń: 1" in mail.outbox[0].body


def test_manual_removal_needs_a_reason(secretary_client, edition, jury, entries):
    r1 = entries["r1"]
    Assignment.objects.create(entry=r1, member=jury["ewa"])

    response = secretary_client.post(
        change_url(edition),
        {"was": [pair(r1, jury["ewa"])], "reason": " "},
        follow=True,
    )

    assert Assignment.objects.filter(entry=r1, member=jury["ewa"]).exists()
    assert "Podaj powód usunięcia przydziału." in messages_of(response)

    secretary_client.post(
        change_url(edition),
        {"was": [pair(r1, jury["ewa"])], "reason": "Juror zrezygnował"},
    )

    assert not Assignment.objects.filter(entry=r1, member=jury["ewa"]).exists()
    logged = ModelLogEntry.objects.get(action=audit.ASSIGNMENT_CHANGED, object_id=r1.pk)
    assert (logged.data["action"], logged.data["reason"]) == (
        "removed",
        "Juror zrezygnował",
    )


def test_manual_change_refuses_conflicts_and_uncovered_categories(
    secretary_client, edition, jury, entries
):
    r1 = entries["r1"]
    ConflictDeclaration.objects.create(
        entry=r1, member=jury["ewa"], has_conflict=True, kind="family"
    )

    response = secretary_client.post(
        change_url(edition),
        {
            "pair": [
                pair(r1, jury["ewa"]),
                pair(r1, jury["olga"]),
                pair(r1, jury["jan"]),
            ]
        },
        follow=True,
    )

    shown = " ".join(messages_of(response))
    assert "Ewa Nowak zgłosił(a) konflikt interesów" in shown
    assert "Olga Zięba nie ocenia kategorii zgłoszenia" in shown
    assert "Nie zapisano żadnej zmiany." in shown
    # All or nothing: Jan, who could be assigned, was not either.
    assert not Assignment.objects.exists()
    assert not ModelLogEntry.objects.filter(action=audit.ASSIGNMENT_CHANGED).exists()
    assert mail.outbox == []


def test_manual_change_refuses_entries_and_jurors_of_other_editions(
    secretary_client, home, edition, jury, entries, jury_users
):
    other = builders.edition(home, code="MMES-2028")
    stranger = member(other, jury_users[0])
    foreign_entry = builders.entry(other, status=Status.ELIGIBLE)

    for value in (pair(entries["r1"], stranger), pair(foreign_entry, jury["jan"])):
        secretary_client.post(change_url(edition), {"pair": [value]})

    assert not Assignment.objects.exists()


def test_removal_after_scoring_began_is_refused(
    secretary_client, edition, jury, entries
):
    r1 = entries["r1"]
    Assignment.objects.create(entry=r1, member=jury["ewa"])
    Review.objects.create(entry=r1, member=jury["ewa"])

    response = secretary_client.post(
        change_url(edition),
        {"was": [pair(r1, jury["ewa"])], "reason": "pomyłka"},
        follow=True,
    )

    assert Assignment.objects.filter(entry=r1, member=jury["ewa"]).exists()
    assert "rozpoczął(-ęła) już ocenę" in " ".join(messages_of(response))


def test_a_pair_removed_by_hand_is_not_brought_back_by_a_run(
    secretary_client, secretary, edition, jury, entries
):
    r1, ewa = entries["r1"], jury["ewa"]
    jury_setup.run_assignment(edition, secretary)
    secretary_client.post(
        change_url(edition), {"was": [pair(r1, ewa)], "reason": "Bliska znajomość"}
    )

    jury_setup.run_assignment(edition, secretary)
    assert (r1.pk, ewa.pk) not in pairs_of(edition)

    # Added back by hand, it stays on later runs.
    secretary_client.post(change_url(edition), {"pair": [pair(r1, ewa)]})
    jury_setup.run_assignment(edition, secretary)
    assert (r1.pk, ewa.pk) in pairs_of(edition)


def test_a_removal_by_hand_is_kept_on_the_pair_not_read_from_the_log(
    secretary_client, secretary, edition, jury, entries
):
    """The audit log is history only: pruning it does not bring a pair back."""
    r1, ewa = entries["r1"], jury["ewa"]
    jury_setup.run_assignment(edition, secretary)
    secretary_client.post(
        change_url(edition), {"was": [pair(r1, ewa)], "reason": "Bliska znajomość"}
    )
    assert RemovedAssignment.objects.filter(entry=r1, member=ewa).exists()

    ModelLogEntry.objects.filter(action=audit.ASSIGNMENT_CHANGED).delete()
    jury_setup.run_assignment(edition, secretary)
    assert (r1.pk, ewa.pk) not in pairs_of(edition)

    secretary_client.post(change_url(edition), {"pair": [pair(r1, ewa)]})
    assert not RemovedAssignment.objects.filter(entry=r1, member=ewa).exists()


def test_the_migration_finds_pairs_removed_by_hand_in_the_log(
    secretary_client, secretary, edition, jury, entries
):
    """Editions set up before the removals were stored keep them: the data
    migration reads the same log entries the runs used to read."""
    migration = importlib.import_module(
        "competition.migrations.0017_removed_assignment"
    )
    r1, o1, ewa = entries["r1"], entries["o1"], jury["ewa"]
    jury_setup.run_assignment(edition, secretary)
    assert {(r1.pk, ewa.pk), (o1.pk, ewa.pk)} <= pairs_of(edition)
    secretary_client.post(
        change_url(edition),
        {"was": [pair(r1, ewa), pair(o1, ewa)], "reason": "Bliska znajomość"},
    )
    # o1 given back by hand: only r1's removal still holds.
    secretary_client.post(change_url(edition), {"pair": [pair(o1, ewa)]})
    RemovedAssignment.objects.all().delete()

    migration.removals_from_the_log(django_apps, None)

    assert set(RemovedAssignment.objects.values_list("entry_id", "member_id")) == {
        (r1.pk, ewa.pk)
    }


def test_a_pair_changed_meanwhile_is_not_undone(
    secretary_client, edition, jury, entries
):
    """The page showed r1–Ewa unassigned; someone assigned it since. Submitting
    the page (box still unticked) must not remove it."""
    r1 = entries["r1"]
    Assignment.objects.create(entry=r1, member=jury["ewa"])

    secretary_client.post(change_url(edition), {"pair": [pair(r1, jury["jan"])]})

    assert pairs_of(edition) == {(r1.pk, jury["ewa"].pk), (r1.pk, jury["jan"].pk)}


# -- the matrix ----------------------------------------------------------------


def test_matrix_is_an_accessible_table_of_entries_and_jurors(
    secretary_client, edition, jury, entries
):
    r1, o1 = entries["r1"], entries["o1"]
    Assignment.objects.create(entry=r1, member=jury["jan"])
    ConflictDeclaration.objects.create(
        entry=r1, member=jury["ewa"], has_conflict=True, kind="family"
    )

    response = secretary_client.get(matrix_url(edition))

    content = response.content.decode()
    assert response.status_code == 200
    assert "<caption" in content
    assert '<th scope="col">' in content
    assert '<th scope="rowgroup"' in content
    assert content.count(ROW_HEADER) == 3  # the submitted entry is not here
    assert entries["submitted"].reference not in content
    # Assigned: a ticked box named after the entry and the juror.
    checkbox = re.search(
        rf'<input type="checkbox" name="pair" value="{pair(r1, jury["jan"])}" '
        rf'id="(pair-[\d-]+)" checked>',
        content,
    )
    assert checkbox
    assert re.search(
        rf'<label for="{checkbox.group(1)}" class="w-sr-only">\s*'
        rf"Przydziel zgłoszenie {r1.reference} jurorowi Jan Kowalski\s*</label>",
        content,
    )
    # Conflict: no box. Not covered (Olga, reintegracja): no box.
    assert f'value="{pair(r1, jury["ewa"])}"' not in content
    assert "Ewa Nowak zgłosił(a) konflikt interesów przy zgłoszeniu" in content
    assert f'value="{pair(r1, jury["olga"])}"' not in content
    assert "Olga Zięba nie ocenia tej kategorii" in content
    assert f'value="{pair(o1, jury["olga"])}"' in content
    # Loads per juror.
    assert "przydziałów: 1" in content


def test_matrix_filters_by_category(
    secretary_client, edition, jury, entries, categories
):
    response = secretary_client.get(
        matrix_url(edition), {"category": categories["osobowosc"].pk}
    )

    content = response.content.decode()
    assert entries["o1"].reference in content
    assert entries["r1"].reference not in content


def test_matrix_of_an_english_translation_is_not_found(
    secretary_client, edition, locales
):
    english = edition.copy_for_translation(locales["en"], copy_parents=True)

    assert secretary_client.get(matrix_url(english)).status_code == 404


def test_matrix_is_read_only_once_scoring_closed(
    secretary_client, edition, jury, entries
):
    Assignment.objects.create(entry=entries["r1"], member=jury["jan"])
    edition.scoring_closed_at = timezone.now() - timedelta(minutes=1)
    edition.save()

    content = secretary_client.get(matrix_url(edition)).content.decode()

    assert "Przydziel automatycznie" not in content
    assert 'name="was"' not in content
    assert "disabled" in content


def test_assignment_index_lists_editions(secretary_client, edition, jury, entries):
    content = secretary_client.get(ASSIGNMENT_INDEX).content.decode()

    assert matrix_url(edition) in content
    assert edition.code in content


# -- query budgets ---------------------------------------------------------------

# Measured: 21 at either size (session, user and permissions, the edition, its
# categories, jury with categories, a page of entries with its count,
# assignments, conflicts, reviews, loads, the last run, Wagtail's menu).
MATRIX_QUERY_BUDGET = 24


@pytest.mark.parametrize(("entry_count", "juror_count"), [(3, 2), (30, 8)])
def test_matrix_queries_do_not_grow_with_entries_or_jurors(
    secretary_client,
    secretary,
    edition,
    categories,
    django_assert_max_num_queries,
    entry_count,
    juror_count,
):
    jurors = [
        member(
            edition,
            staff_user(f"j{n}", JURY),
            categories=[categories["reintegracja"]] if n % 2 else [],
        )
        for n in range(juror_count)
    ]
    for number in range(entry_count):
        builders.entry(
            edition,
            category=categories["osobowosc" if number % 3 == 0 else "reintegracja"],
            status=Status.ELIGIBLE,
        )
    jury_setup.run_assignment(edition, secretary)
    first = edition.entries.filter(status=Status.IN_REVIEW).first()
    ConflictDeclaration.objects.create(
        entry=first, member=jurors[0], has_conflict=True, kind="other"
    )
    Review.objects.create(entry=first, member=jurors[-1])

    with django_assert_max_num_queries(MATRIX_QUERY_BUDGET):
        response = secretary_client.get(matrix_url(edition))

    assert response.content.decode().count(ROW_HEADER) == entry_count


# -- reminders ---------------------------------------------------------------------


@pytest.fixture
def closing_soon(home):
    """An edition in its jury phase, which closes in two days."""
    now = timezone.now()
    return builders.edition(
        home,
        code="MMES-2026",
        opens=now - timedelta(days=60),
        closes=now - timedelta(days=30),
        jury_opens_at=now - timedelta(days=28),
        jury_closes_at=now + timedelta(days=2),
        results_at=now + timedelta(days=20),
    )


@pytest.fixture
def scoring_under_way(closing_soon, jury_users):
    """Jan: two entries, one review submitted. Ewa: one entry, submitted.
    Olga: one entry, a draft only."""
    jan, ewa, olga = (member(closing_soon, user) for user in jury_users)
    first, second = (
        builders.entry(closing_soon, status=Status.IN_REVIEW) for _ in range(2)
    )
    for juror, entry, status in [
        (jan, first, Review.Status.SUBMITTED),
        (jan, second, None),
        (ewa, first, Review.Status.SUBMITTED),
        (olga, second, Review.Status.DRAFT),
    ]:
        Assignment.objects.create(entry=entry, member=juror)
        if status:
            Review.objects.create(entry=entry, member=juror, status=status)
    return closing_soon


def test_reminder_task_emails_jurors_with_unfinished_assignments(
    scoring_under_way, committed
):
    with committed():
        reminded = remind_jurors.call(scoring_under_way.pk)

    assert reminded == 2
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"jan@example.org", "olga@example.org"}
    body = by_recipient["jan@example.org"].body
    assert "Zgłoszenia czekające na Twoją ocenę: 1" in body
    assert jury_emails.closing_text(scoring_under_way) in body
    assert DASHBOARD in body
    assert "Przypomnienie" in by_recipient["olga@example.org"].subject
    logged = PageLogEntry.objects.get(
        page=scoring_under_way, action=audit.JURY_REMINDED
    )
    assert (logged.data["jurors"], logged.data["unfinished"]) == (2, 2)


def test_reminders_are_in_each_jurors_admin_language(
    scoring_under_way, jury_users, committed
):
    prefer(jury_users[2], "en")  # Olga

    with committed():
        remind_jurors.call(scoring_under_way.pk)

    by_recipient = {message.to[0]: message for message in mail.outbox}
    english = by_recipient["olga@example.org"]
    closes = jury_emails.closing_text(scoring_under_way, "en")
    assert english.subject == (
        f"Reminder: assess entries by {closes} – {scoring_under_way.title}"
    )
    assert "Dear Olga Zięba," in english.body
    assert DASHBOARD in english.body
    polish = by_recipient["jan@example.org"]
    assert polish.subject.startswith("Przypomnienie: ocena zgłoszeń do ")
    assert jury_emails.closing_text(scoring_under_way) in polish.subject


def test_reminder_task_does_not_send_twice_a_day(scoring_under_way, committed):
    with committed():
        remind_jurors.call(scoring_under_way.pk)
    mail.outbox.clear()

    with committed():
        reminded_again = remind_jurors.call(scoring_under_way.pk)
    assert reminded_again == 0
    assert mail.outbox == []


def test_command_reminds_editions_closing_soon_once_a_day(
    scoring_under_way, home, jury_users, committed
):
    now = timezone.now()
    later = builders.edition(
        home,
        code="MMES-2025",
        opens=now - timedelta(days=60),
        closes=now - timedelta(days=30),
        jury_opens_at=now - timedelta(days=28),
        jury_closes_at=now + timedelta(days=10),
        results_at=now + timedelta(days=20),
    )
    waiting = builders.entry(later, status=Status.IN_REVIEW)
    Assignment.objects.create(entry=waiting, member=member(later, jury_users[0]))

    with committed():
        call_command("send_jury_reminders")
    assert sorted(message.to[0] for message in mail.outbox) == [
        "jan@example.org",
        "olga@example.org",
    ]

    mail.outbox.clear()
    with committed():
        call_command("send_jury_reminders")
    assert mail.outbox == []

    # A wider window reaches the later edition, once.
    with committed():
        call_command("send_jury_reminders", days=14)
    assert [message.to[0] for message in mail.outbox] == ["jan@example.org"]
    assert (
        "MMES-2025" in mail.outbox[0].subject or later.title in mail.outbox[0].subject
    )


def test_command_skips_closed_editions(scoring_under_way, committed):
    scoring_under_way.scoring_closed_at = timezone.now() - timedelta(hours=1)
    scoring_under_way.save()

    with committed():
        call_command("send_jury_reminders")

    assert mail.outbox == []
    assert not PageLogEntry.objects.filter(action=audit.JURY_REMINDED).exists()


# -- permissions -------------------------------------------------------------------


def test_jury_group_gets_no_jury_setup_permissions(db):
    jury = Group.objects.get(name="Jury")
    codenames = set(jury.permissions.values_list("codename", flat=True))

    assert not codenames & {
        "add_jurymember",
        "change_jurymember",
        "delete_jurymember",
        "view_jurymember",
        "add_assignment",
        "change_assignment",
        "delete_assignment",
        "view_assignment",
    }


def _urls(edition, juror):
    return {
        "get": [
            MEMBERS,
            MEMBER_ADD,
            reverse("competition_jurymember:edit", args=[juror.pk]),
            reverse("competition_jurymember:delete", args=[juror.pk]),
            ASSIGNMENT_INDEX,
            matrix_url(edition),
        ],
        "post": [run_url(edition), change_url(edition)],
    }


@pytest.mark.parametrize("who", ["juror", "editor"])
def test_jurors_and_editors_cannot_reach_jury_setup(
    client, request, edition, jury, entries, jury_users, editor, who
):
    user = jury_users[1] if who == "juror" else editor
    client.force_login(user)
    urls = _urls(edition, jury["ewa"])

    for url in urls["get"]:
        assert_denied(client.get(url))
    for url in urls["post"]:
        assert_denied(client.post(url, {"pair": [pair(entries["r1"], jury["ewa"])]}))
    assert_denied(
        client.post(MEMBER_ADD, _member_form(edition, jury_users[1], "chair"))
    )
    assert_denied(
        client.post(reverse("competition_jurymember:delete", args=[jury["ewa"].pk]))
    )

    assert not Assignment.objects.exists()
    assert JuryMember.objects.filter(pk=jury["ewa"].pk).exists()
    assert not JuryMember.objects.filter(role="chair", user=jury_users[1]).exists()


def test_changes_need_the_csrf_token(secretary, edition, jury, entries):
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretary)

    response = client.post(
        change_url(edition), {"pair": [pair(entries["r1"], jury["jan"])]}
    )

    assert response.status_code == 403
    assert client.post(run_url(edition)).status_code == 403
    assert not Assignment.objects.exists()


def test_anonymous_is_sent_to_login(client, edition, jury, entries):
    urls = _urls(edition, jury["ewa"])

    for url in urls["get"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    for url in urls["post"]:
        response = client.post(url, {"pair": [pair(entries["r1"], jury["ewa"])]})
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert not Assignment.objects.exists()


def test_secretary_reaches_every_jury_setup_screen(secretary_client, edition, jury):
    for url in _urls(edition, jury["olga"])["get"]:
        assert secretary_client.get(url).status_code == 200, url


def test_a_viewer_of_assignments_cannot_change_them(client, edition, jury, entries):
    viewer = staff_user("podglad")
    group = Group.objects.create(name="Podgląd przydziałów")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_assignment"])
    )
    viewer.groups.add(group)
    client.force_login(viewer)

    content = client.get(matrix_url(edition)).content.decode()
    assert "Przydziel automatycznie" not in content
    assert 'name="reason"' not in content
    assert 'name="was"' not in content
    assert_denied(client.post(run_url(edition)))
    assert_denied(
        client.post(change_url(edition), {"pair": [pair(entries["r1"], jury["jan"])]})
    )
    assert not Assignment.objects.exists()


def test_secretariat_menu_has_jury_and_assignment(secretary, jury_users):
    assert {"Jury", "Przydział zgłoszeń"} <= set(builders.menu_labels(secretary))
    assert not {"Jury", "Przydział zgłoszeń"} & set(builders.menu_labels(jury_users[0]))


def test_the_jurors_read_a_midnight_close_as_the_day_before(home):
    """Stored as 00:00 (the first moment scoring is refused), shown as 23:59."""
    edition = builders.edition(home)
    edition.jury_closes_at = timezone.make_aware(
        timezone.datetime(2030, 12, 18), timezone.get_default_timezone()
    )

    assert jury_emails.closing_text(edition) == "17 grudnia 2030, 23:59"
    assert jury_emails.closing_text(edition, "en") == "17 December 2030, 23:59"
