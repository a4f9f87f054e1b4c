"""The public submission form (to be built)."""

from django.http import Http404


def submission_form(request, page, category_slug):
    raise Http404


def receipt(request, page, reference):
    raise Http404
