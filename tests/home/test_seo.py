"""Sharing and search-engine metadata: description, canonical, OpenGraph, Twitter."""

import re

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
