"""The competition's usual data and people. Builders for anything else are in
``builders.py``."""

import pytest
from django.contrib.auth import get_user_model

from . import builders


@pytest.fixture
def edition(home):
    """An edition open for submissions, with "reintegracja" and "osobowosc"."""
    return builders.edition(home)


@pytest.fixture
def private_root(tmp_path, settings):
    """The private storage in a temporary folder (local, even when CI runs on S3)."""
    root = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "campaign_site.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(root)},
        },
    }
    return root


@pytest.fixture
def secretary(db):
    return builders.staff_user("sekretariat", builders.SECRETARIAT)


@pytest.fixture
def secretary_client(client, secretary):
    client.force_login(secretary)
    return client


@pytest.fixture
def juror(db):
    """A user of the "Jury" group; on no edition's jury unless a test adds them."""
    return builders.staff_user("juror", builders.JURY, first_name="Jan")


@pytest.fixture
def editor(db):
    return builders.staff_user("redaktor", builders.EDITORS)


@pytest.fixture
def moderator(db):
    """A user of "Moderatorzy", the group of the pages' approval task."""
    return builders.staff_user("moderator", builders.MODERATORS)


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("admin", password="x")
