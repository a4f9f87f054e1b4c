"""Home page sections: campaign teaser, news, events, ETR and PJM, partners.

Also the admin rule that the home page cannot go live without an easy-to-read text
and a Polish Sign Language film, and the home page's query budget.
"""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.blocks import StructBlockValidationError
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)
from wagtail_factories import ImageFactory

from home.blocks import SignLanguageVideoBlock
from home.models import HomePage, HomePagePartner
from tests.competition.builders import (
    CampaignPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)

# Measured on SQLite with menu and footer cached: 13 at 5 and at 50 news and events
# (the layout's 7, then campaign 1, private sections 1, news 1, events 1, partners
# and their logos' renditions 2) before the cards had pictures; the pictures'
# renditions add one prefetch for news and one for events. A warm home (body
# cached) measured 5 at both sizes.
HOME_QUERY_BUDGET = 16

ETR = {
    "title": "Informacje w tekście łatwym do czytania",
    "text": "<p>Jesteśmy urzędem. Pomagamy ludziom znaleźć pracę.</p>",
}
PJM = {
    "url": "https://example.org/film-pjm",
    "title": "Informacje w polskim języku migowym",
    "description": "",
    "has_captions": True,
    "transcript": "",
}


@pytest.fixture
def sections(home, home_en, locales):
    """A campaign, news and events in both languages, partners on the PL home."""
    campaign = CampaignPageFactory(parent=home)
    campaign_en = campaign.copy_for_translation(locales["en"]).specific
    campaign_en.title, campaign_en.slug = "Social economy does not exclude", "campaign"
    campaign_en.save_revision().publish()
    news_index = NewsIndexPageFactory(parent=HomePage.objects.get(pk=home.pk))
    news_index_en = NewsIndexPageFactory(
        parent=HomePage.objects.get(pk=home_en.pk), title="News", slug="news"
    )
    event_index = EventIndexPageFactory(parent=HomePage.objects.get(pk=home.pk))
    event_index_en = EventIndexPageFactory(
        parent=HomePage.objects.get(pk=home_en.pk), title="Events", slug="events"
    )
    return {
        "campaign": campaign,
        "news": news_index,
        "news_en": news_index_en,
        "events": event_index,
        "events_en": event_index_en,
    }


def make_news(index, count, prefix, image=None):
    start = datetime.date(2026, 1, 1)
    for i in range(count):
        NewsPageFactory(
            parent=index,
            title=f"{prefix} news {i}",
            slug=f"{prefix}-news-{i}",
            date=start + datetime.timedelta(days=i),
            lead_image=image,
        )


def make_events(index, count, prefix, first_in_days=1, image=None):
    now = timezone.now().replace(microsecond=0)
    for i in range(count):
        start = now + datetime.timedelta(days=first_in_days + i)
        EventPageFactory(
            parent=index,
            title=f"{prefix} event {i}",
            slug=f"{prefix}-event-{i}",
            start=start,
            end=start + datetime.timedelta(hours=2),
            lead_image=image,
        )


def fill_home(home, partners=3):
    home = HomePage.objects.get(pk=home.pk)
    home.easy_to_read = [{"type": "easy_to_read", "value": ETR}]
    home.sign_language_video = [{"type": "sign_language_video", "value": PJM}]
    logo = ImageFactory()
    home.partners = [
        HomePagePartner(
            name=f"Partner {i}",
            url=f"https://partner{i}.example.org/",
            logo=logo,
            logo_alt=f"Logo: Partner {i}",
        )
        for i in range(partners)
    ]
    home.save_revision().publish()
    return home


def test_home_shows_three_newest_news_and_next_events_of_its_language(
    client, home, sections
):
    make_news(sections["news"], 5, "pl")
    make_news(sections["news_en"], 4, "en")
    make_events(sections["events"], 4, "pl")
    make_events(sections["events"], 2, "pl-past", first_in_days=-30)
    make_events(sections["events_en"], 2, "en")
    html = client.get("/").text
    assert ">Najnowsze aktualności</h2>" in html
    for i in (4, 3, 2):
        assert f">pl news {i}</a></h3>" in html
    assert html.index("pl news 4") < html.index("pl news 3")
    assert "pl news 1" not in html and "en news" not in html
    assert '<time datetime="2026-01-05">5 stycznia 2026</time>' in html
    assert ">Nadchodzące wydarzenia</h2>" in html
    for i in (0, 1, 2):
        assert f">pl event {i}</a></h3>" in html
    assert "pl event 3" not in html and "pl-past" not in html and "en event" not in html

    html_en = client.get("/en/").text
    assert ">en news 3</a></h3>" in html_en and "pl news" not in html_en
    assert ">en event 0</a></h3>" in html_en and "pl event" not in html_en


def test_news_and_events_are_cards_with_a_picture_a_date_and_a_type_icon(
    client, home, sections
):
    make_news(sections["news"], 2, "pl")
    NewsPageFactory(
        parent=sections["news"],
        title="Z obrazem",
        date=datetime.date(2026, 11, 20),
        lead_image=ImageFactory(),
        lead_image_alt="Kawiarnia spółdzielni",
    )
    make_events(sections["events"], 1, "pl")
    html = client.get("/").text
    news = html.split('id="home-news-title"', 1)[1].split("</section>", 1)[0]
    events = html.split('id="home-events-title"', 1)[1].split("</section>", 1)[0]
    # The newest has its own picture in modern formats; the others a drawn scene,
    # a different one for neighbours, decorative for screen readers.
    first, second, third = news.split('<article class="home-card"')[1:]
    assert (
        'type="image/avif"' in first
        and "<picture>" in first
        and 'alt="Kawiarnia spółdzielni"' in first
    )
    scenes = [
        re.search(r'<img src="(/static/img/scenes/\w+\.svg)" alt=""', card).group(1)
        for card in (second, third)
    ]
    assert scenes[0] != scenes[1]
    assert news.count('src="/static/img/home/icons/news.svg" alt=""') == 3
    assert '<time datetime="2026-11-20">20 listopada 2026</time>' in first
    # Events: the type's pictogram and name, the day on the picture.
    assert 'src="/static/img/home/icons/szkolenie.svg" alt=""' in events
    assert '<span class="event-type">Szkolenie</span>' in events
    assert re.search(
        r'class="home-card__day" aria-hidden="true"><span>\d+</span>', events
    )


def test_private_news_stay_off_the_home_page(client, home, sections):
    make_news(sections["news"], 2, "pl")
    secret = NewsPageFactory(
        parent=sections["news"], title="Tajna", date=datetime.date(2027, 1, 1)
    )
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.LOGIN
    )
    html = client.get("/").text
    assert "pl news 1" in html and "Tajna" not in html


def test_campaign_teaser_in_the_visitors_language(client, home, home_en, sections):
    campaign = sections["campaign"]
    for page in (HomePage.objects.get(pk=home.pk), HomePage.objects.get(pk=home_en.pk)):
        page.featured_campaign = campaign
        page.save_revision().publish()
    html = client.get("/").text
    assert '<h2 id="home-campaign-title">Ekonomia społeczna nie wyklucza</h2>' in html
    assert 'href="/kampania/"' in html
    assert '<time datetime="2021-05-26">' in html
    html_en = client.get("/en/").text
    assert (
        '<h2 id="home-campaign-title">Social economy does not exclude</h2>' in html_en
    )
    assert 'href="/en/campaign/"' in html_en


def test_etr_pjm_and_partners_render_accessibly(client, home):
    fill_home(home)
    html = client.get("/").text
    assert "Informacje w tekście łatwym do czytania</h3>" in html
    assert "Jesteśmy urzędem." in html
    assert 'href="https://example.org/film-pjm"' in html
    assert "z napisami" in html
    assert ">Partnerzy</h2>" in html
    assert html.count('class="partner"') == 3
    assert 'alt="Logo: Partner 0"' in html
    assert 'href="https://partner0.example.org/"' in html
    # The competition teaser is an empty block until the competition app has models.
    assert "competition" not in html.lower()


def test_sections_without_content_are_left_out(client, home):
    html = client.get("/").text
    assert "home-campaign-title" not in html
    assert ">Partnerzy</h2>" not in html
    assert "home-accessible-title" not in html
    assert "Nie ma jeszcze aktualności." in html


def test_pjm_film_must_have_captions():
    block = SignLanguageVideoBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({**PJM, "has_captions": False}))
    assert "has_captions" in error.value.block_errors
    assert block.clean(block.to_python(PJM))["has_captions"] is True


# The admin rule ------------------------------------------------------------


def edit_form_data(home, with_accessible_content, action):
    data = nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "hero_title": "Ekonomia społeczna nie wyklucza",
            "body": streamfield([]),
            "easy_to_read": streamfield(
                [
                    (
                        "easy_to_read",
                        {"title": ETR["title"], "text": rich_text(ETR["text"])},
                    )
                ]
                if with_accessible_content
                else []
            ),
            "sign_language_video": streamfield(
                [
                    (
                        "sign_language_video",
                        {
                            "url": PJM["url"],
                            "title": PJM["title"],
                            "has_captions": "on",
                            "transcript": rich_text(""),
                        },
                    )
                ]
                if with_accessible_content
                else []
            ),
            "partners": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    if action:
        data[action] = "1"
    return data


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "b@example.org", "x")
    client.force_login(user)
    return client


@pytest.mark.parametrize("action", ["action-publish", "action-submit"])
def test_admin_refuses_to_publish_home_without_etr_and_pjm(admin_client, home, action):
    url = f"/admin/pages/{home.pk}/edit/"
    response = admin_client.post(url, edit_form_data(home, False, action))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "tekst łatwy do czytania" in str(errors["easy_to_read"])
    assert "polskim języku migowym" in str(errors["sign_language_video"])
    home.refresh_from_db()
    assert home.hero_title != "Ekonomia społeczna nie wyklucza"


def test_admin_saves_draft_without_them_and_publishes_with_them(admin_client, home):
    url = f"/admin/pages/{home.pk}/edit/"
    response = admin_client.post(url, edit_form_data(home, False, None))
    assert response.status_code == 302
    home.refresh_from_db()
    assert home.has_unpublished_changes and not home.easy_to_read

    response = admin_client.post(url, edit_form_data(home, True, "action-publish"))
    assert response.status_code == 302, response.context["form"].errors
    home.refresh_from_db()
    assert home.live and not home.has_unpublished_changes
    assert home.easy_to_read[0].value["title"] == ETR["title"]
    assert home.sign_language_video[0].value["has_captions"] is True


def test_editor_submitting_for_moderation_meets_the_rule(
    client, home, django_user_model
):
    """Editors cannot publish, they submit: the rule applies to submitting too."""
    editor = django_user_model.objects.create_user("ed", password="x")
    editor.groups.add(Group.objects.get(name="Redaktorzy"))
    assert not home.permissions_for_user(editor).can_publish()
    client.force_login(editor)
    url = f"/admin/pages/{home.pk}/edit/"
    response = client.post(url, edit_form_data(home, False, "action-submit"))
    assert response.status_code == 200
    assert "sign_language_video" in response.context["form"].errors


# Query budget ---------------------------------------------------------------


def count_queries(client, url):
    client.get(url)  # warm: renditions, caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("size", [5, 50])
def test_home_query_budget_independent_of_size(
    client, home, sections, size, django_assert_max_num_queries
):
    image = ImageFactory()
    make_news(sections["news"], size, "pl", image=image)
    make_events(sections["events"], size, "pl", image=ImageFactory())
    home = fill_home(home, partners=3)
    home.featured_campaign = sections["campaign"]
    home.save_revision().publish()
    client.get("/")
    with django_assert_max_num_queries(HOME_QUERY_BUDGET):
        html = client.get("/").text
    assert html.count('class="home-card"') == 6
    assert html.count('class="partner"') == 3
    print(f"\n{size} news and events: home {count_queries(client, '/')} queries")


def test_cached_home_shows_what_editors_publish_next(client, home, sections):
    make_news(sections["news"], 1, "First")
    assert "First news 0" in client.get("/").text  # rendered and cached
    news = NewsPageFactory(
        parent=sections["news"], title="Fresh news", date=datetime.date(2027, 1, 1)
    )
    news.save_revision().publish()  # what an editor's "Publish" does
    html = client.get("/").text
    assert "Fresh news" in html
    news.unpublish()
    assert "Fresh news" not in client.get("/").text


def test_home_preview_is_never_served_from_the_cache(admin_client, home):
    admin_client.get("/")
    data = edit_form_data(home, with_accessible_content=True, action=None)
    data["hero_text"] = "Tekst tylko w podglądzie"
    response = admin_client.post(f"/admin/pages/{home.pk}/edit/preview/", data)
    assert response.status_code == 200
    assert (
        "Tekst tylko w podglądzie"
        in admin_client.get(f"/admin/pages/{home.pk}/edit/preview/").text
    )
    assert "Tekst tylko w podglądzie" not in admin_client.get("/").text
