"""Issue 3's "done when", for every page type of the demo: an editor opens it in the
admin, previews it, can submit its translation; a visitor finds it through search."""

from django.contrib.auth import get_user_model
from wagtail.models import Page

PAGE_TYPES = {
    "homepage",
    "standardpage",
    "campaignpage",
    "newsindexpage",
    "newspage",
    "eventindexpage",
    "eventpage",
    "advocatesdirectorypage",
    "accessibilitystatementpage",
    "competitionindexpage",
    "competitionpage",
}


def test_every_page_type_is_editable_previewable_translatable_and_findable(
    demo_site, client
):
    redaktor = get_user_model().objects.get(username="redaktor")
    seen = set()
    for page in Page.objects.filter(
        depth__gt=1, locale__language_code="pl", live=True
    ).specific():
        kind = type(page).__name__.lower()
        if kind in seen:
            continue
        seen.add(kind)

        client.force_login(redaktor)
        edit = client.get(f"/admin/pages/{page.pk}/edit/")
        assert edit.status_code == 200, kind
        preview = client.get(f"/admin/pages/{page.pk}/view_draft/")
        assert preview.status_code == 200, kind
        assert page.title in preview.text, kind
        translate = client.get(f"/admin/localize/submit/page/{page.pk}/")
        # Pages already translated to English have nothing left to submit.
        assert translate.status_code in (200, 302), kind

        client.logout()
        results = client.get("/search/", {"query": page.title})
        assert page.url in results.text, (kind, page.title)
    assert seen == PAGE_TYPES
