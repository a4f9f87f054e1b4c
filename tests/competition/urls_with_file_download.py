"""The site's URLs plus a stand-in for the file download view of
``competition/files.py`` (built separately), so the inspect view's links can be
tested before it lands."""

from django.http import HttpResponse
from django.urls import path

from campaign_site.urls import urlpatterns as site_urlpatterns


def _download(request, pk):
    return HttpResponse(status=204)


urlpatterns = [
    path(
        "admin/competition/files/<int:pk>/",
        _download,
        name="competition_file_download",
    ),
    *site_urlpatterns,
]
