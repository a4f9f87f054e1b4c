"""Public and private file storage, built from the project's real settings (DESIGN §7).

The STORAGES dict is produced by importing the settings in a fresh interpreter with the
S3 environment variables set (tests.s3server.load_settings), then swapped into the
running Django with override_settings (Django resets its cached storage backends on
the setting_changed signal). The S3 side is a moto server reached over real HTTP, so
URLs are checked the way a browser would use them: anonymously, with urllib.

moto enforces object ACLs for anonymous requests (no Authorization header and no
signature in the query): a GET of a private object's plain URL gets 403, a public-read
one 200. It does not verify the signature or the expiry of a presigned URL for an
existing key, so "the signed URL works" is checked here, "a forged or expired one does
not" cannot be.
"""

import uuid
from pathlib import Path
from urllib.parse import parse_qs, urlsplit, urlunsplit

import boto3
import pytest
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages
from django.test import override_settings
from django.utils.module_loading import import_string

from tests.s3server import http_get, load_settings, s3_server  # noqa: F401

REGION = "eu-central-1"
EXPIRY = 90  # not the default (60): proves PRIVATE_FILE_URL_EXPIRY is honoured
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"
S3_BACKEND = "campaign_site.storage.S3Storage"
PROD_ENV = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "es.mcps.example"}


def _client(endpoint, **config):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(**config) if config else None,
    )


def _is_local(storage_config):
    return issubclass(import_string(storage_config["BACKEND"]), FileSystemStorage)


def _strip_query(url):
    return urlunsplit(urlsplit(url)._replace(query="", fragment=""))


# --- S3 (moto) ----------------------------------------------------------------------


@pytest.fixture(scope="module", params=["own-private-bucket", "private-prefix"])
def s3_layout(request, s3_server):  # noqa: F811
    """Buckets created with boto3 and the STORAGES the production settings derive
    from the environment: a separate private bucket, or only the public bucket (the
    private files then live under its private/ prefix)."""
    suffix = uuid.uuid4().hex[:12]
    public_bucket = f"media-{suffix}"
    private_bucket = (
        f"private-{suffix}" if request.param == "own-private-bucket" else None
    )
    client = _client(s3_server)
    for bucket in filter(None, (public_bucket, private_bucket)):
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
    env = {
        **PROD_ENV,
        "AWS_STORAGE_BUCKET_NAME": public_bucket,
        "AWS_S3_ENDPOINT_URL": s3_server,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "PRIVATE_FILE_URL_EXPIRY": str(EXPIRY),
    }
    if private_bucket:
        env["AWS_PRIVATE_STORAGE_BUCKET_NAME"] = private_bucket
    loaded = load_settings(
        "campaign_site.settings.production",
        ["STORAGES", "PRIVATE_FILE_URL_EXPIRY"],
        **env,
    )
    assert "error" not in loaded, loaded
    return {
        "endpoint": s3_server,
        "client": client,
        "public_bucket": public_bucket,
        "private_bucket": private_bucket or public_bucket,
        "private_prefix": "" if private_bucket else "private/",
        **loaded["settings"],
    }


@pytest.fixture
def s3_storages(s3_layout):
    loaded = s3_layout["STORAGES"]
    assert loaded["default"]["BACKEND"] == S3_BACKEND
    assert loaded["private"]["BACKEND"] == S3_BACKEND
    with override_settings(
        STORAGES={
            **settings.STORAGES,
            "default": loaded["default"],
            "private": loaded["private"],
        }
    ):
        yield storages


@pytest.mark.s3
def test_settings_switch_both_storages_to_s3(s3_layout):
    assert s3_layout["PRIVATE_FILE_URL_EXPIRY"] == EXPIRY
    public = s3_layout["STORAGES"]["default"]["OPTIONS"]
    private = s3_layout["STORAGES"]["private"]["OPTIONS"]
    assert public["bucket_name"] == s3_layout["public_bucket"]
    assert public["default_acl"] == "public-read"
    assert public["querystring_auth"] is False
    assert private["bucket_name"] == s3_layout["private_bucket"]
    assert private["default_acl"] == "private"
    assert private["querystring_auth"] is True
    assert private["querystring_expire"] == EXPIRY
    assert private["custom_domain"] is None
    assert public["endpoint_url"] == private["endpoint_url"] == s3_layout["endpoint"]


@pytest.mark.s3
def test_public_media_round_trip_and_stable_anonymous_url(s3_storages, s3_layout):
    storage = s3_storages["default"]
    assert storages["default"] is storage  # the swapped-in backend, not a cached one
    content = b"public document \xc5\xbc\n" + uuid.uuid4().bytes
    name = storage.save("documents/ulotka.txt", ContentFile(content))
    assert name.startswith("documents/ulotka")

    assert storage.exists(name)
    with storage.open(name, "rb") as handle:
        assert handle.read() == content

    url = storage.url(name)
    assert storage.url(name) == url, "public URLs must be stable"
    parts = urlsplit(url)
    assert parts.query == ""
    assert f"{parts.scheme}://{parts.netloc}" == s3_layout["endpoint"]
    assert "Signature" not in url and "Expires" not in url
    assert http_get(url) == (200, content)

    acl = s3_layout["client"].get_object_acl(
        Bucket=s3_layout["public_bucket"], Key=name
    )
    assert any(
        grant["Grantee"].get("URI") == ALL_USERS and grant["Permission"] == "READ"
        for grant in acl["Grants"]
    )

    storage.delete(name)
    assert not storage.exists(name)
    assert http_get(url)[0] == 404


@pytest.mark.s3
def test_private_file_round_trip_signed_url_and_no_anonymous_access(
    s3_storages, s3_layout
):
    storage = s3_storages["private"]
    content = b"%PDF-1.7 applicant's form " + uuid.uuid4().bytes
    name = storage.save("applications/2025/form.pdf", ContentFile(content))
    key = s3_layout["private_prefix"] + name

    assert storage.exists(name)
    with storage.open(name, "rb") as handle:
        assert handle.read() == content
    client = s3_layout["client"]
    stored = client.get_object(Bucket=s3_layout["private_bucket"], Key=key)
    assert stored["Body"].read() == content

    # Stored with a private ACL: no grant to everyone.
    acl = client.get_object_acl(Bucket=s3_layout["private_bucket"], Key=key)
    assert not any(grant["Grantee"].get("URI") == ALL_USERS for grant in acl["Grants"])

    url = storage.url(name)
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    # Straight to the endpoint: no custom domain.
    assert f"{parts.scheme}://{parts.netloc}" == s3_layout["endpoint"]
    assert query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    assert query["X-Amz-Signature"][0]
    assert query["X-Amz-Expires"] == [str(EXPIRY)]
    assert f"/{REGION}/s3/aws4_request" in query["X-Amz-Credential"][0]

    assert http_get(url) == (200, content)

    plain_url = _strip_query(url)
    assert parts.path.endswith(key)
    status, body = http_get(plain_url)
    assert status == 403, (status, body[:200])
    assert content not in body

    # Same through an anonymous SDK client.
    anonymous = _client(s3_layout["endpoint"], signature_version=UNSIGNED)
    with pytest.raises(ClientError) as denied:
        anonymous.get_object(Bucket=s3_layout["private_bucket"], Key=key)
    assert denied.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403

    storage.delete(name)
    assert not storage.exists(name)


@pytest.mark.s3
def test_private_names_are_never_overwritten(s3_storages):
    storage = s3_storages["private"]
    first = storage.save("applications/same.pdf", ContentFile(b"first"))
    second = storage.save("applications/same.pdf", ContentFile(b"second"))
    try:
        assert first != second
        with storage.open(first, "rb") as handle:
            assert handle.read() == b"first"
    finally:
        storage.delete(first)
        storage.delete(second)


# --- Local folders (no bucket configured) -------------------------------------------


def test_running_test_settings_keep_private_files_outside_media_root():
    private = settings.STORAGES["private"]
    if not _is_local(private):
        pytest.skip("the suite runs with a bucket configured")
    location = Path(private["OPTIONS"]["location"]).resolve()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    assert not location.is_relative_to(media_root)
    assert not media_root.is_relative_to(location)


@pytest.mark.parametrize(
    "module",
    ["campaign_site.settings.dev", "campaign_site.settings.production"],
)
def test_default_local_folders_are_separate(module):
    loaded = load_settings(
        module, ["STORAGES", "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"], **PROD_ENV
    )
    values = loaded["settings"]
    assert _is_local(values["STORAGES"]["default"])
    assert _is_local(values["STORAGES"]["private"])
    media_root = Path(values["MEDIA_ROOT"]).resolve()
    private_root = Path(values["STORAGES"]["private"]["OPTIONS"]["location"]).resolve()
    assert private_root == Path(values["PRIVATE_MEDIA_ROOT"]).resolve()
    assert not private_root.is_relative_to(media_root)
    assert not media_root.is_relative_to(private_root)


@pytest.fixture
def local_storages(tmp_path):
    """STORAGES of the production settings without a bucket, folders in tmp_path."""
    media_root = tmp_path / "media"
    private_root = tmp_path / "private"
    loaded = load_settings(
        "campaign_site.settings.production",
        ["STORAGES", "MEDIA_ROOT", "MEDIA_URL", "PRIVATE_MEDIA_ROOT"],
        MEDIA_ROOT=str(media_root),
        PRIVATE_MEDIA_ROOT=str(private_root),
        **PROD_ENV,
    )["settings"]
    assert loaded["MEDIA_ROOT"] == str(media_root)
    assert loaded["STORAGES"]["private"]["OPTIONS"]["location"] == str(private_root)
    with override_settings(
        MEDIA_ROOT=loaded["MEDIA_ROOT"],
        MEDIA_URL=loaded["MEDIA_URL"],
        STORAGES={
            **settings.STORAGES,
            "default": loaded["STORAGES"]["default"],
            "private": loaded["STORAGES"]["private"],
        },
    ):
        yield {"media_root": media_root, "private_root": private_root, **loaded}


def test_local_private_files_are_stored_outside_media_root(local_storages):
    private = storages["private"]
    public = storages["default"]
    assert isinstance(private, FileSystemStorage)

    name = private.save("applications/form.pdf", ContentFile(b"%PDF-1.7 secret"))
    path = Path(private.path(name)).resolve()
    assert path.is_file()
    assert path.is_relative_to(local_storages["private_root"].resolve())
    assert not path.is_relative_to(local_storages["media_root"].resolve())
    with private.open(name, "rb") as handle:
        assert handle.read() == b"%PDF-1.7 secret"

    public_name = public.save("documents/ulotka.txt", ContentFile(b"public"))
    public_path = Path(public.path(public_name)).resolve()
    assert public_path.is_relative_to(local_storages["media_root"].resolve())
    assert not any(local_storages["media_root"].rglob("form*.pdf"))

    private.delete(name)
    assert not path.exists()


def test_local_private_storage_has_no_public_url(local_storages):
    """A private file must not get a URL under MEDIA_URL (nor any URL at all): it is
    reached only through the permission-checked download view (DESIGN §7)."""
    private = storages["private"]
    name = private.save("applications/form.pdf", ContentFile(b"%PDF-1.7"))
    try:
        try:
            url = private.url(name)
        except (ValueError, NotImplementedError):
            return
        assert not url.startswith(local_storages["MEDIA_URL"]), (
            f"private file gets a public media URL: {url!r}"
        )
        pytest.fail(f"private file is addressable by URL: {url!r}")
    finally:
        private.delete(name)
