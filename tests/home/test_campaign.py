"""Campaign page: where it may be created, its rules, how it renders in PL and EN."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.blocks import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail_factories import ImageFactory

from demo.campaign import MATERIAL
from home.blocks import VideoBlock
from home.models import CampaignAmbassador, CampaignPage, HomePage, StandardPage
from home.models.campaign import split_hashtags
from tests.competition.builders import CampaignPageFactory


class TestCampaignTree(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_campaign_only_under_home_and_without_subpages(self):
        self.assertAllowedParentPageTypes(CampaignPage, {HomePage})
        self.assertAllowedSubpageTypes(CampaignPage, set())

    def test_can_create_only_where_allowed(self):
        self.assertCanCreateAt(HomePage, CampaignPage)
        self.assertCanNotCreateAt(StandardPage, CampaignPage)
        self.assertCanNotCreateAt(CampaignPage, StandardPage)
        self.assertCanNotCreateAt(CampaignPage, CampaignPage)

    def test_editor_sees_tabs_and_the_date_rule(self):
        home = HomePage.objects.get(depth=2)
        url = f"/admin/pages/add/home/campaignpage/{home.pk}/"
        html = self.client.get(url).content.decode()
        for tab in ("Ambasadorzy i głosy", "Filmy i materiały"):
            assert tab in html
        response = self.client.post(
            url,
            {
                "title": "Kampania",
                "slug": "kampania-2",
                "start_date": "2027-06-01",
                "end_date": "2027-05-01",
                "ambassadors-TOTAL_FORMS": "0",
                "ambassadors-INITIAL_FORMS": "0",
                "videos-count": "0",
                "testimonials-count": "0",
                "materials-count": "0",
                "social_links-count": "0",
                "body-count": "0",
            },
        )
        assert response.status_code == 200
        assert "end_date" in response.context["form"].errors
        assert not CampaignPage.objects.filter(slug="kampania-2").exists()


def test_end_date_may_not_precede_start(home):
    campaign = CampaignPage(
        title="Kampania",
        slug="kampania",
        start_date=datetime.date(2027, 6, 1),
        end_date=datetime.date(2027, 5, 31),
    )
    with pytest.raises(ValidationError) as error:
        home.add_child(instance=campaign)  # Page.save() runs full_clean()
    assert "end_date" in error.value.message_dict
    home = HomePage.objects.get(pk=home.pk)
    campaign.end_date = datetime.date(2027, 6, 1)  # a one-day campaign is fine
    home.add_child(instance=campaign)
    assert CampaignPage.objects.filter(slug="kampania").exists()


def test_ambassador_photo_needs_alt_text(home):
    campaign = CampaignPageFactory(parent=home)
    person = CampaignAmbassador(page=campaign, name="Anna", photo=ImageFactory())
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "photo_alt" in error.value.message_dict
    person.photo_alt = "Portret Anny"
    person.full_clean()


def test_campaign_video_needs_captions_or_transcript():
    block = CampaignPage.videos.field.stream_block.child_blocks["video"]
    assert isinstance(block, VideoBlock)
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(
            block.to_python(
                {
                    "embed": None,
                    "title": "Film",
                    "has_captions": False,
                    "transcript": "",
                }
            )
        )
    assert "transcript" in error.value.block_errors


@pytest.mark.parametrize(
    "text, tags",
    [
        (
            "#EkonomiaSpołecznaNieWyklucza, #MazowszeES",
            ["EkonomiaSpołecznaNieWyklucza", "MazowszeES"],
        ),
        (" a ,, #b ,#", ["a", "b"]),
        ("", []),
    ],
)
def test_hashtags_are_split_on_commas(text, tags):
    assert split_hashtags(text) == tags


@pytest.fixture
def leaflet(db):
    Document = get_document_model()
    document = Document(title="Ulotka")
    document.file = ContentFile(b"%PDF-1.4\n%%EOF\n", name="ulotka.pdf")
    document.save()
    return document


@pytest.fixture
def campaign(home, leaflet):
    page = CampaignPageFactory(
        parent=home,
        end_date=datetime.date(2027, 12, 31),
        hashtags="#EkonomiaSpołecznaNieWyklucza, MazowszeES",
        testimonials=[
            {
                "type": "testimonial",
                "value": {
                    "text": "Mam pracę i kolegów.",
                    "author": "Pani Teresa",
                    "role": "spółdzielnia socjalna",
                },
            }
        ],
        materials=[
            {
                "type": "document",
                "value": {"document": leaflet.pk, "title": "Ulotka kampanii"},
            }
        ],
        social_links=[
            {
                "type": "link",
                "value": {"name": "Facebook", "url": "https://facebook.com/mcps"},
            }
        ],
    )
    page.ambassadors = [
        CampaignAmbassador(
            name="Joanna Wierzbicka",
            role="prezeska spółdzielni",
            quote="Zatrudniamy ludzi, nie statystyki.",
            photo=ImageFactory(),
            photo_alt="Portret Joanny Wierzbickiej",
        )
    ]
    page.save_revision().publish()
    return CampaignPage.objects.get(pk=page.pk)


@pytest.fixture
def campaign_en(campaign, home_en, locales):
    page = campaign.copy_for_translation(locales["en"]).specific
    page.title, page.slug = "Social economy does not exclude", "campaign"
    page.slogan = "Work that gives you a place in the community"
    people = list(page.ambassadors.all())
    people[0].role = "cooperative president"
    page.ambassadors = people
    page.save_revision().publish()
    return CampaignPage.objects.get(pk=page.pk)


def test_campaign_renders_every_section_accessibly(client, campaign):
    html = client.get("/kampania/").text
    assert '<h1 id="campaign-title">Ekonomia społeczna nie wyklucza</h1>' in html
    assert "Praca, która daje miejsce we wspólnocie" in html
    assert '<time datetime="2021-05-26">26 maja 2021</time>' in html
    assert '<time datetime="2027-12-31">' in html
    for heading in (
        "Ambasadorzy kampanii",
        "Głosy osób pracujących w ekonomii społecznej",
        "Materiały do pobrania",
        "Dołącz do kampanii w sieci",
    ):
        assert f">{heading}</h2>" in html
    assert 'alt="Portret Joanny Wierzbickiej"' in html
    assert '<span class="ambassador__name">Joanna Wierzbicka</span>' in html
    assert "<blockquote><p>Mam pracę i kolegów.</p></blockquote>" in html
    assert "Ulotka kampanii</a>" in html and "(PDF" in html
    assert "<li>#EkonomiaSpołecznaNieWyklucza</li>" in html
    assert "<li>#MazowszeES</li>" in html
    assert 'href="https://facebook.com/mcps"' in html
    assert "Filmy</h2>" not in html  # no videos, no empty section


def test_campaign_renders_in_english(client, campaign_en):
    html = client.get("/en/campaign/").text
    assert '<html lang="en">' in html
    assert "Work that gives you a place in the community" in html
    assert "cooperative president" in html
    assert ">Campaign ambassadors</h2>" in html
    assert ">Materials to download</h2>" in html
    assert "26 May 2021" in html
    pl_html = client.get("/kampania/").text
    assert "cooperative president" not in pl_html


def test_seed_demo_builds_the_campaign_in_both_languages(demo_site, client):
    html = client.get("/kampania/").text
    assert html.count('class="ambassador"') == 3
    assert html.count('class="block-quote"') == 3
    assert "<li>#EkonomiaSpołecznaNieWyklucza</li>" in html
    assert "<li>#MazowszeES</li>" in html
    assert ".pdf" in html
    leaflet = get_document_model().objects.get(title=MATERIAL["title"])
    assert leaflet.file.read().startswith(b"%PDF-")
    en = client.get("/en/campaign/").text
    assert en.count('class="ambassador"') == 3
    assert "Campaign leaflet" in en
    assert CampaignPage.objects.get(slug="kampania").show_in_menus
    assert Page.objects.get(slug="kampania").get_parent().depth == 2
