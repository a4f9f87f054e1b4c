"""Who counts as "the same nominee" twice in one category of one edition.

An organisation is the same when its NIP is; a person (no PESEL is asked for)
when the e-mail that reaches them is: the nominee's address in a third-party
nomination, the applicant's own in a self-nomination. Drafts and withdrawn
entries do not count: a withdrawn entry may be sent again.
"""

from django.core.exceptions import ValidationError
from django.db.models import BooleanField, Case, Exists, OuterRef, Q, Value, When
from django.db.models.functions import Lower

from . import validators
from .models import Entry, Nomination, NomineeKind
from .workflow import NOT_SENT


def person_email(nomination, email, nominee_email):
    """The address that identifies a nominated person."""
    if nomination == Nomination.THIRD_PARTY:
        return (nominee_email or "").strip().lower()
    return (email or "").strip().lower()


def _person_address():
    """``person_email`` in SQL."""
    return Case(
        When(nomination=Nomination.THIRD_PARTY, then=Lower("nominee_email")),
        default=Lower("email"),
    )


def _same_person(address):
    return Q(nominee_kind=NomineeKind.PERSON) & (
        Q(nomination=Nomination.THIRD_PARTY, nominee_email__iexact=address)
        | Q(nomination=Nomination.SELF, email__iexact=address)
    )


def posted_for(entry, post):
    """Whether a POST of the submission form names ``entry``'s nominee (a resent
    copy of the form that made it), judged on the identifying field only."""
    if entry.nominee_kind == NomineeKind.PERSON:
        posted = person_email(
            post.get("nomination"), post.get("email"), post.get("nominee_email")
        )
        return posted == person_email(
            entry.nomination, entry.email, entry.nominee_email
        )
    try:
        return validators.clean_nip(post.get("nip", "")) == entry.nip
    except ValidationError:
        return False


def existing_entry(edition, category, data, exclude_pk=None):
    """A counted entry for the same nominee as the form's ``data`` (cleaned
    data of the submission form), or None."""
    entries = Entry.objects.filter(edition=edition, category=category).exclude(
        status__in=NOT_SENT
    )
    if exclude_pk:
        entries = entries.exclude(pk=exclude_pk)
    if data.get("nominee_kind") == NomineeKind.PERSON:
        address = person_email(
            data.get("nomination"), data.get("email"), data.get("nominee_email")
        )
        if not address:
            return None
        return entries.filter(_same_person(address)).order_by("pk").first()
    nip = data.get("nip")
    if not nip:
        return None
    return (
        entries.filter(nominee_kind=NomineeKind.ORGANISATION, nip=nip)
        .order_by("pk")
        .first()
    )


def with_possible_duplicates(queryset):
    """Annotate ``possible_duplicate``: another counted entry in the same
    category of the same edition is for the same nominee (secretariat's list)."""
    others = (
        Entry.objects.filter(edition=OuterRef("edition"), category=OuterRef("category"))
        .exclude(pk=OuterRef("pk"))
        .exclude(status__in=NOT_SENT)
    )
    same_organisation = others.filter(
        nominee_kind=NomineeKind.ORGANISATION, nip=OuterRef("nip")
    )
    people = others.filter(nominee_kind=NomineeKind.PERSON).annotate(
        address=_person_address()
    )
    organisation = (
        Q(nominee_kind=NomineeKind.ORGANISATION)
        & ~Q(nip="")
        & Exists(same_organisation)
    )
    person = (
        Q(nominee_kind=NomineeKind.PERSON)
        & ~Q(person_address="")
        & Exists(people.filter(address=OuterRef("person_address")))
    )
    return queryset.alias(person_address=_person_address()).annotate(
        possible_duplicate=Case(
            When(
                ~Q(status__in=NOT_SENT) & (organisation | person),
                then=Value(True),
            ),
            default=Value(False),
            output_field=BooleanField(),
        )
    )
