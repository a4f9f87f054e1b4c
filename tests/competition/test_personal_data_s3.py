"""Erasure removes the applicant's files from S3 too (moto server, both bucket
layouts of ``tests/test_storage.py``)."""

import pytest

from competition import anonymisation
from competition.models import EntryFile
from tests.s3server import s3_server  # noqa: F401
from tests.test_storage import s3_layout, s3_storages  # noqa: F401

from . import builders
from .test_personal_data import submit


def _keys(s3_layout):  # noqa: F811
    listed = s3_layout["client"].list_objects_v2(
        Bucket=s3_layout["private_bucket"], Prefix=s3_layout["private_prefix"]
    )
    return {item["Key"] for item in listed.get("Contents", [])}


@pytest.mark.s3
@pytest.mark.django_db
def test_anonymisation_deletes_the_s3_objects(
    client,
    home,
    s3_storages,  # noqa: F811
    s3_layout,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    page = builders.edition(home)
    entry = submit(client, page, django_capture_on_commit_callbacks)
    keys = {
        s3_layout["private_prefix"] + name
        for name in EntryFile.objects.values_list("storage_name", flat=True)
    }
    assert len(keys) == 2 and keys <= _keys(s3_layout)

    with django_capture_on_commit_callbacks(execute=True):
        anonymisation.anonymise(entry)

    assert not keys & _keys(s3_layout)
    assert not EntryFile.objects.exists()
