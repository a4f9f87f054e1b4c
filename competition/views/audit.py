"""The secretariat's "Dziennik konkursu" (Konkurs → Dziennik konkursu,
``/admin/competition/log/``): the competition's audit log in one list, with
when, who, what and why, filtered and exported to CSV and XLSX.

It is Wagtail's site history report (``LogEntriesView``) with three changes.
The site history shows a user only the log entries of models they hold some
permission on, and of pages they may explore
(``BaseLogEntryManager.viewable_by_user``, ``PageLogEntryManager.
viewable_by_user``): the secretariat would miss the reviews' log and the
editions' own (scoring closed, results published, assignment runs). Here the
entries are the competition's (``audit.competition_logs``) and the view is for
holders of ``competition.view_competition_log`` only. And the site history's
export has no column for the reason; this one has.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import IntegerField, Value
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
)
from wagtail.coreutils import get_content_type_label
from wagtail.log_actions import registry as log_registry

from .. import audit, exports
from ..dates import spreadsheet_time
from ..models import Entry, Review
from ..permissions import can_view_competition_log


def _competition_logs():
    content_type_ids = audit.competition_content_type_ids()
    return [
        audit.competition_logs(model, content_type_ids)
        for model in log_registry.get_log_entry_models()
    ]


def _content_types(request):
    ids = set().union(*(logs.get_content_type_ids() for logs in _competition_logs()))
    return ContentType.objects.filter(pk__in=ids).order_by("model")


class CompetitionLogFilterSet(SiteHistoryReportFilterSet):
    """The site history's filters (action, user, date, name, type), offering
    what the competition's log holds."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Comments on pages are never the competition's.
        del self.filters["is_commenting_action"]
        self.filters["object_type"].queryset = _content_types

    def get_action_choices(self):
        used = set().union(*(logs.get_actions() for logs in _competition_logs()))
        return [choice for choice in log_registry.get_choices() if choice[0] in used]

    def get_users_queryset(self):
        ids = set().union(*(logs.get_user_ids() for logs in _competition_logs()))
        User = get_user_model()
        return User.objects.filter(pk__in=ids).order_by(User.USERNAME_FIELD)


def _local_time(log_entry):
    # To the second: several actions often share a minute.
    return formats.date_format(timezone.localtime(log_entry.timestamp), "j E Y, H:i:s")


def _action_label(log_entry):
    return str(log_entry.formatter.label) if log_entry.formatter else log_entry.action


def _details(log_entry):
    """The message when it says more than the action's label."""
    message = str(log_entry.message)
    return "" if message == _action_label(log_entry) else message


# (key, heading, value of a log entry): the export's columns.
EXPORT_COLUMNS = [
    (
        "time",
        _("Czas (czas warszawski)"),
        lambda log_entry: spreadsheet_time(log_entry.timestamp),
    ),
    ("actor", _("Kto"), audit.actor),
    ("action", _("Czynność"), _action_label),
    ("details", _("Szczegóły"), _details),
    ("object", _("Dotyczy"), lambda log_entry: log_entry.label),
    (
        "object_type",
        _("Rodzaj"),
        lambda log_entry: get_content_type_label(log_entry.content_type),
    ),
    # The formatter's comment: the reason given for a competition action
    # (``audit.CompetitionLogFormatter``), Wagtail's own for its actions.
    ("reason", _("Powód / komentarz"), lambda log_entry: str(log_entry.comment)),
]


class LogPaginator(WagtailPaginator):
    """Counts the log's entries, not "wpisy loga strony" (the name Wagtail
    takes from the first log model of a mixed list)."""

    @cached_property
    def items_count_label(self):
        return ngettext("%(count)s wpis", "%(count)s wpisy", self.count) % {
            "count": self.count
        }


class CompetitionLogView(LogEntriesView):
    page_title = _("Dziennik konkursu")
    paginator_class = LogPaginator
    filterset_class = CompetitionLogFilterSet
    index_url_name = "competition_log:index"
    index_results_url_name = "competition_log:index_results"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    columns = [
        Column("time", label=_("Czas"), accessor=_local_time, width="15%"),
        Column("actor", label=_("Kto"), accessor=audit.actor, width="15%"),
        Column("message", label=_("Czynność")),
        TitleColumn(
            "label",
            label=_("Dotyczy"),
            get_url=lambda log_entry: log_entry.edit_url,
        ),
        Column("comment", label=_("Powód / komentarz")),
    ]
    list_export = [key for key, _heading, _value in EXPORT_COLUMNS]
    export_headings = {key: heading for key, heading, _value in EXPORT_COLUMNS}

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # The rows below are ready to write: no per-field conversion.
        self.custom_field_preprocess = {}

    def dispatch(self, request, *args, **kwargs):
        if not can_view_competition_log(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"dziennik-konkursu-{timezone.localdate():%Y-%m-%d}"

    def get_filtered_queryset(self):
        # As LogEntriesView does it (one union of every log model, filtered
        # model by model), from the competition's entries instead of those
        # the user's permissions show.
        self.log_models = list(log_registry.get_log_entry_models())
        content_type_ids = audit.competition_content_type_ids()
        queryset = None
        for index, log_model in enumerate(self.log_models):
            logs = (
                audit.competition_logs(log_model, content_type_ids)
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            )
            logs = self.filter_queryset(logs).order_by()
            queryset = logs if queryset is None else queryset.union(logs, all=True)
        return queryset.order_by("-timestamp", "-pk")

    def decorate_paginated_queryset(self, queryset):
        log_entries = super().decorate_paginated_queryset(queryset)
        # Entries are never edited, so Wagtail finds no edit URL for them.
        if self.request.user.has_perm("competition.view_entry"):
            for log_entry in log_entries:
                log_entry.edit_url = log_entry.edit_url or _entry_url(log_entry)
        return log_entries

    def render_to_response(self, context, **response_kwargs):
        # ReportView decorates the page's rows after the table was built from
        # the bare ones: build it again from the decorated rows.
        if not self.is_export:
            context["table"] = self.get_table(context["object_list"])
        return super().render_to_response(context, **response_kwargs)

    def to_row_dict(self, item):
        return {key: value(item) for key, _heading, value in EXPORT_COLUMNS}

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return exports.neutralise_formula(value)


def _entry_url(log_entry):
    """The inspect page of the entry a log entry is about (an entry's own log,
    or a review's), or ``None``."""
    model = log_entry.content_type.model_class() if log_entry.content_type else None
    if model is Entry:
        entry_id = log_entry.object_id
    elif model is Review:
        entry_id = (log_entry.data or {}).get("entry_id")
    else:
        return None
    return reverse("competition_entry:inspect", args=[entry_id]) if entry_id else None
