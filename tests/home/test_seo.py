"""Sharing and search-engine metadata: description, canonical, OpenGraph, Twitter."""

import re

import pytest
from django.core.management import CommandError, call_command
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file


def meta(html, key):
    match = re.search(
        rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html
    )
    return match.group(1) if match else None


def test_standard_page_metadata(client, standard_page):
    html = client.get("/o-kampanii/").text
    assert '<link rel="canonical" href="http://localhost/o-kampanii/">' in html
    assert meta(html, "description") == "Kampania o ekonomii społecznej."
    assert meta(html, "og:title") == "O kampanii"
    assert meta(html, "og:locale") == "pl_PL"
    assert meta(html, "og:type") == "website"
    # A page without an image of its own shares the campaign's default card.
    image = meta(html, "og:image")
    assert image.startswith("http") and image.endswith("/static/img/og-default.png")
    assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == (
        "1200",
        "630",
    )
    assert meta(html, "twitter:card") == "summary_large_image"


def test_search_description_wins_and_english_locale(client, standard_page_en):
    standard_page_en.search_description = "About the campaign, in short."
    standard_page_en.save_revision().publish()
    html = client.get("/en/about-the-campaign/").text
    assert meta(html, "description") == "About the campaign, in short."
    assert meta(html, "og:locale") == "en_GB"
    assert (
        '<link rel="canonical" href="http://localhost/en/about-the-campaign/">' in html
    )


def test_home_shares_its_hero_image_as_a_large_card(client, home):
    home.hero_image = Image.objects.create(title="Hero", file=get_test_image_file())
    home.hero_text = "Hasło kampanii."
    home.save_revision().publish()
    html = client.get("/").text
    image = meta(html, "og:image")
    # Absolute: on this site (local media) or on the public bucket (S3).
    assert image.startswith("http://") and image.endswith(".png")
    width, height = (
        int(meta(html, "og:image:width")),
        int(meta(html, "og:image:height")),
    )
    assert abs(width / height - 1200 / 630) < 0.02  # cropped to the card's shape
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "og:description") == "Hasło kampanii."


def test_no_page_metadata_on_search(client, home):
    html = client.get("/search/?query=x").text
    assert 'rel="canonical"' not in html


def test_favicon_and_touch_icon_at_the_root(client):
    for path, target in (
        ("/favicon.ico", "/static/favicon.ico"),
        ("/apple-touch-icon.png", "/static/icons/apple-touch-icon.png"),
    ):
        response = client.get(path)
        assert response.status_code == 301
        assert response["Location"] == target


PUBLIC = "https://ekonomia.example.org"


def test_public_host_in_canonical_og_and_sitemap(client, standard_page_en):
    # The request arrives on an internal name, as it does behind a proxy.
    call_command("set_site_host", PUBLIC)
    html = client.get("/o-kampanii/", HTTP_HOST="localhost").text
    assert f'<link rel="canonical" href="{PUBLIC}/o-kampanii/">' in html
    assert meta(html, "og:url") == f"{PUBLIC}/o-kampanii/"
    assert meta(html, "og:image") == f"{PUBLIC}/static/img/og-default.png"
    assert f'hreflang="en" href="{PUBLIC}/en/about-the-campaign/"' in html
    sitemap = client.get("/sitemap.xml", HTTP_HOST="localhost").text
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert f"{PUBLIC}/en/about-the-campaign/" in locations
    assert all(url.startswith(f"{PUBLIC}/") for url in locations)
    robots = client.get("/robots.txt", HTTP_HOST="localhost").text
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots
    for text in (html, sitemap, robots):
        assert "localhost" not in text


def test_set_site_host_defaults_to_the_admin_base_url(site, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://campaign.example.org:8080"
    call_command("set_site_host")
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("campaign.example.org", 8080)
    assert site.root_url == "http://campaign.example.org:8080"


@pytest.mark.parametrize(
    "url", ["ekonomia.example.org", "ftp://example.org", "https://x.org:8443"]
)
def test_set_site_host_refuses_what_it_cannot_honour(site, url):
    with pytest.raises(CommandError):
        call_command("set_site_host", url)
