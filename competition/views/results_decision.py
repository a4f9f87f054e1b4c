"""The jury's decision on one entry (/admin/competition/results/<edition>/decyzja/
<entry>/): the entry's place and each juror's scores beside the form, then on to
the next entry still waiting for a decision. Who and when: as the ranking
(``ResultsMixin`` in ``results_admin.py``); after publication a change needs a
reason.
"""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .. import decisions, ranking, workflow
from ..models import Decision, Entry, Review, Score
from .results_admin import ResultsMixin, next_category


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decyzja"), choices=Decision.Outcome.choices, widget=forms.RadioSelect
    )
    justification = forms.CharField(
        label=_("Uzasadnienie jury"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text=_(
            "Na stronie wyników pokazujemy uzasadnienie laureatów i wyróżnień."
        ),
    )
    chair_rank = forms.IntegerField(
        label=_("Miejsce wskazane przez przewodniczącego (remis)"),
        required=False,
        min_value=1,
        help_text=_(
            "Tylko do rozstrzygnięcia remisu, gdy przewidują to zasady edycji."
        ),
    )
    reason = forms.CharField(
        label=_("Powód zmiany"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        help_text=_(
            "Wymagany po publikacji wyników: zmiana zostanie zapisana w dzienniku."
        ),
    )

    def __init__(self, *args, published=False, **kwargs):
        super().__init__(*args, **kwargs)
        if published:
            self.fields["reason"].required = True
        else:
            del self.fields["reason"]


class DecisionView(ResultsMixin, TemplateView):
    template_name = "competition/admin/decision.html"
    page_title = _("Decyzja jury")

    def setup_entry(self, entry_id):
        if entry_id in self.hidden:
            # Not the chair's to see or decide: the secretariat records it.
            raise Http404
        self.entry = get_object_or_404(
            Entry.objects.select_related("category"),
            pk=entry_id,
            edition=self.edition,
            status__in=workflow.SCORED,
        )
        self.decision = Decision.objects.filter(entry=self.entry).first()

    def get_form(self, data=None):
        initial = {}
        if self.decision:
            initial = {
                "outcome": self.decision.outcome,
                "justification": self.decision.justification,
                "chair_rank": self.decision.chair_rank,
            }
        published = self.edition.results_published()
        return DecisionForm(data, initial=initial, published=published)

    def get(self, request, entry_id):
        self.setup_entry(entry_id)
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, entry_id):
        self.setup_entry(entry_id)
        form = self.get_form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                decisions.record_decision(
                    self.entry,
                    data["outcome"],
                    data["justification"],
                    request.user,
                    self.role(),
                    chair_rank=data["chair_rank"],
                    reason=data.get("reason", ""),
                )
            except decisions.ResultsError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Zapisano decyzję dla zgłoszenia %(ref)s.")
                    % {"ref": self.entry.reference},
                )
                if request.POST.get("then") == "next":
                    return redirect(self.next_url())
                # Back to the same row of the ranking, for the next decision.
                url = reverse("competition_results:ranking", args=[self.edition.pk])
                return redirect(
                    f"{url}?category={self.entry.category_id}#entry-{self.entry.pk}"
                )
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def next_url(self):
        """Where "Zapisz i przejdź do następnej" leads: the next entry of this
        category's ranking still waiting for a decision, else the ranking of
        the next category that has one, else this category's ranking."""
        (category_ranking,) = self.load(self.entry.category_id)
        following = decisions.next_undecided(category_ranking.rows, after=self.entry)
        if following is not None:
            return reverse(
                "competition_results:decision", args=[self.edition.pk, following.pk]
            )
        counts = decisions.decision_counts(self.edition, self.hidden)
        categories = self.edition.categories_list()
        category = next(c for c in categories if c.pk == self.entry.category_id)
        target = next_category(categories, category, counts) or category
        url = reverse("competition_results:ranking", args=[self.edition.pk])
        return f"{url}?category={target.pk}"

    def get_context_data(self, **kwargs):
        # Unfiltered: the place counts every entry (this one is not hidden).
        (category_ranking,) = ranking.load(self.edition, self.entry.category_id)
        row = next(
            (r for r in category_ranking.rows if r.entry.pk == self.entry.pk), None
        )
        return super().get_context_data(
            edition=self.edition,
            entry=self.entry,
            decision=self.decision,
            published=self.edition.results_published(),
            row=row,
            ranked_count=len(category_ranking.rows),
            jurors=self.jurors_reviews(row),
            has_next=decisions.next_undecided(
                category_ranking.rows, self.hidden, after=self.entry
            )
            is not None
            or any(
                count["missing"]
                for category_id, count in decisions.decision_counts(
                    self.edition, self.hidden
                ).items()
                if category_id != self.entry.category_id
            ),
            **kwargs,
        )

    def jurors_reviews(self, row):
        """Each juror's counted review of the entry: the total, then the points
        and comment per criterion, for the jury's justification."""
        scores = (
            Score.objects.filter(
                review__entry=self.entry, review__status=Review.Status.SUBMITTED
            )
            .select_related("criterion", "review__member__user")
            .order_by("review__member_id", "criterion__sort_order", "criterion_id")
        )
        jurors = {}
        for item in scores:
            member = item.review.member
            juror = jurors.setdefault(
                member.pk,
                {
                    "member": member,
                    "total": row.totals.get(member.pk) if row else None,
                    "scores": [],
                },
            )
            juror["scores"].append(item)
        return sorted(
            jurors.values(),
            key=lambda j: (not j["member"].is_chair, str(j["member"]).lower()),
        )
