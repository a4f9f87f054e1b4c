"""The entry's page in the admin: what the applicant sent, in sections with
plain labels, and the entry's history. Shown by the inspect view
(``views/entries.py``) and beside the formal check (``views/formal_check.py``).
"""

import re
from datetime import datetime

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import registry as log_registry
from wagtail.models import Revision

from .. import audit
from ..formal_check import SAVED_ACTION, correctable_fields
from ..models import Entry, EntryAnswer, Nomination, NomineeKind, Review
from ..reviews import REVISED

# The versions ``submission.consent_texts`` records: the rules document and the
# edition page's revision, the information clause's number, the page revision.
RULES_VERSION = re.compile(r"^(?:doc-(?P<doc>\d+)|page)-rev-(?P<rev>\d+)$")
CLAUSE_VERSION = re.compile(r"^\d+-clause-(?P<number>\d+)$")
PAGE_VERSION = re.compile(r"^\d+-rev-(?P<rev>\d+)$")


def language_name(code):
    """ "polski" for "pl": the content languages named in the admin's language."""
    return dict(settings.WAGTAIL_CONTENT_LANGUAGES).get(code, code)


def _when(value):
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def consent_version(version, revision_dates):
    """The recorded version of a consent's text in words, with the date of the
    edition page's revision it was shown from when known."""
    if match := CLAUSE_VERSION.match(version):
        return _("klauzula informacyjna, wersja %(number)s") % {
            "number": match["number"]
        }
    match = RULES_VERSION.match(version) or PAGE_VERSION.match(version)
    if not match:
        return version
    created = revision_dates.get(int(match["rev"]))
    page = (
        _("strona edycji z %(date)s") % {"date": _when(created)}
        if created
        else _("strona edycji (wersja sprzed publikacji)")
    )
    if match.re is RULES_VERSION and match["doc"]:
        return _("regulamin (dokument nr %(doc)s), %(page)s") % {
            "doc": match["doc"],
            "page": page,
        }
    return page


class EntryDetailsMixin:
    """What the applicant sent and the entry's history, as the inspect view and
    the formal check show them. Expects ``self.object`` (an entry fetched with
    :func:`entry_with_details`)."""

    @cached_property
    def category_criteria(self):
        return list(self.object.category.criteria.all())

    def _field(self, name, value=None):
        label = capfirst(Entry._meta.get_field(name).verbose_name)
        if value is None:
            value = getattr(self.object, name)
        if isinstance(value, datetime):
            # The template's localize filter would show the stored UTC.
            value = timezone.localtime(value)
        return {"label": label, "value": value}

    def get_sections(self):
        """The entry's data in sections; fields that do not apply to this kind
        of nominee or nomination are left out rather than shown empty."""
        entry = self.object
        yes, no = _("Tak"), _("Nie")
        person = entry.nominee_kind == NomineeKind.PERSON
        third_party = entry.nomination == Nomination.THIRD_PARTY
        if person:
            nominee = [self._field("person_name")]
        else:
            nominee = [
                self._field("organisation_name"),
                self._field("legal_form", entry.legal_form_label),
                self._field("running_entity_name"),
                self._field("nip", entry.nip_display),
                self._field("regon"),
                self._field("krs"),
            ]
        nominee += [
            self._field("street"),
            self._field("postal_code"),
            self._field("city"),
            {"label": _("Powiat"), "value": entry.powiat_label},
            self._field("website"),
            self._field("previous_award_year"),
        ]
        contact = [
            self._field("contact_name"),
            self._field("email"),
            self._field("phone"),
        ]
        if third_party:
            contact += [
                self._field("nominee_email"),
                self._field("nominee_phone"),
                self._field("nominee_notified_at"),
            ]
        return [
            {
                "id": "entry-section-entry",
                "heading": _("Zgłoszenie"),
                "fields": [
                    self._field("reference", entry.reference or "—"),
                    self._field(
                        "edition", f"{entry.edition.title} ({entry.edition.code})"
                    ),
                    self._field("category", entry.category.name),
                    {
                        "label": _("Status"),
                        "value": entry.status_label,
                        "status": entry.status,
                    },
                    self._field("status_reason"),
                    self._field("nomination", entry.get_nomination_display()),
                    self._field("language", language_name(entry.language)),
                    self._field("created_at"),
                    self._field("submitted_at"),
                ],
            },
            {
                "id": "entry-section-nominee",
                "heading": _("Zgłaszana osoba") if person else _("Zgłaszany podmiot"),
                "fields": nominee,
            },
            {
                "id": "entry-section-contact",
                "heading": _("Zgłaszający i kontakt"),
                "fields": contact,
            },
            {
                "id": "entry-section-description",
                "heading": _("Opis"),
                "fields": [
                    self._field("title"),
                    self._field("summary"),
                    self._field("video_url"),
                    self._field(
                        "image_publication_allowed",
                        yes if entry.image_publication_allowed else no,
                    ),
                ],
            },
        ]

    def get_answers(self):
        """Every criterion of the category with the applicant's answer (if any)."""
        answers = {answer.criterion_id: answer for answer in self.object.answers.all()}
        rows = [
            {"criterion": criterion, "answer": answers.pop(criterion.pk, None)}
            for criterion in self.category_criteria
        ]
        # Answers to criteria removed since (PROTECT stops deletion, but keep
        # whatever the database holds visible).
        rows += [
            {"criterion": answer.criterion, "answer": answer}
            for answer in answers.values()
        ]
        return rows

    def get_consents(self):
        """The consents as given, each with its text's version in words."""
        consents = list(self.object.consents.all())
        revisions = {
            int(match["rev"])
            for consent in consents
            if (
                match := RULES_VERSION.match(consent.version)
                or PAGE_VERSION.match(consent.version)
            )
        }
        dates = dict(
            Revision.objects.filter(pk__in=revisions).values_list("pk", "created_at")
        )
        return [
            {
                "consent": consent,
                "version": consent_version(consent.version, dates),
                "language": language_name(consent.language),
                "given_at": timezone.localtime(consent.given_at),
            }
            for consent in consents
        ]

    @cached_property
    def log_entries(self):
        return list(
            log_registry.get_logs_for_instance(self.object)
            .select_related("user")
            .order_by("-timestamp", "-pk")
        )

    def field_labels(self):
        """Labels of the fields a correction may name (``answer_<id>`` included)."""
        return dict(correctable_fields(self.object, self.category_criteria))

    @cached_property
    def formal_criteria(self):
        return list(self.object.edition.formal_criteria.all())

    def _unmet_requirements(self, unmet):
        if not unmet:
            return _("Wszystkie wymogi spełnione.")
        texts = {
            str(criterion.pk): criterion.text for criterion in self.formal_criteria
        }
        return _("Niespełnione wymogi: %(requirements)s") % {
            # A requirement removed since is shown by its number.
            "requirements": "; ".join(texts.get(pk, f"#{pk}") for pk in unmet)
        }

    def get_log_entries(self):
        """The entry's audit log, newest first, with who acted and why, and
        what a correction changed."""
        rows = []
        labels = None
        for log_entry in self.log_entries:
            data = log_entry.data or {}
            details = ""
            if log_entry.action == SAVED_ACTION:
                details = self._unmet_requirements(data.get("unmet", []))
            elif log_entry.action == audit.CORRECTED:
                labels = labels or self.field_labels()
                details = _("Zmienione pola: %(fields)s") % {
                    "fields": ", ".join(
                        str(labels.get(name, name)) for name in data.get("fields", [])
                    )
                    or "—"
                }
            elif log_entry.action == REVISED:
                details = _revision_details(data)
            rows.append(
                {
                    "timestamp": log_entry.timestamp,
                    "message": log_entry.message,
                    "who": audit.actor(log_entry),
                    "reason": audit.reason(log_entry),
                    "details": details,
                }
            )
        return rows

    def get_entry_context(self):
        return {
            "entry": self.object,
            "sections": self.get_sections(),
            "answers": self.get_answers(),
            "consents": self.get_consents(),
            "files": self.object.files.all(),
            "log_entries": self.get_log_entries(),
        }


def _revision_details(data):
    """What a conflict declared after a declaration of none replaced, and what
    became of the juror's review (``reviews.revise_to_conflict``'s log)."""
    declared = parse_datetime((data.get("previous") or {}).get("declared_at") or "")
    when = _when(declared) if declared else "—"
    texts = [
        _("Zastępuje deklarację braku konfliktu interesów z %(when)s.") % {"when": when}
    ]
    outcome = (data.get("review") or {}).get("now")
    if outcome == Review.Status.WITHDRAWN:
        texts.append(_("Złożona ocena jurora wycofana: nie jest liczona."))
    elif outcome == "deleted":
        texts.append(_("Wersja robocza oceny jurora usunięta."))
    return " ".join(str(text) for text in texts)


def entry_with_details(pk):
    """The entry with what :class:`EntryDetailsMixin` shows, or a 404."""
    answers = EntryAnswer.objects.select_related("criterion")
    return get_object_or_404(
        Entry.objects.select_related("edition", "category").prefetch_related(
            Prefetch("answers", queryset=answers)
        ),
        pk=pk,
    )
