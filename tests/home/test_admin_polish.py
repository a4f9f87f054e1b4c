"""The admin speaks correct Polish to Polish staff: no English leftovers of Wagtail's
and wagtail-localize's catalogs, and labels that read as Polish ("Dodaj: kategoria",
not "Dodaj kategoria"; "6 pozycji", not "6 członkowie jury")."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.admin.paginator import WagtailPaginator
from wagtail.models import Page

from home.models import NewsPage

# Whole visible texts that were English for Polish users (upstream's Polish catalogs
# lack them).
ENGLISH_TEXTS = {
    "Actions (footer)",
    "Autosave is paused",
    "Checks",
    "Correct the validation errors to resume preview (saving will highlight errors)",
    "Enable custom keyboard shortcuts specific to Wagtail.",
    "Go to the first error",
    "Grid layout",
    "List layout",
    "Live version",
    "Maximum",
    "Minimum",
    "More actions",
    "Password",
    "Readability",
    "Saved",
    "This data explained",
    "Toggle checks",
    "Usage count",
    "Usage count: (high to low)",
    "Usage count: (low to high)",
    "Use server time zone",
}
ENGLISH_PATTERNS = (
    re.compile(r"^\d+ (Images?|Documents?|Pages?)$"),  # dashboard counters
    re.compile(r"^\d+-\d+ of \d+ "),  # page listing counts
    re.compile(r"^To be created by "),
    re.compile(r"^Use server language: "),
    re.compile(r"^(Choose|Choose another|Edit this) "),  # choosers
)
# The ungrammatical Polish the admin built from verbose names.
BROKEN_POLISH = (
    re.compile(r"^Dodaj (kategoria|członek jury)"),
    re.compile(r"^Wybierz (inny )?kategoria"),
    re.compile(r"^Wyślij do Akceptacja"),
    re.compile(r"^Wersja Live$"),
    re.compile(r"^Nowy: (Kategoria|Członek jury|Strona)"),
    # Wagtail's listing count joins the number and the plural verbose name.
    re.compile(r"^\d*[05-9] (członkowie jury|kategorie|strony)$"),
)


def visible_texts(response):
    soup = BeautifulSoup(response.content, "html.parser")
    for hidden in soup(["script", "style", "template", "svg"]):
        hidden.decompose()
    texts = [re.sub(r"\s+", " ", text) for text in soup.stripped_strings]
    for element in soup.find_all(True):
        for attribute in ("title", "aria-label", "placeholder"):
            if element.get(attribute):
                texts.append(re.sub(r"\s+", " ", element[attribute]).strip())
    return texts


def english_and_broken(texts):
    return sorted(
        {
            text
            for text in texts
            if text in ENGLISH_TEXTS
            or any(p.search(text) for p in ENGLISH_PATTERNS + BROKEN_POLISH)
        }
    )


@pytest.fixture
def demo(demo_site):
    news = NewsPage.objects.filter(locale__language_code="pl").first()
    news_en = NewsPage.objects.filter(locale__language_code="en").first()
    home = Page.objects.get(depth=2, locale__language_code="pl")
    return {"news": news, "news_en": news_en, "home": home}


def screens(demo):
    news, news_en, home = demo["news"], demo["news_en"], demo["home"]
    editor_screens = [
        "/admin/",
        "/admin/account/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{news.get_parent().pk}/",
        f"/admin/pages/{news.pk}/edit/",
        f"/admin/pages/{news_en.pk}/edit/",
        "/admin/images/",
        "/admin/snippets/home/newscategory/",
        "/admin/snippets/home/newscategory/add/",
    ]
    return {
        "admin": editor_screens
        + [
            "/admin/competition/categories/",
            "/admin/competition/categories/new/",
            "/admin/competition/jury-members/",
            "/admin/competition/jury-members/new/",
            "/admin/competition/entries/",
        ],
        "redaktor": editor_screens,
        "moderator": editor_screens,
        "sekretariat": [
            "/admin/",
            "/admin/account/",
            "/admin/competition/entries/",
            "/admin/competition/jury-members/",
        ],
        "juror1": ["/admin/", "/admin/account/", "/admin/jury/"],
    }


def test_admin_screens_read_as_polish_for_each_role(demo, client):
    found = {}
    for username, urls in screens(demo).items():
        client.force_login(get_user_model().objects.get(username=username))
        for url in urls:
            response = client.get(url, follow=True)
            assert response.status_code == 200, (username, url)
            bad = english_and_broken(visible_texts(response))
            if bad:
                found[f"{username} {url}"] = bad
    assert found == {}

    # One seeded site for both checks (seeding takes most of the time).
    client.force_login(get_user_model().objects.get(username="admin"))

    def texts(url):
        return visible_texts(client.get(url))

    assert "Dodaj: kategoria" in texts("/admin/competition/categories/")
    assert "Tworzenie: Kategoria" in texts("/admin/competition/categories/new/")
    jury = texts("/admin/competition/jury-members/")
    assert "Dodaj: członek jury" in jury
    assert any(re.fullmatch(r"\d+ pozycj[aei]", text) for text in jury)
    editor = texts(f"/admin/pages/{demo['news'].pk}/edit/")
    assert "Wybierz: kategoria aktualności" in editor
    assert "Wyślij do zatwierdzenia: Akceptacja moderatora" in editor
    dashboard = texts("/admin/")
    assert any(re.fullmatch(r"\d+ (obraz|obrazy|obrazów)", text) for text in dashboard)
    assert "angielski" in texts("/admin/snippets/home/newscategory/")


def test_sign_in_form_labels_the_password_in_polish(db, client):
    texts = visible_texts(client.get(reverse("wagtailadmin_login")))
    assert "Hasło" in texts
    assert "Password" not in texts


def test_javascript_catalogs_phrase_publishing_a_translation_in_polish(admin_client):
    catalog = admin_client.get(reverse("wagtail_localize:javascript_catalog"))
    content = catalog.content.decode()
    assert '"Publish in ": "Opublikuj t\\u0142umaczenie: "' in content
    admin_catalog = admin_client.get(reverse("wagtailadmin_javascript_catalog"))
    assert '"Autosave in progress\\u2026": "Trwa autozapis\\u2026"' in (
        admin_catalog.content.decode()
    )


@pytest.mark.parametrize(
    ("count", "label"),
    [(1, "1 pozycja"), (3, "3 pozycje"), (5, "5 pozycji"), (22, "22 pozycje")],
)
def test_listing_count_uses_polish_plural_forms(count, label):
    page = WagtailPaginator(list(range(count)), 50).page(1)
    with translation.override("pl"):
        html = render_to_string(
            "wagtailadmin/shared/pagination_nav.html", {"items": page, "linkurl": ""}
        )
    assert label in re.sub(r"\s+", " ", html)
