"""The secretariat's view of the jury's progress (DESIGN §6), counts only:
Konkurs → Postęp oceny jury, ``/admin/competition/jury-progress/``.

Registered as a viewset in ``competition/wagtail_hooks.py``; the counts come
from ``competition/progress.py``. The jurors' own screens are in ``jury.py``.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..permissions import can_view_jury_progress
from ..progress import editions_with_jury, progress_counts


class ProgressView(WagtailAdminTemplateMixin, View):
    """During scoring the secretariat sees how far the jury is, per juror and per
    entry: assigned, declared, conflicts, submitted. Counts only: no points, no
    comments, no link to a review."""

    template_name = "competition/jury/progress.html"
    page_title = _("Postęp oceny jury")
    header_icon = "pick"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_jury_progress(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request):
        editions = list(editions_with_jury())
        chosen = request.GET.get("edition")
        edition = next(
            (page for page in editions if str(page.pk) == chosen),
            editions[0] if editions else None,
        )
        context = {"editions": editions, "edition": edition}
        if edition is not None:
            context.update(progress_counts(edition))
        return self.render_to_response(self.get_context_data(**context))
