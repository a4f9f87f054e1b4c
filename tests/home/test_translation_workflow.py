"""Editors translate a Polish page to English with wagtail-localize, in the admin."""

from wagtail.models import Page


def test_editor_translates_a_page_and_it_stays_draft(
    client, django_user_model, standard_page, home_en, locales
):
    admin = django_user_model.objects.create_superuser("ewa", "ewa@example.org", "x")
    client.force_login(admin)
    url = f"/admin/localize/submit/page/{standard_page.pk}/"
    assert client.get(url).status_code == 200

    response = client.post(url, {"locales": [locales["en"].pk]})

    assert response.status_code == 302
    translation = Page.objects.get(
        translation_key=standard_page.translation_key, locale=locales["en"]
    )
    assert translation.get_parent().pk == home_en.pk
    # WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False: not live until published.
    assert not translation.live
    assert client.get("/en/o-kampanii/").status_code == 404
    # The Polish page's switcher does not offer the unpublished draft.
    client.logout()
    html = client.get("/o-kampanii/").text
    assert 'href="/en/?untranslated=1" lang="en"' in html
