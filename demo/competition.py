"""Demo content for `seed_demo`: the competition "Mazowiecka Marka Ekonomii
Społecznej" – its index page, an open edition and a past one, in Polish and English.

Facts come from ``competition/data/mmes_competition.json`` (categories, benefits,
who may apply) and ``competition/data/mcps_org.json`` (contact, data controller).
Criteria, weights and answer limits are the demo's proposal: the real regulamin
does not publish them (see "regulamin_gaps" in the data file); the secretariat
sets them per edition. Entries are not created here.

Dates of the open edition are relative to the day the demo is seeded and never
moved afterwards, like the events' dates.
"""

import datetime
import json
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone

from competition.dates import WARSAW
from demo import jury as demo_jury

DATA_DIR = Path(__file__).resolve().parents[1] / "competition" / "data"


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def question(text, answer):
    return {"type": "question", "value": {"question": text, "answer": answer}}


def competition_data():
    return json.loads((DATA_DIR / "mmes_competition.json").read_text(encoding="utf-8"))


INDEX = {
    "slug": "konkurs",
    "pl": {
        "title": "Konkurs „Mazowiecka Marka Ekonomii Społecznej”",
        "intro": (
            "<p>Od 2016 roku samorząd województwa mazowieckiego wyróżnia tytułem "
            "„Mazowiecka Marka Ekonomii Społecznej” podmioty ekonomii społecznej, "
            "instytucje i osoby, które najlepiej łączą przedsiębiorczość z "
            "pomocą ludziom zagrożonym wykluczeniem. Konkurs prowadzi Mazowieckie "
            "Centrum Polityki Społecznej; laureatów wybiera Kapituła Konkursu.</p>"
            "<p>Laureaci mogą przez rok oznaczać swoje produkty i usługi znakiem "
            "Marki – niebieską „mazowiecką żarówką”.</p>"
        ),
    },
    "en": {
        "slug": "competition",
        "title": "The “Mazovian Social Economy Brand” competition",
        "intro": (
            "<p>Since 2016 the Mazovian regional government has awarded the title "
            "“Mazovian Social Economy Brand” to social economy entities, "
            "institutions and people who best combine enterprise with help for "
            "people at risk of exclusion. The competition is run by the Mazovian "
            "Centre for Social Policy; the laureates are chosen by the Competition "
            "Board.</p>"
            "<p>For a year, laureates may mark their products and services with "
            "the Brand's sign – the blue “Mazovian light bulb”.</p>"
        ),
    },
}

# Six categories of recent editions, with the demo's criteria:
# (name, name_en, question, question_en, guidance for jurors, weight, answer limit)
CATEGORIES = [
    {
        "slug": "rozwoj",
        "code": "rozwoj",
        "icon": "growth",
        "description": (
            "Dla organizacji, które dynamicznie rozwijają działalność społeczną: "
            "nowe usługi i produkty, nowi klienci, nowe miejsca pracy."
        ),
        "description_en": (
            "For organisations that are growing their social activity fast: new "
            "services and products, new customers, new jobs."
        ),
        "who_may_apply": (
            "Podmioty ekonomii społecznej (m.in. spółdzielnie socjalne, fundacje, "
            "stowarzyszenia, spółki non-profit, CIS, KIS, ZAZ, WTZ, koła gospodyń "
            "wiejskich) zarejestrowane i działające w województwie mazowieckim od "
            "co najmniej roku."
        ),
        "who_may_apply_en": (
            "Social economy entities (among others social cooperatives, "
            "foundations, associations, non-profit companies, CIS, KIS, ZAZ, WTZ, "
            "rural women's circles) registered and active in the Mazowieckie "
            "voivodeship for at least a year."
        ),
        "criteria": [
            (
                "Rozwój działalności",
                "Growth of the activity",
                "Jak rozwinęła się Państwa działalność w ostatnich dwóch latach? "
                "Podajcie konkretne przykłady: nowe usługi lub produkty, nowi "
                "klienci, wzrost przychodów, nowe miejsca pracy.",
                "How has your activity grown in the last two years? Give concrete "
                "examples: new services or products, new customers, higher "
                "revenue, new jobs.",
                "Oceniaj skalę i trwałość zmian, nie deklaracje. Wyżej punktuj "
                "rozwój poparty liczbami (przychody, zatrudnienie, klienci) i "
                "odniesiony do punktu wyjścia podmiotu – mała spółdzielnia, która "
                "podwoiła zatrudnienie, rozwija się szybciej niż duża fundacja z "
                "jednym nowym projektem.",
                3,
                2000,
            ),
            (
                "Społeczny efekt rozwoju",
                "Social effect of the growth",
                "Jak rozwój przełożył się na Państwa cele społeczne – zatrudnienie "
                "i wsparcie osób zagrożonych wykluczeniem, reinwestowanie zysku w "
                "działalność społeczną?",
                "How has the growth served your social aims – employing and "
                "supporting people at risk of exclusion, reinvesting profit in "
                "social activity?",
                "Sprawdź, czy wzrost ekonomiczny służy misji: ile osób z grup "
                "zagrożonych wykluczeniem zyskało pracę lub wsparcie, na co "
                "przeznaczono nadwyżkę. Sam wzrost przychodów bez efektu "
                "społecznego to najwyżej 4 punkty.",
                2,
                1500,
            ),
            (
                "Plany i stabilność",
                "Plans and stability",
                "Jakie macie plany na najbliższe dwa lata i jak dbacie o "
                "stabilność finansową (różne źródła przychodu, współpraca z "
                "biznesem i samorządem)?",
                "What are your plans for the next two years and how do you keep "
                "your finances stable (several sources of income, co-operation "
                "with business and local government)?",
                "Oceń realizm planów i zależność od dotacji. Wyżej punktuj "
                "podmioty z kilkoma źródłami przychodu i stałymi klientami.",
                1,
                1500,
            ),
        ],
    },
    {
        "slug": "reintegracja",
        "code": "reintegracja",
        "icon": "hands",
        "description": (
            "Za działania na rzecz aktywizacji społecznej i zawodowej osób "
            "zagrożonych wykluczeniem: powrót do pracy, do wspólnoty, do "
            "samodzielności."
        ),
        "description_en": (
            "For social and vocational activation of people at risk of "
            "exclusion: a return to work, to the community, to independence."
        ),
        "who_may_apply": (
            "Podmioty ekonomii społecznej z województwa mazowieckiego, które "
            "prowadzą reintegrację społeczną i zawodową (m.in. CIS, KIS, ZAZ, WTZ, "
            "spółdzielnie socjalne), działające od co najmniej roku."
        ),
        "who_may_apply_en": (
            "Social economy entities from the Mazowieckie voivodeship that carry "
            "out social and vocational reintegration (among others CIS, KIS, ZAZ, "
            "WTZ, social cooperatives), active for at least a year."
        ),
        "criteria": [
            (
                "Wsparcie w reintegracji",
                "Reintegration support",
                "Jakie działania reintegracyjne prowadzicie (np. indywidualne plany "
                "wsparcia, trening pracy, doradztwo zawodowe, pomoc psychologiczna) "
                "i dla kogo?",
                "What reintegration support do you provide (e.g. individual "
                "support plans, work training, career advice, psychological help) "
                "and for whom?",
                "Oceń, czy wsparcie jest indywidualne i kompleksowe (społeczne i "
                "zawodowe), a nie jednorazowe. Wyżej punktuj pracę z osobami w "
                "najtrudniejszej sytuacji.",
                3,
                2000,
            ),
            (
                "Efekty reintegracji",
                "Results of reintegration",
                "Ile osób w ostatnich dwóch latach podjęło pracę, usamodzielniło "
                "się lub wróciło do aktywności dzięki Waszemu wsparciu? Opiszcie "
                "jedną historię (za zgodą tej osoby).",
                "How many people found work, became independent or returned to "
                "activity thanks to your support in the last two years? Describe "
                "one story (with that person's consent).",
                "Liczby odnoś do liczby uczestników. Historia ilustruje, ale nie "
                "zastępuje danych. Zatrudnienie utrzymane dłużej niż 6 miesięcy "
                "waży więcej niż samo podjęcie pracy.",
                2,
                2000,
            ),
            (
                "Współpraca w otoczeniu",
                "Co-operation with partners",
                "Z kim współpracujecie (ośrodki pomocy społecznej, urzędy pracy, "
                "pracodawcy, szkoły), aby uczestnicy znaleźli i utrzymali pracę?",
                "Who do you work with (social assistance centres, labour offices, "
                "employers, schools) so that participants find and keep a job?",
                "Wyżej punktuj stałe, udokumentowane partnerstwa z pracodawcami "
                "rynku otwartego niż pojedyncze kontakty.",
                1,
                1500,
            ),
        ],
    },
    {
        "slug": "odpowiedzialnosc",
        "code": "odpowiedzialnosc",
        "icon": "heart",
        "description": (
            "Dla podmiotów, które realizują wartości społecznej odpowiedzialności "
            "biznesu: wobec pracowników, społeczności lokalnej i środowiska."
        ),
        "description_en": (
            "For organisations that live the values of corporate social "
            "responsibility: towards employees, the local community and the "
            "environment."
        ),
        "who_may_apply": (
            "Podmioty ekonomii społecznej oraz firmy, instytucje i jednostki "
            "samorządu terytorialnego z województwa mazowieckiego, które działają "
            "odpowiedzialnie społecznie i współpracują z ekonomią społeczną."
        ),
        "who_may_apply_en": (
            "Social economy entities and companies, institutions and local "
            "governments from the Mazowieckie voivodeship that act in a socially "
            "responsible way and work with the social economy."
        ),
        "criteria": [
            (
                "Odpowiedzialność wobec pracowników",
                "Responsibility towards employees",
                "Jak dbacie o pracowników i współpracowników (warunki pracy, "
                "rozwój, równe traktowanie, dostosowanie stanowisk do potrzeb "
                "osób z niepełnosprawnościami)?",
                "How do you look after your employees and co-workers (working "
                "conditions, development, equal treatment, workplaces adapted for "
                "people with disabilities)?",
                "Szukaj rozwiązań stałych i sprawdzalnych (regulaminy, szkolenia, "
                "dostosowania), nie ogólnych deklaracji.",
                2,
                1500,
            ),
            (
                "Odpowiedzialność wobec społeczności i środowiska",
                "Responsibility towards the community and the environment",
                "Jakie działania prowadzicie na rzecz społeczności lokalnej i "
                "środowiska? Jakie są ich efekty?",
                "What do you do for the local community and the environment? "
                "What has come of it?",
                "Oceń, czy działania wynikają z potrzeb społeczności i są "
                "prowadzone regularnie. Jednorazowa akcja promocyjna to najwyżej "
                "3 punkty.",
                2,
                1500,
            ),
            (
                "Współpraca z ekonomią społeczną",
                "Co-operation with the social economy",
                "Czy i jak kupujecie usługi lub produkty od podmiotów ekonomii "
                "społecznej, stosujecie klauzule społeczne w zamówieniach albo w "
                "inny sposób wspieracie ten sektor?",
                "Do you buy services or products from social economy entities, "
                "use social clauses in procurement or support the sector in "
                "another way? How?",
                "Wyżej punktuj stałą współpracę o znaczącej wartości (np. "
                "zamówienia z klauzulami społecznymi) niż jednorazowe zakupy.",
                1,
                1500,
            ),
        ],
    },
    {
        "slug": "osobowosc",
        "code": "osobowosc",
        "icon": "person",
        "nominee_is_person": True,
        "description": (
            "Dla osób, które swoją pracą i pasją przyczyniają się do rozwoju "
            "ekonomii społecznej na Mazowszu."
        ),
        "description_en": (
            "For people whose work and passion help the social economy grow in Mazovia."
        ),
        "who_may_apply": (
            "Osoby działające na rzecz ekonomii społecznej w województwie "
            "mazowieckim: liderki i liderzy podmiotów ekonomii społecznej, "
            "pracownicy instytucji i samorządów, przedsiębiorcy, wolontariusze. "
            "Kandydatkę lub kandydata może zgłosić organizacja, instytucja albo "
            "inna osoba; można też zgłosić siebie."
        ),
        "who_may_apply_en": (
            "People who work for the social economy in the Mazowieckie "
            "voivodeship: leaders of social economy entities, staff of "
            "institutions and local governments, business people, volunteers. A "
            "candidate may be nominated by an organisation, an institution or "
            "another person; you may also nominate yourself."
        ),
        "criteria": [
            (
                "Wkład w rozwój ekonomii społecznej",
                "Contribution to the social economy",
                "Co kandydatka lub kandydat zrobił dla rozwoju ekonomii społecznej "
                "na Mazowszu? Podajcie konkretne działania i ich efekty.",
                "What has the candidate done for the social economy in Mazovia? "
                "Give concrete actions and their results.",
                "Oceń osobisty wkład kandydata (a nie całej organizacji) i jego "
                "efekty: powstałe podmioty, miejsca pracy, zmiany w gminie.",
                3,
                2000,
            ),
            (
                "Postawa i inspiracja",
                "Attitude and inspiration",
                "Jak kandydatka lub kandydat inspiruje innych i dzieli się wiedzą "
                "(np. mentoring, wystąpienia, budowanie sieci współpracy)?",
                "How does the candidate inspire others and share knowledge (e.g. "
                "mentoring, talks, building networks)?",
                "Wyżej punktuj działania, które przyniosły naśladowców lub nowe "
                "partnerstwa, niż samą obecność w mediach.",
                2,
                1500,
            ),
            (
                "Trwałość działań",
                "Lasting impact",
                "Od jak dawna kandydatka lub kandydat działa w tym obszarze i co "
                "z tej pracy zostanie na dłużej?",
                "How long has the candidate worked in this field and what of this "
                "work will last?",
                "Oceń ciągłość zaangażowania i to, czy efekty przetrwają bez "
                "udziału kandydata (instytucje, zasady, ludzie).",
                1,
                1500,
            ),
        ],
    },
    {
        "slug": "odkrycie",
        "code": "odkrycie",
        "icon": "compass",
        "description": (
            "Dla nowatorskich inicjatyw, które wnoszą świeże spojrzenie na sektor "
            "ekonomii społecznej."
        ),
        "description_en": (
            "For innovative initiatives that bring a fresh look to the social "
            "economy sector."
        ),
        "who_may_apply": (
            "Podmioty ekonomii społecznej z województwa mazowieckiego, działające "
            "od co najmniej roku, z nowatorską inicjatywą (nowa usługa, produkt "
            "lub sposób współpracy) rozpoczętą w ciągu ostatnich trzech lat."
        ),
        "who_may_apply_en": (
            "Social economy entities from the Mazowieckie voivodeship, active for "
            "at least a year, with an innovative initiative (a new service, "
            "product or way of co-operating) started in the last three years."
        ),
        "criteria": [
            (
                "Nowatorstwo",
                "Innovation",
                "Na czym polega nowatorstwo Waszej inicjatywy? Czym różni się od "
                "tego, co już działa w Waszej okolicy lub w sektorze?",
                "What is new about your initiative? How does it differ from what "
                "already exists in your area or in the sector?",
                "Nowatorstwo oceniaj na tle Mazowsza i sektora, nie tylko gminy. "
                "Przeniesienie sprawdzonego rozwiązania w nowe miejsce też może "
                "być odkryciem, jeśli wymagało dostosowania.",
                2,
                1500,
            ),
            (
                "Odpowiedź na potrzebę",
                "Meeting a need",
                "Jaką potrzebę społeczną lub lokalną rozwiązuje inicjatywa i skąd "
                "wiecie, że ta potrzeba istnieje?",
                "What social or local need does the initiative meet, and how do "
                "you know the need exists?",
                "Wyżej punktuj potrzeby rozpoznane (rozmowy, dane, diagnoza) niż "
                "założone.",
                2,
                1500,
            ),
            (
                "Potencjał rozwoju i powielenia",
                "Potential to grow and be copied",
                "Czy inicjatywę można rozwijać lub przenieść w inne miejsca? Jakie "
                "są jej pierwsze rezultaty?",
                "Can the initiative grow or be used elsewhere? What are its first "
                "results?",
                "Oceń, czy są już pierwsze rezultaty i czy model nie zależy od "
                "jednorazowego finansowania.",
                1,
                1500,
            ),
        ],
    },
    {
        "slug": "super-marka",
        "code": "super_marka",
        "icon": "star",
        "previous_laureates_only": True,
        "description": (
            "Dla dotychczasowych laureatów, którzy wyróżniają się na tle całego "
            "województwa. Jedyna kategoria z nagrodą pieniężną."
        ),
        "description_en": (
            "For previous laureates who stand out in the whole voivodeship. The "
            "only category with a cash prize."
        ),
        "who_may_apply": (
            "Wyłącznie laureaci wcześniejszych edycji konkursu „Mazowiecka Marka "
            "Ekonomii Społecznej”."
        ),
        "who_may_apply_en": (
            "Only laureates of earlier editions of the “Mazovian Social Economy "
            "Brand” competition."
        ),
        "criteria": [
            (
                "Rozwój od otrzymania Marki",
                "Progress since the award",
                "Jak zmienił się Wasz podmiot od otrzymania tytułu Mazowieckiej "
                "Marki Ekonomii Społecznej? Co udało się osiągnąć?",
                "How has your organisation changed since it received the Mazovian "
                "Social Economy Brand? What have you achieved?",
                "Porównaj stan obecny ze zgłoszeniem z roku wyróżnienia (jest w "
                "archiwum sekretariatu). Liczy się trwały rozwój, nie jego "
                "deklaracja.",
                3,
                2000,
            ),
            (
                "Wpływ w skali województwa",
                "Impact across the region",
                "Jaki jest Wasz wpływ poza własną gminą lub powiatem – w skali "
                "całego Mazowsza?",
                "What is your impact beyond your own municipality or county – "
                "across Mazovia?",
                "Wyżej punktuj działania obejmujące kilka powiatów, partnerstwa "
                "regionalne i rozwiązania przejęte przez innych.",
                2,
                1500,
            ),
            (
                "Znak Marki i promocja sektora",
                "The Brand's sign and promoting the sector",
                "Jak wykorzystujecie znak Mazowieckiej Marki Ekonomii Społecznej i "
                "jak promujecie ekonomię społeczną?",
                "How do you use the Mazovian Social Economy Brand sign and how do "
                "you promote the social economy?",
                "Oceń, czy znak jest widoczny (produkty, siedziba, materiały) i "
                "czy podmiot promuje cały sektor, nie tylko siebie.",
                1,
                1500,
            ),
        ],
    },
]


def category_names():
    """slug -> (Polish name, English name), from the competition's data file."""
    by_code = {item["code"]: item for item in competition_data()["categories"]}
    return {
        spec["slug"]: (by_code[spec["code"]]["pl"], by_code[spec["code"]]["en"])
        for spec in CATEGORIES
    }


def benefits_html(language):
    items = {
        "pl": [
            "prawo do oznaczania produktów i usług znakiem Marki przez rok,",
            "znak Marki w siedzibie i w materiałach promocyjnych,",
            "promocja na stronach MCPS i w corocznym „Informatorze MMES”,",
            "dyplom i pamiątkowa tabliczka,",
            "w kategorii „Super Marka” – także nagroda pieniężna.",
        ],
        "en": [
            "the right to mark products and services with the Brand's sign for a year,",
            "the sign at your premises and in promotional materials,",
            "promotion on the MCPS website and in the yearly “MMES Guide”,",
            "a diploma and a commemorative plaque,",
            "in the “Super Brand” category – also a cash prize.",
        ],
    }[language]
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def edition_body(language, year):
    if language == "pl":
        return [
            heading("Co zyskują laureaci"),
            paragraph(benefits_html("pl")),
            heading("Jak wziąć udział"),
            paragraph(
                "<ol><li>Wybierz kategorię i sprawdź, kto może się w niej "
                "zgłosić.</li><li>Wypełnij formularz zgłoszeniowy: dane "
                "podmiotu lub osoby i odpowiedzi na pytania kryteriów.</li>"
                "<li>Dołącz zdjęcia i prezentację (PDF, PowerPoint, film lub "
                "nagranie) albo link do filmu.</li><li>Wyślij zgłoszenie przed "
                "końcem naboru. Potwierdzenie z numerem zgłoszenia przyjdzie "
                "e-mailem.</li></ol>"
                f"<p>Przed przyznaniem tytułu pracownicy MCPS mogą odwiedzić "
                f"kandydatów. Wyniki edycji {year} ogłosimy na tej stronie i "
                "podczas gali.</p>"
            ),
        ]
    return [
        heading("What the laureates receive"),
        paragraph(benefits_html("en")),
        heading("How to take part"),
        paragraph(
            "<ol><li>Choose a category and check who may apply in it.</li>"
            "<li>Fill in the entry form: details of the organisation or person "
            "and answers to the criteria's questions.</li><li>Attach photos and "
            "a presentation (PDF, PowerPoint, video or audio) or a link to a "
            "video.</li><li>Send the entry before submissions close. A "
            "confirmation with the entry number will come by e-mail.</li></ol>"
            "<p>Before the title is awarded, MCPS staff may visit the "
            f"candidates. The results of the {year} edition will be announced "
            "on this page and at the gala.</p>"
        ),
    ]


FAQ = {
    "pl": [
        question(
            "Czy można zgłosić się w kilku kategoriach?",
            "<p>Tak, ale w każdej kategorii osobnym zgłoszeniem. Jeden "
            "zgłaszający może złożyć jedno zgłoszenie w danej kategorii.</p>",
        ),
        question(
            "Kto może zgłosić kandydata w kategorii „Osobowość”?",
            "<p>Organizacja, instytucja albo inna osoba; można też zgłosić "
            "siebie. Osobę zgłoszoną przez kogoś innego poinformujemy e-mailem, "
            "że jej dane trafiły do konkursu, i wyjaśnimy jej prawa.</p>",
        ),
        question(
            "Czy muszę dołączyć prezentację?",
            "<p>Prezentacja (PDF lub PowerPoint), film albo nagranie, które "
            "odpowiada na pytania kryteriów, bardzo pomaga Kapitule. Zamiast "
            "pliku możesz podać link do filmu. Limity plików podajemy w "
            "formularzu.</p>",
        ),
        question(
            "Czy mogę przerwać wypełnianie formularza i wrócić do niego później?",
            "<p>Tak. Wybierz „Zapisz wersję roboczą”, a wyślemy Ci e-mailem link "
            "do dokończenia. Wersja robocza nie jest zgłoszeniem: trzeba ją "
            "wysłać przed końcem naboru.</p>",
        ),
        question(
            "Skąd będę wiedzieć, co dzieje się z moim zgłoszeniem?",
            "<p>Po wysłaniu zgłoszenia dostaniesz e-mail z numerem (np. "
            "MMES-2027-0007) i prywatnym linkiem do strony statusu. Tam "
            "zobaczysz etap oceny, a jeśli sekretariat poprosi o uzupełnienie – "
            "poprawisz zgłoszenie.</p>",
        ),
    ],
    "en": [
        question(
            "Can I apply in more than one category?",
            "<p>Yes, with a separate entry in each category. Each applicant may "
            "send one entry per category.</p>",
        ),
        question(
            "Who can nominate a candidate in the “Personality” category?",
            "<p>An organisation, an institution or another person; you may also "
            "nominate yourself. We will e-mail a person nominated by someone "
            "else that their data are in the competition and explain their "
            "rights.</p>",
        ),
        question(
            "Do I have to attach a presentation?",
            "<p>A presentation (PDF or PowerPoint), a video or an audio "
            "recording that answers the criteria's questions helps the Board a "
            "lot. Instead of a file you can give a link to a video. The file "
            "limits are shown in the form.</p>",
        ),
        question(
            "Can I stop filling in the form and come back later?",
            "<p>Yes. Choose “Save draft” and we will e-mail you a link to "
            "finish it. A draft is not an entry: send it before submissions "
            "close.</p>",
        ),
        question(
            "How will I know what happens to my entry?",
            "<p>After you send it you will get an e-mail with the entry number "
            "(e.g. MMES-2027-0007) and a private link to its status page. There "
            "you will see the stage of the assessment and, if the secretariat "
            "asks for more information, correct your entry.</p>",
        ),
    ],
}


# NOTE: the legal text below is a demo draft. It MUST be verified (and replaced
# as needed) by MCPS's data protection officer (IOD) before real use: legal
# bases, retention periods and recipients are assumptions, not MCPS's decisions.
def information_clause_pl(org):
    """Art. 13 RODO information clause for the competition's entry form."""
    return (
        f"<p>Administratorem danych osobowych jest {org['name']} (MCPS), "
        f"{org['address']}, tel. {org['phone']}, e-mail: "
        f'<a href="mailto:{org["email"]}">{org["email"]}</a>.</p>'
        "<p>Z inspektorem ochrony danych można się skontaktować pod adresem "
        f'<a href="mailto:{org["iod_email"]}">{org["iod_email"]}</a>.</p>'
        "<ol><li>Dane zgłaszającego i kandydata przetwarzamy w celu "
        "przeprowadzenia konkursu „Mazowiecka Marka Ekonomii Społecznej”: "
        "oceny formalnej, oceny przez Kapitułę Konkursu, ogłoszenia wyników, "
        "wręczenia wyróżnień, promocji laureatów oraz kontaktu w sprawie "
        "zgłoszenia.</li>"
        "<li>Podstawą przetwarzania jest art. 6 ust. 1 lit. e RODO – wykonanie "
        "zadania w interesie publicznym, jakim jest wspieranie ekonomii "
        "społecznej przez samorząd województwa; wizerunek oraz dane podane "
        "dobrowolnie ponad wymagane przetwarzamy na podstawie zgody (art. 6 "
        "ust. 1 lit. a RODO).</li>"
        "<li>Odbiorcami danych są członkowie Kapituły Konkursu oraz podmioty, "
        "które na zlecenie MCPS świadczą usługi informatyczne, hostingowe i "
        "pocztowe; dane laureatów (nazwa, powiat, kategoria) publikujemy.</li>"
        "<li>Dane przechowujemy przez czas trwania konkursu, a następnie przez "
        "okres wymagany przepisami o archiwizacji dokumentacji; dane "
        "przetwarzane na podstawie zgody – do jej wycofania. Niedokończone "
        "wersje robocze zgłoszeń usuwamy automatycznie.</li>"
        "<li>Przysługuje Pani/Panu prawo dostępu do danych, ich sprostowania, "
        "usunięcia lub ograniczenia przetwarzania, wniesienia sprzeciwu, a w "
        "zakresie zgody – jej wycofania w dowolnym momencie, bez wpływu na "
        "zgodność z prawem przetwarzania sprzed wycofania.</li>"
        "<li>Przysługuje Pani/Panu prawo wniesienia skargi do Prezesa Urzędu "
        "Ochrony Danych Osobowych, ul. Stawki 2, 00-193 Warszawa.</li>"
        "<li>Podanie danych jest dobrowolne, ale niezbędne do udziału w "
        "konkursie. Dane nie są wykorzystywane do zautomatyzowanego "
        "podejmowania decyzji ani profilowania i nie są przekazywane do państw "
        "trzecich.</li></ol>"
    )


def information_clause_en(org):
    """The same clause in English (the Polish text is the binding one)."""
    return (
        "<p>The controller of the personal data is the Mazovian Centre for "
        f"Social Policy ({org['name']}, MCPS), {org['address']}, Poland, "
        f"phone +48 {org['phone']}, e-mail: "
        f'<a href="mailto:{org["email"]}">{org["email"]}</a>.</p>'
        "<p>You can contact our data protection officer at "
        f'<a href="mailto:{org["iod_email"]}">{org["iod_email"]}</a>.</p>'
        "<ol><li>We process the data of the applicant and the candidate to run "
        "the “Mazovian Social Economy Brand” competition: the formal check, "
        "the assessment by the Competition Board, the announcement of the "
        "results, the award ceremony, the promotion of the laureates and "
        "contact about the entry.</li>"
        "<li>The legal basis is Article 6(1)(e) GDPR – a task carried out in "
        "the public interest, the regional government's support for the "
        "social economy; your image and any data given beyond what is "
        "required are processed on the basis of consent (Article 6(1)(a) "
        "GDPR).</li>"
        "<li>The data are disclosed to the members of the Competition Board "
        "and to companies providing IT, hosting and postal services to MCPS; "
        "the laureates' details (name, county, category) are published.</li>"
        "<li>We keep the data for the duration of the competition and then "
        "for the period required by the archiving rules; data processed on the "
        "basis of consent until it is withdrawn. Unfinished drafts are deleted "
        "automatically.</li>"
        "<li>You have the right to access, rectify and erase your data, to "
        "restrict its processing, to object, and to withdraw your consent at "
        "any time without affecting the lawfulness of processing before the "
        "withdrawal.</li>"
        "<li>You have the right to lodge a complaint with the President of the "
        "Personal Data Protection Office (Prezes Urzędu Ochrony Danych "
        "Osobowych), ul. Stawki 2, 00-193 Warsaw.</li>"
        "<li>Providing the data is voluntary but necessary to take part. The "
        "data are not used for automated decision-making or profiling and are "
        "not transferred to third countries.</li></ol>"
    )


def contact(org, language):
    department = org["department"]["name"]
    name = {
        "pl": f"{department}, {org['name']}",
        "en": "Social Economy Department, Mazovian Centre for Social Policy",
    }[language]
    return {
        "contact_name": name,
        "contact_email": org["email"],
        "contact_phone": org["phone"],
    }


def warsaw(day, hour=0, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=WARSAW)


def open_edition_dates(now=None):
    """Opened 7 days ago; closes after 30 more days at 23:59:59 Warsaw time,
    stored as the next midnight (the first refused instant); jury and results
    follow."""
    today = timezone.localdate(now or timezone.now(), WARSAW)
    closes = warsaw(today + datetime.timedelta(days=31))
    return {
        "submissions_open_at": warsaw(today - datetime.timedelta(days=7)),
        "submissions_close_at": closes,
        "jury_opens_at": closes + datetime.timedelta(days=14),
        "jury_closes_at": closes + datetime.timedelta(days=60),
        "results_at": warsaw(closes.date() + datetime.timedelta(days=90), 12),
    }


# The past edition, with published results: every date long before the demo.
PAST_EDITION_DATES = {
    "submissions_open_at": warsaw(datetime.date(2025, 3, 3), 9),
    "submissions_close_at": warsaw(datetime.date(2025, 4, 1)),
    "jury_opens_at": warsaw(datetime.date(2025, 4, 22)),
    "jury_closes_at": warsaw(datetime.date(2025, 7, 1)),
    "results_at": warsaw(datetime.date(2025, 9, 16), 12),
}

# What the secretariat checks before an entry goes to the jury.
FORMAL_CRITERIA = [
    (
        "Siedziba lub działalność w województwie mazowieckim",
        "Seat or activity in Mazovia",
    ),
    ("Co najmniej rok działalności", "At least one year of activity"),
    (
        "Kompletny formularz i odpowiedzi na pytania kryteriów",
        "Complete form and answers",
    ),
    (
        "Prezentacja lub film odpowiadający na pytania kategorii",
        "A presentation or video",
    ),
]


def formal_criteria():
    from competition.models import FormalCriterion

    return [
        FormalCriterion(sort_order=position, text=text, text_en=text_en)
        for position, (text, text_en) in enumerate(FORMAL_CRITERIA)
    ]


EDITIONS = [
    {
        "slug": "mmes-2027",
        "code": "MMES-2027",
        "year": 2027,
        "dates": open_edition_dates,
        "entries": True,
        "rules_document": "Regulamin konkursu „Mazowiecka Marka Ekonomii "
        "Społecznej 2027” (wersja demonstracyjna)",
        "pl": {
            "title": "Mazowiecka Marka Ekonomii Społecznej 2027",
            "intro": (
                "<p>Rusza 12. edycja konkursu. Zgłoś swoją spółdzielnię, fundację "
                "lub stowarzyszenie – albo osobę, która rozwija ekonomię "
                "społeczną na Mazowszu. Zgłoszenia przyjmujemy przez formularz "
                "na tej stronie.</p>"
            ),
        },
        "en": {
            "title": "Mazovian Social Economy Brand 2027",
            "intro": (
                "<p>The 12th edition of the competition is open. Enter your "
                "cooperative, foundation or association – or a person who "
                "develops the social economy in Mazovia. Entries are accepted "
                "through the form on this page.</p>"
            ),
        },
    },
    {
        "slug": "mmes-2026",
        "code": "MMES-2026",
        "year": 2026,
        "dates": lambda: demo_jury.jury_phase_dates(),
        "jury": "scoring",
        "rules_document": None,
        "pl": {
            "title": "Mazowiecka Marka Ekonomii Społecznej 2026",
            "intro": (
                "<p>11. edycja konkursu. Nabór zakończył się; sekretariat sprawdził "
                "zgłoszenia, a jury właśnie je ocenia. Wyniki opublikujemy na tej "
                "stronie.</p>"
            ),
        },
        "en": {
            "title": "Mazovian Social Economy Brand 2026",
            "intro": (
                "<p>The 11th edition of the competition. Submissions have closed; "
                "the secretariat has checked the entries and the jury is scoring "
                "them now. The results will be published on this page.</p>"
            ),
        },
    },
    {
        "slug": "mmes-2025",
        "code": "MMES-2025",
        "year": 2025,
        "dates": lambda: PAST_EDITION_DATES,
        "jury": "published",
        "rules_document": None,
        "pl": {
            "title": "Mazowiecka Marka Ekonomii Społecznej 2025",
            "intro": (
                "<p>10. edycja konkursu. Jury wyłoniło laureatów i wyróżnionych "
                "w każdej kategorii – poznaj ich poniżej.</p>"
            ),
        },
        "en": {
            "title": "Mazovian Social Economy Brand 2025",
            "intro": (
                "<p>The 10th edition of the competition. The jury chose the "
                "winners and special mentions in every category – meet them "
                "below.</p>"
            ),
        },
    },
]


def seed(command, pl, en):
    """The index and both editions in Polish and English (only what is missing).

    ``command`` is the `seed_demo` command, for its helpers (`seed_translation`,
    `org_data`).
    """
    from competition.models import CompetitionIndexPage, CompetitionPage
    from home.models import HomePage

    org = command.org_data()
    # Reload: earlier steps added children through other instances.
    home = HomePage.objects.get(locale=pl, depth=2)
    index = home.get_children().filter(slug=INDEX["slug"]).specific().first()
    if index is None:
        index = CompetitionIndexPage(
            slug=INDEX["slug"], show_in_menus=True, **INDEX["pl"]
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    command.seed_translation(index, en, INDEX["en"])

    for spec in EDITIONS:
        index = CompetitionIndexPage.objects.get(pk=index.pk)
        edition = index.get_children().filter(slug=spec["slug"]).specific().first()
        if edition is None:
            edition = CompetitionPage(
                slug=spec["slug"],
                code=spec["code"],
                body=edition_body("pl", spec["year"]),
                faq=FAQ["pl"],
                information_clause=information_clause_pl(org),
                rules_document=rules_document(spec["rules_document"]),
                **contact(org, "pl"),
                formal_criteria=formal_criteria(),
                **spec["dates"](),
                **spec["pl"],
            )
            index.add_child(instance=edition)
            edition.save_revision().publish()
        seed_categories(edition)
        if spec.get("entries"):
            from demo.entries import seed_entries

            seed_entries(edition, command.stdout.write)
        command.seed_translation(
            edition,
            en,
            {
                **spec["en"],
                "body": edition_body("en", spec["year"]),
                "faq": FAQ["en"],
                "information_clause": information_clause_en(org),
                **contact(org, "en"),
            },
        )
        if spec.get("jury") == "scoring":
            demo_jury.seed_jury_phase(edition, command.stdout.write)
        elif spec.get("jury") == "published":
            demo_jury.seed_published(
                CompetitionPage.objects.get(pk=edition.pk), command.stdout.write
            )


def rules_document(title):
    if title is None:
        return None
    from wagtail.documents import get_document_model

    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        # The demo rules (A4, four pages), typeset by scripts/demo_assets.py.
        source = Path(__file__).resolve().parent / "assets"
        document = Document(title=title)
        document.file = ContentFile(
            (source / "regulamin-mmes-2027.pdf").read_bytes(),
            name="regulamin-mmes-2027.pdf",
        )
        document._set_document_file_metadata()
        document.save()
    return document


def seed_categories(edition):
    """The six categories with three criteria each, unless the edition has them."""
    from competition.models import Category, Criterion

    names = category_names()
    for position, spec in enumerate(CATEGORIES):
        if Category.objects.filter(edition=edition, slug=spec["slug"]).exists():
            continue
        name, name_en = names[spec["slug"]]
        category = Category.objects.create(
            edition=edition,
            slug=spec["slug"],
            sort_order=position,
            name=name,
            name_en=name_en,
            description=spec["description"],
            description_en=spec["description_en"],
            who_may_apply=spec["who_may_apply"],
            who_may_apply_en=spec["who_may_apply_en"],
            previous_laureates_only=spec.get("previous_laureates_only", False),
            nominee_is_person=spec.get("nominee_is_person", False),
            icon=spec["icon"],
        )
        for number, criterion in enumerate(spec["criteria"]):
            name, name_en, question_pl, question_en, guidance, weight, limit = criterion
            Criterion.objects.create(
                category=category,
                sort_order=number,
                name=name,
                name_en=name_en,
                question=question_pl,
                question_en=question_en,
                juror_guidance=guidance,
                weight=weight,
                max_points=10,
                answer_max_length=limit,
            )
