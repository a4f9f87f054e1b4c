"""Admin panels that show what an edition's fields add up to."""

from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.panels import HelpPanel

from . import retention


class RetentionDatePanel(HelpPanel):
    """The day until which the edition keeps its applicants' personal data,
    as :func:`retention.retention_date` computes it from the saved page."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.content = self.describe()

        def describe(self):
            until = (
                retention.retention_date(self.instance)
                if self.instance.pk and self.instance.results_at
                else None
            )
            if until is None:
                return format_html(
                    "<p>{}</p>",
                    _(
                        "Datę końca przechowywania danych osobowych obliczymy po "
                        "zapisaniu terminów edycji."
                    ),
                )
            return format_html(
                "<p>{} <strong>{}</strong>.</p>",
                _("Dane osobowe zgłaszających tej edycji przechowujemy do"),
                formats.date_format(until, "j E Y"),
            )
