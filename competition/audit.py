"""The competition's audit log (DESIGN §5–§6): how its entries read, and which
of Wagtail's log entries belong to the competition.

The modules that act (``workflow``, ``formal_check``, ``jury_setup``,
``reviews``, ``decisions``, ``downloads``, the status page) write Wagtail's log
themselves, with the user, and the reason (if any) in ``data["reason"]``; a
move without a staff user records the role in ``data["actor"]``. This module
reads those entries back the same way for every screen: the entry's history on
its inspect page and the secretariat's "Dziennik konkursu"
(``views/audit.py``).
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

from .models import Assignment
from .workflow import APPLICANT, CHAIR, JURY, SECRETARIAT, SYSTEM

PREFIX = "competition."

ACTOR_LABELS = {
    APPLICANT: _("zgłaszający"),
    SECRETARIAT: _("sekretariat"),
    JURY: _("jury"),
    CHAIR: _("przewodniczący(-a) jury"),
    SYSTEM: _("system"),
}

DOWNLOADED = "competition.file.download"
CORRECTED = "competition.entry.corrected"
# The jury's assignments (``jury_setup``) and reminders (``jury_emails``).
ASSIGNMENTS_GENERATED = "competition.assignment.generated"
ASSIGNMENT_CHANGED = "competition.assignment.changed"
JURY_REMINDED = "competition.jury.reminded"
# ``data["action"]`` of an ASSIGNMENT_CHANGED entry: what happened to the pair.
ADDED = "added"
REMOVED = "removed"


def actor(log_entry):
    """Who acted: the user's name, else the role the entry recorded (the
    applicant has no account), else Wagtail's "system"."""
    if log_entry.user_id:
        return str(log_entry.user_display_name)
    role = (log_entry.data or {}).get("actor")
    if role:
        return str(ACTOR_LABELS.get(role, role))
    return str(log_entry.user_display_name)


def reason(log_entry):
    """The reason given for the action (a correction request, a removal, a
    change after submit, a conflict's explanation...), or ``""``."""
    data = log_entry.data or {}
    return str(data.get("reason") or data.get("comment") or "")


class CompetitionLogFormatter(LogFormatter):
    """A competition action: its message is its ``template`` filled from the
    entry's data (:class:`_DataOrUnknown`), else its ``label``, unless a
    subclass says more; the reason given is its comment (Wagtail's name for
    the text a person wrote with the action)."""

    template = None

    def format_message(self, log_entry):
        if self.template is not None:
            return self.template % _DataOrUnknown(log_entry.data or {})
        return self.message or self.label

    def format_comment(self, log_entry):
        return reason(log_entry)


class _DataOrUnknown(dict):
    """A log entry's data, where a value the entry lacks reads as "?"."""

    def __missing__(self, key):
        return "?"


def formatter(label, template=None):
    """A :class:`CompetitionLogFormatter` for an action that reads as its label,
    or as ``template`` (``%(key)s`` from the entry's data)."""
    return type(
        "ActionFormatter",
        (CompetitionLogFormatter,),
        {"label": label, "template": template},
    )


class ChangedFormatter(CompetitionLogFormatter):
    label = _("Zmiana przydziału")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        values = {"juror": data.get("juror", "?")}
        if data.get("action") == REMOVED:
            message = _("Usunięto przydział jurorowi %(juror)s")
        else:
            message = _("Przydzielono jurorowi %(juror)s")
        if data.get("source") == Assignment.Source.MANUAL:
            how = _("ręcznie")
        else:
            how = _("automatycznie")
        return f"{message % values} ({how})"


class RemindedFormatter(CompetitionLogFormatter):
    label = _("Przypomnienie jury")

    def format_message(self, log_entry):
        return _("Przypomnienie o ocenie wysłane do jurorów: %(count)s") % {
            "count": (log_entry.data or {}).get("jurors", 0)
        }


# Actions that say more than their label, and those logged outside a module
# with its own labels (``downloads.py``, the status page). Registered in
# wagtail_hooks.py with the modules' own.
LOG_FORMATTERS = {
    DOWNLOADED: formatter(
        _("Pobranie pliku"), _("Pobranie pliku zgłoszenia: %(file)s")
    ),
    CORRECTED: formatter(_("Zgłoszenie poprawione")),
    ASSIGNMENTS_GENERATED: formatter(
        _("Przydział automatyczny"),
        _(
            "Przydział automatyczny: dodano %(added)s, usunięto %(removed)s, "
            "razem %(pairs)s (ziarno %(seed)s)"
        ),
    ),
    ASSIGNMENT_CHANGED: ChangedFormatter,
    JURY_REMINDED: RemindedFormatter,
}


def competition_content_type_ids():
    # From ContentType's cache: no query once the types are known.
    models = apps.get_app_config("competition").get_models()
    types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    return [content_type.pk for content_type in types.values()]


def competition_logs(log_model, content_type_ids=None):
    """The log entries of ``log_model`` that belong to the competition: its own
    actions, and Wagtail's on its models and pages (a jury member added, an
    edition's dates edited)."""
    if content_type_ids is None:
        content_type_ids = competition_content_type_ids()
    return log_model.objects.filter(
        Q(action__startswith=PREFIX) | Q(content_type_id__in=content_type_ids)
    )
