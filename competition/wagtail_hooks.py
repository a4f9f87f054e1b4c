"""Admin screens and audit-log actions of the competition.

Menu "Konkurs": categories with their criteria (Konkurs → Kategorie), the
entries (Konkurs → Zgłoszenia: list, filters, search, inspect, CSV/XLSX export)
and the jury's progress in counts (Konkurs → Postęp oceny jury).

Menu "Ocena zgłoszeń" (``/admin/jury/``), shown to jury members only: the
juror's dashboard, declarations of conflict of interest and scoring screens.
"""

from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from . import exports, reviews
from .files import download_entry_file
from .filters import CategoryFilterSet, EntryFilterSet
from .models import Category, Entry
from .permissions import EntryPermissionPolicy, can_view_jury_progress
from .views.admin import (
    CategoryDeleteView,
    CategoryEditView,
    CategoryIndexView,
    EntryIndexView,
    EntryInspectView,
)
from .views.jury import (
    AutosaveView,
    DashboardView,
    DeclarationView,
    NextView,
    ProgressView,
    ReviewView,
    photo,
    request_is_juror,
)
from .workflow import LOG_ACTIONS


class CategoryViewSet(ModelViewSet):
    """Categories of each edition with their criteria (the model's panels)."""

    model = Category
    name = "competition_category"
    url_prefix = "competition/categories"
    icon = "tag"
    menu_label = _("Kategorie")
    menu_order = 100
    index_view_class = CategoryIndexView
    edit_view_class = CategoryEditView
    delete_view_class = CategoryDeleteView
    filterset_class = CategoryFilterSet
    search_fields = ["name", "slug"]
    search_backend_name = None
    ordering = ["-edition__submissions_open_at", "sort_order", "pk"]
    # Copying would leave the criteria behind; a new edition's categories are
    # created afresh.
    copy_view_enabled = False
    # Categories are ordered within their edition by "sort_order" in the form,
    # not by dragging across editions.
    sort_order_field = None


class EntryViewSet(ModelViewSet):
    """Entries as applicants sent them: read-only, with inspect and export."""

    model = Entry
    name = "competition_entry"
    url_prefix = "competition/entries"
    icon = "doc-full-inverse"
    menu_label = _("Zgłoszenia")
    menu_order = 200
    index_view_class = EntryIndexView
    inspect_view_class = EntryInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    # The add and edit URLs exist (Wagtail builds them) but the permission
    # policy refuses them to everyone, so their form has no fields at all.
    form_fields = []
    # Entries are many and nothing links to them; the reference index would
    # only slow down every submission.
    add_to_reference_index = False
    filterset_class = EntryFilterSet
    # Not a Wagtail-indexed model: the admin searches these columns in the database.
    search_fields = [
        "reference",
        "organisation_name",
        "person_name",
        "title",
        "email",
        "nip",
    ]
    search_backend_name = None
    ordering = "-submitted_at"
    list_per_page = 50
    list_export = exports.KEYS
    export_headings = exports.HEADINGS

    @cached_property
    def permission_policy(self):
        return EntryPermissionPolicy(self.model)


class JurorMenuItem(MenuItem):
    """Shown only to members of some edition's jury (checked once a request)."""

    def is_shown(self, request):
        return request_is_juror(request)


class JuryViewSet(ViewSet):
    """The juror's screens. The "Jury" group holds no model permissions: each
    view checks the user's jury membership, assignment and declaration."""

    name = "jury"
    url_prefix = "jury"
    icon = "pick"
    menu_label = _("Ocena zgłoszeń")
    menu_name = "jury"
    menu_order = 250
    add_to_admin_menu = True
    menu_item_class = JurorMenuItem

    def get_urlpatterns(self):
        return [
            path("", DashboardView.as_view(), name="dashboard"),
            path("next/", NextView.as_view(), name="next"),
            path(
                "entries/<int:entry_id>/declaration/",
                DeclarationView.as_view(),
                name="declaration",
            ),
            path("entries/<int:entry_id>/", ReviewView.as_view(), name="review"),
            path(
                "entries/<int:entry_id>/autosave/",
                AutosaveView.as_view(),
                name="autosave",
            ),
            path("photos/<int:pk>/", photo, name="photo"),
        ]


class ProgressMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_jury_progress(request.user)


class JuryProgressViewSet(ViewSet):
    """The secretariat's view of the jury's progress: counts, never points."""

    name = "jury_progress"
    url_prefix = "competition/jury-progress"
    icon = "tasks"
    menu_label = _("Postęp oceny jury")
    menu_name = "jury_progress"
    menu_item_class = ProgressMenuItem

    def get_urlpatterns(self):
        return [path("", ProgressView.as_view(), name="index")]


class CompetitionViewSetGroup(ModelViewSetGroup):
    items = (CategoryViewSet, EntryViewSet, JuryProgressViewSet)
    menu_icon = "pick"
    menu_label = _("Konkurs")
    menu_name = "competition"
    menu_order = 260


@hooks.register("register_admin_viewset")
def register_competition_viewsets():
    return CompetitionViewSetGroup()


@hooks.register("register_admin_viewset")
def register_jury_viewset():
    return JuryViewSet()


@hooks.register("register_admin_urls")
def register_file_download_url():
    # Wagtail wraps admin URLs in its login and admin-access checks; the view
    # adds the file permission (files.can_download).
    return [
        path(
            "competition/files/<int:pk>/",
            download_entry_file,
            name="competition_file_download",
        )
    ]


@hooks.register("register_log_actions")
def register_entry_log_actions(actions):
    for action, label in LOG_ACTIONS.values():
        actions.register_action(action, label, label)
    actions.register_action(
        "competition.file.download", "Pobranie pliku", "Pobranie pliku zgłoszenia"
    )
    actions.register_action(
        "competition.entry.corrected", "Poprawka zgłoszenia", "Zgłoszenie poprawione"
    )
    for action, label in reviews.LOG_ACTIONS.items():
        actions.register_action(action, label, label)
