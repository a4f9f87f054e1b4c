"""Admin screens and audit-log actions of the competition.

Menu "Konkurs": categories with their criteria (Konkurs → Kategorie), the
entries (Konkurs → Zgłoszenia: list, filters, search, inspect, CSV/XLSX export,
the formal check at ``entries/formal-check/<pk>/`` and the bulk action
"Oznacz jako spełniające wymogi"), the jury of each edition (Konkurs → Jury),
who scores what (Konkurs → Przydział zgłoszeń,
/admin/competition/assignment/<edition id>/), the jury's progress in counts
(Konkurs → Postęp oceny jury), the results (Konkurs → Wyniki: ranking,
decisions, protocol, publication) and the competition's audit log (Konkurs →
Dziennik konkursu, /admin/competition/log/, CSV/XLSX export).

The admin's start page shows each role what waits for them (``dashboard.py``).

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
from wagtail.permission_policies import ModelPermissionPolicy

from . import (
    anonymisation,
    audit,
    dashboard,
    data_export,
    decisions,
    exports,
    formal_check,
    reviews,
    scanning,
)
from .downloads import download_entry_file
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
    can_view_jury_progress,
    may_open_results_menu,
)
from .views import results_admin, results_decision
from .views.audit import CompetitionLogView
from .views.entries import (
    CategoryDeleteView,
    CategoryEditView,
    CategoryIndexView,
    EntryIndexView,
    EntryInspectView,
)
from .views.formal_check import FormalCheckView, MarkEligibleBulkAction
from .views.jury import (
    ConflictRevisionView,
    DashboardView,
    DeclarationView,
    NextView,
    ProgressView,
    photo,
    request_is_juror,
)
from .views.jury_review import AutosaveView, ReviewView
from .views.jury_setup import (
    AssignmentChangeView,
    AssignmentIndexView,
    AssignmentMatrixView,
    AssignmentRunView,
    JuryMemberCreateView,
    JuryMemberDeleteView,
    JuryMemberEditView,
    JuryMemberIndexView,
)
from .views.personal_data import ErasureView, PersonalDataExportView
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


class ResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_open_results_menu(request.user)


class ResultsViewSet(ViewSet):
    """Ranking, decisions, protocol, export, closing scoring and publishing;
    each view checks who and when (``views/results_admin.py``)."""

    name = "competition_results"
    url_prefix = "competition/results"
    icon = "list-ol"
    menu_label = _("Wyniki")
    menu_order = 300
    menu_item_class = ResultsMenuItem

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


class AssignmentMenuItem(MenuItem):
    def is_shown(self, request):
        return ModelPermissionPolicy(Assignment).user_has_permission(
            request.user, "view"
        )


class AssignmentViewSet(ViewSet):
    """The assignment matrix of each edition: automatic runs and manual changes
    (``competition/jury_setup.py``)."""

    name = "competition_assignment"
    url_prefix = "competition/assignment"
    icon = "table"
    menu_label = _("Przydział zgłoszeń")
    menu_order = 400
    menu_item_class = AssignmentMenuItem

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
            path(
                "entries/<int:entry_id>/conflict/",
                ConflictRevisionView.as_view(),
                name="conflict",
            ),
            path("entries/<int:entry_id>/", ReviewView.as_view(), name="review"),
            path(
                "entries/<int:entry_id>/change/",
                ReviewView.as_view(changing=True),
                name="change",
            ),
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


class CompetitionLogMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_competition_log(request.user)


class CompetitionLogViewSet(ViewSet):
    """The competition's audit log, filtered and exported (``views/audit.py``)."""

    name = "competition_log"
    url_prefix = "competition/log"
    icon = "history"
    menu_label = _("Dziennik konkursu")
    menu_order = 500
    menu_item_class = CompetitionLogMenuItem

    def get_urlpatterns(self):
        return [
            path("", CompetitionLogView.as_view(), name="index"),
            path(
                "results/",
                CompetitionLogView.as_view(results_only=True),
                name="index_results",
            ),
        ]


class CompetitionViewSetGroup(ModelViewSetGroup):
    items = (
        CategoryViewSet,
        EntryViewSet,
        JuryMemberViewSet,
        AssignmentViewSet,
        JuryProgressViewSet,
        ResultsViewSet,
        CompetitionLogViewSet,
    )
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
    # adds the file permission (permissions.can_download).
    return [
        path(
            "competition/files/<int:pk>/",
            download_entry_file,
            name="competition_file_download",
        )
    ]


# Wagtail's bulk actions hook takes the class itself.
hooks.register("register_bulk_action", MarkEligibleBulkAction)


@hooks.register("register_log_actions")
def register_entry_log_actions(actions):
    # Every competition action reads as its label and shows the reason given
    # as its comment (``audit.CompetitionLogFormatter``); some say more.
    labels = {
        **dict(LOG_ACTIONS.values()),
        formal_check.SAVED_ACTION: formal_check.SAVED_LABEL,
        **decisions.LOG_ACTIONS,
        **reviews.LOG_ACTIONS,
        **anonymisation.LOG_ACTIONS,
        **data_export.LOG_ACTIONS,
    }
    formatters = {action: audit.formatter(label) for action, label in labels.items()}
    formatters.update(audit.LOG_FORMATTERS)
    formatters.update(scanning.LOG_FORMATTERS)
    for action, formatter in formatters.items():
        actions.register_action(action)(formatter)


def _jury_only(user):
    """A juror and nothing else (the Jury group grants admin access alone)."""
    if user.is_superuser:
        return False
    return user.get_all_permissions() <= {"wagtailadmin.access_admin"}


@hooks.register("construct_main_menu")
def show_jurors_only_the_jury_screens(request, menu_items):
    # Wagtail's reports (translations) and help (what is new in Wagtail, the
    # editors' guide) say nothing to a juror; their menu is the jury's screens.
    if _jury_only(request.user):
        menu_items[:] = [
            item for item in menu_items if item.name not in ("reports", "help")
        ]


# The start page per role (juror, secretariat, editor): ``dashboard.py``.
hooks.register("construct_homepage_panels", dashboard.arrange_panels)
