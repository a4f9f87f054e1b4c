"""Fill an empty site with demo content and accounts (idempotent).

Creates what is missing and leaves what exists alone, so a second run changes
nothing and an editor's changes to demo pages survive a re-run.
"""

import io
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home.models import FooterSettings, HomePage, StandardPage
from home.news import NewsCategory, NewsIndexPage, NewsPage

from ._demo_news import NEWS, NEWS_CATEGORIES, NEWS_INDEX

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

# username: (groups, is_superuser, first name, last name)
DEMO_ACCOUNTS = {
    "admin": ([], True, "Administrator", "Serwisu"),
    "redaktor": (["Redaktorzy"], False, "Ewa", "Redaktorska"),
    "sekretariat": (["Sekretariat konkursu"], False, "Marta", "Sekretarz"),
    "juror1": (["Jury"], False, "Jan", "Przewodniczący"),
    "juror2": (["Jury"], False, "Katarzyna", "Jurorka"),
    "juror3": (["Jury"], False, "Piotr", "Juror"),
}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def quote(text, author, role=""):
    return {"type": "quote", "value": {"text": text, "author": author, "role": role}}


# Each page: slug -> Polish and English content. The Polish page is the source.
HOME = {
    "pl": {
        "title": "Ekonomia społeczna nie wyklucza",
        "hero_title": "Ekonomia społeczna nie wyklucza",
        "hero_text": (
            "Spółdzielnie socjalne, centra integracji społecznej, fundacje i "
            "stowarzyszenia na Mazowszu dają pracę i miejsce we wspólnocie osobom, "
            "którym rynek pracy zamknął drzwi. Poznaj ich historie."
        ),
        "hero_image_alt": (
            "Kolorowe kształty symbolizujące różnych ludzi, którzy razem tworzą "
            "wspólnotę"
        ),
        "hero_cta_text": "Poznaj kampanię",
        "body": [
            heading("Czym jest ekonomia społeczna?"),
            paragraph(
                "<p>To przedsiębiorczość, w której zysk nie jest celem samym w "
                "sobie. Podmioty ekonomii społecznej prowadzą kawiarnie, pralnie, "
                "firmy remontowe i catering, a zarobione pieniądze przeznaczają na "
                "zatrudnienie i wsparcie osób zagrożonych wykluczeniem.</p>"
            ),
            quote(
                "Po latach bez pracy znów mam swoje miejsce. W spółdzielni liczy "
                "się to, co umiem, a nie to, czego nie mogę.",
                "Pani Halina",
                "członkini spółdzielni socjalnej",
            ),
            heading("Mazowiecka Marka Ekonomii Społecznej"),
            paragraph(
                "<p>Co roku samorząd województwa mazowieckiego nagradza "
                "najlepsze podmioty ekonomii społecznej i osoby, które je "
                "wspierają. Sprawdź zasady konkursu i zgłoś swoją organizację.</p>"
            ),
        ],
    },
    "en": {
        "title": "Social economy does not exclude",
        "hero_title": "Social economy does not exclude",
        "hero_text": (
            "Social cooperatives, social integration centres, foundations and "
            "associations in Mazovia give work and a place in the community to "
            "people the labour market has shut out. Meet them."
        ),
        "hero_image_alt": (
            "Colourful shapes standing for different people who together form a "
            "community"
        ),
        "hero_cta_text": "About the campaign",
        "body": [
            heading("What is the social economy?"),
            paragraph(
                "<p>It is enterprise where profit is not an end in itself. Social "
                "economy entities run cafés, laundries, renovation and catering "
                "businesses, and spend what they earn on employing and supporting "
                "people at risk of exclusion.</p>"
            ),
            quote(
                "After years without work I have my place again. In the "
                "cooperative what counts is what I can do, not what I cannot.",
                "Ms Halina",
                "member of a social cooperative",
            ),
            heading("Mazovian Social Economy Brand"),
            paragraph(
                "<p>Every year the Mazovian regional government awards the best "
                "social economy entities and the people who support them. Read the "
                "rules and enter your organisation.</p>"
            ),
        ],
    },
}

PAGES = [
    {
        "slug": "o-kampanii",
        "in_menu": True,
        "pl": {
            "title": "O kampanii",
            "intro": (
                "„Ekonomia społeczna nie wyklucza” to kampania Mazowieckiego Centrum "
                "Polityki Społecznej, która pokazuje ludzi i firmy społeczne z "
                "naszego regionu."
            ),
            "body": [
                heading("Dlaczego ta kampania?"),
                paragraph(
                    "<p>Wiele osób nie wie, że kupując obiad w kawiarni prowadzonej "
                    "przez spółdzielnię socjalną, wspiera zatrudnienie osób z "
                    "niepełnosprawnościami lub wychodzących z bezdomności. Chcemy to "
                    "zmienić.</p>"
                ),
                heading("Co robimy?"),
                paragraph(
                    "<ul><li>opowiadamy historie pracowników podmiotów ekonomii "
                    "społecznej,</li><li>organizujemy jarmarki i wizyty "
                    "studyjne,</li><li>wspieramy samorządy w zakupach "
                    "prospołecznych.</li></ul>"
                ),
            ],
        },
        "en": {
            "slug": "about-the-campaign",
            "title": "About the campaign",
            "intro": (
                "“Social economy does not exclude” is a campaign of the Mazovian "
                "Centre for Social Policy that shows the people and social "
                "enterprises of our region."
            ),
            "body": [
                heading("Why this campaign?"),
                paragraph(
                    "<p>Many people do not know that buying lunch at a café run by a "
                    "social cooperative supports jobs for people with disabilities or "
                    "leaving homelessness. We want to change that.</p>"
                ),
                heading("What we do"),
                paragraph(
                    "<ul><li>we tell the stories of people working in social "
                    "economy entities,</li><li>we organise fairs and study "
                    "visits,</li><li>we help local governments buy "
                    "socially.</li></ul>"
                ),
            ],
        },
    },
    {
        "slug": "kontakt",
        "in_menu": True,
        "pl": {
            "title": "Kontakt",
            "intro": "Wydział Ekonomii Społecznej Mazowieckiego Centrum Polityki "
            "Społecznej.",
            "body": [
                paragraph(
                    "<p>ul. Grzybowska 80/82, 00-844 Warszawa, pok. 502 (V "
                    "piętro).<br>Telefon: 22 376 85 00<br>E-mail: "
                    '<a href="mailto:mcps@mcps.com.pl">mcps@mcps.com.pl</a></p>'
                )
            ],
        },
        "en": {
            "slug": "contact",
            "title": "Contact",
            "intro": "Social Economy Department of the Mazovian Centre for Social "
            "Policy.",
            "body": [
                paragraph(
                    "<p>ul. Grzybowska 80/82, 00-844 Warsaw, room 502 (5th "
                    "floor).<br>Phone: +48 22 376 85 00<br>E-mail: "
                    '<a href="mailto:mcps@mcps.com.pl">mcps@mcps.com.pl</a></p>'
                )
            ],
        },
    },
    {
        "slug": "polityka-prywatnosci",
        "in_menu": False,
        "pl": {
            "title": "Polityka prywatności",
            "intro": "Jak przetwarzamy dane osobowe osób odwiedzających serwis.",
            "body": [
                paragraph(
                    "<p>Administratorem danych jest Mazowieckie Centrum Polityki "
                    "Społecznej, ul. Grzybowska 80/82, 00-844 Warszawa. Kontakt z "
                    'inspektorem ochrony danych: <a href="mailto:iod@mcps.com.pl">'
                    "iod@mcps.com.pl</a>.</p><p>Serwis używa wyłącznie plików "
                    "cookie niezbędnych do działania (sesja, ochrona formularzy).</p>"
                )
            ],
        },
        "en": {
            "slug": "privacy-policy",
            "title": "Privacy policy",
            "intro": "How we process the personal data of visitors.",
            "body": [
                paragraph(
                    "<p>The controller is the Mazovian Centre for Social Policy, ul. "
                    "Grzybowska 80/82, 00-844 Warsaw. Data protection officer: "
                    '<a href="mailto:iod@mcps.com.pl">iod@mcps.com.pl</a>.</p>'
                    "<p>The site uses only the cookies it needs to work (session, "
                    "form protection).</p>"
                )
            ],
        },
    },
    {
        "slug": "deklaracja-dostepnosci",
        "in_menu": False,
        "pl": {
            "title": "Deklaracja dostępności",
            "intro": "Mazowieckie Centrum Polityki Społecznej zobowiązuje się "
            "zapewnić dostępność tej strony internetowej zgodnie z ustawą z dnia 4 "
            "kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji "
            "mobilnych podmiotów publicznych.",
            "body": [
                paragraph(
                    "<p>Strona jest zgodna ze standardem WCAG 2.1 na poziomie AA. "
                    "Dostępność sprawdzamy automatycznie przy każdej zmianie "
                    "serwisu.</p>"
                )
            ],
        },
        "en": {
            "slug": "accessibility-statement",
            "title": "Accessibility statement",
            "intro": "The Mazovian Centre for Social Policy is committed to making "
            "this website accessible in accordance with the Polish Act of 4 April "
            "2019 on the digital accessibility of public bodies' websites and "
            "mobile applications.",
            "body": [
                paragraph(
                    "<p>The site complies with WCAG 2.1 level AA. Accessibility is "
                    "checked automatically on every change to the site.</p>"
                )
            ],
        },
    },
]


class Command(BaseCommand):
    help = "Wypełnia serwis treścią demonstracyjną i tworzy konta demo (idempotentne)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG=False (never on a production site).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo tworzy konta z jawnym hasłem: uruchom go tylko z "
                "DEBUG=True albo świadomie dodaj --force."
            )
        with transaction.atomic():
            pl = Locale.objects.get_or_create(language_code="pl")[0]
            en = Locale.objects.get_or_create(language_code="en")[0]
            home_pl = self.seed_home(pl)
            home_en = self.seed_translation(home_pl, en, HOME["en"])
            pages = {}
            for spec in PAGES:
                page = self.seed_page(home_pl, spec)
                self.seed_translation(page, en, spec["en"])
                pages[spec["slug"]] = page
            # Children were added through other instances: reload before saving,
            # or the stale tree counters (numchild) would be written back.
            home_pl = HomePage.objects.get(pk=home_pl.pk)
            home_en = HomePage.objects.get(pk=home_en.pk)
            if not home_pl.hero_cta_page_id:
                home_pl.hero_cta_page = pages["o-kampanii"]
                home_pl.save_revision().publish()
            if not home_en.hero_cta_page_id:
                home_en.hero_cta_page = pages["o-kampanii"].get_translation(en)
                home_en.save_revision().publish()
            self.seed_footer(home_pl, pages)
            self.seed_accounts()
            self.seed_news(pl, en)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    # Pages -----------------------------------------------------------------

    def seed_home(self, locale):
        home = HomePage.objects.filter(locale=locale, depth=2).first()
        if home is None:
            raise CommandError("Brak strony głównej: uruchom najpierw `migrate`.")
        if not home.hero_text:
            content = HOME["pl"]
            for field in (
                "title",
                "hero_title",
                "hero_text",
                "hero_image_alt",
                "hero_cta_text",
                "body",
            ):
                setattr(home, field, content[field])
            home.hero_image = self.demo_image()
            home.save_revision().publish()
        return home

    def seed_page(self, parent, spec):
        page = parent.get_children().filter(slug=spec["slug"]).specific().first()
        if page is None:
            content = spec["pl"]
            page = StandardPage(
                slug=spec["slug"],
                title=content["title"],
                intro=content["intro"],
                body=content["body"],
                show_in_menus=spec["in_menu"],
            )
            parent.add_child(instance=page)
            page.save_revision().publish()
        return page

    def seed_translation(self, source, locale, content):
        translation = source.get_translation_or_none(locale)
        if translation is None:
            translation = source.copy_for_translation(locale)
            translation = translation.specific
            for field, value in content.items():
                setattr(translation, field, value)
            translation.save_revision().publish()
        return translation.specific

    def demo_image(self):
        Image = get_image_model()
        image = Image.objects.filter(title="Demo: wspólnota").first()
        if image:
            return image
        canvas = PILImage.new("RGB", (1200, 800), "#f3f6f9")
        draw = ImageDraw.Draw(canvas)
        colours = ["#0b4f8a", "#b35900", "#2e7d32", "#6a1b9a", "#c62828", "#00838f"]
        for i, colour in enumerate(colours):
            x = 120 + (i % 3) * 340
            y = 140 + (i // 3) * 300
            draw.ellipse((x, y, x + 220, y + 220), fill=colour)
        buffer = io.BytesIO()
        canvas.save(buffer, "JPEG", quality=85)
        image = Image(title="Demo: wspólnota")
        image.file = ImageFile(buffer, name="demo-wspolnota.jpg")
        image.save()
        return image

    # Settings and accounts --------------------------------------------------

    def seed_footer(self, home, pages):
        site = Site.objects.get(is_default_site=True)
        footer = FooterSettings.for_site(site)
        if footer.address:
            return
        org = json.loads((DATA_DIR / "mcps_org.json").read_text(encoding="utf-8"))
        footer.organisation_name = org["name"]
        footer.address = org["address"].replace(", ", "\n", 1)
        footer.phone = org["phone"]
        footer.email = org["email"]
        footer.contact_note = (
            f"<p>{org['department']['name']}, {org['department']['room']}</p>"
        )
        footer.social_links = [
            {
                "type": "link",
                "value": {
                    "name": "Facebook",
                    "url": f"https://{org['social_media']}",
                },
            }
        ]
        footer.accessibility_statement = Page.objects.get(
            pk=pages["deklaracja-dostepnosci"].pk
        )
        footer.privacy_page = Page.objects.get(pk=pages["polityka-prywatnosci"].pk)
        footer.save()

    def seed_accounts(self):
        User = get_user_model()
        password = settings.DEMO_PASSWORD
        for username, (groups, superuser, first, last) in DEMO_ACCOUNTS.items():
            user, _ = User.objects.get_or_create(
                username=username,
                defaults={"email": f"{username}@example.org"},
            )
            user.first_name, user.last_name = first, last
            user.is_superuser = user.is_staff = superuser
            user.is_active = True
            user.set_password(password)
            user.save()
            for name in groups:
                user.groups.add(Group.objects.get(name=name))
            profile = getattr(user, "wagtail_userprofile", None)
            if profile is None:
                from wagtail.users.models import UserProfile

                profile = UserProfile.get_for_user(user)
            if not profile.preferred_language:
                profile.preferred_language = "pl"
                profile.save()

    # News -------------------------------------------------------------------

    def seed_news(self, pl, en):
        """The news index in both languages, categories and the demo news."""
        # Reload: earlier steps added children through other instances.
        home = HomePage.objects.get(locale=pl, depth=2)
        index = home.get_children().filter(slug=NEWS_INDEX["slug"]).first()
        if index is None:
            index = NewsIndexPage(
                slug=NEWS_INDEX["slug"], show_in_menus=True, **NEWS_INDEX["pl"]
            )
            home.add_child(instance=index)
            index.save_revision().publish()
        self.seed_translation(index, en, NEWS_INDEX["en"])
        categories = {}
        for slug, (name, slug_en, name_en) in NEWS_CATEGORIES.items():
            category, _ = NewsCategory.objects.get_or_create(
                slug=slug, locale=pl, defaults={"name": name}
            )
            translation = category.get_translation_or_none(en)
            if translation is None:
                translation = category.copy_for_translation(en)
                translation.name, translation.slug = name_en, slug_en
                translation.save()
            categories[slug] = (category, translation)
        for spec in NEWS:
            category, category_en = categories[spec["category"]]
            index = NewsIndexPage.objects.get(pk=index.pk)
            news = index.get_children().filter(slug=spec["slug"]).specific().first()
            if news is None:
                news = NewsPage(slug=spec["slug"], category=category, **spec["pl"])
                if spec.get("image"):
                    news.lead_image = self.demo_image()
                news.tags.add(*spec["tags"])
                index.add_child(instance=news)
                news.save_revision().publish()
            if "en" in spec:
                self.seed_translation(news, en, {**spec["en"], "category": category_en})
