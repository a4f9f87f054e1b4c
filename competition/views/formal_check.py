"""The secretariat's formal check: one entry at a time
(``/admin/competition/entries/formal-check/<pk>/``), or the common case in bulk
from the entries' list (Wagtail's bulk actions, ``/admin/bulk/competition/entry/
mark_eligible/``).

Both need ``competition.check_entry`` and work only on ``submitted`` entries;
the rules of the decision are in ``competition/formal_check.py``.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from .. import audit, formal_check, workflow
from ..filters import ENTRY_SEARCH_FIELDS, EntryFilterSet
from ..forms.formal_check import FormalCheckForm
from ..models import Entry, FormalCheck, Status
from ..permissions import can_check
from .entry_details import EntryDetailsMixin, entry_with_details
from .entry_screen import EntryScreenMixin

NOT_SUBMITTED = _(
    "Zgłoszenie %(reference)s ma status „%(status)s”. Ocenę formalną "
    "przeprowadza się tylko dla zgłoszeń o statusie „wysłane”."
)


class FormalCheckView(
    EntryDetailsMixin,
    EntryScreenMixin,
    PermissionCheckedMixin,
    WagtailAdminTemplateMixin,
    FormView,
):
    """The checklist beside everything the applicant sent, and the decision."""

    permission_required = "check"
    template_name = "competition/admin/formal_check.html"
    form_class = FormalCheckForm
    page_title = _("Ocena formalna")
    header_icon = "tasks"
    model = Entry

    def dispatch(self, request, *args, **kwargs):
        # The permission is checked (by the mixin) before the entry is looked
        # up, so a refused user learns nothing about which ids exist.
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        self.object = entry_with_details(kwargs["pk"])
        if self.object.status != Status.SUBMITTED:
            self._refuse_not_submitted(self.object)
            return HttpResponseRedirect(self.get_inspect_url())
        return super().dispatch(request, *args, **kwargs)

    def _refuse_not_submitted(self, entry):
        messages.error(
            self.request,
            NOT_SUBMITTED % {"reference": entry, "status": entry.status_label},
        )

    # -- what the screen shows -------------------------------------------------

    @property
    def criteria(self):
        return self.formal_criteria

    @cached_property
    def previous(self):
        return (
            FormalCheck.objects.select_related("checked_by")
            .filter(entry=self.object)
            .first()
        )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(
            entry=self.object,
            criteria=self.criteria,
            previous=self.previous,
            category_criteria=self.category_criteria,
        )
        return kwargs

    def get_previous_check(self):
        """The earlier check (before the applicant's correction), requirement
        by requirement."""
        check = self.previous
        if check is None:
            return None
        return {
            "check": check,
            "results": [
                (criterion.text, check.results.get(str(criterion.pk)))
                for criterion in self.criteria
            ],
        }

    def get_correction(self):
        """What the secretariat asked to correct, and what the applicant changed
        (from the log), when the entry came back corrected."""
        entry = self.object
        if not entry.correction_fields:
            return None
        labels = self.field_labels()
        corrected = next(
            (
                log_entry
                for log_entry in self.log_entries
                if log_entry.action == audit.CORRECTED
            ),
            None,
        )
        changed = (corrected.data or {}).get("fields", []) if corrected else []
        return {
            "reason": entry.status_reason,
            "deadline": entry.correction_deadline,
            "fields": [str(labels.get(name, name)) for name in entry.correction_fields],
            "corrected_at": corrected.timestamp if corrected else None,
            "changed": [str(labels.get(name, name)) for name in changed],
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.get_entry_context())
        context.update(
            previous_check=self.get_previous_check(),
            correction=self.get_correction(),
            inspect_url=self.get_inspect_url(),
        )
        return context

    # -- the decision ----------------------------------------------------------

    def form_valid(self, form):
        data = form.cleaned_data
        decision = Status(data["decision"])
        try:
            formal_check.record(
                self.object,
                self.request.user,
                form.results,
                decision,
                note=data["note"],
                reason=data["reason"],
                correction_fields=data["correction_fields"],
                correction_deadline=data["correction_deadline"],
            )
        except (formal_check.NotCheckable, workflow.TransitionError):
            self.object.refresh_from_db()
            self._refuse_not_submitted(self.object)
            return HttpResponseRedirect(self.get_inspect_url())
        messages.success(
            self.request,
            _("Zgłoszenie %(reference)s: %(decision)s.")
            % {
                "reference": self.object,
                "decision": formal_check.DECISION_LABELS[decision],
            },
        )
        if self.object.email:
            messages.info(
                self.request,
                _("Wysłano e-mail do zgłaszającego (%(email)s).")
                % {"email": self.object.email},
            )
        return HttpResponseRedirect(self.get_success_url())

    def get_success_url(self):
        # Back to the entries of the edition still waiting for their check.
        query = urlencode(
            {"status": Status.SUBMITTED.value, "edition": self.object.edition_id}
        )
        return f"{reverse(self.index_url_name)}?{query}"

    def form_invalid(self, form):
        messages.error(
            self.request, _("Ocena nie została zapisana – popraw zaznaczone błędy.")
        )
        return super().form_invalid(form)


class MarkEligibleBulkAction(BulkAction):
    """Entries selected in the list → "spełnia wymogi", every requirement
    ticked; each one e-mailed. Entries not ``submitted`` are skipped and named."""

    display_name = _("Oznacz jako spełniające wymogi")
    action_type = "mark_eligible"
    aria_label = _("Oznacz wybrane zgłoszenia jako spełniające wymogi formalne")
    template_name = "competition/admin/bulk_mark_eligible.html"
    action_priority = 10
    models = [Entry]

    def dispatch(self, request, *args, **kwargs):
        if not can_check(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def get_queryset(cls, model, object_ids):
        ids = [pk for pk in object_ids if str(pk).isdigit()]
        return list(
            model.objects.filter(pk__in=ids)
            .select_related("edition", "category")
            .order_by("edition", "number", "pk")
        )

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all" in the list sends the list's own filters and search:
        # apply them, and take only the entries still waiting for the check.
        queryset = Entry.objects.filter(status=Status.SUBMITTED)
        queryset = EntryFilterSet(self.request.GET, queryset=queryset).qs
        query = self.request.GET.get("q", "").strip()
        if query:
            condition = Q()
            for field in ENTRY_SEARCH_FIELDS:
                condition |= Q(**{f"{field}__icontains": query})
            queryset = queryset.filter(condition)
        return queryset.values_list("pk", flat=True)

    def check_perm(self, entry):
        # "No access" here means "not waiting for a formal check": the
        # confirmation page lists such entries as skipped.
        return entry.status == Status.SUBMITTED

    def get_execution_context(self):
        return {"user": self.request.user, "action": self}

    @classmethod
    def execute_action(cls, objects, user=None, action=None, **kwargs):
        done, skipped = formal_check.mark_eligible(objects, user)
        # Entries whose status changed between the confirmation and now.
        action.skipped_meanwhile = skipped
        return len(done), 0

    def form_valid(self, form):
        _objects, extra = self.get_actionable_objects()
        self.skipped_meanwhile = []
        response = super().form_valid(form)
        skipped = [*extra["items_with_no_access"], *self.skipped_meanwhile]
        if skipped:
            messages.warning(
                self.request,
                _("Pominięto zgłoszenia, które nie mają statusu „wysłane”: %(refs)s.")
                % {"refs": ", ".join(str(entry) for entry in skipped)},
            )
        return response

    def get_success_message(self, num_parent_objects, num_child_objects):
        # No plural forms needed: "zgłoszenie / zgłoszenia / zgłoszeń" stays out.
        return _("Oznaczono jako spełniające wymogi formalne: %(count)d.") % {
            "count": num_parent_objects
        }
