"""Demo news for `seed_demo`: categories and news items written for the demo site.

The Polish item is the source; "en" (optional) is its English translation.
"""

import datetime

from demo.campaign import CAMPAIGN
from demo.events import last_23_march


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


NEWS_INDEX = {
    "slug": "aktualnosci",
    "pl": {
        "title": "Aktualności",
        "intro": (
            "Co słychać w mazowieckiej ekonomii społecznej: spotkania, konkursy, "
            "szkolenia i wydarzenia."
        ),
    },
    "en": {
        "slug": "news",
        "title": "News",
        "intro": (
            "What is happening in the Mazovian social economy: meetings, "
            "competitions, trainings and events."
        ),
    },
}

# slug: (Polish name, English slug, English name)
NEWS_CATEGORIES = {
    "forum-rzecznikow": ("Forum Rzeczników", "advocates-forum", "Advocates' Forum"),
    "konkurs-mmes": ("Konkurs MMES", "mmes-competition", "MMES competition"),
    "wydarzenia": ("Wydarzenia", "events", "Events"),
}


def days_ago(days):
    """A news date ``days`` before the day the demo is seeded."""
    return lambda today: today - datetime.timedelta(days=days)


def campaign_start(today):
    """The campaign's launch news is dated on the campaign's first day."""
    return CAMPAIGN["start_date"]


def news_date(spec, today):
    """The date of a demo news item, relative to the day the demo is seeded
    like the events' dates: each item announces or reports on a demo event or
    on a phase of the competition (the open edition opened 7 days ago, the jury
    of the previous one started 14 days ago), so the two lists agree."""
    return spec["date"](today)


NEWS = [
    {
        "slug": "trzecie-spotkanie-forum-rzecznikow",
        "date": last_23_march,
        "category": "forum-rzecznikow",
        "tags": ["Forum Rzeczników", "KPO", "samorządy"],
        "image": "scena-cafe",
        "pl": {
            "title": (
                "Trzecie spotkanie on-line Forum Mazowieckich Rzeczników "
                "Ekonomii Społecznej"
            ),
            "lead": (
                "23 marca spotkali się on-line przedstawiciele 20 gmin i powiatów "
                "z Mazowsza. Rozmawialiśmy o Krajowym Planie Odbudowy, dobrych "
                "praktykach samorządów i o tym, co MCPS przygotował na ten rok."
            ),
            "lead_image_alt": (
                "Ilustracja: kawiarnia spółdzielni socjalnej – baristka przy "
                "ekspresie i gość przy ladzie"
            ),
            "body": [
                paragraph(
                    "<p>Trzecie spotkanie Forum Mazowieckich Rzeczników Ekonomii "
                    "Społecznej odbyło się 23 marca w formule on-line. Wzięli w nim "
                    "udział przedstawiciele 20 gmin i powiatów – urzędnicy, "
                    "pracownicy ośrodków pomocy społecznej i powiatowych centrów "
                    "pomocy rodzinie.</p>"
                ),
                heading("Krajowy Plan Odbudowy"),
                paragraph(
                    "<p>Na początek omówiliśmy Krajowy Plan Odbudowy i perspektywę "
                    "finansową 2021–2027: jakie działania mogą objąć podmioty "
                    "ekonomii społecznej i jak samorządy mogą się przygotować do "
                    "naborów już teraz.</p>"
                ),
                heading("Dobra praktyka: „Ryneczek pracy”"),
                paragraph(
                    "<p>Powiatowe Centrum Integracji Społecznej w Legionowie "
                    "przedstawiło projekt „Ryneczek pracy”, który łączy osoby "
                    "szukające zatrudnienia z lokalnymi pracodawcami i podmiotami "
                    "ekonomii społecznej. Uczestnicy pytali przede wszystkim o to, "
                    "jak zaangażować przedsiębiorców z okolicy.</p>"
                ),
                heading("Co przygotowaliśmy na ten rok"),
                paragraph(
                    "<ul><li><b>Szkolenia</b> dla pracowników samorządów, m.in. z "
                    "zakupów prospołecznych i klauzul społecznych.</li>"
                    "<li><b>Wirtualne wizyty studyjne</b> – filmowe wizyty w "
                    "spółdzielniach socjalnych i centrach integracji "
                    "społecznej.</li><li><b>Wirtualny Jarmark Rozmaitości</b> – "
                    "internetowa prezentacja produktów i usług podmiotów ekonomii "
                    "społecznej, a przed świętami także jarmark bożonarodzeniowy."
                    "</li><li><b>Konkurs Mazowiecka Marka Ekonomii Społecznej</b> "
                    "– zachęcamy samorządy do zgłaszania podmiotów i partnerów.</li>"
                    "<li><b>Kampania „Ekonomia społeczna nie wyklucza”</b> – "
                    "materiały, które samorządy mogą wykorzystać u siebie.</li></ul>"
                ),
                paragraph(
                    "<p>Dziękujemy za udział i pytania. Kolejne spotkanie Forum "
                    "zapowiemy w aktualnościach.</p>"
                ),
            ],
        },
        "en": {
            "slug": "third-advocates-forum-meeting",
            "title": (
                "Third on-line meeting of the Forum of Mazovian Social Economy "
                "Advocates"
            ),
            "lead": (
                "On 23 March representatives of 20 municipalities and counties of "
                "Mazovia met on-line. We discussed the National Recovery Plan, good "
                "practice in local government and what MCPS has prepared this year."
            ),
            "lead_image_alt": (
                "Illustration: a social cooperative's café – a barista at the "
                "espresso machine and a guest at the counter"
            ),
            "body": [
                paragraph(
                    "<p>The third meeting of the Forum of Mazovian Social Economy "
                    "Advocates took place on-line on 23 March, with representatives "
                    "of 20 municipalities and counties: officials and staff of social "
                    "welfare centres and county family support centres.</p>"
                ),
                heading("National Recovery Plan"),
                paragraph(
                    "<p>We began with the National Recovery Plan (KPO) and the "
                    "2021–2027 funding period: what social economy entities may do "
                    "under it and how local governments can prepare now.</p>"
                ),
                heading("Good practice: “Ryneczek pracy”"),
                paragraph(
                    "<p>The County Social Integration Centre (PCIS) in Legionowo "
                    "presented “Ryneczek pracy” (a small job market), a project that "
                    "brings job seekers together with local employers and social "
                    "economy entities.</p>"
                ),
                heading("What we have prepared this year"),
                paragraph(
                    "<ul><li><b>Trainings</b> for local government staff, including "
                    "socially responsible public procurement.</li><li><b>Virtual "
                    "study visits</b> – filmed visits to social cooperatives and "
                    "social integration centres.</li><li><b>Virtual Fair of "
                    "Curiosities</b> – an on-line showcase of social economy "
                    "products and services, and a Christmas fair before the "
                    "holidays.</li><li><b>The Mazovian Social Economy Brand "
                    "competition</b> – we encourage local governments to nominate "
                    "entities and partners.</li><li><b>The “Social economy does not "
                    "exclude” campaign</b> – materials local governments can use."
                    "</li></ul>"
                ),
            ],
        },
    },
    {
        "slug": "kampania-ekonomia-spoleczna-nie-wyklucza",
        "date": campaign_start,
        "category": "wydarzenia",
        "tags": ["kampania"],
        "image": "hero-ulica",
        "pl": {
            "title": "Startuje kampania „Ekonomia społeczna nie wyklucza”",
            "lead": (
                "Przez najbliższe miesiące będziemy pokazywać ludzi, którzy dzięki "
                "spółdzielniom socjalnym i centrom integracji wrócili do pracy."
            ),
            "lead_image_alt": "",
            "body": [
                paragraph(
                    "<p>Kampania ma jeden cel: żeby mieszkańcy Mazowsza wiedzieli, "
                    "że kupując usługi i produkty podmiotów ekonomii społecznej, "
                    "dają komuś szansę na pracę. W serwisie będziemy publikować "
                    "historie pracowników, zaproszenia na wydarzenia i materiały do "
                    "pobrania.</p>"
                )
            ],
        },
        "en": {
            "slug": "social-economy-does-not-exclude-campaign",
            "title": "The “Social economy does not exclude” campaign begins",
            "lead": (
                "Over the coming months we will show people who returned to work "
                "thanks to social cooperatives and integration centres."
            ),
            "lead_image_alt": "",
            "body": [
                paragraph(
                    "<p>The campaign has one aim: that the people of Mazovia know "
                    "that buying from social economy entities gives someone a chance "
                    "of a job. We will publish workers' stories, event invitations "
                    "and materials to download.</p>"
                )
            ],
        },
    },
    {
        "slug": "nabor-konkurs-mmes",
        "date": days_ago(7),
        "category": "konkurs-mmes",
        "tags": ["MMES", "konkurs"],
        "pl": {
            "title": "Ruszył nabór do konkursu Mazowiecka Marka Ekonomii Społecznej",
            "lead": (
                "Zgłoś spółdzielnię, fundację lub stowarzyszenie, które prowadzi "
                "działalność gospodarczą z myślą o ludziach, albo samorząd i "
                "firmę, które je wspierają."
            ),
            "body": [
                paragraph(
                    "<p>Konkurs ma kilka kategorii: dla podmiotów ekonomii "
                    "społecznej, dla ich partnerów i dla osób szczególnie "
                    "zasłużonych. Zgłoszenia przyjmujemy przez formularz w "
                    "serwisie; regulamin i wzory dokumentów znajdziesz na stronie "
                    "konkursu.</p>"
                )
            ],
        },
    },
    {
        "slug": "zgloszenie-mmes-wskazowki",
        "date": days_ago(3),
        "category": "konkurs-mmes",
        "tags": ["MMES", "porady"],
        "pl": {
            "title": "Pięć wskazówek, jak przygotować zgłoszenie do konkursu MMES",
            "lead": (
                "Kapituła czyta wszystkie zgłoszenia uważnie. Podpowiadamy, co "
                "warto w nich opisać, żeby dobrze pokazać swoją organizację."
            ),
            "body": [
                paragraph(
                    "<ol><li>Opisz ludzi: kogo zatrudniasz i co się zmieniło w ich "
                    "życiu.</li><li>Podaj liczby: miejsca pracy, klienci, "
                    "przychody.</li><li>Pokaż współpracę z samorządem i "
                    "firmami.</li><li>Dołącz zdjęcia z podpisami.</li><li>Nie "
                    "zostawiaj wysłania na ostatni dzień.</li></ol>"
                )
            ],
        },
    },
    {
        "slug": "wirtualny-jarmark-rozmaitosci",
        "date": days_ago(6),
        "category": "wydarzenia",
        "tags": ["jarmark", "zakupy prospołeczne"],
        "image": "scena-workshop",
        "pl": {
            "title": "Wirtualny Jarmark Rozmaitości na święta",
            "lead": (
                "Świąteczne prezenty od spółdzielni socjalnych i warsztatów: "
                "ceramika, pierniki, rękodzieło i kosze z lokalnymi produktami."
            ),
            "lead_image_alt": (
                "Ilustracja: stolarnia spółdzielni socjalnej – tablica z narzędziami, "
                "stół warsztatowy i krzesło w robocie"
            ),
            "body": [
                paragraph(
                    "<p>W tym roku jarmark bożonarodzeniowy przenosimy do "
                    "internetu. Na stronie jarmarku każdy wystawca ma swoją "
                    "wizytówkę z opisem oferty i danymi kontaktowymi; zamówienia "
                    "składa się bezpośrednio u wystawców.</p>"
                )
            ],
        },
    },
    {
        "slug": "wirtualne-wizyty-studyjne",
        "date": days_ago(9),
        "category": "wydarzenia",
        "tags": ["wizyty studyjne"],
        "pl": {
            "title": "Wirtualne wizyty studyjne: zajrzyj do spółdzielni socjalnej",
            "lead": (
                "Krótkie filmy z napisami pokazują, jak na co dzień pracują "
                "spółdzielnie socjalne i centra integracji społecznej na Mazowszu."
            ),
            "body": [
                paragraph(
                    "<p>Zamiast wyjazdu – wizyta przed ekranem. Przygotowaliśmy "
                    "filmy, w których pracownicy i kierownicy opowiadają o swojej "
                    "pracy, o klientach i o tym, z jakimi trudnościami się mierzą. "
                    "Do każdego filmu dołączamy transkrypcję.</p>"
                )
            ],
        },
    },
    {
        "slug": "szkolenia-zakupy-prospoleczne",
        "date": days_ago(20),
        "category": "forum-rzecznikow",
        "tags": ["szkolenia", "samorządy", "zakupy prospołeczne"],
        "pl": {
            "title": "Szkolenia dla samorządów: zakupy prospołeczne w praktyce",
            "lead": (
                "Zapraszamy pracowników gmin i powiatów na szkolenia on-line o "
                "klauzulach społecznych i zamówieniach zastrzeżonych."
            ),
            "body": [
                paragraph(
                    "<p>Na szkoleniach pokażemy na przykładach, jak przygotować "
                    "zamówienie, w którym mogą wziąć udział podmioty ekonomii "
                    "społecznej, i jak sprawdzić, czy spełniają warunki. Liczba "
                    "miejsc jest ograniczona, decyduje kolejność zgłoszeń.</p>"
                )
            ],
        },
    },
    {
        "slug": "kapitula-mmes-ocenia-zgloszenia",
        "date": days_ago(14),
        "category": "konkurs-mmes",
        "tags": ["MMES", "konkurs"],
        "pl": {
            "title": "Kapituła konkursu MMES rozpoczęła ocenę zgłoszeń",
            "lead": (
                "Nabór zakończony. Dziękujemy wszystkim, którzy zgłosili swoje "
                "organizacje i partnerów – teraz czas na pracę kapituły."
            ),
            "body": [
                paragraph(
                    "<p>Każde zgłoszenie ocenia kilku członków kapituły niezależnie "
                    "od siebie, według kryteriów z regulaminu. O wynikach "
                    "poinformujemy w aktualnościach i mailowo.</p>"
                )
            ],
        },
    },
]

# The English translations' tags (a tag is a plain word, not a translatable snippet:
# each language's pages carry their own).
NEWS_TAGS_EN = {
    "Forum Rzeczników": "Advocates' Forum",
    "KPO": "National Recovery Plan",
    "samorządy": "local government",
    "MMES": "MMES",
    "konkurs": "competition",
    "porady": "tips",
    "jarmark": "fair",
    "zakupy prospołeczne": "social procurement",
    "kampania": "campaign",
    "szkolenia": "training",
    "wizyty studyjne": "study visits",
}
