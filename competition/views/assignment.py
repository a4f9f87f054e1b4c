"""The secretariat's assignment matrix (Konkurs → Przydział zgłoszeń,
``/admin/competition/assignment/``): the editions, one edition's entries ×
jurors, and its two actions (an automatic run, changes by hand).

Registered in ``competition/wagtail_hooks.py``; what a run or a change does is
in ``competition/jury_setup.py``, the pairs shown come from
``competition/assignment_pairs.py``. The jury's members are in
``jury_members.py``; the jurors' own screens (/admin/jury/) in ``jury.py``.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy

from .. import assignment_pairs, jury_setup, workflow
from ..assignment import MAX_LOAD, NOT_ENOUGH_JURORS, covers
from ..models import (
    Assignment,
    AssignmentMode,
    Category,
    CompetitionPage,
)

INDEX_URL_NAME = "competition_assignment:index"
MATRIX_URL_NAME = "competition_assignment:matrix"

SHORTFALL_REASONS = {
    NOT_ENOUGH_JURORS: _("za mało jurorów, którzy mogą je ocenić"),
    MAX_LOAD: _("jurorzy osiągnęli limit zgłoszeń"),
}


def polish_editions():
    return CompetitionPage.objects.filter(locale=Locale.get_default())


class AssignmentPermissionMixin(PermissionCheckedMixin):
    permission_policy = ModelPermissionPolicy(Assignment)

    def get_edition(self, edition_id):
        return get_object_or_404(polish_editions(), pk=edition_id)


class AssignmentBreadcrumbsMixin(WagtailAdminTemplateMixin):
    header_icon = "group"
    page_title = _("Przydział zgłoszeń")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(INDEX_URL_NAME), "label": self.page_title}
        ]


class AssignmentIndexView(
    AssignmentPermissionMixin, AssignmentBreadcrumbsMixin, TemplateView
):
    """The editions, each with its jury size and entries awaiting the jury."""

    permission_required = "view"
    template_name = "competition/admin/assignment_index.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["editions"] = (
            polish_editions()
            .annotate(
                jurors=Count("jury_members", distinct=True),
                waiting=Count(
                    "entries",
                    filter=Q(entries__status__in=workflow.ASSIGNABLE),
                    distinct=True,
                ),
            )
            .order_by("-submissions_open_at")
        )
        return context


class AssignmentMatrixView(
    AssignmentPermissionMixin, AssignmentBreadcrumbsMixin, TemplateView
):
    """Entries (rows, by category) × jurors (columns) of one edition.

    Paginated by entries; the number of queries does not depend on the number
    of entries or jurors.
    """

    permission_required = "view"
    template_name = "competition/admin/assignment_matrix.html"
    page_size = 50

    def get(self, request, edition_id):
        self.edition = self.get_edition(edition_id)
        return super().get(request)

    def get_page_subtitle(self):
        return self.edition.title

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": "", "label": self.edition.title}
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        edition = self.edition
        categories = list(
            Category.objects.filter(edition=edition).order_by("sort_order", "pk")
        )
        chosen = self.chosen_category(categories)
        members = list(assignment_pairs.jury_members(edition))
        jurors = {member.pk: assignment_pairs.juror_ref(member) for member in members}

        entries = assignment_pairs.matrix_entries(edition).order_by(
            "category__sort_order", "category_id", "number", "pk"
        )
        if chosen:
            entries = entries.filter(category=chosen)
        page = Paginator(entries, self.page_size).get_page(self.request.GET.get("p"))
        entries = list(page.object_list)
        ids = [entry.pk for entry in entries]
        assigned = set(
            Assignment.objects.filter(entry_id__in=ids).values_list(
                "entry_id", "member_id"
            )
        )
        conflicts = assignment_pairs.declared_conflicts(edition, ids)
        started = assignment_pairs.reviewed_pairs(edition, ids)
        loads = dict(
            Assignment.objects.filter(member__edition=edition)
            .values_list("member_id")
            .annotate(n=Count("pk"))
        )
        needed = (
            edition.jurors_per_entry
            if edition.assignment_mode == AssignmentMode.BALANCED
            else 1
        )

        by_category = {category.pk: [] for category in categories}
        for entry in entries:
            cells = [
                self.cell(
                    entry, member, jurors[member.pk], assigned, conflicts, started
                )
                for member in members
            ]
            count = sum(1 for cell in cells if cell["assigned"])
            by_category[entry.category_id].append(
                {
                    "entry": entry,
                    "cells": cells,
                    "count": count,
                    "missing": max(needed - count, 0),
                }
            )
        groups = [
            {"category": category, "rows": by_category[category.pk]}
            for category in categories
            if by_category[category.pk]
        ]
        run = assignment_pairs.last_run(edition)
        context.update(
            edition=edition,
            categories=categories,
            chosen_category=chosen,
            members=[
                {"member": member, "load": loads.get(member.pk, 0)}
                for member in members
            ],
            groups=groups,
            page=page,
            previous_query=page.has_previous()
            and self.page_query(page.previous_page_number()),
            next_query=page.has_next() and self.page_query(page.next_page_number()),
            last_run=run,
            shortfalls=self.shortfalls(run),
            kept_with_review=(run.data or {}).get("kept_with_review", [])
            if run
            else [],
            balanced=edition.assignment_mode == AssignmentMode.BALANCED,
            scoring_closed=edition.scoring_closed(),
            can_run=self.user_has_permission("add")
            and self.user_has_permission("delete"),
            editable=not edition.scoring_closed()
            and (self.user_has_permission("add") or self.user_has_permission("delete")),
            members_url=reverse("competition_jurymember:index")
            + "?"
            + urlencode({"edition": edition.pk}),
            run_url=reverse("competition_assignment:run", args=[edition.pk]),
            change_url=reverse("competition_assignment:change", args=[edition.pk]),
        )
        return context

    def chosen_category(self, categories):
        value = self.request.GET.get("category", "")
        return next((c for c in categories if str(c.pk) == value), None)

    def page_query(self, page_number):
        params = {"p": page_number}
        if self.request.GET.get("category", "").isdigit():
            params["category"] = self.request.GET["category"]
        return "?" + urlencode(params)

    @staticmethod
    def cell(entry, member, juror, assigned, conflicts, started):
        pair = (entry.pk, member.pk)
        is_assigned = pair in assigned
        if pair in conflicts:
            state = "conflict"
        elif is_assigned and pair in started:
            state = "started"
        elif is_assigned:
            state = "assigned"
        elif covers(juror, entry.category_id):
            state = "available"
        else:
            state = "not_covered"
        return {
            "member": member,
            "state": state,
            "assigned": is_assigned,
            "outside": is_assigned and not covers(juror, entry.category_id),
            "value": f"{entry.pk}:{member.pk}",
            "id": f"pair-{entry.pk}-{member.pk}",
        }

    def shortfalls(self, run):
        if run is None:
            return []
        return [
            {**row, "reason_label": SHORTFALL_REASONS.get(row["reason"], "")}
            for row in (run.data or {}).get("shortfalls", [])
        ]


class AssignmentActionView(AssignmentPermissionMixin, View):
    """Base of the matrix's POST actions: back to the same page afterwards."""

    http_method_names = ["post"]

    def back(self, edition):
        params = {
            key: self.request.POST[key]
            for key in ("category", "p")
            if self.request.POST.get(key, "").isdigit()
        }
        url = reverse(MATRIX_URL_NAME, args=[edition.pk])
        return HttpResponseRedirect(f"{url}?{urlencode(params)}" if params else url)

    def refused(self, error):
        for message in error.messages:
            messages.error(self.request, message)


class AssignmentRunView(AssignmentActionView):
    """ "Przydziel automatycznie": a run may add and remove pairs."""

    permission_required = "add"

    def post(self, request, edition_id):
        if not self.user_has_permission("delete"):
            raise PermissionDenied
        edition = self.get_edition(edition_id)
        try:
            report = jury_setup.run_assignment(edition, request.user)
        except jury_setup.AssignmentRefused as error:
            self.refused(error)
            return self.back(edition)
        messages.success(
            request,
            _(
                "Przydział gotowy: dodano %(added)s, usunięto %(removed)s, "
                "razem %(pairs)s przydziałów; do oceny przekazano %(moved)s "
                "zgłoszeń."
            )
            % {
                "added": len(report.added),
                "removed": len(report.removed),
                "pairs": report.pairs,
                "moved": report.moved_to_review,
            },
        )
        if report.kept_with_review:
            messages.warning(
                request,
                _(
                    "Nie usunięto %(count)s przydziałów, bo jurorzy rozpoczęli "
                    "już ocenę – lista poniżej."
                )
                % {"count": len(report.kept_with_review)},
            )
        if report.shortfalls:
            messages.warning(
                request,
                _("%(count)s zgłoszeń ma za mało jurorów – lista poniżej.")
                % {"count": len(report.shortfalls)},
            )
        return self.back(edition)


class AssignmentChangeView(AssignmentActionView):
    """The matrix's tick boxes: ticked now but not before = add, the reverse =
    remove. "was" lists the pairs the page showed as assigned, so a change
    made meanwhile by someone else is not undone."""

    permission_required = "view"

    def post(self, request, edition_id):
        edition = self.get_edition(edition_id)
        try:
            ticked = _pairs(request.POST.getlist("pair"))
            shown = _pairs(request.POST.getlist("was"))
        except ValueError:
            messages.error(request, _("Nieprawidłowe dane formularza."))
            return self.back(edition)
        add, remove = ticked - shown, shown - ticked
        if (add and not self.user_has_permission("add")) or (
            remove and not self.user_has_permission("delete")
        ):
            raise PermissionDenied
        if not add and not remove:
            messages.info(request, _("Nic nie zmieniono."))
            return self.back(edition)
        try:
            report = jury_setup.change_assignments(
                edition, request.user, add, remove, request.POST.get("reason", "")
            )
        except jury_setup.AssignmentRefused as error:
            self.refused(error)
            messages.error(request, _("Nie zapisano żadnej zmiany."))
            return self.back(edition)
        messages.success(
            request,
            _("Zapisano: dodano %(added)s, usunięto %(removed)s przydziałów.")
            % {"added": len(report.added), "removed": len(report.removed)},
        )
        return self.back(edition)


def _pairs(values):
    pairs = set()
    for value in values:
        entry_id, _sep, member_id = value.partition(":")
        pairs.add((int(entry_id), int(member_id)))
    return pairs
