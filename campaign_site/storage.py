"""Storage backends of our own."""

import threading

from django.core.files.storage import FileSystemStorage
from storages.backends import s3


class PrivateFileSystemStorage(FileSystemStorage):
    """Applicants' files on local disk (DESIGN §7): outside MEDIA_ROOT and never given
    a URL; they are reached only through the permission-checked download view."""

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no URL; use the download view.")


class S3Storage(s3.S3Storage):
    """django-storages' S3 backend with one boto3 session per process.

    django-storages builds a new boto3 session for every thread, and each loads
    its own copy of botocore's service models (~12 MB). With gunicorn's threaded
    workers that is ~50 MB per process for nothing. Here the threads share one
    session (so one model cache) and still get their own resource, which boto3
    requires; sessions are not thread-safe, so creating a resource takes a lock.
    """

    _sessions = {}
    _lock = threading.RLock()

    def _create_session(self):
        key = (
            self.session_profile,
            self.access_key,
            self.secret_key,
            self.security_token,
        )
        with self._lock:
            session = self._sessions.get(key)
            if session is None:
                session = self._sessions[key] = super()._create_session()
            return session

    @property
    def connection(self):
        connection = getattr(self._connections, "connection", None)
        if connection is None:
            session = self._create_session()
            with self._lock:
                connection = session.resource(
                    "s3",
                    region_name=self.region_name,
                    use_ssl=self.use_ssl,
                    endpoint_url=self.endpoint_url,
                    config=self.client_config,
                    verify=self.verify,
                )
            self._connections.connection = connection
        return connection

    @property
    def unsigned_connection(self):
        with self._lock:
            return super().unsigned_connection
