"""The RODO information clause for templates (the privacy page, the entry form)."""

from django import template
from django.utils import translation
from wagtail.models import Site

from home.models import PrivacySettings

register = template.Library()


@register.simple_tag(takes_context=True)
def rodo_clause(context):
    """The clause for the active language (Polish fallback), or None when unset.

    Usage: ``{% rodo_clause as clause %}{% if clause %}{{ clause.text }}`` and
    ``clause.version`` / ``clause.version_date`` / ``clause.language``.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    settings = PrivacySettings.for_site(site)
    return settings.clause_for(translation.get_language())
