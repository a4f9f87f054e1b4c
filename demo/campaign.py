"""Demo content for `seed_demo`: the campaign page and the home page's new sections.

The people and organisations are invented for the demo; their portraits and
wordmarks are drawings made for it (``scripts/demo_assets.py``, files in
``demo/assets/``), and the alt texts say so.
"""

import datetime


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def testimonial(text, author, role):
    return {
        "type": "testimonial",
        "value": {"text": text, "author": author, "role": role},
    }


HASHTAGS = "#EkonomiaSpołecznaNieWyklucza, #MazowszeES"

CAMPAIGN = {
    "slug": "kampania",
    "start_date": datetime.date(2021, 5, 26),
    "pl": {
        "title": "Ekonomia społeczna nie wyklucza",
        "slogan": "Praca, która daje miejsce we wspólnocie",
        "intro": (
            "Kampania Mazowieckiego Centrum Polityki Społecznej o ludziach, którzy "
            "dzięki spółdzielniom socjalnym, centrom integracji i organizacjom "
            "pozarządowym wrócili do pracy – i o tym, jak każdy z nas może ich "
            "wspierać, kupując ich usługi i produkty."
        ),
        "hero_image_alt": "",
        "hashtags": HASHTAGS,
        "body": [
            paragraph(
                "<p>Na Mazowszu działają setki podmiotów ekonomii społecznej. "
                "Prowadzą kawiarnie, pralnie, ogrody, firmy sprzątające i "
                "cateringowe. Zatrudniają osoby z niepełnosprawnościami, osoby "
                "długo bezrobotne i te, które wychodzą z kryzysu bezdomności. "
                "Zarobione pieniądze wracają do wspólnoty.</p>"
            ),
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
        "testimonials": [
            testimonial(
                "Przez sześć lat nikt nie chciał mnie zatrudnić. W spółdzielni "
                "nauczyłam się gotować dla stu osób, a dziś sama szkolę nowe "
                "koleżanki.",
                "Pani Teresa",
                "kucharka w spółdzielni socjalnej pod Radomiem",
            ),
            testimonial(
                "Centrum integracji dało mi rok na to, żeby stanąć na nogi. "
                "Zrobiłem uprawnienia i pracuję w ekipie remontowej.",
                "Pan Marek",
                "absolwent centrum integracji społecznej",
            ),
            testimonial(
                "W naszej pralni każdy ma swoje tempo. Liczy się to, że razem "
                "dowozimy zamówienia na czas.",
                "Pani Agnieszka",
                "koordynatorka pralni prowadzonej przez fundację",
            ),
        ],
    },
    "en": {
        "slug": "campaign",
        "title": "Social economy does not exclude",
        "slogan": "Work that gives you a place in the community",
        "intro": (
            "A campaign of the Mazovian Centre for Social Policy about people who "
            "returned to work thanks to social cooperatives, integration centres "
            "and NGOs – and about how each of us can support them by buying their "
            "services and products."
        ),
        "hero_image_alt": "",
        "hashtags": HASHTAGS,
        "body": [
            paragraph(
                "<p>Hundreds of social economy entities work in Mazovia. They run "
                "cafés, laundries, gardens, cleaning and catering businesses. They "
                "employ people with disabilities, the long-term unemployed and "
                "people leaving homelessness. The money they earn goes back to the "
                "community.</p>"
            ),
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
        "testimonials": [
            testimonial(
                "For six years nobody would hire me. In the cooperative I learnt "
                "to cook for a hundred people, and today I train new colleagues.",
                "Ms Teresa",
                "cook in a social cooperative near Radom",
            ),
            testimonial(
                "The integration centre gave me a year to get back on my feet. I "
                "got my certificates and I work in a renovation team.",
                "Mr Marek",
                "graduate of a social integration centre",
            ),
            testimonial(
                "In our laundry everyone has their own pace. What counts is that "
                "together we deliver the orders on time.",
                "Ms Agnieszka",
                "coordinator of a laundry run by a foundation",
            ),
        ],
    },
}

# Invented ambassadors: name and (role, quote) per language; each has a drawn
# portrait, demo/assets/portret-<slugified name>.png.
AMBASSADORS = [
    {
        "name": "Joanna Wierzbicka",
        "pl": (
            "prezeska spółdzielni socjalnej „Przystań” w Płocku",
            "Zatrudniamy ludzi, nie statystyki. Każda osoba, która u nas zostaje, "
            "to dowód, że warto.",
        ),
        "en": (
            "president of the “Przystań” social cooperative in Płock",
            "We employ people, not statistics. Everyone who stays with us is proof "
            "that it is worth it.",
        ),
    },
    {
        "name": "Krzysztof Zalewski",
        "pl": (
            "kierownik centrum integracji społecznej w Siedlcach",
            "Drugi start jest trudniejszy niż pierwszy. Dlatego nikt nie powinien "
            "zaczynać go sam.",
        ),
        "en": (
            "head of the social integration centre in Siedlce",
            "A second start is harder than the first. That is why nobody should "
            "make it alone.",
        ),
    },
    {
        "name": "Beata Lis",
        "pl": (
            "rzeczniczka ekonomii społecznej w gminie Legionowo",
            "Gmina, która kupuje od firm społecznych, inwestuje we własnych "
            "mieszkańców.",
        ),
        "en": (
            "social economy advocate in the municipality of Legionowo",
            "A municipality that buys from social enterprises invests in its own "
            "residents.",
        ),
    },
]

PORTRAIT_ALT = {
    "pl": (
        "Rysunkowy portret zamiast zdjęcia (osoba wymyślona na potrzeby demonstracji)"
    ),
    "en": "A drawn portrait instead of a photo (a person invented for the demo)",
}

# The leaflet (A5, four pages) typeset by scripts/demo_assets.py.
MATERIAL = {
    "title": "Ekonomia społeczna nie wyklucza – ulotka kampanii",
    "file_name": "ulotka-ekonomia-spoleczna-nie-wyklucza.pdf",
    "pl": "Ulotka kampanii (do druku)",
    "en": "Campaign leaflet (Polish, for print)",
}

# Invented organisations: name, wordmark (demo/assets/logo-<name>.png), site.
PARTNERS = [
    (
        "Fundacja Wspólny Stół",
        "fundacja-wspolny-stol",
        "https://wspolny-stol.example.org/",
    ),
    (
        "Ośrodek Wsparcia Ekonomii Społecznej Mazowsze Północ",
        "owes-mazowsze-polnoc",
        "https://owes-polnoc.example.org/",
    ),
    (
        "Spółdzielnia Socjalna „Zielony Zakątek”",
        "zielony-zakatek",
        "https://zielony-zakatek.example.org/",
    ),
]
LOGO_ALT = {"pl": "Logo: {name}", "en": "Logo: {name}"}

EASY_TO_READ = {
    "pl": {
        "title": "Informacje o serwisie w tekście łatwym do czytania",
        "text": (
            "<p>Ten serwis prowadzi Mazowieckie Centrum Polityki Społecznej. "
            "W skrócie: MCPS.</p>"
            "<p>MCPS pomaga ludziom, którym trudno znaleźć pracę.</p>"
            "<p>W serwisie są:</p>"
            "<ul><li>informacje o firmach, które zatrudniają takich ludzi,</li>"
            "<li>aktualności,</li><li>wydarzenia,</li>"
            "<li>konkurs dla najlepszych firm społecznych.</li></ul>"
            "<p>Chcesz z nami porozmawiać? Zadzwoń: 22 376 85 00. "
            "Możesz też napisać: mcps@mcps.com.pl.</p>"
        ),
    },
    "en": {
        "title": "About this website in easy-to-read text",
        "text": (
            "<p>This website is run by the Mazovian Centre for Social Policy. "
            "In short: MCPS.</p>"
            "<p>MCPS helps people who find it hard to get a job.</p>"
            "<p>On this website you will find:</p>"
            "<ul><li>information about firms that employ these people,</li>"
            "<li>news,</li><li>events,</li>"
            "<li>a competition for the best social firms.</li></ul>"
            "<p>Do you want to talk to us? Call: +48 22 376 85 00. "
            "You can also write: mcps@mcps.com.pl.</p>"
        ),
    },
}

# A link, not an embed: rendering needs no oEmbed call. The demo address is a
# placeholder until MCPS publishes its film.
SIGN_LANGUAGE_VIDEO = {
    "pl": {
        "url": "https://example.org/mcps/film-pjm",
        "title": "Informacje o serwisie w polskim języku migowym",
        "description": (
            "Tłumaczka PJM opowiada, czym zajmuje się MCPS i co jest w serwisie. "
            "Film ma napisy."
        ),
        "has_captions": True,
        "transcript": EASY_TO_READ["pl"]["text"],
    },
    "en": {
        "url": "https://example.org/mcps/film-pjm",
        "title": "About this website in Polish Sign Language",
        "description": (
            "A PJM interpreter explains what MCPS does and what is on this "
            "website. The film has Polish captions."
        ),
        "has_captions": True,
        "transcript": EASY_TO_READ["en"]["text"],
    },
}


def minimal_pdf(title):
    """A valid one-page PDF saying ``title`` (ASCII only), built with exact offsets."""
    text = title.encode("ascii", "replace").decode("ascii")
    text = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
