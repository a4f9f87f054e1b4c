"""The admin's start page (``/admin/``) per role, through Wagtail's
``construct_homepage_panels`` hook (registered in ``wagtail_hooks.py``).

- A juror: how many reviews are left and by when, and a button to the next one.
- The secretariat: per running edition, entries waiting for the formal check,
  corrections past their deadline, the jury's progress and the next date.
- An editor: their drafts; Wagtail's own panels show what waits for moderation.
- A moderator: Wagtail's list of pages waiting for their approval, which says
  so when nothing waits (Wagtail's own panel then disappears).

Whoever cannot edit pages (jurors, a secretariat without page permissions)
gets none of Wagtail's page panels, and the template
(``wagtailadmin/home.html``) drops the page search for them. Every panel
takes a fixed number of queries, whatever the number of entries or editions.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import GroupApprovalTask, Locale, Page

from .dates import WARSAW, deadline_text, shown_deadline
from .models import (
    CompetitionPage,
    Entry,
    JuryMember,
    Review,
    Status,
    results_published_q,
)
from .permissions import can_view_jury_progress, jury_phase_open, live_assignments
from .progress import assignment_rows, ordered_memberships
from .views.jury import request_is_juror

#: Wagtail's dashboard panels about pages: of no use to whoever cannot edit one.
PAGE_PANELS = frozenset(
    {
        "workflow_objects_to_moderate",
        "user_objects_in_workflow_moderation",
        "recent_edits",
        "locked_pages",
    }
)


def arrange_panels(request, panels):
    """The ``construct_homepage_panels`` hook: the panels of the user's roles."""
    user = request.user
    if user_has_any_page_permission(user):
        panels.append(EditorDraftsPanel())
        if can_moderate(user):
            panels[:] = [
                ModerationPanel() if panel.name == ModerationPanel.name else panel
                for panel in panels
            ]
    else:
        panels[:] = [panel for panel in panels if panel.name not in PAGE_PANELS]
    if request_is_juror(request):
        panels.append(JurorPanel())
    if can_view_jury_progress(user):
        panels.append(SecretariatPanel())


class CountsPanel(Component):
    """A panel of counts and dates, styled by the start page's own stylesheet."""

    class Media:
        css = {"all": ["css/admin-home.css"]}


# -- the juror ---------------------------------------------------------------------


class JurorPanel(CountsPanel):
    """Per edition of the juror's jury that is open or about to open: the
    reviews still to do (declaration, not started, draft) and the deadline."""

    name = "competition_juror"
    template_name = "competition/admin/home/juror_panel.html"
    order = 10

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        members = list(ordered_memberships(request.user))
        rows = assignment_rows(members)
        now = timezone.now()
        editions = []
        for member in members:
            edition = member.edition
            if edition.scoring_closed(now):
                continue
            reviews_left = sum(
                1 for row in rows if row.member.pk == member.pk and not row.finished
            )
            editions.append(
                {
                    "edition": edition,
                    "reviews_left": reviews_left,
                    "summary": reviews_left_summary(
                        reviews_left, edition.jury_closes_at
                    ),
                    "open": jury_phase_open(edition, now),
                    "opens": timezone.localtime(edition.jury_opens_at, WARSAW),
                }
            )
        return {
            "editions": editions,
            "reviews_left": sum(
                item["reviews_left"] for item in editions if item["open"]
            ),
            "next_url": reverse("jury:next"),
            "dashboard_url": reverse("jury:dashboard"),
        }


def reviews_left_summary(count, closes_at):
    """ "3 oceny do zrobienia, termin: 21 grudnia 2026, 23:59" (Polish plurals)."""
    return ngettext(
        "%(count)s ocena do zrobienia, termin: %(deadline)s",
        "%(count)s ocen do zrobienia, termin: %(deadline)s",
        count,
    ) % {
        "count": count,
        "deadline": deadline_text(closes_at),
    }


# -- the secretariat ------------------------------------------------------------------


@dataclass
class EditionDate:
    label: str
    at: datetime


def next_date(edition, now):
    """The edition's next date after ``now`` (closing instants as people read
    them, 23:59 of the day before a midnight), or ``None``."""
    dates = [
        EditionDate(_("otwarcie naboru"), edition.submissions_open_at),
        EditionDate(_("koniec naboru"), edition.submissions_close_at),
        EditionDate(_("początek oceny jury"), edition.jury_opens_at),
        EditionDate(_("koniec oceny jury"), edition.jury_closes_at),
        EditionDate(_("planowane ogłoszenie wyników"), edition.results_at),
    ]
    upcoming = sorted((d for d in dates if d.at > now), key=lambda d: d.at)
    if not upcoming:
        return None
    first = upcoming[0]
    closing = first.at in (edition.submissions_close_at, edition.jury_closes_at)
    shown = shown_deadline(first.at) if closing else timezone.localtime(first.at)
    return EditionDate(first.label, shown)


class SecretariatPanel(CountsPanel):
    """Each edition whose results are not yet published: what waits for the
    secretariat and how far the jury is (counts only)."""

    name = "competition_secretariat"
    template_name = "competition/admin/home/secretariat_panel.html"
    order = 20

    def get_context_data(self, parent_context):
        now = timezone.now()
        editions = list(
            CompetitionPage.objects.filter(locale=Locale.get_default())
            .exclude(results_published_q(now))
            .order_by("-submissions_open_at", "pk")
        )
        ids = [edition.pk for edition in editions]
        counts = {
            row["edition_id"]: row
            for row in Entry.objects.filter(edition__in=ids)
            .values("edition_id")
            .annotate(
                waiting=Count("pk", filter=Q(status=Status.SUBMITTED)),
                overdue=Count(
                    "pk",
                    filter=Q(
                        status=Status.NEEDS_CORRECTION, correction_deadline__lt=now
                    ),
                ),
            )
            .order_by()
        }
        submitted = Review.objects.filter(
            entry=OuterRef("entry_id"),
            member=OuterRef("member_id"),
            status=Review.Status.SUBMITTED,
        )
        expected, done = Counter(), Counter()
        for edition_id, is_done in (
            live_assignments(JuryMember.objects.filter(edition__in=ids))
            .annotate(done=Exists(submitted))
            .values_list("member__edition_id", "done")
        ):
            expected[edition_id] += 1
            done[edition_id] += is_done
        entries_url = reverse("competition_entry:index")
        progress_url = reverse("jury_progress:index")
        rows = []
        for edition in editions:
            count = counts.get(edition.pk, {})
            rows.append(
                {
                    "edition": edition,
                    "waiting": count.get("waiting", 0),
                    "overdue": count.get("overdue", 0),
                    "waiting_url": f"{entries_url}?edition={edition.pk}"
                    f"&status={Status.SUBMITTED.value}",
                    "overdue_url": f"{entries_url}?edition={edition.pk}"
                    f"&status={Status.NEEDS_CORRECTION.value}",
                    "expected": expected[edition.pk],
                    "submitted": done[edition.pk],
                    "progress_url": f"{progress_url}?edition={edition.pk}",
                    "next_date": next_date(edition, now),
                }
            )
        return {"rows": rows}


# -- the editor ---------------------------------------------------------------------


class EditorDraftsPanel(Component):
    """The pages whose latest revision is the user's and is not published yet."""

    name = "competition_editor_drafts"
    template_name = "competition/admin/home/editor_drafts_panel.html"
    order = 200
    limit = 10

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        drafts = list(
            Page.objects.filter(
                has_unpublished_changes=True, latest_revision__user=user
            )
            .select_related("locale")
            .order_by("-latest_revision_created_at", "-pk")[: self.limit + 1]
        )
        return {"drafts": drafts[: self.limit], "more": len(drafts) > self.limit}


# -- the moderator ------------------------------------------------------------------


def can_moderate(user):
    """Whether ``user`` reviews pages: in a group of an active approval task."""
    return (
        user.is_superuser
        or GroupApprovalTask.objects.filter(
            active=True, groups__in=user.groups.all()
        ).exists()
    )


class ModerationPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "awaiting your review" list, kept in place when it is empty:
    Wagtail's panel then renders nothing, and a moderator cannot tell an empty
    queue from a panel that is missing."""

    template_name = "competition/admin/home/moderation_panel.html"
