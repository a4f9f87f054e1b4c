"""The secretariat's admin screens of categories and entries.

Registered as viewsets in ``competition/wagtail_hooks.py``; the entries' export
columns are in ``competition/exports.py``, who may do what in
``competition/permissions.py``.
"""

from datetime import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Prefetch, ProtectedError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import (
    BulkActionsCheckboxColumn,
    Column,
    NumberColumn,
    TitleColumn,
)
from wagtail.admin.views import generic
from wagtail.admin.widgets import HeaderButton
from wagtail.log_actions import registry as log_registry

from .. import audit, duplicates, exports
from ..formal_check import SAVED_ACTION, correctable_fields
from ..models import Entry, EntryAnswer, Review, Status
from ..permissions import can_export_entries, can_manage_personal_data
from ..reviews import REVISED

# -- entries -----------------------------------------------------------------


class FormalCheckColumn(Column):
    """A link to the formal check for an entry waiting for one."""

    cell_template_name = "competition/admin/formal_check_cell.html"

    def __init__(self, name, get_url, **kwargs):
        super().__init__(name, **kwargs)
        self._get_url = get_url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = self._get_url(instance)
        context["instance"] = instance
        return context


class PossibleDuplicateColumn(Column):
    """A marker on an entry whose nominee has another entry in the same
    category of the edition (``duplicates.with_possible_duplicates``)."""

    cell_template_name = "competition/admin/possible_duplicate_cell.html"


class EntryPaginator(WagtailPaginator):
    """Wagtail writes "5 zgłoszenia" (one plural for every number); Polish
    needs "5 zgłoszeń"."""

    @cached_property
    def items_count_label(self):
        return ngettext("%(count)s zgłoszenie", "%(count)s zgłoszenia", self.count) % {
            "count": self.count
        }


class EntryIndexView(generic.IndexView):
    """Submitted entries, newest first; drafts only when the status filter asks.

    For whoever may run the formal check: a "Ocena formalna" column and the
    bulk action's check boxes."""

    template_name = "competition/admin/entry_index.html"
    formal_check_url_name = None
    paginator_class = EntryPaginator

    @cached_property
    def can_check(self):
        return self.user_has_permission("check")

    def get_formal_check_url(self, entry):
        if self.can_check and entry.status == Status.SUBMITTED:
            return reverse(self.formal_check_url_name, args=[entry.pk])
        return None

    @cached_property
    def columns(self):
        title_column = self._get_title_column_class(TitleColumn)
        columns = [
            title_column(
                "reference",
                label=_("Numer zgłoszenia"),
                accessor=str,
                sort_key="reference",
                get_url=self.get_inspect_url,
                get_title_id=lambda entry: f"entry_{entry.pk}_title",
            ),
            Column("nominee_name", label=_("Zgłaszany")),
            Column("category", label=_("Kategoria"), accessor="category.name"),
            Column("status", label=_("Status"), accessor="status_label"),
            PossibleDuplicateColumn(
                "possible_duplicate",
                label=_("Duplikat"),
                accessor="possible_duplicate",
            ),
            Column("powiat", label=_("Powiat"), accessor="powiat_name"),
            Column("submitted_at", label=_("Wysłano"), sort_key="submitted_at"),
        ]
        if self.can_check:
            columns.insert(0, BulkActionsCheckboxColumn("bulk", obj_type="entry"))
            columns.append(
                FormalCheckColumn(
                    "formal_check",
                    label=_("Ocena formalna"),
                    # Not the entry's ``formal_check`` relation: a query a row.
                    accessor="status",
                    get_url=self.get_formal_check_url,
                )
            )
        return columns

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_check"] = self.can_check
        return context

    def dispatch(self, request, *args, **kwargs):
        if self.is_export and not can_export_entries(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("edition", "category")
        queryset = duplicates.with_possible_duplicates(queryset)
        if self.is_export:
            queryset = queryset.prefetch_related(
                Prefetch(
                    "answers",
                    queryset=EntryAnswer.objects.select_related("criterion"),
                ),
                "files",
            )
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        chosen_status = (
            self.filters.form.cleaned_data.get("status")
            if self.filters and self.filters.is_valid()
            else None
        )
        if not chosen_status:
            queryset = queryset.exclude(status=Status.DRAFT)
        return queryset

    def order_queryset(self, queryset):
        # Unsent drafts have no time: keep them last whichever way (and on
        # whichever database) the list is sorted; the pk keeps pages stable.
        if self.ordering == "-submitted_at":
            return queryset.order_by(F("submitted_at").desc(nulls_last=True), "-pk")
        if self.ordering == "submitted_at":
            return queryset.order_by(F("submitted_at").asc(nulls_last=True), "pk")
        return super().order_queryset(queryset)

    # -- export ----------------------------------------------------------------

    @cached_property
    def show_export_buttons(self):
        return bool(self.list_export) and can_export_entries(self.request.user)

    def get_filename(self):
        return f"zgloszenia-{timezone.localdate():%Y-%m-%d}"

    def to_row_dict(self, item):
        return exports.row(item)

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return exports.neutralise_formula(value)


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
        entry = self.object
        yes, no = _("Tak"), _("Nie")
        return [
            {
                "heading": _("Zgłoszenie"),
                "fields": [
                    self._field("reference", entry.reference or "—"),
                    self._field(
                        "edition", f"{entry.edition.title} ({entry.edition.code})"
                    ),
                    self._field("category", entry.category.name),
                    self._field("status", entry.status_label),
                    self._field("status_reason"),
                    self._field("nomination", entry.get_nomination_display()),
                    self._field("language"),
                    self._field("created_at"),
                    self._field("submitted_at"),
                ],
            },
            {
                "heading": _("Zgłaszany"),
                "fields": [
                    self._field("nominee_kind", entry.get_nominee_kind_display()),
                    self._field("organisation_name"),
                    self._field("person_name"),
                    self._field("legal_form", entry.legal_form_label),
                    self._field("running_entity_name"),
                    self._field("nip", entry.nip_display),
                    self._field("regon"),
                    self._field("krs"),
                    self._field("street"),
                    self._field("postal_code"),
                    self._field("city"),
                    self._field("powiat", entry.powiat_name),
                    self._field("website"),
                    self._field("previous_award_year"),
                ],
            },
            {
                "heading": _("Kontakt"),
                "fields": [
                    self._field("contact_name"),
                    self._field("email"),
                    self._field("phone"),
                    self._field("nominee_email"),
                    self._field("nominee_phone"),
                    self._field("nominee_notified_at"),
                ],
            },
            {
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
            "consents": self.object.consents.all(),
            "files": self.object.files.all(),
            "log_entries": self.get_log_entries(),
        }


def _revision_details(data):
    """What a conflict declared after a declaration of none replaced, and what
    became of the juror's review (``reviews.revise_to_conflict``'s log)."""
    declared = parse_datetime((data.get("previous") or {}).get("declared_at") or "")
    when = (
        formats.date_format(timezone.localtime(declared), "DATETIME_FORMAT")
        if declared
        else "—"
    )
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


class EntryInspectView(EntryDetailsMixin, generic.InspectView):
    """Everything the applicant sent, with the entry's audit log, and the way
    to the formal check while the entry waits for one."""

    template_name = "competition/admin/entry_inspect.html"
    formal_check_url_name = None
    export_personal_data_url_name = None
    erase_personal_data_url_name = None

    def get_object(self, queryset=None):
        return entry_with_details(self.pk)

    def get_page_subtitle(self):
        return str(self.object)

    def get_fields(self):
        # The sections below replace Wagtail's flat list of fields.
        return []

    def get_formal_check_url(self):
        if (
            self.formal_check_url_name
            and self.object.status == Status.SUBMITTED
            and self.user_has_permission("check")
        ):
            return reverse(self.formal_check_url_name, args=[self.object.pk])
        return None

    def get_header_buttons(self):
        buttons = super().get_header_buttons()
        if url := self.get_formal_check_url():
            buttons.insert(
                0,
                HeaderButton(
                    _("Ocena formalna"),
                    url=url,
                    icon_name="tasks",
                    classname="button-primary",
                ),
            )
        if can_manage_personal_data(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Eksportuj dane osobowe"),
                    url=reverse(
                        self.export_personal_data_url_name, args=[self.object.pk]
                    ),
                    icon_name="download",
                )
            )
            if self.object.anonymised_at is None:
                buttons.append(
                    HeaderButton(
                        _("Usuń dane osobowe (RODO art. 17)"),
                        url=reverse(
                            self.erase_personal_data_url_name, args=[self.object.pk]
                        ),
                        icon_name="bin",
                    )
                )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.get_entry_context())
        context["formal_check_url"] = self.get_formal_check_url()
        return context


# -- categories ----------------------------------------------------------------


class CategoryIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("edition")
            .annotate(criteria_count=Count("criteria"))
        )

    @cached_property
    def columns(self):
        title_column = self._get_title_column_class(TitleColumn)
        return [
            title_column(
                "name",
                label=_("Nazwa"),
                sort_key="name",
                get_url=lambda category: (
                    self.get_edit_url(category) or self.get_inspect_url(category)
                ),
            ),
            Column("edition", label=_("Edycja"), accessor="edition.code"),
            Column("slug", label=_("Adres")),
            NumberColumn(
                "criteria_count", label=_("Liczba kryteriów"), sort_key="criteria_count"
            ),
        ]


class CategoryDeleteView(generic.DeleteView):
    """A category with entries cannot go (entries keep their category)."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _("Tej kategorii nie można usunąć: są w niej zgłoszenia."),
            )
            return redirect(self.get_success_url())


class CategoryEditView(generic.EditView):
    """A criterion that entries have answered cannot be removed from the form."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            form.add_error(
                None,
                _(
                    "Nie można usunąć kryterium, na które zgłaszający już "
                    "odpowiedzieli."
                ),
            )
            return self.form_invalid(form)
