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
The viewsets of the "Konkurs" menu are declared in ``admin_viewsets.py``.

Menu "Ocena zgłoszeń" (``/admin/jury/``), shown to jury members only: the
juror's dashboard, declarations of conflict of interest and scoring screens.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSetGroup

from . import (
    anonymisation,
    audit,
    dashboard,
    data_export,
    decisions,
    formal_check,
    reviews,
    scanning,
)
from .admin_viewsets import (
    AssignmentViewSet,
    CategoryViewSet,
    CompetitionLogViewSet,
    EntryViewSet,
    JuryMemberViewSet,
    ResultsViewSet,
    shown_to,
)
from .downloads import download_entry_file
from .permissions import can_view_jury_progress
from .views.formal_check import MarkEligibleBulkAction
from .views.jury import (
    ConflictRevisionView,
    DashboardView,
    DeclarationView,
    NextView,
    photo,
    request_is_juror,
)
from .views.jury_progress import ProgressView
from .views.jury_review import AutosaveView, ReviewView
from .workflow import LOG_ACTIONS


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


class JuryProgressViewSet(ViewSet):
    """The secretariat's view of the jury's progress: counts, never points."""

    name = "jury_progress"
    url_prefix = "competition/jury-progress"
    icon = "tasks"
    menu_label = _("Postęp oceny jury")
    menu_name = "jury_progress"
    menu_item_class = shown_to(can_view_jury_progress)

    def get_urlpatterns(self):
        return [path("", ProgressView.as_view(), name="index")]


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
