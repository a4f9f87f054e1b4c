"""The applicant's private status page (to be built)."""

from django.http import Http404


def exchange_token(request, page, token):
    raise Http404


def status_page(request, page):
    raise Http404
