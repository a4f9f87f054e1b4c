"""Entries, their answers, files and consents, and the private links to them."""

import hashlib
import secrets
import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import reference
from ..validators import format_nip


class Status(models.TextChoices):
    """The states of DESIGN §5; the allowed moves are in ``workflow.py``."""

    DRAFT = "draft", _("wersja robocza")
    SUBMITTED = "submitted", _("wysłane")
    NEEDS_CORRECTION = "needs_correction", _("do poprawy")
    ELIGIBLE = "eligible", _("spełnia wymogi formalne")
    INELIGIBLE = "ineligible", _("nie spełnia wymogów formalnych")
    IN_REVIEW = "in_review", _("w ocenie jury")
    REVIEWED = "reviewed", _("ocenione")
    LAUREATE = "laureate", _("laureat")
    DISTINCTION = "distinction", _("wyróżnienie")
    NOT_AWARDED = "not_awarded", _("bez nagrody")
    WITHDRAWN = "withdrawn", _("wycofane")
    DISQUALIFIED = "disqualified", _("zdyskwalifikowane")


class NomineeKind(models.TextChoices):
    ORGANISATION = "organisation", _("organizacja lub instytucja")
    PERSON = "person", _("osoba")


class Nomination(models.TextChoices):
    SELF = "self", _("zgłaszam siebie lub swoją organizację")
    THIRD_PARTY = "third_party", _("zgłaszam kogoś innego")


class Entry(models.Model):
    """One entry to one category of an edition, from its draft to the decision.

    Belongs to the edition page in the default locale. ``reference`` is set when
    the entry is first submitted (``MMES-2027-0007``).
    """

    edition = models.ForeignKey(
        "competition.CompetitionPage",
        verbose_name=_("edycja"),
        on_delete=models.PROTECT,
        related_name="entries",
    )
    category = models.ForeignKey(
        "competition.Category",
        verbose_name=_("kategoria"),
        on_delete=models.PROTECT,
        related_name="entries",
    )
    number = models.PositiveIntegerField(_("numer"), null=True, blank=True)
    reference = models.CharField(
        _("numer zgłoszenia"), max_length=40, unique=True, null=True, blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
    )
    language = models.CharField(_("język zgłoszenia"), max_length=5, default="pl")
    idempotency_key = models.UUIDField(
        unique=True, null=True, blank=True, editable=False
    )

    nominee_kind = models.CharField(
        _("kogo zgłaszamy"), max_length=20, choices=NomineeKind.choices
    )
    nomination = models.CharField(
        _("rodzaj zgłoszenia"),
        max_length=20,
        choices=Nomination.choices,
        default=Nomination.SELF,
    )
    organisation_name = models.CharField(
        _("nazwa organizacji"), max_length=300, blank=True
    )
    legal_form = models.CharField(_("forma prawna"), max_length=40, blank=True)
    running_entity_name = models.CharField(
        _("podmiot prowadzący"), max_length=300, blank=True
    )
    nip = models.CharField(_("NIP"), max_length=10, blank=True)
    regon = models.CharField(_("REGON"), max_length=14, blank=True)
    krs = models.CharField(_("KRS"), max_length=10, blank=True)
    street = models.CharField(_("ulica i numer"), max_length=200, blank=True)
    postal_code = models.CharField(_("kod pocztowy"), max_length=6, blank=True)
    city = models.CharField(_("miejscowość"), max_length=100, blank=True)
    powiat = models.CharField(_("powiat (TERYT)"), max_length=4, blank=True)
    website = models.URLField(_("strona internetowa"), max_length=300, blank=True)
    person_name = models.CharField(
        _("imię i nazwisko osoby"), max_length=200, blank=True
    )
    previous_award_year = models.PositiveSmallIntegerField(
        _("rok wcześniejszej nagrody MMES"), null=True, blank=True
    )

    contact_name = models.CharField(_("osoba do kontaktu"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    nominee_email = models.EmailField(_("e-mail osoby zgłaszanej"), blank=True)
    nominee_phone = models.CharField(
        _("telefon osoby zgłaszanej"), max_length=40, blank=True
    )
    nominee_notified_at = models.DateTimeField(
        _("osobę zgłaszaną poinformowano (art. 14 RODO)"), null=True, blank=True
    )

    title = models.CharField(_("tytuł zgłoszenia"), max_length=200, blank=True)
    summary = models.TextField(_("krótki opis"), max_length=1500, blank=True)
    video_url = models.URLField(_("link do filmu"), max_length=500, blank=True)
    image_publication_allowed = models.BooleanField(
        _("zgoda na publikację wizerunku"), default=False
    )

    status_reason = models.TextField(
        _("uzasadnienie dla zgłaszającego"), blank=True, max_length=3000
    )
    correction_fields = models.JSONField(_("pola do poprawy"), default=list, blank=True)
    correction_deadline = models.DateTimeField(
        _("termin poprawy"), null=True, blank=True
    )

    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)
    submitted_at = models.DateTimeField(_("wysłano"), null=True, blank=True)
    draft_expires_at = models.DateTimeField(
        _("wersja robocza wygasa"), null=True, blank=True
    )
    # A draft saves what the form refused too, as typed ({field: text}), so the
    # applicant sees it again with its error; the columns hold only valid values.
    draft_invalid_values = models.JSONField(
        _("błędne wartości wersji roboczej"), default=dict, blank=True
    )
    # Set when the applicant's personal data was removed (retention expired or
    # an erasure request, ``personal_data.anonymise``); the entry stays for the
    # statistics under its reference number.
    anonymised_at = models.DateTimeField(
        _("dane osobowe usunięto"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("zgłoszenie")
        verbose_name_plural = _("zgłoszenia")
        ordering = ["edition", "number", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "number"], name="unique_entry_number_per_edition"
            )
        ]
        permissions = [
            ("export_entry", _("Może eksportować zgłoszenia")),
            ("download_entryfile", _("Może pobierać pliki zgłoszeń")),
            ("check_entry", _("Może przeprowadzać ocenę formalną")),
            ("view_competition_log", _("Może przeglądać dziennik konkursu")),
            (
                "manage_personal_data",
                _("Może eksportować i usuwać dane osobowe zgłaszających"),
            ),
        ]

    def __str__(self):
        return self.reference or _("wersja robocza #%(pk)s") % {"pk": self.pk}

    @property
    def nominee_name(self):
        """The name the jury and the results use: the person or the organisation
        (a placeholder once the personal data is gone)."""
        if self.anonymised_at:
            return str(_("(dane usunięte)"))
        if self.nominee_kind == NomineeKind.PERSON:
            return self.person_name
        return self.organisation_name

    @property
    def legal_form_label(self):
        return reference.legal_form_label(self.legal_form)

    @property
    def nip_display(self):
        return format_nip(self.nip)

    @property
    def powiat_name(self):
        from teryt import powiat

        item = powiat(self.powiat)
        return item["name"] if item else ""

    @property
    def powiat_label(self):
        """ "powiat siedlecki", or "Siedlce (miasto na prawach powiatu)"."""
        name = self.powiat_name
        if not name or name.startswith("powiat "):
            return name
        return _("%(city)s (miasto na prawach powiatu)") % {"city": name}

    @property
    def status_label(self):
        return Status(self.status).label

    def nominee_needs_notice(self):
        """RODO art. 14: a nominated person whose data we did not get from them."""
        return self.nomination == Nomination.THIRD_PARTY and bool(self.nominee_email)


class EntryAnswer(models.Model):
    """The applicant's answer to one criterion's guiding question."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="answers")
    criterion = models.ForeignKey(
        "competition.Criterion", on_delete=models.PROTECT, related_name="answers"
    )
    text = models.TextField(_("odpowiedź"), blank=True)

    class Meta:
        verbose_name = _("odpowiedź")
        verbose_name_plural = _("odpowiedzi")
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "criterion"], name="one_answer_per_criterion"
            )
        ]

    def __str__(self):
        return f"{self.entry} – {self.criterion}"


def _new_handle():
    return secrets.token_urlsafe(24)


class EntryFile(models.Model):
    """A photo or presentation in the private storage.

    The original stays as uploaded, for the secretariat only; a photo is shown to
    anyone else through its ``display_name`` copy, stripped of EXIF (GPS).
    ``entry`` is empty while the file is only held for a form that had errors
    (``handle`` lets that form refer to it); such files expire and are purged.
    """

    class Kind(models.TextChoices):
        PHOTO = "photo", _("zdjęcie")
        PRESENTATION = "presentation", _("prezentacja")

    class ScanState(models.TextChoices):
        """What the antivirus scan (``scanning.py``) found; only some states may
        be served (``scanning.SERVABLE``)."""

        PENDING = "pending", _("sprawdzanie w toku")
        CLEAN = "clean", _("sprawdzony, bez zagrożeń")
        INFECTED = "infected", _("wykryto złośliwe oprogramowanie (kwarantanna)")
        TOO_LARGE = (
            "too_large",
            _("za duży dla programu antywirusowego: sprawdź ręcznie"),
        )
        NOT_SCANNED = "not_scanned", _("nie sprawdzono programem antywirusowym")

    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, related_name="files", null=True, blank=True
    )
    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices)
    handle = models.CharField(max_length=64, unique=True, default=_new_handle)
    storage_name = models.CharField(max_length=300, unique=True)
    # A photo's re-encoded copy without metadata (``competition/photos.py``): what
    # jurors and the public see. Empty until first shown.
    display_name = models.CharField(max_length=300, blank=True)
    original_name = models.CharField(_("nazwa pliku"), max_length=255)
    content_type = models.CharField(_("typ"), max_length=100)
    size = models.PositiveBigIntegerField(_("rozmiar (bajty)"))
    sha256 = models.CharField(max_length=64, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    uploaded_at = models.DateTimeField(_("przesłano"), auto_now_add=True)
    # A row made other than by an upload (files.new_entry_file) was never
    # scanned, and says so.
    scan_state = models.CharField(
        _("skan antywirusowy"),
        max_length=20,
        choices=ScanState.choices,
        default=ScanState.NOT_SCANNED,
        db_index=True,
    )
    scanned_at = models.DateTimeField(_("sprawdzono"), null=True, blank=True)
    scan_signature = models.CharField(
        _("wykryte zagrożenie"), max_length=255, blank=True
    )

    class Meta:
        verbose_name = _("plik zgłoszenia")
        verbose_name_plural = _("pliki zgłoszeń")
        ordering = ["kind", "position", "pk"]

    def __str__(self):
        return self.original_name


class Consent(models.Model):
    """A consent as given: the exact text shown, its version and the time."""

    class Kind(models.TextChoices):
        RULES = "rules", _("akceptacja regulaminu")
        DATA = "data", _("klauzula informacyjna")
        IMAGE_PUBLICATION = "image_publication", _("publikacja wizerunku")

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(_("rodzaj"), max_length=30, choices=Kind.choices)
    given = models.BooleanField(_("udzielona"))
    text = models.TextField(_("treść pokazana zgłaszającemu"))
    version = models.CharField(_("wersja"), max_length=40)
    language = models.CharField(_("język"), max_length=5)
    given_at = models.DateTimeField(_("czas"), default=timezone.now)

    class Meta:
        verbose_name = _("zgoda")
        verbose_name_plural = _("zgody")
        ordering = ["entry", "kind"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.version})"


class EntryNumberSequence(models.Model):
    """The last reference number handed out in an edition (row-locked on use)."""

    edition = models.OneToOneField(
        "competition.CompetitionPage", on_delete=models.CASCADE, related_name="+"
    )
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.edition_id}: {self.last_number}"


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class AccessToken(models.Model):
    """A private link to an entry: to continue a draft or to follow its status.

    Only the SHA-256 of the token is stored; the token itself (256 bits) exists
    in the e-mail we sent and nowhere else.
    """

    class Purpose(models.TextChoices):
        DRAFT = "draft", _("dokończenie wersji roboczej")
        STATUS = "status", _("status zgłoszenia")

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="tokens")
    purpose = models.CharField(max_length=10, choices=Purpose.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("link prywatny")
        verbose_name_plural = _("linki prywatne")

    def __str__(self):
        return f"{self.get_purpose_display()} – {self.entry}"

    @classmethod
    def issue(cls, entry, purpose, expires_at):
        """Create a token for ``entry``; returns the plain token (shown once)."""
        token = secrets.token_urlsafe(32)
        cls.objects.create(
            entry=entry,
            purpose=purpose,
            token_hash=hash_token(token),
            expires_at=expires_at,
        )
        return token

    @classmethod
    def find(cls, token, purpose, now=None):
        """The live token row for a plain token, or ``None``."""
        if not token or len(token) > 100:
            return None
        now = now or timezone.now()
        return (
            cls.objects.select_related("entry")
            .filter(token_hash=hash_token(token), purpose=purpose, expires_at__gt=now)
            .first()
        )


def new_idempotency_key():
    return uuid.uuid4()
