"""Page types: where each may be created, how it renders, its blocks' rules."""

import pytest
from wagtail.blocks import StructBlockValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.blocks import CallToActionBlock, ImageBlock, VideoBlock
from home.models import HomePage, StandardPage
from tests.competition.builders import StandardPageFactory


class TestPageTree(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_home_only_under_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_standard_page_under_home_or_standard(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_can_create_standard_page_under_home(self):
        home = HomePage.objects.get(depth=2)
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, HomePage)
        self.assertCanCreate(
            home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Regulamin",
                    "slug": "regulamin",
                    "intro": "Zasady",
                    "body": streamfield([]),
                }
            ),
        )
        assert StandardPage.objects.get(slug="regulamin").get_parent().pk == home.pk


def test_standard_page_renders_intro_body_and_breadcrumbs(client, standard_page):
    standard_page.body = [
        {"type": "heading", "value": {"text": "Dlaczego?", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Bo <b>warto</b>.</p>"},
        {
            "type": "quote",
            "value": {"text": "Mam pracę.", "author": "Anna", "role": "CIS"},
        },
    ]
    standard_page.save_revision().publish()
    html = client.get("/o-kampanii/").text
    assert "<h1>O kampanii</h1>" in html
    assert "Kampania o ekonomii społecznej." in html
    assert "<h2>Dlaczego?</h2>" in html
    assert "<b>warto</b>" in html
    assert "<blockquote><p>Mam pracę.</p></blockquote>" in html
    assert 'aria-label="Ścieżka nawigacji"' in html


def test_base_template_landmarks_and_skip_link(client, standard_page):
    html = client.get("/o-kampanii/").text
    assert html.index('class="skip-link" href="#main-content"') < html.index("<header")
    for landmark in ("<header", "<nav", '<main id="main-content"', "<footer"):
        assert landmark in html
    assert (
        '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    )


def test_footer_uses_site_settings(client, site, standard_page):
    from home.models import FooterSettings

    footer = FooterSettings.for_site(site)
    footer.phone = "22 376 85 00"
    footer.email = "mcps@mcps.com.pl"
    footer.accessibility_statement = standard_page
    footer.social_links = [
        {"type": "link", "value": {"name": "Facebook", "url": "https://facebook.com/x"}}
    ]
    footer.save()
    html = client.get("/").text
    footer_html = html.split("<footer", 1)[1]
    assert "22 376 85 00" in footer_html
    assert 'href="mailto:mcps@mcps.com.pl"' in footer_html
    assert 'href="/o-kampanii/">Deklaracja dostępności</a>' in footer_html
    assert 'href="https://facebook.com/x"' in footer_html


def test_footer_links_the_translated_statement(client, site, standard_page_en):
    from home.models import FooterSettings

    footer = FooterSettings.for_site(site)
    footer.accessibility_statement = Page.objects.get(
        translation_key=standard_page_en.translation_key, locale__language_code="pl"
    )
    footer.save()
    html = client.get("/en/").text
    assert 'href="/en/about-the-campaign/">Accessibility statement</a>' in html


def test_image_block_requires_alt_text_unless_decorative(db):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Zdjęcie", file=get_test_image_file())
    block = ImageBlock()
    missing = block.to_python({"image": image.pk, "alt_text": "", "decorative": False})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(missing)
    assert set(error.value.block_errors) == {"alt_text"}
    assert block.clean(block.to_python({"image": image.pk, "decorative": True}))
    assert block.clean(block.to_python({"image": image.pk, "alt_text": "Ludzie"}))


def test_video_block_requires_captions_or_transcript():
    block = VideoBlock()
    value = block.to_python(
        {"embed": None, "title": "Film", "has_captions": False, "transcript": ""}
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "transcript" in error.value.block_errors


def test_call_to_action_needs_exactly_one_target():
    block = CallToActionBlock()
    value = block.to_python(
        {"title": "Zgłoś się", "button_text": "Formularz", "page": None, "url": ""}
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "url" in error.value.block_errors


def test_every_struct_block_has_template_icon_and_description():
    from home.blocks import BaseStreamBlock

    for name, child in BaseStreamBlock.base_blocks.items():
        meta = child.meta
        assert getattr(meta, "template", None), name
        assert meta.icon, name
        assert getattr(meta, "description", None), name


@pytest.mark.parametrize("size", [2, 20])
def test_page_query_count_does_not_grow_with_menu(
    client, home, django_assert_max_num_queries, size
):
    StandardPageFactory.create_batch(size, parent=home, show_in_menus=True)
    client.get("/")  # warm the site-root cache as a running server would have it
    with django_assert_max_num_queries(12):
        response = client.get("/")
    assert response.text.count('class="main-menu"') == 1
