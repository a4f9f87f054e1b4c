"""Template helpers of the competition's admin screens."""

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def entry_file_download_url(file_pk):
    """The admin URL that downloads an applicant's file, or "" when there is none.

    The permission-checked, logged download view lands with
    ``competition/files.py`` (URL name ``competition_file_download``); until it
    is registered the file is listed without a link.
    """
    try:
        return reverse("competition_file_download", args=[file_pk])
    except NoReverseMatch:
        return ""
