"""Shared fixtures: a small bilingual page tree built through Wagtail's own APIs."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage

from .migrated_template import (
    migrated_template,
    restore_test_databases_from,
    shared_dir,
    uses_in_memory_sqlite,
)


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


@pytest.fixture(scope="session")
def migrated_sqlite(request, tmp_path_factory):
    """This run's migrated SQLite file (see tests/migrated_template.py)."""
    return migrated_template(shared_dir(request.config, tmp_path_factory))


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, request):
    """pytest-django's hook before it creates the test databases: on SQLite
    they start from the migrated template instead of being migrated again."""
    if uses_in_memory_sqlite():
        restore_test_databases_from(request.getfixturevalue("migrated_sqlite"))


@pytest.fixture(scope="session")
def _demo_snapshot(django_db_setup, django_db_blocker):
    """The database as `seed_demo` leaves it, serialised once per session (once
    per xdist worker): seeding takes 10-20 s, loading the snapshot ~1 s. The
    seeding is rolled back, so tests without `demo_site` see an empty site; the
    demo's files stay in the test media storage for the snapshot's rows."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("seed_demo")
        snapshot = connection.creation.serialize_db_to_string()
        transaction.set_rollback(True)
    return snapshot


@pytest.fixture
def demo_site(db, _demo_snapshot):
    """The seeded demo site, loaded into this test's transaction."""
    # Rows come back with their primary keys. New rows do not collide with them:
    # SQLite moves its counters past an explicit key, and PostgreSQL's sequences
    # never went back when the seeding was rolled back.
    connection.creation.deserialize_db_from_string(_demo_snapshot)
