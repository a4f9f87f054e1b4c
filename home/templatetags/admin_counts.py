"""The count at the end of the admin's listings, in Polish agreeing with the number."""

from django import template
from django.utils.text import capfirst
from django.utils.translation import ngettext
from wagtail.admin.paginator import WagtailPaginator

register = template.Library()


@register.simple_tag
def items_count_label(paginator):
    """Wagtail joins the number and the model's verbose_name_plural ("6 członkowie
    jury"); a counted noun with Polish plural forms reads right for every number.
    Paginators of the project that phrase their own count ("5 zgłoszeń") keep it."""
    if type(paginator).items_count_label is not WagtailPaginator.items_count_label:
        return capfirst(paginator.items_count_label)
    return ngettext("%(counter)s pozycja", "%(counter)s pozycji", paginator.count) % {
        "counter": paginator.count
    }
