"""Shared fixtures: a small bilingual page tree built through Wagtail's own APIs."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Polish. LocaleMiddleware activates a request's
    language in the test's thread and nothing resets it, so an /en/ request
    would otherwise leak English into the next test's messages."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Each test starts with empty caches: the database is rolled back between
    tests, but a cache (Redis in CI) is not, and Wagtail caches site root paths."""
    for cache in caches.all():
        _clear_own_keys(cache)
    yield


def _clear_own_keys(cache):
    # Redis's clear() empties the whole database, including the keys of the other
    # xdist worker mid-test; each worker has its own key prefix (settings/test.py).
    if isinstance(cache, RedisCache):
        client = cache._cache.get_client(write=True)
        keys = list(client.scan_iter(match=f"{cache.key_prefix}:*"))
        if keys:
            client.delete(*keys)
    else:
        cache.clear()


@pytest.fixture
def locales(db):
    pl = Locale.objects.get(language_code="pl")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return {"pl": pl, "en": en}


@pytest.fixture
def home(locales):
    """The Polish home page created by the initial migration."""
    return HomePage.objects.get(locale=locales["pl"], depth=2)


@pytest.fixture
def home_en(home, locales):
    page = home.copy_for_translation(locales["en"]).specific
    page.title = "Social economy does not exclude"
    page.save_revision().publish()
    return page


@pytest.fixture
def standard_page(home):
    page = StandardPage(
        title="O kampanii",
        slug="o-kampanii",
        intro="Kampania o ekonomii społecznej.",
        show_in_menus=True,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def standard_page_en(standard_page, home_en, locales):
    page = standard_page.copy_for_translation(locales["en"]).specific
    page.title = "About the campaign"
    page.slug = "about-the-campaign"
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def site(home):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()
