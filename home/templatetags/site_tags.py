"""Navigation helpers for base.html: main menu and language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

register = template.Library()


def _locale_homes(request):
    """Live home pages of the site keyed by language code (one query)."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    homes = (
        Page.objects.filter(translation_key=site.root_page.translation_key)
        .live()
        .select_related("locale")
    )
    return {home.locale.language_code: home for home in homes}


@register.simple_tag(takes_context=True)
def current_home(context):
    request = context.get("request")
    if request is None:
        return None
    cache = getattr(request, "_locale_homes", None)
    if cache is None:
        cache = request._locale_homes = _locale_homes(request)
    return cache.get(translation.get_language()) or cache.get(settings.LANGUAGE_CODE)


@register.simple_tag(takes_context=True)
def main_menu(context):
    home = current_home(context)
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu())


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the translation of this page, else that language's home.

    Outside Wagtail pages (search, error pages) the same path in the other language.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    if request is not None and getattr(request, "_locale_homes", None) is None:
        request._locale_homes = _locale_homes(request)
    homes = getattr(request, "_locale_homes", {}) if request else {}
    translations = {}
    if isinstance(page, Page) and page.pk:
        for other in (
            Page.objects.filter(translation_key=page.translation_key)
            .live()
            .public()
            .select_related("locale")
        ):
            translations[other.locale.language_code] = other
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        exact = target is not None
        if target is None and isinstance(page, Page) and page.pk:
            target = homes.get(code)
        if target is not None:
            with translation.override(code):
                url = target.get_url(request)
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "is_translation": exact or not isinstance(page, Page),
            }
        )
    return links


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.filter
def locale_of(page):
    return page.locale.language_code if isinstance(page, Page) else None


@register.simple_tag
def active_locale():
    return Locale.get_active()
