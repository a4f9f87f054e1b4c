"""The results' admin screens (/admin/competition/results/...): the editions, the
ranking per category with the decisions, the XLSX export, the printable
protocol, closing scoring and publishing (the decision form itself:
``results_decision.py``).

Who: the secretariat (``view_results``, ``publish_results``) and the edition's
jury chair (by membership). When: the ranking, export, protocol and decisions
only once scoring has closed (by date or by the secretariat); before that a
403 that says why. Registered by ``ResultsViewSet`` in ``wagtail_hooks.py``.
"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from .. import decisions, ranking, ranking_export, workflow
from ..dates import deadline_text
from ..models import Aggregation, CompetitionPage, JuryMember
from ..permissions import (
    chaired,
    entries_hidden_from,
    may_open_results_menu,
    may_publish_results,
    may_see_results,
)
from ..progress import progress_counts

DENIED_TEMPLATE = "competition/admin/results_denied.html"


def _edition(edition_id):
    return get_object_or_404(
        CompetitionPage, pk=edition_id, locale=Locale.get_default()
    )


class ResultsMixin(WagtailAdminTemplateMixin):
    """Finds the edition and refuses, with a reason, whoever may not see it."""

    header_icon = "list-ol"
    needs_closed_scoring = True
    needs_publish_permission = False

    def dispatch(self, request, edition_id, *args, **kwargs):
        self.edition = _edition(edition_id)
        refusal = self.refusal(request.user)
        if refusal:
            context = {"message": refusal, "edition": self.edition}
            return TemplateResponse(request, DENIED_TEMPLATE, context, status=403)
        return super().dispatch(request, *args, **kwargs)

    def refusal(self, user):
        if self.needs_publish_permission:
            if not may_publish_results(user):
                return _("Tę czynność wykonuje sekretariat konkursu.")
        elif not may_see_results(user, self.edition):
            return _(
                "Ranking i decyzje widzą tylko przewodniczący(-a) jury tej "
                "edycji i sekretariat konkursu."
            )
        if self.needs_closed_scoring and not self.edition.scoring_closed():
            return _(
                "Ocena jury jeszcze trwa. Ranking będzie dostępny po jej "
                "zamknięciu (najpóźniej %(date)s)."
            ) % {"date": deadline_text(self.edition.jury_closes_at)}
        return None

    @cached_property
    def hidden(self):
        """The entries the viewing chair declared a conflict on: hidden from
        them here as everywhere (DESIGN §6). The secretariat sees all."""
        return entries_hidden_from(self.request.user, self.edition)

    def load(self, category_id=None):
        return ranking.hide(ranking.load(self.edition, category_id), self.hidden)

    def role(self):
        user = self.request.user
        if user.has_perm("competition.view_results"):
            return workflow.SECRETARIAT
        return workflow.CHAIR

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("competition_results:index"), "label": _("Wyniki")},
            {
                "url": reverse("competition_results:ranking", args=[self.edition.pk]),
                "label": self.edition.title,
            },
        ]

    def get_page_subtitle(self):
        return self.edition.title


class IndexView(WagtailAdminTemplateMixin, TemplateView):
    """The editions whose results the user may see, with their state."""

    template_name = "competition/admin/results_index.html"
    page_title = _("Wyniki konkursu")
    header_icon = "list-ol"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        user = self.request.user
        editions = CompetitionPage.objects.filter(locale=Locale.get_default()).order_by(
            "-submissions_open_at"
        )
        if not user.has_perm("competition.view_results"):
            editions = editions.filter(pk__in=chaired(user).values("edition_id"))
        now = timezone.now()
        rows = [
            {
                "edition": edition,
                "closed": edition.scoring_closed(now),
                "published": edition.results_published(now),
                "can_close": decisions.closing_refusal(edition, now) is None,
            }
            for edition in editions
        ]
        return super().get_context_data(
            editions=rows, can_publish=may_publish_results(user), **kwargs
        )


class RankingView(ResultsMixin, TemplateView):
    """One category's ranking with the decisions; the category tabs say how
    many decisions each still needs, and the way to the next one."""

    template_name = "competition/admin/ranking.html"
    page_title = _("Ranking")

    def get_context_data(self, **kwargs):
        categories = self.edition.categories_list()
        counts = decisions.decision_counts(self.edition, self.hidden)
        chosen = self.request.GET.get("category", "")
        category = next((c for c in categories if str(c.pk) == chosen), None)
        # Without a choice: the first category still waiting for decisions.
        category = (
            category
            or next((c for c in categories if _missing(counts, c)), None)
            or (categories[0] if categories else None)
        )
        rankings = self.load(category.pk) if category else []
        current = rankings[0] if rankings else None
        rows, sort = ranking.sort_rows(
            current.rows if current else [], self.request.GET.get("sort", "rank")
        )
        return super().get_context_data(
            edition=self.edition,
            categories=[
                {
                    "category": item,
                    "missing": _missing(counts, item),
                    "state": _decision_state(counts, item),
                }
                for item in categories
            ],
            category=category,
            missing=_missing(counts, category) if category else 0,
            next_entry=decisions.next_undecided(current.rows) if current else None,
            next_category=next_category(categories, category, counts),
            ranking=current,
            rows=[{"row": row, "chart": ranking.distribution(row)} for row in rows],
            sort=sort,
            headers=_sort_headers(sort, category),
            aggregation=Aggregation(self.edition.aggregation).label,
            tie_breaks=[ranking.TIE_BREAK_LABELS[c] for c in current.rules.tie_breaks]
            if current
            else [],
            can_publish=may_publish_results(self.request.user),
            undecided=decisions.undecided(self.edition).count(),
            hidden=len(self.hidden),
            **kwargs,
        )


def _missing(counts, category):
    return counts.get(category.pk, {}).get("missing", 0)


def _decision_state(counts, category):
    """The category tab's note: decisions missing, all made, or nothing scored."""
    count = counts.get(category.pk)
    if not count:
        return _("brak ocenionych zgłoszeń")
    if count["missing"]:
        return ngettext(
            "brakuje %(count)s decyzji", "brakuje %(count)s decyzji", count["missing"]
        ) % {"count": count["missing"]}
    return _("decyzje zapisane")


def next_category(categories, category, counts):
    """The next category (after ``category``, wrapping) still waiting for
    decisions, or ``None``."""
    if category is None:
        return None
    start = categories.index(category)
    following = categories[start + 1 :] + categories[:start]
    return next((c for c in following if _missing(counts, c)), None)


def _sort_headers(sort, category):
    """Per sortable column: its link (toggling the direction) and aria-sort."""
    headers = {}
    base = f"?category={category.pk}&" if category else "?"
    for key in ranking.SORTS:
        active = sort.lstrip("-") == key
        descending = sort.startswith("-")
        # First click: the natural direction (rank up, the rest down).
        natural = key if key == "rank" else f"-{key}"
        target = (key if descending else f"-{key}") if active else natural
        headers[key] = {
            "url": f"{base}sort={target}",
            "aria_sort": ("descending" if descending else "ascending")
            if active
            else "none",
        }
    return headers


class ExportView(ResultsMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        content = ranking_export.xlsx_bytes(self.edition, self.load())
        response = HttpResponse(
            content,
            content_type=(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ),
        )
        name = f"ranking-{self.edition.code}-{timezone.localdate():%Y-%m-%d}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class ProtocolView(ResultsMixin, TemplateView):
    """The jury's protocol: a standalone page to print (or save as PDF)."""

    template_name = "competition/admin/protocol.html"

    def get_context_data(self, **kwargs):
        members = (
            JuryMember.objects.filter(edition=self.edition)
            .select_related("user")
            .prefetch_related("categories")
        )
        return super().get_context_data(
            edition=self.edition,
            members=sorted(members, key=lambda m: (not m.is_chair, str(m).lower())),
            rankings=self.load(),
            hidden=len(self.hidden),
            aggregation=Aggregation(self.edition.aggregation).label,
            tie_breaks=[
                ranking.TIE_BREAK_LABELS[code]
                for code in ranking.rules_for(self.edition).tie_breaks
            ],
            now=timezone.now(),
            **kwargs,
        )


class ConfirmActionView(ResultsMixin, TemplateView):
    """A confirmation page (GET) and the action (POST), for the secretariat."""

    template_name = "competition/admin/results_confirm.html"
    needs_publish_permission = True

    def post(self, request):
        try:
            message = self.act()
        except decisions.ResultsError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, message)
        return redirect(reverse("competition_results:ranking", args=[self.edition.pk]))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            edition=self.edition, action=self.action_texts(), **kwargs
        )


class CloseScoringView(ConfirmActionView):
    """Offered and allowed only in the jury phase (``decisions.closing_refusal``);
    the confirmation says how many reviews are in and how much time is left."""

    page_title = _("Zamknij ocenę")
    needs_closed_scoring = False

    def refusal(self, user):
        return super().refusal(user) or decisions.closing_refusal(self.edition)

    def action_texts(self):
        counts = progress_counts(self.edition)
        missing = decisions.missing_reviews(self.edition)
        now = timezone.now()
        return {
            "question": _(
                "Zamknąć ocenę jury? Jurorzy nie będą mogli już zmieniać ocen, "
                "a przewodniczący(-a) jury i sekretariat zobaczą ranking."
            ),
            "button": _("Zamknij ocenę"),
            "closing": True,
            "expected": counts["total_assigned"],
            "submitted": counts["total_submitted"],
            "missing": counts["total_assigned"] - counts["total_submitted"],
            "missing_by_juror": [
                row | {"entries": missing.get(row["member"].pk, [])}
                for row in counts["juror_rows"]
                if row["assigned"] > row["submitted"]
            ],
            "deadline": deadline_text(self.edition.jury_closes_at),
            "closes_at": self.edition.jury_closes_at,
            "deadline_passed": now >= self.edition.jury_closes_at,
        }

    def act(self):
        moved = decisions.close_scoring(self.edition, self.request.user)
        return _("Ocena zamknięta. Zgłoszenia ocenione: %(n)s.") % {"n": moved}


class PublishView(ConfirmActionView):
    page_title = _("Opublikuj wyniki")

    def action_texts(self):
        return {
            "question": _(
                "Opublikować wyniki? Strona wyników stanie się publiczna, a każdy "
                "zgłaszający dostanie e-mail z decyzją. Późniejsza zmiana decyzji "
                "będzie wymagała podania powodu."
            ),
            "button": _("Opublikuj wyniki"),
            "undecided": decisions.undecided(self.edition).count(),
        }

    def act(self):
        sent = decisions.publish_results(self.edition, self.request.user)
        return _("Wyniki opublikowane. Wysłane e-maile: %(n)s.") % {"n": sent}


def index(request):
    if not may_open_results_menu(request.user):
        return TemplateResponse(
            request,
            DENIED_TEMPLATE,
            {"message": _("Wyniki widzą sekretariat konkursu i przewodniczący jury.")},
            status=403,
        )
    return IndexView.as_view()(request)
