"""Files: static files, public media and applicants' private files (local folders
or S3), and the antivirus that scans uploads. Imported by base.py."""

from pathlib import Path

from .environment import BASE_DIR, env

# Static files: static/ is the source folder; collectstatic writes to STATIC_ROOT.
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "build" / "staticfiles")))
STATIC_URL = "/static/"

MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
# Applicants' files: never under MEDIA_ROOT, never served by the web server.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private_media")))

# Storage: local folders by default, S3 when a bucket is configured (DESIGN §7).
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
AWS_PRIVATE_STORAGE_BUCKET_NAME = env("AWS_PRIVATE_STORAGE_BUCKET_NAME")
AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL")
AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", "eu-central-1")
# Public media only: the host browsers use (CDN or the bucket's public name).
AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN")
AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID")
AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY")
AWS_S3_FILE_OVERWRITE = False
AWS_S3_SIGNATURE_VERSION = "s3v4"
# Seconds a signed URL to a private file stays valid.
PRIVATE_FILE_URL_EXPIRY = int(env("PRIVATE_FILE_URL_EXPIRY", "60"))

# Antivirus (competition/scanning.py): clamd's Unix socket (Debian's
# /run/clamav/clamd.ctl), or its TCP host and port. Neither set: uploads are
# stored as "not scanned" and staff see that on every file.
CLAMD_SOCKET = env("CLAMD_SOCKET", "")
CLAMD_HOST = env("CLAMD_HOST", "")
CLAMD_PORT = int(env("CLAMD_PORT", "3310"))
CLAMD_TIMEOUT = float(env("CLAMD_TIMEOUT", "120"))


def _s3_options(**extra):
    options = {
        "region_name": AWS_S3_REGION_NAME,
        "file_overwrite": False,
        "signature_version": "s3v4",
    }
    if AWS_S3_ENDPOINT_URL:
        options["endpoint_url"] = AWS_S3_ENDPOINT_URL
    if AWS_ACCESS_KEY_ID:
        options["access_key"] = AWS_ACCESS_KEY_ID
        options["secret_key"] = AWS_SECRET_ACCESS_KEY
    options.update(extra)
    return options


if AWS_STORAGE_BUCKET_NAME:
    # Public media (Wagtail images and documents): stable, unsigned URLs.
    _default_storage = {
        "BACKEND": "campaign_site.storage.S3Storage",
        "OPTIONS": _s3_options(
            bucket_name=AWS_STORAGE_BUCKET_NAME,
            default_acl="public-read",
            querystring_auth=False,
            custom_domain=AWS_S3_CUSTOM_DOMAIN,
        ),
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

if AWS_PRIVATE_STORAGE_BUCKET_NAME or AWS_STORAGE_BUCKET_NAME:
    # Private files: own bucket (or a private/ prefix of the public one), private ACL,
    # short-lived signed URLs and never a custom domain.
    _private_storage = {
        "BACKEND": "campaign_site.storage.S3Storage",
        "OPTIONS": _s3_options(
            bucket_name=AWS_PRIVATE_STORAGE_BUCKET_NAME or AWS_STORAGE_BUCKET_NAME,
            location="" if AWS_PRIVATE_STORAGE_BUCKET_NAME else "private",
            default_acl="private",
            querystring_auth=True,
            querystring_expire=PRIVATE_FILE_URL_EXPIRY,
            custom_domain=None,
        ),
    }
else:
    _private_storage = {
        "BACKEND": "campaign_site.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
    }

if AWS_STORAGE_BUCKET_NAME or AWS_PRIVATE_STORAGE_BUCKET_NAME:
    from boto3.s3.transfer import TransferConfig

    # django-storages hands a file to boto3's upload_fileobj, which copies a file
    # object into memory part by part (8 MB) for a multipart upload (over 8 MB),
    # by default up to ~15 parts at once: one 100 MB presentation grew a worker by
    # ~100 MB. Without threads one part is read, sent and freed before the next,
    # so an upload costs one part whatever the file's size (DESIGN §7). Smaller
    # files go in a single PUT streamed from Django's temporary file.
    AWS_S3_TRANSFER_CONFIG = TransferConfig(use_threads=False)

STORAGES = {
    "default": _default_storage,
    "private": _private_storage,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
