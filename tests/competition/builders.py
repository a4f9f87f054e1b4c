"""The one module of test data builders: competition data (an edition with
categories, entries), the staff who work on it and the checks the admin tests
share, plus factories for the campaign site's page types (wagtail-factories
builds pages in the tree).

Plain functions (not fixtures) so tests, the benchmark and other helpers can
call them with the values they need; the usual people are fixtures in
``conftest.py``.
"""

import io
import re
from datetime import date, timedelta

import factory
import wagtail_factories
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from PIL import ExifTags, Image
from wagtail.admin.menu import SubmenuMenuItem, admin_menu

from competition import roles
from competition.models import (
    Assignment,
    Category,
    CompetitionIndexPage,
    CompetitionPage,
    Criterion,
    Entry,
    EntryAnswer,
    JuryMember,
    Review,
    Score,
    Status,
)
from home.models import (
    Advocate,
    AdvocatesDirectoryPage,
    CampaignPage,
    EventIndexPage,
    EventPage,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)


def competition_index(home):
    index = CompetitionIndexPage.objects.child_of(home).first()
    if index is None:
        index = CompetitionIndexPage(title="Konkurs", slug="konkurs")
        home.add_child(instance=index)
        index.save_revision().publish()
        home.refresh_from_db()
    return index


def edition(
    home,
    code="MMES-2027",
    opens=None,
    closes=None,
    categories=("reintegracja", "osobowosc"),
    **fields,
):
    """A published edition under the home page's competition index.

    By default submissions opened yesterday and close in 30 days; the jury
    phase follows. ``categories``: slugs of categories to create; "osobowosc"
    is a person category.
    """
    now = timezone.now()
    opens = opens or now - timedelta(days=1)
    closes = closes or now + timedelta(days=30)
    index = competition_index(home)
    page = CompetitionPage(
        title=fields.pop("title", f"Mazowiecka Marka Ekonomii Społecznej {code[-4:]}"),
        slug=fields.pop("slug", code.lower()),
        code=code,
        intro="<p>Konkurs dla podmiotów ekonomii społecznej.</p>",
        information_clause=fields.pop(
            "information_clause",
            "<p>Administratorem danych jest Mazowieckie Centrum Polityki "
            "Społecznej, ul. Grzybowska 80/82, 00-844 Warszawa.</p>",
        ),
        submissions_open_at=opens,
        submissions_close_at=closes,
        jury_opens_at=fields.pop("jury_opens_at", closes + timedelta(days=1)),
        jury_closes_at=fields.pop("jury_closes_at", closes + timedelta(days=30)),
        results_at=fields.pop("results_at", closes + timedelta(days=45)),
        **fields,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    for position, slug in enumerate(categories):
        category(page, slug, sort_order=position)
    return page


def jury_phase_edition(home, **fields):
    """An edition in its jury phase: submissions closed ten days ago, scoring
    opened five days ago and closes in 20 days, results in 30. ``fields`` (any
    date included) as for :func:`edition`."""
    now = timezone.now()
    dates = {
        "opens": now - timedelta(days=60),
        "closes": now - timedelta(days=10),
        "jury_opens_at": now - timedelta(days=5),
        "jury_closes_at": now + timedelta(days=20),
        "results_at": now + timedelta(days=30),
    }
    return edition(home, **{**dates, **fields})


def category(page, slug, sort_order=0, criteria=2, **fields):
    person = slug == "osobowosc"
    category = Category(
        edition=page,
        slug=slug,
        sort_order=sort_order,
        name=fields.pop("name", slug.replace("_", " ").capitalize()),
        name_en=fields.pop("name_en", f"{slug} (EN)"),
        who_may_apply="Podmioty ekonomii społecznej z Mazowsza.",
        nominee_is_person=fields.pop("nominee_is_person", person),
        **fields,
    )
    category.save()
    for number in range(criteria):
        Criterion.objects.create(
            category=category,
            sort_order=number,
            name=f"Kryterium {number + 1}",
            name_en=f"Criterion {number + 1}",
            question=f"Pytanie {number + 1}: co zrobiliście?",
            question_en=f"Question {number + 1}: what did you do?",
            weight=number + 1,
            max_points=10,
            answer_max_length=500,
        )
    return category


def entry(page, category=None, status=Status.SUBMITTED, number=None, **fields):
    """An entry saved directly (bypassing the form), with an answer per criterion."""
    category = category or page.categories.order_by("sort_order").first()
    person = category.nominee_is_person
    if number is None and status != Status.DRAFT:
        number = Entry.objects.filter(edition=page).exclude(number=None).count() + 1
    values = {
        "nominee_kind": "person" if person else "organisation",
        "organisation_name": "" if person else "Spółdzielnia Socjalna Przykład",
        "legal_form": "" if person else "spoldzielnia_socjalna",
        "nip": "" if person else "8567346215",
        "regon": "" if person else "192598184",
        "krs": "" if person else "0000359730",
        "person_name": "Anna Kowalska" if person else "",
        "street": "ul. Grzybowska 80/82",
        "postal_code": "00-844",
        "city": "Warszawa",
        "powiat": "1465",
        "contact_name": "Jan Nowak",
        "email": "jan.nowak@example.org",
        "phone": "+48 600 000 000",
        "title": "Kawiarnia, która zatrudnia",
        "summary": "Prowadzimy kawiarnię i catering.",
        "submitted_at": None if status == Status.DRAFT else timezone.now(),
    }
    values.update(fields)
    entry = Entry.objects.create(
        edition=page,
        category=category,
        status=status,
        number=number,
        reference=f"{page.code}-{number:04d}" if number else None,
        **values,
    )
    for criterion in category.criteria.all():
        EntryAnswer.objects.create(
            entry=entry, criterion=criterion, text=f"Odpowiedź na {criterion.name}."
        )
    return entry


# -- people --------------------------------------------------------------------

SECRETARIAT = roles.SECRETARIAT_GROUP
JURY = roles.JURY_GROUP
EDITORS = roles.EDITORS_GROUP
MODERATORS = roles.MODERATORS_GROUP


def member(edition, user, role=JuryMember.Role.JUROR, categories=()):
    """``user`` on ``edition``'s jury, for every category unless ``categories``."""
    jury_member = JuryMember.objects.create(edition=edition, user=user, role=role)
    jury_member.categories.set(categories)
    return jury_member


def assign(entry, jury_member):
    """``entry`` assigned to ``jury_member`` by hand (no assignment run)."""
    return Assignment.objects.create(entry=entry, member=jury_member)


def review(entry, jury_member, points, status=Review.Status.SUBMITTED):
    """A review of ``entry`` by ``jury_member`` with ``points`` per criterion in
    the form's order."""
    item = Review.objects.create(
        entry=entry,
        member=jury_member,
        status=status,
        version=1,
        submitted_at=timezone.now() if status == Review.Status.SUBMITTED else None,
    )
    for criterion, value in zip(
        entry.category.criteria.order_by("sort_order"), points, strict=True
    ):
        Score.objects.create(review=item, criterion=criterion, points=value)
    return item


def body(response):
    """The bytes of a streamed response (file downloads, CSV/XLSX exports)."""
    return b"".join(response.streaming_content)


def text(response):
    """The page's visible text (no scripts or styles), whitespace collapsed, for
    phrases that wrap across lines or elements."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def staff_user(username, group=None, permissions=(), **fields):
    """A user with the password "x", in the group named ``group`` if given and
    holding ``permissions`` (codenames) of their own."""
    user = get_user_model().objects.create_user(username, password="x", **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    if permissions:
        user.user_permissions.add(*Permission.objects.filter(codename__in=permissions))
    return user


def assert_denied(response):
    """Refused as Wagtail refuses a signed-in admin user: a redirect to the
    dashboard with its "no permission" error (the newest message: earlier
    refusals stay unread in the client's cookie). Every refusal these tests
    check answers so; a 403 or a page would mean a view skipped Wagtail's
    permission check."""
    assert response.status_code == 302, response.status_code
    assert response["Location"] == reverse("wagtailadmin_home")
    # Wagtail's admin messages end in the (here empty) markup of their buttons.
    shown = [
        (message.level, str(message).strip())
        for message in get_messages(response.wsgi_request)
    ]
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        refusal = gettext("Sorry, you do not have permission to access this area.")
    assert shown and shown[-1] == (messages.ERROR, refusal), shown


def menu_labels(user):
    """Every admin menu label ``user`` sees, submenus included, in order."""
    request = RequestFactory().get("/admin/")
    request.user = user
    labels = []

    def walk(items):
        for item in items:
            labels.append(str(item.label))
            if isinstance(item, SubmenuMenuItem):
                walk(item.menu.menu_items_for_request(request))

    walk(admin_menu.menu_items_for_request(request))
    return labels


RED, BLUE = (220, 20, 20), (20, 20, 220)


def phone_photo(name="IMG_0001.jpg"):
    """A JPEG as a phone writes it: stored 60x40 and turned by EXIF (orientation 6,
    a quarter turn clockwise, so 40x60 upright: red on top, blue below), with
    the place it was taken (GPS) and the device in its EXIF."""
    image = Image.new("RGB", (60, 40), RED)
    image.paste(BLUE, (30, 0, 60, 40))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "Telefon"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (52.0, 13.0, 30.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (21.0, 0.0, 30.0),
    }
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, quality=95)
    return SimpleUploadedFile(name, buffer.getvalue(), "image/jpeg")


def attach_photo(entry, upload=None):
    """``upload`` (default :func:`phone_photo`) checked, stored and attached to
    ``entry`` the way the submission form does it; returns (EntryFile, bytes)."""
    from competition import files, uploads

    upload = upload or phone_photo()
    checked = uploads.check_upload(upload, "photo", entry.edition)
    name = files.store(upload, checked)
    record = files.new_entry_file(checked, name, upload.name, 0)
    record.entry = entry
    record.save()
    upload.seek(0)
    return record, upload.read()


def assert_clean_upright_photo(data):
    """``data`` is the clean copy of :func:`phone_photo`: a JPEG without EXIF,
    XMP or ICC, turned upright."""
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert not image.getexif()
    assert not {"exif", "xmp", "icc_profile", "comment"} & set(image.info)
    assert b"Exif" not in data and b"Telefon" not in data
    assert image.size == (40, 60)
    top, bottom = image.getpixel((20, 10)), image.getpixel((20, 50))
    assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0], (top, bottom)


# -- the campaign site's pages (factories) -------------------------------------


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Strona {n}")
    slug = factory.Sequence(lambda n: f"strona-{n}")
    intro = "Wstęp strony."
    live = True

    class Meta:
        model = StandardPage


class NewsCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategoria {n}")
    slug = factory.Sequence(lambda n: f"kategoria-{n}")

    class Meta:
        model = NewsCategory


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktualności"
    slug = "aktualnosci"
    intro = "Co słychać w ekonomii społecznej."
    live = True

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Aktualność {n}")
    slug = factory.Sequence(lambda n: f"aktualnosc-{n}")
    lead = factory.Sequence(lambda n: f"Lead aktualności {n}.")
    live = True

    class Meta:
        model = NewsPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Wydarzenia"
    slug = "wydarzenia"
    intro = "Jarmarki, szkolenia i spotkania."
    live = True

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """An on-site training starting in a week, two hours long."""

    title = factory.Sequence(lambda n: f"Wydarzenie {n}")
    slug = factory.Sequence(lambda n: f"wydarzenie-{n}")
    lead = factory.Sequence(lambda n: f"Opis wydarzenia {n}.")
    start = factory.LazyFunction(
        lambda: timezone.now().replace(microsecond=0) + timedelta(days=7)
    )
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=2))
    event_type = "szkolenie"
    mode = "stacjonarnie"
    venue_name = "MCPS, sala 501"
    venue_address = "ul. Grzybowska 80/82, 00-844 Warszawa"
    live = True

    class Meta:
        model = EventPage


class AdvocateFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Rzecznik {n:03d}")
    role = "pracownik socjalny GOPS"
    institution = factory.Sequence(lambda n: f"Gminny Ośrodek Pomocy Społecznej {n}")
    gmina_code = "1408011"  # Legionowo
    email = factory.Sequence(lambda n: f"rzecznik{n}@gops.example.org")
    phone = "22 100 10 01"

    class Meta:
        model = Advocate


class AdvocatesDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Rzecznicy ekonomii społecznej"
    slug = "rzecznicy"
    intro = "Znajdź rzecznika w swojej gminie."
    live = True

    class Meta:
        model = AdvocatesDirectoryPage


class CampaignPageFactory(wagtail_factories.PageFactory):
    title = "Ekonomia społeczna nie wyklucza"
    slug = "kampania"
    slogan = "Praca, która daje miejsce we wspólnocie"
    intro = "Kampania o ludziach ekonomii społecznej."
    start_date = date(2021, 5, 26)
    live = True

    class Meta:
        model = CampaignPage
