"""Demo advocates for `seed_demo`: invented people in real municipalities.

Names, e-mails (example.org only) and phone numbers are made up; the TERYT codes
are real (``home/data/``). A 4-digit code is a powiat-level advocate.
"""

DIRECTORY = {
    "slug": "rzecznicy",
    "pl": {
        "title": "Rzecznicy ekonomii społecznej",
        "intro": (
            "Rzecznicy Ekonomii Społecznej i Solidarnej to pracownicy gmin i "
            "powiatów, którzy pomagają podmiotom ekonomii społecznej współpracować "
            "z samorządem. Znajdź rzecznika w swojej okolicy."
        ),
    },
    "en": {
        "slug": "advocates",
        "title": "Social economy advocates",
        "intro": (
            "The Social and Solidarity Economy Advocates work in gminas and "
            "powiats and help social economy entities work with local government. "
            "Find the advocate near you."
        ),
    },
}

FORUM_CATEGORY_SLUG = "forum-rzecznikow"

GOPS = "pracownik socjalny GOPS"
MOPS = "specjalista ds. ekonomii społecznej w MOPS"
SPEC = "specjalista ds. ekonomii społecznej"
PCPR = "koordynator ds. ekonomii społecznej w PCPR"

# (TERYT code, name, role, institution, e-mail, phone)
ADVOCATES = [
    (
        "1408011",
        "Agnieszka Wiśniewska-Demo",
        MOPS,
        "Miejski Ośrodek Pomocy Społecznej w Legionowie",
        "a.wisniewska@mops-legionowo.example.org",
        "22 100 10 01",
    ),
    (
        "1408",
        "Tomasz Zielonka",
        PCPR,
        "Powiatowe Centrum Pomocy Rodzinie w Legionowie",
        "t.zielonka@pcpr-legionowo.example.org",
        "22 100 10 02",
    ),
    (
        "1408022",
        "Joanna Borowa",
        GOPS,
        "Gminny Ośrodek Pomocy Społecznej w Jabłonnie",
        "j.borowa@gops-jablonna.example.org",
        "22 100 10 03",
    ),
    (
        "1408043",
        "Paweł Nadrzeczny",
        SPEC,
        "Urząd Miasta i Gminy Serock",
        "p.nadrzeczny@serock.example.org",
        "22 100 10 04",
    ),
    (
        "1463011",
        "Marta Radomska-Przykład",
        MOPS,
        "Miejski Ośrodek Pomocy Społecznej w Radomiu",
        "m.przyklad@mops-radom.example.org",
        "48 100 20 01",
    ),
    (
        "1462011",
        "Krzysztof Wiślany",
        SPEC,
        "Miejski Ośrodek Pomocy Społecznej w Płocku",
        "k.wislany@mops-plock.example.org",
        "24 100 30 01",
    ),
    (
        "1464011",
        "Ewelina Podlaska",
        MOPS,
        "Miejski Ośrodek Pomocy Społecznej w Siedlcach",
        "e.podlaska@mops-siedlce.example.org",
        "25 100 40 01",
    ),
    (
        "1426082",
        "Grzegorz Łąkowy",
        GOPS,
        "Gminny Ośrodek Pomocy Społecznej w Siedlcach",
        "g.lakowy@gops-siedlce.example.org",
        "25 100 40 02",
    ),
    (
        "1461011",
        "Beata Kurpiowska",
        SPEC,
        "Urząd Miasta Ostrołęki",
        "b.kurpiowska@ostroleka.example.org",
        "29 100 50 01",
    ),
    (
        "1402011",
        "Michał Zamkowy",
        MOPS,
        "Miejski Ośrodek Pomocy Społecznej w Ciechanowie",
        "m.zamkowy@mops-ciechanow.example.org",
        "23 100 60 01",
    ),
    (
        "1402",
        "Anna Północna",
        "naczelnik wydziału spraw społecznych",
        "Starostwo Powiatowe w Ciechanowie",
        "a.polnocna@starostwo-ciechanow.example.org",
        "23 100 60 02",
    ),
    (
        "1427011",
        "Dorota Skrwińska",
        SPEC,
        "Urząd Miasta Sierpca",
        "d.skrwinska@sierpc.example.org",
        "24 100 70 01",
    ),
    (
        "1427052",
        "Łukasz Polny",
        GOPS,
        "Gminny Ośrodek Pomocy Społecznej w Sierpcu",
        "l.polny@gops-sierpc.example.org",
        "24 100 70 02",
    ),
    (
        "1421021",
        "Karolina Parowa",
        MOPS,
        "Miejski Ośrodek Pomocy Społecznej w Pruszkowie",
        "k.parowa@mops-pruszkow.example.org",
        "22 100 80 01",
    ),
    (
        "1417021",
        "Rafał Sosnowy",
        SPEC,
        "Miejski Ośrodek Pomocy Społecznej w Otwocku",
        "r.sosnowy@mops-otwock.example.org",
        "22 100 90 01",
    ),
    (
        "1417",
        "Iwona Świderska",
        PCPR,
        "Powiatowe Centrum Pomocy Rodzinie w Otwocku",
        "i.swiderska@pcpr-otwock.example.org",
        "22 100 90 02",
    ),
    (
        "1413011",
        "Sylwia Mławska-Demo",
        MOPS,
        "Miejski Ośrodek Pomocy Społecznej w Mławie",
        "s.demo@mops-mlawa.example.org",
        "23 100 11 01",
    ),
    (
        "1418043",
        "Adam Jeziorny",
        SPEC,
        "Urząd Miasta i Gminy Piaseczno",
        "a.jeziorny@piaseczno.example.org",
        "22 100 12 01",
    ),
    (
        "1434123",
        "Natalia Kolejowa",
        SPEC,
        "Ośrodek Pomocy Społecznej w Wołominie",
        "n.kolejowa@ops-wolomin.example.org",
        "22 100 13 01",
    ),
    (
        "1410023",
        "Henryk Nadbużny",
        GOPS,
        "Miejsko-Gminny Ośrodek Pomocy Społecznej w Łosicach",
        "h.nadbuzny@mgops-losice.example.org",
        "83 100 14 01",
    ),
    (
        "1420011",
        "Magdalena Płońska",
        MOPS,
        "Miejski Ośrodek Pomocy Społecznej w Płońsku",
        "m.plonska@mops-plonsk.example.org",
        "23 100 15 01",
    ),
    (
        "1407053",
        "Wojciech Puszczański",
        GOPS,
        "Ośrodek Pomocy Społecznej w Kozienicach",
        "w.puszczanski@ops-kozienice.example.org",
        "48 100 16 01",
    ),
    (
        "1428011",
        "Elżbieta Bzurska",
        SPEC,
        "Urząd Miejski w Sochaczewie",
        "e.bzurska@sochaczew.example.org",
        "46 100 17 01",
    ),
    (
        "1438011",
        "Przemysław Lniany",
        MOPS,
        "Miejski Ośrodek Pomocy Społecznej w Żyrardowie",
        "p.lniany@mops-zyrardow.example.org",
        "46 100 18 01",
    ),
]
