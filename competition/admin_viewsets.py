"""The competition's admin screens as viewsets: categories, entries, the
results, the jury members, the assignment matrix and the audit log. Registered
(with the jury's screens) in ``wagtail_hooks.py``, the admin's table of contents.
"""

from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from . import exports
from .filters import (
    ENTRY_SEARCH_FIELDS,
    CategoryFilterSet,
    EntryFilterSet,
    JuryMemberFilterSet,
)
from .forms.jury import JuryMemberForm
from .models import Assignment, Category, Entry, JuryMember
from .permissions import (
    EntryPermissionPolicy,
    can_view_competition_log,
    may_open_results_menu,
)
from .views import results_admin, results_decision
from .views.assignment import (
    AssignmentChangeView,
    AssignmentIndexView,
    AssignmentMatrixView,
    AssignmentRunView,
)
from .views.audit import CompetitionLogView
from .views.entries import (
    CategoryDeleteView,
    CategoryEditView,
    CategoryIndexView,
    EntryIndexView,
    EntryInspectView,
)
from .views.formal_check import FormalCheckView
from .views.jury_members import (
    JuryMemberCreateView,
    JuryMemberDeleteView,
    JuryMemberEditView,
    JuryMemberIndexView,
)
from .views.personal_data import ErasureView, PersonalDataExportView


def shown_to(rule):
    """A menu item class shown to the users ``rule(user)`` lets in (the views
    check again)."""

    class RuleMenuItem(MenuItem):
        def is_shown(self, request):
            return rule(request.user)

    return RuleMenuItem


def _may_view_assignments(user):
    return ModelPermissionPolicy(Assignment).user_has_permission(user, "view")


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
    search_fields = ENTRY_SEARCH_FIELDS
    search_backend_name = None
    ordering = "-submitted_at"
    list_per_page = 50
    list_export = exports.KEYS
    export_headings = exports.HEADINGS

    @cached_property
    def permission_policy(self):
        return EntryPermissionPolicy(self.model)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            formal_check_url_name=self.get_url_name("formal_check"),
            inspect_url_name=self.get_url_name("inspect"),
            **kwargs,
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            export_personal_data_url_name=self.get_url_name("export_personal_data"),
            erase_personal_data_url_name=self.get_url_name("erase_personal_data"),
            **kwargs,
        )

    @property
    def formal_check_view(self):
        return self.construct_view(FormalCheckView)

    def _personal_data_view(self, view_class):
        return view_class.as_view(
            index_url_name=self.get_url_name("index"),
            inspect_url_name=self.get_url_name("inspect"),
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "formal-check/<int:pk>/",
                self.formal_check_view,
                name="formal_check",
            ),
            # RODO art. 15 and 17 (``views/personal_data.py``).
            path(
                "personal-data/<int:pk>/export/",
                self._personal_data_view(PersonalDataExportView),
                name="export_personal_data",
            ),
            path(
                "personal-data/<int:pk>/erase/",
                self._personal_data_view(ErasureView),
                name="erase_personal_data",
            ),
        ]


class ResultsViewSet(ViewSet):
    """Ranking, decisions, protocol, export, closing scoring and publishing;
    each view checks who and when (``views/results_admin.py``)."""

    name = "competition_results"
    url_prefix = "competition/results"
    icon = "list-ol"
    menu_label = _("Wyniki")
    menu_order = 300
    menu_item_class = shown_to(may_open_results_menu)

    def get_urlpatterns(self):
        views = results_admin
        return [
            path("", views.index, name="index"),
            path("<int:edition_id>/", views.RankingView.as_view(), name="ranking"),
            path(
                "<int:edition_id>/eksport/", views.ExportView.as_view(), name="export"
            ),
            path(
                "<int:edition_id>/protokol/",
                views.ProtocolView.as_view(),
                name="protocol",
            ),
            path(
                "<int:edition_id>/decyzja/<int:entry_id>/",
                results_decision.DecisionView.as_view(),
                name="decision",
            ),
            path(
                "<int:edition_id>/zamknij-ocene/",
                views.CloseScoringView.as_view(),
                name="close_scoring",
            ),
            path(
                "<int:edition_id>/publikuj/",
                views.PublishView.as_view(),
                name="publish",
            ),
        ]


class JuryMemberViewSet(ModelViewSet):
    """Who is on each edition's jury: jurors and the chair, maybe limited to
    categories. Wagtail logs every create, edit and delete."""

    model = JuryMember
    name = "competition_jurymember"
    url_prefix = "competition/jury-members"
    icon = "group"
    menu_label = _("Jury")
    menu_order = 300
    index_view_class = JuryMemberIndexView
    add_view_class = JuryMemberCreateView
    edit_view_class = JuryMemberEditView
    delete_view_class = JuryMemberDeleteView
    filterset_class = JuryMemberFilterSet
    copy_view_enabled = False
    inspect_view_enabled = False
    ordering = ["-edition__submissions_open_at", "user__last_name", "pk"]
    list_per_page = 50

    def get_form_class(self, for_update=False):
        return JuryMemberForm


class AssignmentViewSet(ViewSet):
    """The assignment matrix of each edition: automatic runs and manual changes
    (``competition/jury_setup.py``)."""

    name = "competition_assignment"
    url_prefix = "competition/assignment"
    icon = "table"
    menu_label = _("Przydział zgłoszeń")
    menu_order = 400
    menu_item_class = shown_to(_may_view_assignments)

    def get_urlpatterns(self):
        return [
            path("", AssignmentIndexView.as_view(), name="index"),
            path("<int:edition_id>/", AssignmentMatrixView.as_view(), name="matrix"),
            path("<int:edition_id>/run/", AssignmentRunView.as_view(), name="run"),
            path(
                "<int:edition_id>/change/",
                AssignmentChangeView.as_view(),
                name="change",
            ),
        ]


class CompetitionLogViewSet(ViewSet):
    """The competition's audit log, filtered and exported (``views/audit.py``)."""

    name = "competition_log"
    url_prefix = "competition/log"
    icon = "history"
    menu_label = _("Dziennik konkursu")
    menu_order = 500
    menu_item_class = shown_to(can_view_competition_log)

    def get_urlpatterns(self):
        return [
            path("", CompetitionLogView.as_view(), name="index"),
            path(
                "results/",
                CompetitionLogView.as_view(results_only=True),
                name="index_results",
            ),
        ]
