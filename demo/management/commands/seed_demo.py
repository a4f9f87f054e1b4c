"""Fill an empty site with demo content and accounts (idempotent).

Creates what is missing and leaves what exists alone, so a second run changes
nothing and an editor's changes to demo pages survive a re-run.
"""

import copy
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from competition.reference import organiser
from competition.roles import (
    EDITORS_GROUP,
    JURY_GROUP,
    MODERATORS_GROUP,
    SECRETARIAT_GROUP,
    sync_roles,
)
from demo import advocates as demo_advocates
from demo import campaign as demo_campaign
from demo import events as demo_events
from demo import news as demo_news
from demo.content import load
from home.models import (
    AccessibilityStatementPage,
    FooterSettings,
    HomePage,
    PrivacySettings,
    StandardPage,
)

# Drawings and documents made by scripts/demo_assets.py.
DEMO_FILES = Path(__file__).resolve().parents[2] / "assets"

_SITE = load("site")
# file name (without .png) -> image title; a title already present is reused.
PICTURES = _SITE["pictures"]
# The footer's texts in English (the address stays Polish: a postal address).
ORGANISER_EN = _SITE["organiser_en"]
# Each page: slug -> Polish and English content. The Polish page is the source.
HOME = _SITE["home"]
# The campaign itself is one CampaignPage ("kampania", demo/campaign.py).
PAGES = _SITE["pages"]
# The accessibility statement: one page per language, not a StandardPage.
STATEMENT = {
    **_SITE["statement"],
    "shared": {
        field: date.fromisoformat(value) if field.endswith("_date") else value
        for field, value in _SITE["statement"]["shared"].items()
    },
}

# username: (groups, is_superuser, first name, last name)
DEMO_ACCOUNTS = {
    "admin": ([], True, "Administrator", "Serwisu"),
    "redaktor": ([EDITORS_GROUP], False, "Ewa", "Redaktorska"),
    "moderator": ([MODERATORS_GROUP], False, "Tomasz", "Moderator"),
    "sekretariat": ([SECRETARIAT_GROUP], False, "Marta", "Sekretarz"),
    "juror1": ([JURY_GROUP], False, "Jan", "Przewodniczący"),
    "juror2": ([JURY_GROUP], False, "Katarzyna", "Jurorka"),
    "juror3": ([JURY_GROUP], False, "Piotr", "Juror"),
}


def rodo_clause_pl(org):
    """Art. 13 RODO clause for the site and the competition form, in Polish."""
    return _SITE["privacy_clause"]["pl"].format(org=org)


def rodo_clause_en(org):
    """The same clause in English (the Polish text is the binding one)."""
    return _SITE["privacy_clause"]["en"].format(org=org)


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
            self.seed_translation(home_pl, en, HOME["en"])
            pages = {}
            for spec in PAGES:
                page = self.seed_page(home_pl, spec)
                self.seed_translation(page, en, spec["en"])
                pages[spec["slug"]] = page
            statement = self.seed_statement(home_pl)
            self.seed_translation(statement, en, STATEMENT["en"])
            pages[STATEMENT["slug"]] = statement
            self.seed_footer(home_pl, pages)
            self.seed_privacy_clause()
            self.seed_accounts()
            self.seed_news(pl, en)
            self.seed_events(pl, en)
            self.seed_advocates(pl, en)
            campaign = self.seed_campaign(pl, en)
            self.seed_hero_link(campaign, en)
            self.seed_competition(pl, en)
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
            home.hero_image = self.demo_picture("hero-ulica")
            home.save_revision().publish()
        return home

    def seed_hero_link(self, campaign, en):
        """The home pages' hero button leads to the campaign page."""
        for locale_page in (campaign, campaign.get_translation(en)):
            # Children were added through other instances: reload before saving,
            # or the stale tree counters (numchild) would be written back.
            home = HomePage.objects.get(locale=locale_page.locale_id, depth=2)
            if not home.hero_cta_page_id:
                home.hero_cta_page = locale_page
                home.save_revision().publish()

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

    def seed_statement(self, parent):
        """The accessibility statement, unless a page (of any type) has its slug.

        Sites seeded before it existed keep their StandardPage of that slug.
        """
        page = parent.get_children().filter(slug=STATEMENT["slug"]).first()
        if page is None:
            org = self.org_data()
            page = AccessibilityStatementPage(
                slug=STATEMENT["slug"],
                site_url=self.site_url(),
                contact_email=org["email"],
                contact_phone=org["phone"],
                **STATEMENT["shared"],
                **STATEMENT["pl"],
            )
            parent.add_child(instance=page)
            page.save_revision().publish()
        return page.specific

    def site_url(self):
        """The demo's own address, if it is a valid URL (not e.g. http://testserver)."""
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/"
        try:
            URLValidator()(url)
        except ValidationError:
            return "http://localhost:8000/"
        return url

    def seed_index(self, page_class, spec, pl, en):
        """An index page of ``spec`` under the Polish home page, in the menu, and
        its English translation (each only if missing)."""
        # Reload: earlier steps added children through other instances.
        home = HomePage.objects.get(locale=pl, depth=2)
        index = home.get_children().filter(slug=spec["slug"]).specific().first()
        if index is None:
            index = page_class(slug=spec["slug"], show_in_menus=True, **spec["pl"])
            home.add_child(instance=index)
            index.save_revision().publish()
        self.seed_translation(index, en, spec["en"])
        return index

    def seed_translation(self, source, locale, content):
        translation = source.get_translation_or_none(locale)
        if translation is None:
            translation = source.copy_for_translation(locale)
            translation = translation.specific
            for field, value in content.items():
                setattr(translation, field, value)
            translation.save_revision().publish()
        return translation.specific

    def demo_picture(self, name):
        """A drawing of demo/assets/ (scripts/demo_assets.py) as a Wagtail image."""
        Image = get_image_model()
        title = PICTURES[name]
        image = Image.objects.filter(title=title).first()
        if image is None:
            with open(DEMO_FILES / f"{name}.png", "rb") as file:
                image = Image(title=title)
                image.file = ImageFile(file, name=f"{name}.png")
                image.save()
        return image

    def demo_document(self, title, name):
        """A PDF of demo/assets/ as a Wagtail document (by title, once)."""
        Document = get_document_model()
        document = Document.objects.filter(title=title).first()
        if document is None:
            document = Document(title=title)
            document.file = ContentFile(
                (DEMO_FILES / f"{name}.pdf").read_bytes(), name=f"{name}.pdf"
            )
            document._set_document_file_metadata()
            document.save()
        return document

    # Settings and accounts --------------------------------------------------

    def seed_footer(self, home, pages):
        site = Site.objects.get(is_default_site=True)
        footer = FooterSettings.for_site(site)
        if footer.address:
            return
        org = self.org_data()
        footer.organisation_name = org["name"]
        footer.address = org["address"].replace(", ", "\n", 1)
        footer.phone = org["phone"]
        footer.email = org["email"]
        footer.contact_note = (
            f"<p>{org['department']['name']}, {org['department']['room']}</p>"
        )
        footer.organisation_name_en = ORGANISER_EN["name"]
        footer.contact_note_en = f"<p>{ORGANISER_EN['department']}</p>"
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

    def org_data(self):
        # A copy: the reference data is cached for the whole process.
        return copy.deepcopy(organiser())

    def seed_privacy_clause(self):
        site = Site.objects.get(is_default_site=True)
        privacy = PrivacySettings.for_site(site)
        if privacy.clause_pl:
            return
        org = self.org_data()
        privacy.clause_pl = rodo_clause_pl(org)
        privacy.clause_en = rodo_clause_en(org)
        privacy.save()

    def seed_accounts(self):
        User = get_user_model()
        password = settings.DEMO_PASSWORD
        sync_roles()
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

    # News, events, advocates and the campaign (demo/<topic>.py) ------------

    def seed_news(self, pl, en):
        demo_news.seed(self, pl, en)

    def seed_events(self, pl, en):
        demo_events.seed(self, pl, en)

    def seed_advocates(self, pl, en):
        demo_advocates.seed(self, pl, en)

    def seed_campaign(self, pl, en):
        return demo_campaign.seed(self, pl, en)

    # Competition ----------------------------------------------------------------

    def seed_competition(self, pl, en):
        """The competition's index, an open and a past edition with the MMES
        categories and criteria, in both languages (no entries)."""
        from demo import competition as demo_competition

        demo_competition.seed(self, pl, en)
