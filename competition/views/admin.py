"""The secretariat's admin screens of categories and entries.

Registered as viewsets in ``competition/wagtail_hooks.py``; the entries' export
columns are in ``competition/exports.py``, who may do what in
``competition/permissions.py``.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Prefetch, ProtectedError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.log_actions import registry as log_registry

from .. import exports
from ..models import Entry, EntryAnswer, Status
from ..permissions import can_export_entries
from ..workflow import APPLICANT, CHAIR, JURY, SECRETARIAT, SYSTEM

ACTOR_LABELS = {
    APPLICANT: _("zgłaszający"),
    SECRETARIAT: _("sekretariat"),
    JURY: _("jury"),
    CHAIR: _("przewodniczący(-a) jury"),
    SYSTEM: _("system"),
}

# -- entries -----------------------------------------------------------------


class EntryIndexView(generic.IndexView):
    """Submitted entries, newest first; drafts only when the status filter asks."""

    @cached_property
    def columns(self):
        title_column = self._get_title_column_class(TitleColumn)
        return [
            title_column(
                "reference",
                label=_("Numer zgłoszenia"),
                accessor=str,
                sort_key="reference",
                get_url=self.get_inspect_url,
            ),
            Column("nominee_name", label=_("Zgłaszany")),
            Column("category", label=_("Kategoria"), accessor="category.name"),
            Column("status", label=_("Status"), accessor="status_label"),
            Column("powiat", label=_("Powiat"), accessor="powiat_name"),
            Column("submitted_at", label=_("Wysłano"), sort_key="submitted_at"),
        ]

    def dispatch(self, request, *args, **kwargs):
        if self.is_export and not can_export_entries(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("edition", "category")
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


class EntryInspectView(generic.InspectView):
    """Everything the applicant sent, with the entry's audit log."""

    template_name = "competition/admin/entry_inspect.html"

    def get_object(self, queryset=None):
        answers = EntryAnswer.objects.select_related("criterion")
        return get_object_or_404(
            Entry.objects.select_related("edition", "category").prefetch_related(
                Prefetch("answers", queryset=answers)
            ),
            pk=self.pk,
        )

    def get_page_subtitle(self):
        return str(self.object)

    def get_fields(self):
        # The sections below replace Wagtail's flat list of fields.
        return []

    def _field(self, name, value=None):
        label = capfirst(Entry._meta.get_field(name).verbose_name)
        if value is None:
            value = getattr(self.object, name)
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
        criteria = self.object.category.criteria.all()
        rows = [
            {"criterion": criterion, "answer": answers.pop(criterion.pk, None)}
            for criterion in criteria
        ]
        # Answers to criteria removed since (PROTECT stops deletion, but keep
        # whatever the database holds visible).
        rows += [
            {"criterion": answer.criterion, "answer": answer}
            for answer in answers.values()
        ]
        return rows

    def get_log_entries(self):
        """The entry's audit log, newest first, with who acted and why."""
        rows = []
        logs = (
            log_registry.get_logs_for_instance(self.object)
            .select_related("user")
            .order_by("-timestamp", "-pk")
        )
        for log_entry in logs:
            data = log_entry.data or {}
            if log_entry.user_id:
                who = log_entry.user_display_name
            else:
                who = ACTOR_LABELS.get(data.get("actor"), data.get("actor") or "")
            rows.append(
                {
                    "timestamp": log_entry.timestamp,
                    "message": log_entry.message,
                    "who": who,
                    "reason": data.get("reason") or data.get("comment") or "",
                }
            )
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            sections=self.get_sections(),
            answers=self.get_answers(),
            consents=self.object.consents.all(),
            files=self.object.files.all(),
            log_entries=self.get_log_entries(),
        )
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
