"""Navigation helpers for base.html: main menu, language switcher, footer cache key.

Menu and language homes come from `home.navigation` (cached per site and language,
invalidated on publish); only the current page's translations cost a query.
"""

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, translate_url
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, Site

from home import navigation
from home.navigation import restricted_q

register = template.Library()

# Query parameter on a language's home reached from a page that has no translation.
UNTRANSLATED_PARAM = "untranslated"


def _site(request):
    if request is None:
        return None
    site = getattr(request, "_wagtail_site", None)
    if site is None:
        site = request._wagtail_site = Site.find_for_request(request)
    return site


def _homes(request):
    return navigation.locale_homes(_site(request), request)


@register.simple_tag(takes_context=True)
def current_home(context):
    """{"pk", "url", ...} of the active language's home (Polish as the fallback)."""
    homes = _homes(context.get("request"))
    return homes.get(translation.get_language()) or homes.get(settings.LANGUAGE_CODE)


@register.simple_tag(takes_context=True)
def main_menu(context):
    request = context.get("request")
    return navigation.menu_items(_site(request), translation.get_language(), request)


@register.simple_tag(takes_context=True)
def navigation_cache_key(context):
    """Vary-on value for `{% wagtailcache %}` of site-wide fragments (the footer)."""
    site = _site(context.get("request"))
    return f"{navigation.generation()}:{site.pk if site else 0}"


@register.simple_tag
def navigation_timeout():
    return navigation.timeout()


def _sub_route(request, page):
    """The part of the path below ``page`` when the request is on one of its
    sub-routes that exist in every language (``page.language_switch_routes``,
    e.g. ``zgloszenie/reintegracja/``), else "".

    An applicant on a competition form then switches to the same form in the
    other language, not to the edition's page. Opt-in per route: a route whose
    path carries a secret (the status token) must never be copied into links.
    """
    match = getattr(request, "routable_resolver_match", None)
    if match is None or match.url_name not in getattr(
        page, "language_switch_routes", ()
    ):
        return ""
    try:
        sub = page.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return ""
    sub = sub.lstrip("/")
    # The match belongs to the routed page; make sure that is this page.
    return sub if sub and request.path.endswith("/" + sub) else ""


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the translation of this page, else that language's home
    (with a note saying so, in that language, and a flag the home turns into a notice).

    On a sub-route listed in the page's ``language_switch_routes`` the same
    sub-route of the translation. Outside Wagtail pages (search, error pages) the
    same path in the other language.
    """
    request = context.get("request")
    page = context.get("page")
    is_page = isinstance(page, Page) and page.pk is not None
    current = translation.get_language()
    homes = _homes(request)
    translations = {}
    if is_page:
        translations = dict(
            navigation.cached(
                "translations",
                lambda: {
                    other.locale.language_code: other.get_url(request)
                    for other in Page.objects.filter(
                        translation_key=page.translation_key
                    )
                    .exclude(pk=page.pk)
                    .live()
                    .exclude(restricted_q())
                    .select_related("locale")
                },
                page.translation_key,
                page.pk,
            )
        )
        translations[current] = page.get_url(request)
        sub = _sub_route(request, page)
        if sub:
            translations = {
                code: url + sub for code, url in translations.items() if url
            }
    links = []
    for code, name in settings.LANGUAGES:
        url = translations.get(code)
        exact = url is not None
        note = ""
        if url is None and is_page and code in homes:
            # No translation: the other language's home, and both the link and
            # the page it opens say why the visitor did not land on this page.
            url = f"{homes[code]['url']}?{UNTRANSLATED_PARAM}=1"
            with translation.override(code):
                note = gettext("ta strona nie ma wersji w tym języku – strona główna")
        if url is None:
            if request is not None:
                url = translate_url(request.get_full_path(), code)
            else:
                url = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "is_translation": exact or not is_page,
                "note": note,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    return navigation.breadcrumbs(page, context.get("request"))


@register.simple_tag(takes_context=True)
def is_privacy_page(context, page):
    """Is `page` (in any language) the privacy page named in the footer settings?"""
    keys = navigation.footer_page_keys(_site(context.get("request")))
    return bool(keys.get("privacy")) and keys["privacy"] == page.translation_key


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` on the site's public host (see `set_site_host`), not the request's:
    behind a proxy or on an internal name the request may say localhost."""
    request = context.get("request")
    site = _site(request)
    if site is not None and url.startswith("/") and not url.startswith("//"):
        return site.root_url + url
    return request.build_absolute_uri(url) if request else url


# Fields that describe a page when its editor left "search description" empty, and
# the images that represent it when shared, in order of preference.
_DESCRIPTION_FIELDS = ("search_description", "intro", "lead", "hero_text")
_IMAGE_FIELDS = ("lead_image", "hero_image")


@register.simple_tag
def page_description(page):
    for field in _DESCRIPTION_FIELDS:
        value = getattr(page, field, "")
        if value:
            return str(value)
    return ""


@register.simple_tag
def social_image(page):
    for field in _IMAGE_FIELDS:
        image = getattr(page, field, None)
        if image is not None:
            return image
    return None


@register.simple_tag(takes_context=True)
def came_untranslated(context):
    """Did the visitor switch language on a page that has no translation?"""
    request = context.get("request")
    return request is not None and request.GET.get(UNTRANSLATED_PARAM) == "1"


@register.simple_tag
def site_name():
    """The site's name (``WAGTAIL_SITE_NAME``), for the admin's branding."""
    return settings.WAGTAIL_SITE_NAME
