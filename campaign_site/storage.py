"""Storage backends of our own."""

from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """Applicants' files on local disk (DESIGN §7): outside MEDIA_ROOT and never given
    a URL; they are reached only through the permission-checked download view."""

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no URL; use the download view.")
