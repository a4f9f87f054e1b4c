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
from django.utils import timezone
from django.utils.text import slugify
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
from demo.advocates import ADVOCATES, DIRECTORY, FORUM_CATEGORY_SLUG
from demo.events import EVENT_INDEX, EVENTS, event_times
from demo.news import NEWS, NEWS_CATEGORIES, NEWS_INDEX, NEWS_TAGS_EN, news_date
from home.models import (
    AccessibilityStatementPage,
    Advocate,
    AdvocatesDirectoryPage,
    EventIndexPage,
    EventPage,
    FooterSettings,
    HomePage,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    PrivacySettings,
    StandardPage,
)

# The footer's texts in English (the address stays Polish: a postal address).
ORGANISER_EN = {
    "name": "Mazovian Centre for Social Policy",
    "department": "Social Economy Department, room 502, 5th floor, "
    "ul. Grzybowska 80/82",
}

# Drawings and documents made by scripts/demo_assets.py.
DEMO_FILES = Path(__file__).resolve().parents[2] / "assets"

# file name (without .png) -> image title; a title already present is reused.
PICTURES = {
    "hero-ulica": "Demo: ulica firm społecznych",
    "scena-cafe": "Demo: kawiarnia spółdzielni socjalnej",
    "scena-laundry": "Demo: pralnia społeczna",
    "scena-workshop": "Demo: stolarnia spółdzielni",
    "scena-garden": "Demo: ogród i sklepik firmy społecznej",
    "portret-joanna-wierzbicka": "Demo: portret – Joanna Wierzbicka",
    "portret-krzysztof-zalewski": "Demo: portret – Krzysztof Zalewski",
    "portret-beata-lis": "Demo: portret – Beata Lis",
    "logo-fundacja-wspolny-stol": "Demo: logo – Fundacja Wspólny Stół",
    "logo-owes-mazowsze-polnoc": "Demo: logo – OWES Mazowsze Północ",
    "logo-zielony-zakatek": "Demo: logo – Spółdzielnia Socjalna Zielony Zakątek",
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
            "Ilustracja: ulica z kawiarnią, pralnią i warsztatem prowadzonymi przez "
            "firmy społeczne; przed nimi pracownicy i klienci, jedna osoba na wózku"
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
            "Illustration: a street with a café, a laundry and a workshop run by "
            "social enterprises; in front, workers and customers, one in a wheelchair"
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

# The campaign itself is one CampaignPage ("kampania", demo/campaign.py).
PAGES = [
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
                    "piętro).<br/>Telefon: 22 376 85 00<br/>E-mail: "
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
                    "floor).<br/>Phone: +48 22 376 85 00<br/>E-mail: "
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
                    "<h2>Zgłoszenia do konkursu</h2><p>Dane osobowe ze zgłoszeń do "
                    "konkursu przechowujemy przez pięć lat od ogłoszenia wyników danej "
                    "edycji (organizator może wskazać dla edycji inną datę; "
                    "podajemy ją na stronie edycji). Następnego dnia dane są "
                    "anonimizowane "
                    "automatycznie: usuwamy nazwy, imiona i nazwiska, dane kontaktowe, "
                    "numery NIP, REGON i KRS, adresy, opisy, odpowiedzi i wszystkie "
                    "przesłane pliki, a linki do statusu zgłoszenia przestają działać. "
                    "Zostają wyłącznie dane statystyczne: numer zgłoszenia, kategoria, "
                    "powiat, forma prawna, oceny i decyzja jury. Wersje robocze "
                    "niewysłanych zgłoszeń usuwamy po 30 dniach. Przesłane pliki "
                    "sprawdzamy programem antywirusowym, a zdjęcia pokazujemy jury "
                    "i na stronie wyników bez metadanych (np. położenia "
                    "GPS).</p><p>Masz "
                    "prawo dostępu do swoich danych i otrzymania ich kopii (art. 15 "
                    "RODO) oraz prawo do ich usunięcia (art. 17 RODO): napisz do "
                    'inspektora ochrony danych (<a href="mailto:iod@mcps.com.pl">'
                    "iod@mcps.com.pl</a>). Sekretariat konkursu przekaże Ci plik ZIP "
                    "ze wszystkimi danymi i plikami albo usunie dane w ten sam sposób; "
                    "każda taka czynność jest zapisywana w dzienniku konkursu.</p>"
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
                    "<h2>Competition entries</h2><p>We keep the personal data in "
                    "competition entries for five years after the results of the "
                    "edition are announced (the organiser may set a different date for "
                    "an edition; it is shown on the edition's page). The next day the "
                    "data is anonymised automatically: we delete names, contact "
                    "details, NIP, REGON and KRS numbers, addresses, descriptions, "
                    "answers and all uploaded files, and the entry's status links stop "
                    "working. Only statistical data remains: the reference number, "
                    "category, county, legal form, scores and the jury's decision. "
                    "Drafts that were never sent are deleted after 30 days. Uploaded "
                    "files are checked by an antivirus scanner, and photos are shown "
                    "to the jury and on the results page without their metadata (such "
                    "as "
                    "GPS location).</p><p>You have the right to access your data and "
                    "receive a copy of it (GDPR Art. 15) and to have it erased (Art. "
                    "17): write to the data protection officer "
                    '(<a href="mailto:iod@mcps.com.pl">iod@mcps.com.pl</a>). The '
                    "competition secretariat will send you a ZIP file with all your "
                    "data and files, or erase the data in the same way; each such "
                    "action is recorded in the competition log.</p>"
                )
            ],
        },
    },
]

RPO_URL = "https://bip.brpo.gov.pl/"

# The accessibility statement: one page per language, not a StandardPage.
STATEMENT = {
    "slug": "deklaracja-dostepnosci",
    "shared": {
        "publication_date": date(2026, 6, 1),
        "last_update_date": date(2026, 11, 16),
        "compliance_status": "czesciowo-zgodna",
        "preparation_date": date(2026, 6, 1),
        "review_date": date(2026, 11, 20),
        "assessment_method": "samoocena",
    },
    "pl": {
        "title": "Deklaracja dostępności",
        "entity_name": "Mazowieckie Centrum Polityki Społecznej",
        "site_name": "Ekonomia społeczna na Mazowszu",
        "contact_person": "Koordynator do spraw dostępności MCPS",
        "non_compliant_content": (
            "<ul><li>Część dokumentów PDF opublikowanych przed 2026 r. (regulaminy "
            "wcześniejszych edycji konkursu) nie ma struktury nagłówków. Na żądanie "
            "przekażemy je w wersji dostępnej; do 31 marca 2027 r. zastąpimy je "
            "wersjami dostępnymi.</li><li>Niektóre filmy partnerów kampanii osadzone "
            "z serwisu YouTube mają napisy generowane automatycznie, które mogą "
            "zawierać błędy.</li></ul>"
        ),
        "exclusions": (
            "<ul><li>Nagrania wideo opublikowane przed 23 września 2020 r. nie mają "
            "napisów ani transkrypcji (art. 3 ust. 2 pkt 1 ustawy).</li></ul>"
        ),
        "feedback_note": (
            "<p>Można też napisać na adres Mazowieckiego Centrum Polityki Społecznej, "
            "ul. Grzybowska 80/82, 00-844 Warszawa, lub skorzystać z elektronicznej "
            "skrzynki podawczej ePUAP: /mcps1/SkrytkaESP.</p>"
        ),
        "complaint_procedure": (
            "<p>Każdy ma prawo do wystąpienia z żądaniem zapewnienia dostępności "
            "cyfrowej strony internetowej lub jakiegoś jej elementu. Można także "
            "zażądać udostępnienia informacji za pomocą alternatywnego sposobu "
            "dostępu, na przykład przez odczytanie niedostępnego cyfrowo dokumentu "
            "lub opisanie zawartości filmu bez audiodeskrypcji.</p>"
            "<p>Żądanie powinno zawierać:</p><ul><li>dane osoby zgłaszającej "
            "żądanie,</li><li>wskazanie, o którą stronę internetową lub element "
            "strony chodzi,</li><li>sposób kontaktu,</li><li>jeśli osoba żądająca "
            "zgłasza potrzebę otrzymania informacji za pomocą alternatywnego sposobu "
            "dostępu — także określenie dogodnej dla niej formy.</li></ul>"
            "<p>Podmiot publiczny zrealizuje żądanie niezwłocznie, nie później niż "
            "w ciągu 7 dni od dnia jego wystąpienia. Jeżeli dotrzymanie tego terminu "
            "nie jest możliwe, niezwłocznie poinformuje o tym osobę wnoszącą żądanie, "
            "kiedy realizacja żądania będzie możliwa; termin ten nie może być dłuższy "
            "niż 2 miesiące od dnia wystąpienia z żądaniem. Jeżeli zapewnienie "
            "dostępności cyfrowej nie jest możliwe, podmiot publiczny zaproponuje "
            "alternatywny sposób dostępu do informacji.</p>"
            "<p>W przypadku, gdy podmiot publiczny odmówi realizacji żądania "
            "zapewnienia dostępności lub alternatywnego sposobu dostępu do "
            "informacji, osoba żądająca może złożyć skargę na takie działanie.</p>"
            "<p>Po wyczerpaniu wskazanej wyżej procedury można także złożyć wniosek "
            "do Rzecznika Praw Obywatelskich: "
            f'<a href="{RPO_URL}">strona Rzecznika Praw Obywatelskich</a>.</p>'
        ),
        "architectural_accessibility": (
            "<p>Siedziba Mazowieckiego Centrum Polityki Społecznej mieści się przy "
            "ul. Grzybowskiej 80/82 w Warszawie. Do budynku prowadzi główne wejście "
            "od ul. Grzybowskiej, bez schodów, z drzwiami otwieranymi automatycznie. "
            "Przy wejściu znajduje się recepcja, gdzie można poprosić o pomoc.</p>"
            "<ul><li>Wszystkie piętra są dostępne windą z komunikatami głosowymi i "
            "przyciskami oznaczonymi alfabetem Braille'a; Wydział Ekonomii "
            "Społecznej mieści się w pokoju 502 na V piętrze.</li><li>Na parterze "
            "jest toaleta dostosowana do potrzeb osób poruszających się na wózku."
            "</li><li>Przed budynkiem wyznaczono miejsce parkingowe dla osób z "
            "niepełnosprawnościami.</li><li>Do budynku można wejść z psem asystującym "
            "i psem przewodnikiem.</li><li>W recepcji dostępna jest przenośna pętla "
            "indukcyjna.</li></ul>"
        ),
        "sign_language": (
            "<p>Osoby doświadczające trudności w komunikowaniu się mogą skorzystać "
            "z pomocy tłumacza polskiego języka migowego (PJM) na miejscu lub on-line. "
            "Prosimy o zgłoszenie tej potrzeby co najmniej 3 dni robocze przed "
            "wizytą, e-mailem lub telefonicznie.</p>"
        ),
        "mobile_apps": "",
    },
    "en": {
        "slug": "accessibility-statement",
        "title": "Accessibility statement",
        "entity_name": "Mazovian Centre for Social Policy",
        "site_name": "Social economy in Mazovia",
        "contact_person": "MCPS accessibility coordinator",
        "non_compliant_content": (
            "<ul><li>Some PDF documents published before 2026 (the rules of earlier "
            "editions of the competition) have no heading structure. We will send "
            "an accessible version on request and replace them by 31 March "
            "2027.</li><li>Some campaign partners' videos embedded from YouTube "
            "have automatically generated captions, which may contain "
            "errors.</li></ul>"
        ),
        "exclusions": (
            "<ul><li>Video recordings published before 23 September 2020 have no "
            "captions or transcripts (Article 3(2)(1) of the Act).</li></ul>"
        ),
        "feedback_note": (
            "<p>You can also write to the Mazovian Centre for Social Policy, "
            "ul. Grzybowska 80/82, 00-844 Warsaw, Poland, or use the ePUAP "
            "electronic inbox /mcps1/SkrytkaESP.</p>"
        ),
        "complaint_procedure": (
            "<p>Everyone has the right to request that a website, or any part of "
            "it, be made digitally accessible. You may also ask for information to "
            "be provided in an alternative way, for example by reading out a "
            "document that is not accessible or describing the content of a video "
            "without audio description.</p>"
            "<p>The request should contain:</p><ul><li>the details of the person "
            "making it,</li><li>which web page or element it concerns,</li><li>how "
            "to contact the person,</li><li>if the person needs the information in "
            "an alternative way, the form that suits them.</li></ul>"
            "<p>We will deal with the request without delay and no later than "
            "7 days after receiving it. If that is not possible, we will tell you "
            "without delay when it will be done; this may not be later than "
            "2 months after the request. If the content cannot be made accessible, "
            "we will offer an alternative way to access the information.</p>"
            "<p>If we refuse to make the content accessible or to provide an "
            "alternative way of access, you may file a complaint about it.</p>"
            "<p>Once this procedure is exhausted, you may also apply to the "
            "Commissioner for Human Rights (Rzecznik Praw Obywatelskich): "
            f'<a href="{RPO_URL}">website of the Commissioner for Human '
            "Rights</a>.</p>"
        ),
        "architectural_accessibility": (
            "<p>The Mazovian Centre for Social Policy is at ul. Grzybowska 80/82 in "
            "Warsaw. The main entrance from ul. Grzybowska has no steps and "
            "automatic doors. You can ask for help at the reception desk by the "
            "entrance.</p>"
            "<ul><li>Every floor can be reached by a lift with voice announcements "
            "and Braille buttons; the Social Economy Department is in room 502 on "
            "the 5th floor.</li><li>There is a toilet for wheelchair users on the "
            "ground floor.</li><li>There is a parking space for disabled people in "
            "front of the building.</li><li>Assistance dogs and guide dogs are "
            "welcome.</li><li>A portable induction loop is available at the "
            "reception desk.</li></ul>"
        ),
        "sign_language": (
            "<p>People with communication difficulties can use a Polish Sign "
            "Language (PJM) interpreter on site or online. Please let us know at "
            "least 3 working days before your visit, by e-mail or phone.</p>"
        ),
        "mobile_apps": "",
    },
}


def rodo_clause_pl(org):
    """Art. 13 RODO clause for the site and the competition form, in Polish."""
    return (
        f"<p>Administratorem Pani/Pana danych osobowych jest {org['name']} "
        f"(MCPS), {org['address']}, tel. {org['phone']}, e-mail: "
        f'<a href="mailto:{org["email"]}">{org["email"]}</a>.</p>'
        "<p>Z inspektorem ochrony danych można się skontaktować pod adresem "
        f'<a href="mailto:{org["iod_email"]}">{org["iod_email"]}</a> '
        "we wszystkich sprawach dotyczących przetwarzania danych osobowych.</p>"
        "<ol><li>Dane przetwarzamy w celu przeprowadzenia konkursu „Mazowiecka "
        "Marka Ekonomii Społecznej”, kontaktu w sprawie zgłoszenia oraz "
        "promocji laureatów (art. 6 ust. 1 lit. e RODO, w związku z zadaniami "
        "samorządu województwa w zakresie pomocy społecznej i ekonomii "
        "społecznej), a wizerunek — na podstawie zgody (art. 6 ust. 1 lit. a "
        "RODO).</li>"
        "<li>Dane mogą otrzymać wyłącznie podmioty uprawnione na podstawie "
        "przepisów prawa oraz podmioty, które na zlecenie MCPS świadczą usługi "
        "informatyczne i pocztowe.</li>"
        "<li>Dane przechowujemy przez okres wynikający z przepisów o "
        "archiwizacji, a dane przetwarzane na podstawie zgody — do jej "
        "wycofania.</li>"
        "<li>Ma Pani/Pan prawo dostępu do swoich danych, ich sprostowania, "
        "ograniczenia przetwarzania, wniesienia sprzeciwu, a w zakresie danych "
        "przetwarzanych na podstawie zgody — do jej wycofania w dowolnym "
        "momencie, bez wpływu na zgodność z prawem przetwarzania sprzed "
        "wycofania.</li>"
        "<li>Ma Pani/Pan prawo wnieść skargę do Prezesa Urzędu Ochrony Danych "
        "Osobowych, ul. Stawki 2, 00-193 Warszawa.</li>"
        "<li>Podanie danych jest dobrowolne, ale niezbędne do udziału w "
        "konkursie. Dane nie będą przetwarzane w sposób zautomatyzowany, w tym "
        "w formie profilowania, ani przekazywane do państw trzecich.</li></ol>"
    )


def rodo_clause_en(org):
    """The same clause in English (the Polish text is the binding one)."""
    return (
        "<p>The controller of your personal data is the Mazovian Centre for "
        f"Social Policy ({org['name']}, MCPS), {org['address']}, Poland, "
        f"phone +48 {org['phone']}, e-mail: "
        f'<a href="mailto:{org["email"]}">{org["email"]}</a>.</p>'
        "<p>You can contact our data protection officer at "
        f'<a href="mailto:{org["iod_email"]}">{org["iod_email"]}</a> about '
        "anything concerning the processing of your personal data.</p>"
        "<ol><li>We process your data to run the “Mazovian Social Economy "
        "Brand” competition, to contact you about your entry and to promote "
        "the laureates (Article 6(1)(e) GDPR, in connection with the regional "
        "government's tasks in social assistance and the social economy), and "
        "your image on the basis of your consent (Article 6(1)(a) GDPR).</li>"
        "<li>Your data may be disclosed only to bodies entitled to it by law "
        "and to companies providing IT and postal services to MCPS.</li>"
        "<li>We keep your data for the period required by the archiving rules; "
        "data processed on the basis of consent until you withdraw it.</li>"
        "<li>You have the right to access and rectify your data, to restrict "
        "its processing, to object, and to withdraw your consent at any time "
        "without affecting the lawfulness of processing before the "
        "withdrawal.</li>"
        "<li>You have the right to lodge a complaint with the President of the "
        "Personal Data Protection Office (Prezes Urzędu Ochrony Danych "
        "Osobowych), ul. Stawki 2, 00-193 Warsaw.</li>"
        "<li>Providing your data is voluntary but necessary to take part in the "
        "competition. Your data will not be used for automated decision-making, "
        "including profiling, or transferred to third countries.</li></ol>"
    )


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
                news = NewsPage(
                    slug=spec["slug"],
                    category=category,
                    date=news_date(spec, timezone.localdate()),
                    **spec["pl"],
                )
                if spec.get("image"):
                    news.lead_image = self.demo_picture(spec["image"])
                news.tags.add(*spec["tags"])
                index.add_child(instance=news)
                news.save_revision().publish()
            if "en" in spec:
                news_en = self.seed_translation(
                    news, en, {**spec["en"], "category": category_en}
                )
                self.translate_tags(news_en, spec["tags"])

    def translate_tags(self, news_en, tags_pl):
        """A translation starts with a copy of the Polish tags: give it English ones
        (only while it still has the copies, so an editor's tags stay)."""
        if set(news_en.tags.names()) != set(tags_pl):
            return
        news_en.tags.set([NEWS_TAGS_EN[tag] for tag in tags_pl])
        news_en.save_revision().publish()

    # Events -----------------------------------------------------------------

    def seed_events(self, pl, en):
        """The events index in both languages and events of every type.

        Dates are computed when an event is first created and never moved, so a
        re-run leaves existing events (and an editor's changes) alone.
        """
        home = HomePage.objects.get(locale=pl, depth=2)
        index = home.get_children().filter(slug=EVENT_INDEX["slug"]).first()
        if index is None:
            index = EventIndexPage(
                slug=EVENT_INDEX["slug"], show_in_menus=True, **EVENT_INDEX["pl"]
            )
            home.add_child(instance=index)
            index.save_revision().publish()
        self.seed_translation(index, en, EVENT_INDEX["en"])
        place_fields = (
            "venue_name",
            "venue_address",
            "online_url",
            "registration_url",
        )
        for spec in EVENTS:
            # Reload: the previous event was added through another instance.
            index = EventIndexPage.objects.get(pk=index.pk)
            event = index.get_children().filter(slug=spec["slug"]).specific().first()
            if event is None:
                start, end, deadline = event_times(spec)
                event = EventPage(
                    slug=spec["slug"],
                    event_type=spec["type"],
                    mode=spec["mode"],
                    start=start,
                    end=end,
                    registration_deadline=deadline,
                    **{field: spec[field] for field in place_fields if field in spec},
                    **spec["pl"],
                )
                if spec.get("image"):
                    event.lead_image = self.demo_picture(spec["image"])
                index.add_child(instance=event)
                event.save_revision().publish()
            if "en" in spec:
                self.seed_translation(event, en, spec["en"])

    # Advocates ---------------------------------------------------------------

    def seed_advocates(self, pl, en):
        """The advocates' network and its directory page in both languages."""
        for code, name, role, institution, email, phone in ADVOCATES:
            gmina_code, powiat_code = (code, "") if len(code) == 7 else ("", code)
            Advocate.objects.get_or_create(
                name=name,
                gmina_code=gmina_code,
                powiat_code=powiat_code or code[:4],
                defaults={
                    "role": role,
                    "institution": institution,
                    "email": email,
                    "phone": phone,
                },
            )
        # Reload: earlier steps added children through other instances.
        home = HomePage.objects.get(locale=pl, depth=2)
        page = home.get_children().filter(slug=DIRECTORY["slug"]).first()
        if page is None:
            category = NewsCategory.objects.filter(
                slug=FORUM_CATEGORY_SLUG, locale=pl
            ).first()
            page = AdvocatesDirectoryPage(
                slug=DIRECTORY["slug"],
                show_in_menus=True,
                forum_news_category=category,
                forum_page=EventIndexPage.objects.filter(locale=pl).first(),
                **DIRECTORY["pl"],
            )
            home.add_child(instance=page)
            page.save_revision().publish()
        self.seed_translation(page, en, DIRECTORY["en"])

    # Campaign and the home page's sections ---------------------------------

    def seed_campaign(self, pl, en):
        """The campaign page in both languages, then the home pages' campaign
        teaser, easy-to-read text, PJM film and partners (each only if missing)."""
        from demo import campaign as demo
        from home.models import CampaignAmbassador, CampaignPage, HomePagePartner

        def ambassadors(language):
            return [
                CampaignAmbassador(
                    name=person["name"],
                    role=person[language][0],
                    quote=person[language][1],
                    photo=self.demo_picture(f"portret-{slugify(person['name'])}"),
                    photo_alt=demo.PORTRAIT_ALT[language],
                )
                for person in demo.AMBASSADORS
            ]

        leaflet = self.demo_document(
            demo.MATERIAL["title"], demo.MATERIAL["file_name"].removesuffix(".pdf")
        )

        def materials(language):
            value = {"document": leaflet.pk, "title": demo.MATERIAL[language]}
            return [{"type": "document", "value": value}]

        org = self.org_data()
        social_links = [
            {
                "type": "link",
                "value": {"name": "Facebook", "url": f"https://{org['social_media']}"},
            }
        ]
        home = HomePage.objects.get(locale=pl, depth=2)
        campaign = (
            home.get_children().filter(slug=demo.CAMPAIGN["slug"]).specific().first()
        )
        if campaign is None:
            campaign = CampaignPage(
                slug=demo.CAMPAIGN["slug"],
                start_date=demo.CAMPAIGN["start_date"],
                show_in_menus=True,
                hero_image=self.demo_picture("scena-laundry"),
                materials=materials("pl"),
                social_links=social_links,
                **demo.CAMPAIGN["pl"],
            )
            campaign.ambassadors = ambassadors("pl")
            home.add_child(instance=campaign)
            campaign.save_revision().publish()
        campaign_en = self.seed_translation(
            campaign,
            en,
            {
                **demo.CAMPAIGN["en"],
                "materials": materials("en"),
                "ambassadors": ambassadors("en"),
            },
        )
        # Reload: the campaign was added through another instance.
        for locale, language, featured in (
            (pl, "pl", campaign),
            (en, "en", campaign_en),
        ):
            home = HomePage.objects.get(locale=locale, depth=2)
            changed = False
            if not home.featured_campaign_id:
                home.featured_campaign = featured
                changed = True
            if not home.easy_to_read:
                home.easy_to_read = [
                    {"type": "easy_to_read", "value": demo.EASY_TO_READ[language]}
                ]
                changed = True
            if not home.sign_language_video:
                home.sign_language_video = [
                    {
                        "type": "sign_language_video",
                        "value": demo.SIGN_LANGUAGE_VIDEO[language],
                    }
                ]
                changed = True
            if not home.partners.exists():
                home.partners = [
                    HomePagePartner(
                        name=name,
                        url=url,
                        logo=self.demo_picture(f"logo-{wordmark}"),
                        logo_alt=demo.LOGO_ALT[language].format(name=name),
                    )
                    for name, wordmark, url in demo.PARTNERS
                ]
                changed = True
            if changed:
                home.save_revision().publish()
        return campaign

    # Competition ----------------------------------------------------------------

    def seed_competition(self, pl, en):
        """The competition's index, an open and a past edition with the MMES
        categories and criteria, in both languages (no entries)."""
        from demo import competition as demo_competition

        demo_competition.seed(self, pl, en)
