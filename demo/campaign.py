"""Demo content for `seed_demo`: the campaign page and the home page's new sections
(content in ``data/campaign.json``).

The people and organisations are invented for the demo; their portraits and
wordmarks are drawings made for it (``scripts/demo_assets.py``, files in
``demo/assets/``), and the alt texts say so.
"""

import datetime

from django.utils.text import slugify

from demo.content import load

_DATA = load("campaign")

CAMPAIGN = {
    **_DATA["campaign"],
    "start_date": datetime.date.fromisoformat(_DATA["campaign"]["start_date"]),
}
# Invented ambassadors: name and role and quote per language; each has a drawn
# portrait, demo/assets/portret-<slugified name>.png.
AMBASSADORS = _DATA["ambassadors"]
PORTRAIT_ALT = _DATA["portrait_alt"]
# The leaflet (A5, four pages) typeset by scripts/demo_assets.py.
MATERIAL = _DATA["material"]
# Invented organisations: name, wordmark (demo/assets/logo-<wordmark>.png), site.
PARTNERS = _DATA["partners"]
LOGO_ALT = _DATA["logo_alt"]
EASY_TO_READ = _DATA["easy_to_read"]
# A link, not an embed: rendering needs no oEmbed call. The demo address is a
# placeholder until MCPS publishes its film. Its transcript is the easy-to-read text.
SIGN_LANGUAGE_VIDEO = {
    language: {**video, "transcript": EASY_TO_READ[language]["text"]}
    for language, video in _DATA["sign_language_video"].items()
}


def seed(command, pl, en):
    """The campaign page in both languages, then the home pages' campaign
    teaser, easy-to-read text, PJM film and partners (each only if missing).

    ``command`` is the `seed_demo` command, for its helpers.
    """
    from home.models import CampaignAmbassador, CampaignPage, HomePage, HomePagePartner

    def ambassadors(language):
        return [
            CampaignAmbassador(
                name=person["name"],
                role=person[language]["role"],
                quote=person[language]["quote"],
                photo=command.demo_picture(f"portret-{slugify(person['name'])}"),
                photo_alt=PORTRAIT_ALT[language],
            )
            for person in AMBASSADORS
        ]

    leaflet = command.demo_document(
        MATERIAL["title"], MATERIAL["file_name"].removesuffix(".pdf")
    )

    def materials(language):
        value = {"document": leaflet.pk, "title": MATERIAL[language]}
        return [{"type": "document", "value": value}]

    org = command.org_data()
    social_links = [
        {
            "type": "link",
            "value": {"name": "Facebook", "url": f"https://{org['social_media']}"},
        }
    ]
    home = HomePage.objects.get(locale=pl, depth=2)
    campaign = home.get_children().filter(slug=CAMPAIGN["slug"]).specific().first()
    if campaign is None:
        campaign = CampaignPage(
            slug=CAMPAIGN["slug"],
            start_date=CAMPAIGN["start_date"],
            show_in_menus=True,
            hero_image=command.demo_picture("scena-laundry"),
            materials=materials("pl"),
            social_links=social_links,
            **CAMPAIGN["pl"],
        )
        campaign.ambassadors = ambassadors("pl")
        home.add_child(instance=campaign)
        campaign.save_revision().publish()
    campaign_en = command.seed_translation(
        campaign,
        en,
        {
            **CAMPAIGN["en"],
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
                {"type": "easy_to_read", "value": EASY_TO_READ[language]}
            ]
            changed = True
        if not home.sign_language_video:
            home.sign_language_video = [
                {
                    "type": "sign_language_video",
                    "value": SIGN_LANGUAGE_VIDEO[language],
                }
            ]
            changed = True
        if not home.partners.exists():
            home.partners = [
                HomePagePartner(
                    name=partner["name"],
                    url=partner["url"],
                    logo=command.demo_picture(f"logo-{partner['wordmark']}"),
                    logo_alt=LOGO_ALT[language].format(name=partner["name"]),
                )
                for partner in PARTNERS
            ]
            changed = True
        if changed:
            home.save_revision().publish()
    return campaign


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
