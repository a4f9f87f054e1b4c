"""Demo advocates for `seed_demo`: invented people in real municipalities
(content in ``data/advocates.json``).

Names, e-mails (example.org only) and phone numbers are made up; the TERYT codes
are real (``teryt/data/``). A 4-digit code is a powiat-level advocate.
"""

from demo.content import load

_DATA = load("advocates")

DIRECTORY = _DATA["directory"]
FORUM_CATEGORY_SLUG = _DATA["forum_category_slug"]

# (TERYT code, name, role, institution, e-mail, phone)
ADVOCATES = [
    (a["teryt"], a["name"], a["role"], a["institution"], a["email"], a["phone"])
    for a in _DATA["advocates"]
]


def seed(command, pl, en):
    """The advocates' network and its directory page in both languages.

    ``command`` is the `seed_demo` command, for its helpers.
    """
    from home.models import (
        Advocate,
        AdvocatesDirectoryPage,
        EventIndexPage,
        HomePage,
        NewsCategory,
    )

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
    command.seed_translation(page, en, DIRECTORY["en"])
