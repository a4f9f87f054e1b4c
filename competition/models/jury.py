"""The formal check, the jury and its scores, and the decisions (DESIGN §5, §6).

Who may see or change what is decided in ``competition/permissions.py`` and
``workflow.py``; these models only hold the facts, each change kept.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable


class FormalCriterion(Orderable):
    """One point of an edition's formal checklist (e.g. "seat in Mazovia")."""

    edition = ParentalKey(
        "competition.CompetitionPage",
        on_delete=models.CASCADE,
        related_name="formal_criteria",
    )
    text = models.CharField(_("wymóg"), max_length=300)
    text_en = models.CharField(_("wymóg po angielsku"), max_length=300, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("wymóg formalny")
        verbose_name_plural = _("wymogi formalne")

    def __str__(self):
        return self.text


class FormalCheck(models.Model):
    """The secretariat's checklist for one entry: which requirements are met."""

    entry = models.OneToOneField(
        "competition.Entry", on_delete=models.CASCADE, related_name="formal_check"
    )
    # {"<FormalCriterion id>": true|false}
    results = models.JSONField(_("wyniki"), default=dict, blank=True)
    note = models.TextField(_("notatka wewnętrzna"), blank=True, max_length=3000)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sprawdził(a)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checked_at = models.DateTimeField(_("sprawdzono"), null=True, blank=True)

    class Meta:
        verbose_name = _("ocena formalna")
        verbose_name_plural = _("oceny formalne")

    def __str__(self):
        return str(self.entry)


class JuryMember(models.Model):
    """A person on an edition's jury: a juror or the chair, maybe limited to
    some categories (none chosen = every category)."""

    class Role(models.TextChoices):
        JUROR = "juror", _("juror")
        CHAIR = "chair", _("przewodniczący(-a) jury")

    edition = models.ForeignKey(
        "competition.CompetitionPage",
        verbose_name=_("edycja"),
        on_delete=models.CASCADE,
        related_name="jury_members",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("użytkownik"),
        on_delete=models.PROTECT,
        related_name="jury_memberships",
    )
    role = models.CharField(
        _("rola"), max_length=10, choices=Role.choices, default=Role.JUROR
    )
    categories = models.ManyToManyField(
        "competition.Category",
        verbose_name=_("kategorie"),
        blank=True,
        related_name="jury_members",
        help_text=_("Puste = wszystkie kategorie edycji."),
    )

    class Meta:
        verbose_name = _("członek jury")
        verbose_name_plural = _("członkowie jury")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "user"], name="one_membership_per_edition"
            ),
            # The chair decides ties and sees the ranking (permissions.is_chair):
            # two would make both ambiguous. The admin form says who the chair
            # is; this stops a second one however it is saved.
            models.UniqueConstraint(
                fields=["edition"],
                condition=models.Q(role="chair"),
                name="one_chair_per_edition",
                violation_error_message=_(
                    "Ta edycja ma już przewodniczącego(-cą) jury."
                ),
            ),
        ]

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()

    @property
    def is_chair(self):
        return self.role == self.Role.CHAIR


def _one_per_juror_and_entry(noun):
    """The rule of assignments, removals, declarations and reviews alike: at most
    one per juror and entry (the constraint is named after ``noun``)."""
    return models.UniqueConstraint(
        fields=["entry", "member"], name=f"one_{noun}_per_juror_and_entry"
    )


class Assignment(models.Model):
    """A juror's duty to score an entry. Deleted when the juror declares a
    conflict, at once or later (the declaration stays)."""

    class Source(models.TextChoices):
        AUTOMATIC = "automatic", _("przydział automatyczny")
        MANUAL = "manual", _("zmiana ręczna")

    entry = models.ForeignKey(
        "competition.Entry", on_delete=models.CASCADE, related_name="assignments"
    )
    member = models.ForeignKey(
        JuryMember, on_delete=models.CASCADE, related_name="assignments"
    )
    source = models.CharField(
        max_length=10, choices=Source.choices, default=Source.AUTOMATIC
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("przydział")
        verbose_name_plural = _("przydziały")
        constraints = [_one_per_juror_and_entry("assignment")]

    def __str__(self):
        return f"{self.entry} → {self.member}"


class RemovedAssignment(models.Model):
    """A pair the secretariat removed by hand: automatic runs leave it out
    until it is assigned by hand again (then this row goes). The audit log
    records each removal too, but only as history."""

    entry = models.ForeignKey(
        "competition.Entry", on_delete=models.CASCADE, related_name="+"
    )
    member = models.ForeignKey(JuryMember, on_delete=models.CASCADE, related_name="+")
    removed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("przydział usunięty ręcznie")
        verbose_name_plural = _("przydziały usunięte ręcznie")
        constraints = [_one_per_juror_and_entry("removal")]

    def __str__(self):
        return f"{self.entry} ↛ {self.member}"


class ConflictDeclaration(models.Model):
    """What a juror declared before opening an entry: no conflict, or one.

    A declaration of no conflict may become a conflict while scoring is open
    (``reviews.revise_to_conflict``), never the other way round; the audit log
    keeps the earlier declaration. ``declared_at`` is when the current one was
    made."""

    class Kind(models.TextChoices):
        FAMILY = "family", _("związek rodzinny lub osobisty")
        EMPLOYMENT = "employment", _("zatrudnienie lub współpraca")
        FINANCIAL = "financial", _("interes finansowy")
        MEMBERSHIP = "membership", _("członkostwo we władzach")
        OTHER = "other", _("inny powód")

    entry = models.ForeignKey(
        "competition.Entry", on_delete=models.CASCADE, related_name="declarations"
    )
    member = models.ForeignKey(
        JuryMember, on_delete=models.CASCADE, related_name="declarations"
    )
    has_conflict = models.BooleanField(_("konflikt interesów"))
    kind = models.CharField(
        _("rodzaj"), max_length=20, choices=Kind.choices, blank=True
    )
    note = models.TextField(_("wyjaśnienie"), blank=True, max_length=2000)
    declared_at = models.DateTimeField(_("złożono"), auto_now_add=True)

    class Meta:
        verbose_name = _("deklaracja bezstronności")
        verbose_name_plural = _("deklaracje bezstronności")
        constraints = [_one_per_juror_and_entry("declaration")]

    def __str__(self):
        return f"{self.entry} – {self.member}"


class Review(models.Model):
    """A juror's scores of one entry. ``version`` grows with every save, so two
    tabs cannot silently overwrite each other (optimistic locking).

    Only a submitted review counts. One whose juror declares a conflict after
    submitting it is withdrawn: kept, with its versions, but counted nowhere."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("wersja robocza")
        SUBMITTED = "submitted", _("złożona")
        WITHDRAWN = "withdrawn", _("wycofana (konflikt interesów)")

    entry = models.ForeignKey(
        "competition.Entry", on_delete=models.CASCADE, related_name="reviews"
    )
    member = models.ForeignKey(
        JuryMember, on_delete=models.CASCADE, related_name="reviews"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    version = models.PositiveIntegerField(default=0)
    # The scoring screen (a random id per page load, static/js/jury.js) whose
    # autosave made this version; "" when anything else saved it. Lets that
    # screen's last save, sent as the page closes while its previous save is
    # still on the way, follow that save rather than be refused as stale.
    saved_by_page = models.CharField(max_length=32, blank=True, editable=False)
    submitted_at = models.DateTimeField(_("złożono"), null=True, blank=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    class Meta:
        verbose_name = _("ocena")
        verbose_name_plural = _("oceny")
        constraints = [_one_per_juror_and_entry("review")]

    def __str__(self):
        return f"{self.entry} – {self.member}"


class Score(models.Model):
    """Points and a comment for one criterion in a review."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        "competition.Criterion", on_delete=models.PROTECT, related_name="scores"
    )
    points = models.PositiveSmallIntegerField(
        _("punkty"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    comment = models.TextField(_("komentarz"), blank=True, max_length=3000)

    class Meta:
        verbose_name = _("punkty za kryterium")
        verbose_name_plural = _("punkty za kryteria")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "criterion"], name="one_score_per_criterion"
            )
        ]

    def __str__(self):
        return f"{self.criterion}: {self.points}"


class ReviewVersion(models.Model):
    """A saved state of a review: kept for every save after the first submit,
    with the reason the juror gave for the change."""

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Review.Status.choices)
    # [{"criterion": id, "points": n, "comment": "..."}]
    scores = models.JSONField()
    reason = models.TextField(_("powód zmiany"), blank=True, max_length=2000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("wersja oceny")
        verbose_name_plural = _("wersje ocen")
        ordering = ["review", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "number"], name="one_review_version_number"
            )
        ]

    def __str__(self):
        return f"{self.review} v{self.number}"


class Decision(models.Model):
    """The jury's decision on an entry with its justification; pending until
    the edition's results are published, and corrected afterwards only with a
    logged reason."""

    class Outcome(models.TextChoices):
        LAUREATE = "laureate", _("laureat")
        DISTINCTION = "distinction", _("wyróżnienie")
        NOT_AWARDED = "not_awarded", _("bez nagrody")

    entry = models.OneToOneField(
        "competition.Entry", on_delete=models.CASCADE, related_name="decision"
    )
    outcome = models.CharField(_("decyzja"), max_length=20, choices=Outcome.choices)
    justification = models.TextField(_("uzasadnienie jury"), max_length=5000)
    chair_rank = models.PositiveIntegerField(
        _("miejsce wskazane przez przewodniczącego"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Rozstrzyga remis, gdy regulamin edycji tak przewiduje."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("decyzja")
        verbose_name_plural = _("decyzje")
        # The chair sees the results by membership (``permissions.py``), the
        # secretariat by these.
        permissions = [
            ("view_results", _("Może przeglądać ranking i decyzje")),
            ("publish_results", _("Może zamknąć ocenę i opublikować wyniki")),
        ]

    def __str__(self):
        return f"{self.entry}: {self.get_outcome_display()}"
