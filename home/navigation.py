"""Site-wide navigation data (menu, language homes, footer links), cached.

Every public page shows the same menu and footer, so computing them per request
would cost the same handful of queries on every page. They are cached per site and
language under a *generation* number that any publish, unpublish, move or delete of
a page, or a change of the footer settings, moves on: stale navigation is never
served, and no cache entry needs to be found and deleted.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "navigation:generation"


def timeout():
    return settings.NAVIGATION_CACHE_TIMEOUT


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = 1
        cache.add(GENERATION_KEY, value, None)
    return value


def bump_generation(**kwargs):
    """Invalidate every cached navigation fragment (cheap: one cache write)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def cache_key(name, site, language):
    return f"navigation:{name}:{generation()}:{site.pk if site else 0}:{language}"


def locale_homes(site, request=None):
    """Live home pages of `site` by language code: {code: {"pk", "path", "url"}}."""
    if site is None:
        return {}
    key = cache_key("homes", site, "all")
    homes = cache.get(key)
    if homes is None:
        homes = {
            page.locale.language_code: {
                "pk": page.pk,
                "path": page.path,
                "depth": page.depth,
                "url": page.get_url(request),
            }
            for page in Page.objects.filter(
                translation_key=site.root_page.translation_key
            )
            .live()
            .select_related("locale")
        }
        cache.set(key, homes, timeout())
    return homes


def menu_items(site, language, request=None):
    """The main menu of one language: [{"pk", "title", "url"}], cached."""
    key = cache_key("menu", site, language)
    items = cache.get(key)
    if items is None:
        home = locale_homes(site, request).get(language)
        items = []
        if home is not None:
            children = Page.objects.filter(
                path__startswith=home["path"], depth=home["depth"] + 1
            )
            items = [
                {"pk": page.pk, "title": page.title, "url": page.get_url(request)}
                for page in children.live()
                .exclude(restricted_q())
                .in_menu()
                .order_by("path")
            ]
        cache.set(key, items, timeout())
    return items


def breadcrumbs(page, request=None):
    """[{"title", "url"}] of the page's ancestors below the tree root, cached.

    The first entry is the language's home page. Titles and URLs only change when
    a page is published or moved, which moves the generation on.
    """
    key = f"navigation:crumbs:{generation()}:{page.path}"
    trail = cache.get(key)
    if trail is None:
        trail = [
            {
                "pk": ancestor.pk,
                "title": ancestor.title,
                "url": ancestor.get_url(request),
            }
            for ancestor in page.get_ancestors().filter(depth__gt=1)
        ]
        cache.set(key, trail, timeout())
    return trail


def cached(name, build, *parts):
    """A value built by `build()` and kept until the next generation."""
    key = ":".join(["navigation", name, str(generation()), *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout())
    return value


def restricted_paths():
    """Tree paths of pages with a view restriction (login, groups), cached."""
    key = f"navigation:restricted:{generation()}"
    paths = cache.get(key)
    if paths is None:
        paths = sorted(
            set(PageViewRestriction.objects.values_list("page__path", flat=True))
        )
        cache.set(key, paths, timeout())
    return paths


def restricted_q():
    """Pages under a view restriction, for `.exclude()`.

    The same rule as Wagtail's `PageQuerySet.public()` (a restricted page and its
    descendants), without its query on every call: listings use it several times
    per request.
    """
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    return q


def footer_page_keys(site):
    """translation_key of the privacy page and the accessibility statement, cached."""
    if site is None:
        return {}
    key = cache_key("footer-pages", site, "all")
    keys = cache.get(key)
    if keys is None:
        from .models import FooterSettings

        footer = FooterSettings.for_site(site)
        pages = Page.objects.filter(
            pk__in=[
                pk
                for pk in (footer.privacy_page_id, footer.accessibility_statement_id)
                if pk
            ]
        ).values_list("pk", "translation_key")
        by_pk = dict(pages)
        keys = {
            "privacy": by_pk.get(footer.privacy_page_id),
            "statement": by_pk.get(footer.accessibility_statement_id),
        }
        cache.set(key, keys, timeout())
    return keys


def connect_signals():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_generation, dispatch_uid=f"navigation-{id(signal)}")
    post_delete.connect(bump_generation, sender=Page, dispatch_uid="navigation-del")
    post_save.connect(bump_generation, sender=Site, dispatch_uid="navigation-site")
    from .models import NewsCategory

    for sender in (PageViewRestriction, NewsCategory):
        name = sender.__name__
        post_save.connect(bump_generation, sender=sender, dispatch_uid=f"nav-{name}")
        post_delete.connect(
            bump_generation, sender=sender, dispatch_uid=f"nav-{name}-del"
        )
    # Footer settings and the privacy clause are shown on every page too.
    from .models import FooterSettings, PrivacySettings

    for model in (FooterSettings, PrivacySettings):
        post_save.connect(
            _settings_saved, sender=model, dispatch_uid=f"navigation-{model.__name__}"
        )


def _settings_saved(created=False, **kwargs):
    # `for_site` creates a settings row with default values on first read, which
    # changes nothing that is shown; the admin's edit view saves an existing row.
    if not created:
        bump_generation()
