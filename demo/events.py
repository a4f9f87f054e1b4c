"""Demo events for `seed_demo`: the events index and events of every type.

Dates are relative to the day the demo is seeded (``days`` from today, negative
for past events), so a fresh demo always has upcoming and past events. The forum
meeting of 23 March is pinned to the most recent 23 March. The Polish event is
the source; "en" (optional) is its English translation.
"""

import datetime

from django.utils import timezone


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


MCPS_VENUE = {
    "venue_name": "Mazowieckie Centrum Polityki Społecznej, sala konferencyjna",
    "venue_address": "ul. Grzybowska 80/82, 00-844 Warszawa",
}
REGISTRATION_URL = "https://mcps.example/zapisy"
MEETING_URL = "https://mcps.example/spotkanie-online"


def last_23_march(today):
    """The third forum meeting took place on the most recent 23 March."""
    day = datetime.date(today.year, 3, 23)
    return day if day < today else day.replace(year=today.year - 1)


def event_times(spec, now=None):
    """(start, end, registration deadline or None) of a demo event, aware."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    day = (
        spec["date"](today)
        if "date" in spec
        else today + datetime.timedelta(days=spec["days"])
    )
    hour, minute = spec["time"]
    start = timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(hour, minute))
    )
    end = start + datetime.timedelta(hours=spec["hours"])
    deadline = None
    if spec.get("register_days_before"):
        deadline = start - datetime.timedelta(days=spec["register_days_before"])
        deadline = deadline.replace(hour=23, minute=59)
    return start, end, deadline


EVENT_INDEX = {
    "slug": "wydarzenia",
    "pl": {
        "title": "Wydarzenia",
        "intro": (
            "Jarmarki, szkolenia, wizyty studyjne i spotkania Forum Rzeczników: "
            "zapisz się albo dodaj wydarzenie do swojego kalendarza."
        ),
    },
    "en": {
        "slug": "events",
        "title": "Events",
        "intro": (
            "Fairs, trainings, study visits and Advocates' Forum meetings: sign up "
            "or add an event to your calendar."
        ),
    },
}

EVENTS = [
    {
        "slug": "wirtualny-jarmark-rozmaitosci",
        "type": "jarmark",
        "mode": "online",
        "days": 12,
        "time": (10, 0),
        "hours": 8,
        "online_url": "https://mcps.example/jarmark-rozmaitosci",
        "image": "scena-garden",
        "pl": {
            "title": "Wirtualny Jarmark Rozmaitości",
            "lead": (
                "Przez cały dzień spółdzielnie socjalne, warsztaty terapii zajęciowej "
                "i fundacje z Mazowsza pokazują on-line swoje wyroby i usługi. Można "
                "zamawiać prezenty, catering i usługi dla firm."
            ),
            "lead_image_alt": (
                "Ilustracja: ogród i sklepik firmy społecznej – grządki, szklarnia "
                "i skrzynki z warzywami"
            ),
            "body": [
                paragraph(
                    "<p>Na jarmarku zaprezentuje się kilkadziesiąt podmiotów "
                    "ekonomii społecznej: od ręcznie szytych toreb i ceramiki po "
                    "usługi porządkowe i cateringowe. Każdy wystawca ma swoją "
                    "wirtualną ladę z opisem, zdjęciami i danymi do kontaktu.</p>"
                ),
                heading("Jak kupować?"),
                paragraph(
                    "<p>Zamówienia składasz bezpośrednio u wystawcy. Kupując, "
                    "wspierasz zatrudnienie osób, którym trudno znaleźć pracę na "
                    "otwartym rynku.</p>"
                ),
            ],
        },
        "en": {
            "slug": "virtual-fair-of-curiosities",
            "title": "Virtual Fair of Curiosities",
            "lead": (
                "All day long, social cooperatives, occupational therapy workshops "
                "and foundations from Mazovia show their products and services "
                "online. Order gifts, catering and business services."
            ),
            "lead_image_alt": (
                "Illustration: a social enterprise's garden and farm shop – raised "
                "beds, a greenhouse and crates of vegetables"
            ),
            "body": [
                paragraph(
                    "<p>Dozens of social economy entities take part: from hand-sewn "
                    "bags and ceramics to cleaning and catering. Every exhibitor has "
                    "a virtual stall with a description, photos and contact "
                    "details. You order directly from the exhibitor.</p>"
                )
            ],
        },
    },
    {
        "slug": "jarmark-bozonarodzeniowy",
        "type": "jarmark",
        "mode": "stacjonarnie",
        "days": 20,
        "time": (11, 0),
        "hours": 6,
        "venue_name": "Dziedziniec Urzędu Marszałkowskiego Województwa Mazowieckiego",
        "venue_address": "ul. Jagiellońska 26, 03-719 Warszawa",
        "pl": {
            "title": "Bożonarodzeniowy Jarmark Ekonomii Społecznej",
            "lead": (
                "Pierniki, ozdoby choinkowe, rękodzieło i świąteczne przysmaki od "
                "podmiotów ekonomii społecznej z całego Mazowsza. Wstęp wolny."
            ),
            "body": [
                paragraph(
                    "<p>Zapraszamy na przedświąteczne zakupy z sensem. Na stoiskach "
                    "spotkasz spółdzielnie socjalne, centra integracji społecznej i "
                    "zakłady aktywności zawodowej. Dla dzieci przygotowaliśmy "
                    "warsztaty dekorowania pierników.</p>"
                ),
                paragraph(
                    "<p>Dziedziniec jest dostępny dla osób poruszających się na "
                    "wózku; przy wejściu działa punkt informacyjny.</p>"
                ),
            ],
        },
        "en": {
            "slug": "christmas-fair",
            "title": "Social Economy Christmas Fair",
            "lead": (
                "Gingerbread, Christmas decorations, handicrafts and festive treats "
                "from social economy entities across Mazovia. Free entry."
            ),
            "body": [
                paragraph(
                    "<p>Do your Christmas shopping with purpose. Meet social "
                    "cooperatives, social integration centres and vocational "
                    "activity establishments; children can decorate gingerbread. "
                    "The courtyard is step-free.</p>"
                )
            ],
        },
    },
    {
        "slug": "gala-mazowieckiej-marki-ekonomii-spolecznej",
        "type": "gala",
        "mode": "stacjonarnie",
        "days": 45,
        "time": (17, 0),
        "hours": 3,
        "venue_name": "Teatr Polski im. Arnolda Szyfmana, Scena Kameralna",
        "venue_address": "ul. Karasia 2, 00-327 Warszawa",
        "registration_url": REGISTRATION_URL,
        "register_days_before": 14,
        "pl": {
            "title": "Gala konkursu Mazowiecka Marka Ekonomii Społecznej",
            "lead": (
                "Poznamy laureatów tegorocznej edycji konkursu MMES w kategoriach "
                "Rozwój, Reintegracja, Odpowiedzialność, Osobowość, Odkrycie i "
                "Super Marka. Udział po wcześniejszej rejestracji."
            ),
            "body": [
                paragraph(
                    "<p>Gala to święto całego środowiska ekonomii społecznej na "
                    "Mazowszu. Kapituła ogłosi wyniki, a laureaci opowiedzą o "
                    "swojej pracy. Wydarzenie będzie tłumaczone na polski język "
                    "migowy.</p>"
                )
            ],
        },
        "en": {
            "slug": "mazovian-social-economy-brand-gala",
            "title": "Mazovian Social Economy Brand awards gala",
            "lead": (
                "The winners of this year's MMES competition are announced in the "
                "Development, Reintegration, Responsibility, Personality, "
                "Discovery and Super Brand categories. Registration required."
            ),
            "body": [
                paragraph(
                    "<p>The gala celebrates the whole Mazovian social economy "
                    "community. It will be interpreted into Polish Sign "
                    "Language.</p>"
                )
            ],
        },
    },
    {
        "slug": "szkolenie-zamowienia-spoleczne",
        "type": "szkolenie",
        "mode": "stacjonarnie",
        "days": 15,
        "time": (9, 30),
        "hours": 6,
        **MCPS_VENUE,
        "registration_url": REGISTRATION_URL,
        "register_days_before": 5,
        "pl": {
            "title": "Szkolenie: klauzule społeczne w zamówieniach publicznych",
            "lead": (
                "Dla pracowników urzędów gmin i powiatów: jak przygotować "
                "zamówienie, w którym mogą wziąć udział podmioty ekonomii "
                "społecznej."
            ),
            "body": [
                paragraph(
                    "<p>Na przykładach pokażemy, jak stosować klauzule społeczne i "
                    "zamówienia zastrzeżone, jak opisać przedmiot zamówienia i jak "
                    "sprawdzić status wykonawcy. Uczestnicy otrzymają "
                    "zaświadczenia.</p>"
                )
            ],
        },
    },
    {
        "slug": "szkolenie-biznesplan-spoldzielni",
        "type": "szkolenie",
        "mode": "online",
        "days": 30,
        "time": (10, 0),
        "hours": 4,
        "online_url": MEETING_URL,
        "registration_url": REGISTRATION_URL,
        "register_days_before": 3,
        "pl": {
            "title": "Szkolenie on-line: biznesplan spółdzielni socjalnej",
            "lead": (
                "Dla osób, które zakładają spółdzielnię socjalną lub rozwijają jej "
                "działalność: od pomysłu do planu finansowego."
            ),
            "body": [
                paragraph(
                    "<p>Przejdziemy przez wszystkie części biznesplanu: analizę "
                    "rynku, plan zatrudnienia osób zagrożonych wykluczeniem i "
                    "źródła finansowania. Liczba miejsc jest ograniczona.</p>"
                )
            ],
        },
    },
    {
        "slug": "szkolenie-dostepnosc-wydarzen",
        "type": "szkolenie",
        "mode": "stacjonarnie",
        "days": -40,
        "time": (10, 0),
        "hours": 5,
        **MCPS_VENUE,
        "registration_url": REGISTRATION_URL,
        "register_days_before": 7,
        "pl": {
            "title": "Szkolenie: dostępne wydarzenia i materiały",
            "lead": (
                "Jak zorganizować spotkanie i przygotować materiały tak, by mogły z "
                "nich skorzystać osoby z różnymi niepełnosprawnościami."
            ),
            "body": [
                paragraph(
                    "<p>Mówiliśmy o dostępnych dokumentach, tłumaczeniu na polski "
                    "język migowy, pętlach indukcyjnych i tekstach łatwych do "
                    "czytania.</p>"
                )
            ],
        },
    },
    {
        "slug": "wirtualne-wizyty-studyjne",
        "type": "wizyta-studyjna",
        "mode": "online",
        "days": 25,
        "time": (11, 0),
        "hours": 2,
        "online_url": MEETING_URL,
        "registration_url": REGISTRATION_URL,
        "register_days_before": 2,
        "pl": {
            "title": "Wirtualne wizyty studyjne: spółdzielnie socjalne z Mazowsza",
            "lead": (
                "Odwiedź bez wychodzenia z domu spółdzielnię prowadzącą kawiarnię, "
                "pralnię i firmę remontową. Po każdej wizycie rozmowa z zespołem."
            ),
            "body": [
                paragraph(
                    "<p>Wirtualne wizyty studyjne to filmy nagrane w podmiotach "
                    "ekonomii społecznej i rozmowy na żywo z ich pracownikami. "
                    "Zapytasz, jak zaczynali, z kim współpracują i co im pomogło "
                    "się utrzymać.</p>"
                )
            ],
        },
        "en": {
            "slug": "virtual-study-visits",
            "title": "Virtual study visits: social cooperatives of Mazovia",
            "lead": (
                "Visit a cooperative that runs a café, a laundry and a renovation "
                "business without leaving home. Each visit ends with a talk with "
                "the team."
            ),
            "body": [
                paragraph(
                    "<p>Virtual study visits are films recorded in social economy "
                    "entities and live conversations with the people who work "
                    "there.</p>"
                )
            ],
        },
    },
    {
        "slug": "wizyta-studyjna-cis-legionowo",
        "type": "wizyta-studyjna",
        "mode": "stacjonarnie",
        "days": -25,
        "time": (9, 0),
        "hours": 5,
        "venue_name": "Powiatowe Centrum Integracji Społecznej w Legionowie",
        "venue_address": "ul. Sikorskiego 11, 05-120 Legionowo",
        "pl": {
            "title": "Wizyta studyjna w PCIS w Legionowie",
            "lead": (
                "Rzecznicy ekonomii społecznej poznali projekt „Ryneczek pracy” i "
                "warsztaty reintegracji zawodowej Powiatowego Centrum Integracji "
                "Społecznej."
            ),
            "body": [
                paragraph(
                    "<p>Uczestnicy odwiedzili pracownie centrum i rozmawiali z "
                    "uczestnikami reintegracji o tym, jak wygląda droga od zajęć w "
                    "CIS do stałego zatrudnienia.</p>"
                )
            ],
        },
    },
    {
        "slug": "trzecie-spotkanie-forum-rzecznikow",
        "type": "forum-rzecznikow",
        "mode": "online",
        "date": last_23_march,
        "time": (10, 0),
        "hours": 3,
        "online_url": MEETING_URL,
        "pl": {
            "title": (
                "III spotkanie on-line Forum Mazowieckich Rzeczników Ekonomii "
                "Społecznej"
            ),
            "lead": (
                "Spotkanie przedstawicieli 20 gmin i powiatów: Krajowy Plan "
                "Odbudowy, dobre praktyki samorządów i plany MCPS na ten rok."
            ),
            "body": [
                paragraph(
                    "<p>W programie: perspektywa finansowa 2021–2027, projekt "
                    "„Ryneczek pracy” PCIS w Legionowie, oferta szkoleń, Wirtualne "
                    "wizyty studyjne, Wirtualny Jarmark Rozmaitości i jarmark "
                    "bożonarodzeniowy, konkurs MMES oraz kampania „Ekonomia "
                    "społeczna nie wyklucza”.</p>"
                )
            ],
        },
        "en": {
            "slug": "third-advocates-forum-meeting",
            "title": "Third online meeting of the Forum of Mazovian Social Economy "
            "Advocates",
            "lead": (
                "A meeting of representatives of 20 municipalities and counties: "
                "the National Recovery Plan, good practice of local governments and "
                "MCPS's plans for the year."
            ),
            "body": [
                paragraph(
                    "<p>On the agenda: the 2021–2027 funding period, the “Ryneczek "
                    "pracy” project of the PCIS in Legionowo, trainings, virtual "
                    "study visits, the Virtual Fair of Curiosities, the Christmas "
                    "fair, the MMES competition and the campaign.</p>"
                )
            ],
        },
    },
    {
        "slug": "czwarte-spotkanie-forum-rzecznikow",
        "type": "forum-rzecznikow",
        "mode": "stacjonarnie",
        "days": 35,
        "time": (10, 0),
        "hours": 4,
        **MCPS_VENUE,
        "registration_url": REGISTRATION_URL,
        "register_days_before": 7,
        "pl": {
            "title": "Spotkanie Forum Mazowieckich Rzeczników Ekonomii Społecznej",
            "lead": (
                "Pierwsze od dawna spotkanie stacjonarne rzeczników: podsumowanie "
                "roku, zakupy społecznie odpowiedzialne i współpraca z OWES."
            ),
            "body": [
                paragraph(
                    "<p>Zapraszamy rzeczników ekonomii społecznej z gmin i powiatów "
                    "oraz osoby, które chcą nimi zostać. Zapewniamy obiad i zwrot "
                    "kosztów dojazdu.</p>"
                )
            ],
        },
    },
    {
        "slug": "webinar-ekonomia-spoleczna-w-gminie",
        "type": "webinar",
        "mode": "online",
        "days": 10,
        "time": (12, 0),
        "hours": 1.5,
        "online_url": MEETING_URL,
        "registration_url": REGISTRATION_URL,
        "register_days_before": 1,
        "pl": {
            "title": "Webinar: ekonomia społeczna w strategii gminy",
            "lead": (
                "Półtorej godziny o tym, jak wpisać wsparcie podmiotów ekonomii "
                "społecznej do strategii rozwiązywania problemów społecznych."
            ),
            "body": [
                paragraph(
                    "<p>Webinar poprowadzą pracownicy Wydziału Ekonomii Społecznej "
                    "MCPS. Na pytania odpowiemy na czacie; nagranie z napisami "
                    "opublikujemy po wydarzeniu.</p>"
                )
            ],
        },
    },
    {
        "slug": "webinar-kampania-nie-wyklucza",
        "type": "webinar",
        "mode": "online",
        "days": -12,
        "time": (13, 0),
        "hours": 1,
        "online_url": MEETING_URL,
        "pl": {
            "title": "Webinar: jak opowiadać o ekonomii społecznej",
            "lead": (
                "Materiały kampanii „Ekonomia społeczna nie wyklucza” i wskazówki, "
                "jak pisać o ludziach bez stereotypów."
            ),
            "body": [
                paragraph(
                    "<p>Pokazaliśmy plakaty, filmy i historie ambasadorów kampanii, "
                    "które gminy i organizacje mogą wykorzystać u siebie.</p>"
                )
            ],
        },
    },
]
