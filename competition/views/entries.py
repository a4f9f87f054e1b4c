"""The secretariat's admin screens of categories and entries.

Registered as viewsets in ``competition/wagtail_hooks.py``; the entries' export
columns are in ``competition/exports.py``, who may do what in
``competition/permissions.py``.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Prefetch, ProtectedError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
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

from .. import duplicates, exports
from ..models import EntryAnswer, Status
from ..permissions import can_export_entries, can_manage_personal_data
from .entry_details import EntryDetailsMixin, entry_with_details

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


class StatusColumn(Column):
    """The entry's status as a coloured badge with its label."""

    cell_template_name = "competition/admin/status_cell.html"


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
            StatusColumn("status", label=_("Status"), accessor="status"),
            Column("nominee_name", label=_("Zgłaszany")),
            Column("category", label=_("Kategoria"), accessor="category.name"),
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


class ExplainsProtectedError:
    """Saving or deleting what entries still point to fails in the database
    (``on_delete=PROTECT``); ``protected(form)`` tells the user why."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            return self.protected(form)


class CategoryDeleteView(ExplainsProtectedError, generic.DeleteView):
    """A category with entries cannot go (entries keep their category)."""

    def protected(self, form):
        messages.error(
            self.request, _("Tej kategorii nie można usunąć: są w niej zgłoszenia.")
        )
        return redirect(self.get_success_url())


class CategoryEditView(ExplainsProtectedError, generic.EditView):
    """A criterion that entries have answered cannot be removed from the form."""

    def protected(self, form):
        form.add_error(
            None,
            _("Nie można usunąć kryterium, na które zgłaszający już odpowiedzieli."),
        )
        return self.form_invalid(form)
