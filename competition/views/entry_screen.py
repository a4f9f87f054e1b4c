"""A screen about one entry under the entries' admin (the formal check, the
requests about personal data): headed by the entry, with the breadcrumbs
"Zgłoszenia › the entry › this screen"."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class EntryScreenMixin:
    """For a view of Wagtail's admin whose ``self.object`` is the entry; the
    viewset passes the entries' ``index_url_name`` and ``inspect_url_name``.
    Listed before ``WagtailAdminTemplateMixin``, whose header it fills."""

    index_url_name = None
    inspect_url_name = None

    def get_inspect_url(self):
        return reverse(self.inspect_url_name, args=[self.object.pk])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Zgłoszenia")},
            {"url": self.get_inspect_url(), "label": str(self.object)},
            {"url": "", "label": self.page_title, "sublabel": str(self.object)},
        ]
