"""The published results (DESIGN §4): ``<edition>/wyniki/`` and the laureates'
photos.

A 404 until the secretariat publishes the results
(:meth:`CompetitionPage.results_published`, read on the Polish original whichever
language is asked for). Then the laureates and distinctions by category with
their public data and the jury's justification.
No score, rank or juror ever reaches this page. Photos only with the
image-publication consent, served by :func:`photo`, which checks everything
again: the link is guessable, the checks are not.
"""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from .. import scanning, workflow
from ..downloads import inline_image_response
from ..models import Entry, EntryFile, Status
from ..permissions import photo_is_public
from ..uploads import PHOTO_CONTENT_TYPES

# Drawn for this site (``static/img/scenes/``): shown instead of a
# photo when there is none or its publication was not consented to. Never a
# likeness of anyone; an organisation gets one of the workplaces, by its id.
PERSON_ILLUSTRATION = "img/scenes/person.svg"
ORGANISATION_ILLUSTRATIONS = tuple(
    f"img/scenes/{name}.svg" for name in ("cafe", "workshop", "laundry", "garden")
)


def results_page(request, page):
    if not page.results_published():
        raise Http404
    edition = page.original
    photos = EntryFile.objects.filter(kind=EntryFile.Kind.PHOTO).order_by(
        "position", "pk"
    )
    entries = (
        Entry.objects.filter(edition=edition, status__in=workflow.AWARDED)
        .select_related("decision")
        .prefetch_related(Prefetch("files", queryset=photos))
        .order_by("number", "pk")
    )
    by_category = {}
    for entry in entries:
        by_category.setdefault(entry.category_id, []).append(entry)
    sections = []
    for category in page.categories_list():
        awarded = by_category.get(category.pk, [])
        sections.append(
            {
                "category": category,
                "laureates": [_card(e) for e in awarded if e.status == Status.LAUREATE],
                "distinctions": [
                    _card(e) for e in awarded if e.status == Status.DISTINCTION
                ],
            }
        )
    context = {
        "page": page,
        "self": page,
        "sections": sections,
        "published_at": edition.results_published_at,
        "year": edition.year,
        "laureate_count": sum(len(section["laureates"]) for section in sections),
    }
    return render(request, "competition/results_page.html", context)


def _card(entry):
    """What the public sees of an awarded entry."""
    photos = []
    if entry.image_publication_allowed:
        photos = [
            {
                "url": reverse("competition_results_photo", args=[item.pk]),
                "width": item.width,
                "height": item.height,
            }
            for item in entry.files.all()
            if item.content_type in PHOTO_CONTENT_TYPES and scanning.may_serve(item)
        ]
    try:
        justification = entry.decision.justification
    except Entry.decision.RelatedObjectDoesNotExist:
        justification = ""
    is_person = entry.nominee_kind == "person"
    if is_person:
        illustration = PERSON_ILLUSTRATION
    else:
        illustration = ORGANISATION_ILLUSTRATIONS[
            entry.pk % len(ORGANISATION_ILLUSTRATIONS)
        ]
    return {
        "entry": entry,
        "is_person": is_person,
        "is_laureate": entry.status == Status.LAUREATE,
        "place": _place(entry),
        "justification": justification,
        "photo": photos[0] if photos else None,
        "more_photos": photos[1:],
        "illustration": None if photos else illustration,
    }


def _place(entry):
    """ "Sierpc · powiat sierpecki"; a city with powiat rights named once."""
    powiat = entry.powiat_label
    if entry.city and powiat and entry.city != entry.powiat_name:
        return f"{entry.city} · {powiat}"
    return powiat or entry.city


@require_GET
def photo(request, pk):
    """A laureate's photo, inline, only while every condition holds
    (:func:`permissions.photo_is_public`); anything else is a 404. The clean copy,
    like the jury's (:func:`downloads.inline_image_response`)."""
    item = get_object_or_404(
        EntryFile.objects.select_related("entry__edition"), pk=pk, entry__isnull=False
    )
    if not photo_is_public(item) or not scanning.may_serve(item):
        raise Http404
    return inline_image_response(request, item, public=True)
