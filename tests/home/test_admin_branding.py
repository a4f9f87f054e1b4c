"""The admin carries the site's name and the campaign's symbol, not Wagtail's
(issue 13, point 11: branding)."""

import re

import pytest

SITE_NAME = "Ekonomia społeczna na Mazowszu"


def _title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


@pytest.fixture
def admin_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("ewa", "ewa@example.org", "x")
    client.force_login(admin)
    return client


def test_login_page_names_the_site(client, db):
    html = client.get("/admin/login/").content.decode()

    assert _title(html) == f"Zaloguj się - {SITE_NAME}"
    h1 = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert " ".join(h1.split()) == SITE_NAME
    assert '<img src="/static/img/symbol.svg" alt=""' in html
    assert 'href="/static/favicon.svg"' in html
    assert "wagtailadmin/images/favicon.ico" not in html
    # Wagtail's wordmark carries aria-label="Wagtail". (Its <noscript> notice,
    # "JavaScript jest wymagany, aby korzystać z Wagtail", is left to point 11's
    # translations.)
    assert "Wagtail" not in re.sub(
        r"<noscript[^>]*>.*?</noscript>", "", html, flags=re.S
    )


def test_dashboard_and_page_editor_windows_are_the_sites(admin_client, standard_page):
    dashboard = admin_client.get("/admin/").content.decode()
    editor = admin_client.get(f"/admin/pages/{standard_page.pk}/edit/").content.decode()

    assert _title(dashboard) == f"Kokpit - {SITE_NAME}"
    assert _title(editor).endswith(f" - {SITE_NAME}")
    assert "O kampanii" in _title(editor)
    for html in (dashboard, editor):
        assert "Wagtail" not in _title(html)
        # The sidebar's logo slot: filled, so Wagtail's bird is not drawn.
        logo = re.search(
            r"<template data-wagtail-sidebar-branding-logo>(.*?)</template>", html, re.S
        ).group(1)
        assert 'src="/static/img/symbol.svg"' in logo
