"""`seed_demo` builds the demo site once; a second run changes nothing."""

import io
import re
import urllib.request
import zlib
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from stdnum.pl import nip as stdnum_nip
from wagtail.models import Page, PageLogEntry, Revision

from competition.duplicates import with_possible_duplicates
from competition.models import (
    Category,
    CompetitionPage,
    Criterion,
    Entry,
    EntryFile,
    Phase,
    Status,
)
from demo.management.commands.seed_demo import DEMO_FILES, PICTURES
from home.models import CampaignPage, EventPage, HomePage, NewsPage

EXPECTED_USERS = {
    "admin",
    "redaktor",
    "moderator",
    "sekretariat",
    "juror1",
    "juror2",
    "juror3",
}


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("url_path", "locale__language_code")),
        "revisions": Revision.objects.count(),
        "logs": PageLogEntry.objects.count(),
        "users": sorted(get_user_model().objects.values_list("username", flat=True)),
        "categories": sorted(
            Category.objects.values_list("edition__code", "slug", "name_en")
        ),
        "criteria": Criterion.objects.count(),
    }


def test_seed_demo_is_idempotent(demo_site, client, settings):
    first = snapshot()
    # A second run, forced with DEBUG off, changes nothing but the accounts'
    # password, which it sets from DEMO_PASSWORD.
    settings.DEMO_PASSWORD = "inne-haslo-123"
    call_command("seed_demo", "--force")
    assert snapshot() == first
    assert client.login(username="redaktor", password="inne-haslo-123")
    client.logout()
    assert set(first["users"]) == EXPECTED_USERS
    urls = {path for path, _ in first["pages"]}
    # One campaign page (the former "O kampanii" page is merged into it).
    assert "/home/kampania/" in urls
    assert "/home/o-kampanii/" not in urls
    assert client.get("/en/campaign/").status_code == 200
    assert client.get("/").status_code == 200
    # Tree counters stay true (a stale instance saved back would zero them).
    for page in Page.objects.all():
        assert page.numchild == page.get_children().count(), page.url_path


def test_demo_accounts_and_groups(demo_site, client, settings):
    User = get_user_model()
    assert User.objects.get(username="admin").is_superuser
    assert list(
        User.objects.get(username="redaktor").groups.values_list("name", flat=True)
    ) == ["Redaktorzy"]
    assert (
        User.objects.get(username="sekretariat")
        .groups.filter(name="Sekretariat konkursu")
        .exists()
    )
    for juror in ("juror1", "juror2", "juror3"):
        assert User.objects.get(username=juror).groups.filter(name="Jury").exists()
    assert client.login(username="redaktor", password=settings.DEMO_PASSWORD)


@override_settings(DEBUG=False)
def test_refuses_without_debug(db):
    with pytest.raises(CommandError):
        call_command("seed_demo")
    assert not get_user_model().objects.exists()


def test_seed_demo_builds_the_competition(demo_site, client):
    open_edition = CompetitionPage.objects.get(
        code="MMES-2027", locale__language_code="pl"
    )
    past = CompetitionPage.objects.get(code="MMES-2026", locale__language_code="pl")
    assert open_edition.url_path == "/home/konkurs/mmes-2027/"
    assert open_edition.phase() == Phase.OPEN
    assert past.phase() in (Phase.CLOSED, Phase.JURY)
    assert past.results_published_at is None
    # The jury is at work, and two late entries still await the formal check.
    past_entries = Entry.objects.filter(edition=past)
    assert past_entries.filter(status=Status.IN_REVIEW).count() == 9
    assert past_entries.filter(status=Status.SUBMITTED).count() == 2
    assert open_edition.rules_document is not None
    assert "iod@mcps.com.pl" in open_edition.information_clause
    for edition in (open_edition, past):
        categories = edition.categories_list()
        assert [c.slug for c in categories] == [
            "rozwoj",
            "reintegracja",
            "odpowiedzialnosc",
            "osobowosc",
            "odkrycie",
            "super-marka",
        ]
        assert [c.slug for c in categories if c.nominee_is_person] == ["osobowosc"]
        assert [c.slug for c in categories if c.previous_laureates_only] == [
            "super-marka"
        ]
        assert all(len(c.criteria.all()) == 3 for c in categories)
    html = client.get("/konkurs/mmes-2027/").text
    assert 'Zgłoś<span class="visually-hidden"> w kategorii Super Marka' in html
    assert "Super Brand" in client.get("/en/competition/mmes-2027/").text
    index_en = client.get("/en/competition/").text
    assert index_en.index("Brand 2027") < index_en.index("Brand 2026")
    assert "Zgłoś się" in client.get("/").text


def test_demo_news_are_recent_and_agree_with_the_events_and_editions(demo_site):
    """Issue 11: the news were dated 2020–2021 while the events ran 2026–2027."""
    today = timezone.localdate()
    news = dict(
        NewsPage.objects.filter(locale__language_code="pl").values_list("slug", "date")
    )
    launch = news.pop("kampania-ekonomia-spoleczna-nie-wyklucza")
    campaign = CampaignPage.objects.get(slug="kampania", locale__language_code="pl")
    assert launch == campaign.start_date
    assert all(today - timedelta(days=366) < day <= today for day in news.values())
    newest = sorted(news.values())[-3:]
    assert all(today - day <= timedelta(days=31) for day in newest)

    def event_day(slug):
        event = EventPage.objects.get(slug=slug, locale__language_code="pl")
        return timezone.localdate(event.start)

    def edition(code):
        return CompetitionPage.objects.get(code=code, locale__language_code="pl")

    # A report on the day of the meeting it reports; announcements before their event.
    slug = "trzecie-spotkanie-forum-rzecznikow"
    assert news[slug] == event_day(slug)
    for slug in ("wirtualny-jarmark-rozmaitosci", "wirtualne-wizyty-studyjne"):
        assert news[slug] < event_day(slug)
    # The competition's news follow its editions' phases.
    opened = timezone.localdate(edition("MMES-2027").submissions_open_at)
    assert news["nabor-konkurs-mmes"] == opened
    assert news["zgloszenie-mmes-wskazowki"] > opened
    judged = timezone.localdate(edition("MMES-2026").jury_opens_at)
    assert news["kapitula-mmes-ocenia-zgloszenia"] == judged


def pdf_page_count(data):
    """The /Count of the page tree, also when it sits in a compressed stream."""
    chunks = [data]
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            chunks.append(zlib.decompress(stream))
        except zlib.error:
            continue
    for chunk in chunks:
        found = re.search(rb"/Type\s*/Pages\b[^>]*?/Count (\d+)", chunk)
        if found:
            return int(found.group(1))
    return 0


def test_demo_pictures_and_documents_are_the_drawn_and_typeset_files(demo_site, client):

    def committed(image, name):
        with image.file.open("rb") as file:
            return file.read() == (DEMO_FILES / f"{name}.png").read_bytes()

    home = HomePage.objects.get(locale__language_code="pl", depth=2)
    assert committed(home.hero_image, "hero-ulica")
    assert (home.hero_image.width, home.hero_image.height) == (1200, 800)
    assert "ulica z kawiarnią, pralnią i warsztatem" in home.hero_image_alt
    campaign = CampaignPage.objects.get(slug="kampania", locale=home.locale)
    for person in campaign.ambassadors.all():
        name = "portret-" + person.name.lower().replace(" ", "-")
        assert committed(person.photo, name), person.name
    wordmarks = sorted(p.logo.title for p in home.partners.all())
    assert wordmarks == sorted(t for n, t in PICTURES.items() if n.startswith("logo"))
    pictures = {
        page.lead_image.title
        for model in (NewsPage, EventPage)
        for page in model.objects.filter(lead_image__isnull=False)
    }
    assert len(pictures) == 4 and pictures <= set(PICTURES.values())
    # Real documents of several pages, not a one-line stand-in.
    edition = CompetitionPage.objects.get(code="MMES-2027", locale=home.locale)
    rules = edition.rules_document.file.read()
    leaflet = campaign.materials[0].value["document"].file.read()
    assert pdf_page_count(rules) >= 4 and len(rules) > 20_000
    assert pdf_page_count(leaflet) == 4 and len(leaflet) > 50_000
    # One campaign page, which the hero's button leads to, in both languages.
    assert not Page.objects.filter(slug__in=["o-kampanii", "about-the-campaign"])
    hero_link = r'class="hero__more"><a [^>]*href="/kampania/"'
    assert re.search(hero_link, client.get("/").text)
    home_en = HomePage.objects.get(locale__language_code="en", depth=2)
    assert home_en.hero_cta_page.specific.slug == "campaign"
    assert home.hero_cta_page.specific == campaign


def test_demo_photos_are_shown_as_copies_without_exif(demo_site, client):
    """The demo stores its photos the ordinary way; their clean copies (issue 12
    §3) are made on first view or by build_photo_copies, with no demo code."""
    demo_photos = EntryFile.objects.filter(kind="photo", entry__isnull=False)
    photo = demo_photos.first()
    assert photo is not None and photo.display_name == ""
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.get(reverse("jury:photo", args=[photo.pk]))
    if response.status_code == 302:
        # The private storage on S3 (CI): a signed URL of the clean copy.
        assert "/shown/" in response["Location"]
        with urllib.request.urlopen(response["Location"]) as signed:  # noqa: S310
            body = signed.read()
    else:
        assert response.status_code == 200
        body = b"".join(response.streaming_content)
    image = Image.open(io.BytesIO(body))
    assert image.format == "JPEG" and not image.getexif()
    call_command("build_photo_copies")
    assert demo_photos.count() > 1
    assert not demo_photos.filter(display_name="").exists()


def test_each_demo_organisation_has_its_own_valid_nip(demo_site):
    """The secretariat's lists flagged "możliwy duplikat" on demo entries of
    different organisations that shared a NIP."""
    organisations = Entry.objects.filter(nominee_kind="organisation").exclude(nip="")
    nips = {}
    for name, nip in organisations.values_list("organisation_name", "nip"):
        assert stdnum_nip.is_valid(nip), (name, nip)
        nips.setdefault(nip, set()).add(name)
    assert {nip: names for nip, names in nips.items() if len(names) > 1} == {}
    flagged = with_possible_duplicates(Entry.objects.all()).filter(
        possible_duplicate=True
    )
    assert list(flagged.values_list("reference", flat=True)) == []


def test_demo_privacy_page_states_retention_and_the_applicants_rights(
    demo_site, client
):
    """Issue 12 §4: the privacy page documents the retention period and how an
    applicant asks for a copy or erasure, in both languages."""
    polish = client.get("/polityka-prywatnosci/")
    assert polish.status_code == 200
    text = polish.content.decode()
    assert "przez pięć lat od ogłoszenia wyników" in text
    assert "art. 17 RODO" in text
    english = client.get("/en/privacy-policy/")
    assert english.status_code == 200
    assert "for five years after the results" in english.content.decode()
