"""Health check, robots.txt, sitemap over both languages, error pages, logging."""

import json
import logging
from unittest import mock
from xml.etree import ElementTree

from django.db.utils import OperationalError

from campaign_site.logging import JsonFormatter


def test_healthz_reports_app_and_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "app": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_is_down(client, db):
    with mock.patch(
        "campaign_site.views.connection.cursor", side_effect=OperationalError("down")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error"


def test_robots_txt_points_to_sitemap_and_hides_admin(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.text
    # On the Wagtail Site's host (Wagtail's default Site is localhost:80).
    assert "Sitemap: http://localhost/sitemap.xml" in response.text


def test_sitemap_lists_both_languages(client, standard_page_en):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ElementTree.fromstring(response.content)  # noqa: S314 - our own output
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    # Full URLs come from the Wagtail Site record (hostname "localhost" here).
    locations = {loc.text for loc in tree.findall("s:url/s:loc", ns)}
    assert locations == {
        "http://localhost/",
        "http://localhost/o-kampanii/",
        "http://localhost/en/",
        "http://localhost/en/about-the-campaign/",
    }


def test_sitemap_skips_drafts(client, standard_page):
    standard_page.unpublish()
    assert "/o-kampanii/" not in client.get("/sitemap.xml").text


def test_custom_404_in_polish_and_english(client, home_en):
    pl = client.get("/nie-ma-takiej-strony/")
    en = client.get("/en/no-such-page/")
    assert pl.status_code == 404 and en.status_code == 404
    assert "Nie znaleziono strony" in pl.text
    assert "Page not found" in en.text
    assert 'href="#main-content"' in pl.text


def test_custom_500_page_is_standalone():
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert "Przepraszamy, wystąpił błąd serwera" in html
    assert "{%" not in html


def test_json_log_lines():
    record = logging.makeLogRecord(
        {
            "name": "competition",
            "levelname": "WARNING",
            "msg": "Plik %s",
            "args": ("a",),
        }
    )
    record.entry = "MMES-2027-0007"
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "Plik a"
    assert line["level"] == "WARNING"
    assert line["entry"] == "MMES-2027-0007"


def test_healthz_answers_head_and_refuses_post(client, db):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
