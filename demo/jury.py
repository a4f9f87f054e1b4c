"""Demo of the jury's work: an edition in the jury phase (assignments, a
declared conflict, partial scores) and a past edition with published results.

Built through the same rules as real use: workflow transitions (so the audit
log tells the story), assignments from ``competition.assignment``, scores that
``competition.scoring`` ranks.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from competition import assignment, scoring, workflow
from competition.models import (
    Assignment,
    ConflictDeclaration,
    Decision,
    Entry,
    EntryAnswer,
    FormalCheck,
    JuryMember,
    Review,
    ReviewVersion,
    Score,
    Status,
)
from competition.submission import next_reference
from demo.content import load

SECRETARIAT = workflow.Actor(workflow.SECRETARIAT)
APPLICANT = workflow.Actor(workflow.APPLICANT)

JURY = [
    ("juror1", JuryMember.Role.CHAIR),
    ("juror2", JuryMember.Role.JUROR),
    ("juror3", JuryMember.Role.JUROR),
]

# Entries of invented nominees (``data/jury_entries.json``): category slug,
# nominee, the organisation's NIP (valid check digit, invented; one NIP per
# organisation, so the secretariat's lists flag no "możliwy duplikat"), city,
# powiat TERYT and title. "awaiting_formal_check" were sent in late (after a
# correction): the secretariat has yet to check them, so the demo shows the
# whole road from the formal check to published results.
_DATA = load("jury_entries")
NOMINEES = _DATA["nominees"]
AWAITING_FORMAL_CHECK = _DATA["awaiting_formal_check"]

QUALITY = [0.9, 0.6, 0.75, 0.8, 0.55, 0.7, 0.95, 0.65, 0.7]


def _legal_form(name):
    for prefix, code in (
        ("Fundacja", "fundacja"),
        ("Stowarzyszenie", "stowarzyszenie"),
        ("Centrum Integracji", "cis"),
        ("Zakład Aktywności", "zaz"),
    ):
        if name.startswith(prefix):
            return code
    return "spoldzielnia_socjalna"


def _members(edition):
    users = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=[u for u, _ in JURY])
    }
    members = []
    for username, role in JURY:
        member, _ = JuryMember.objects.get_or_create(
            edition=edition, user=users[username], defaults={"role": role}
        )
        members.append(member)
    return members


def _entries(edition, status_after_formal=Status.ELIGIBLE, nominees=NOMINEES):
    """Submitted entries of ``nominees``; checked and moved on to
    ``status_after_formal`` unless that is ``Status.SUBMITTED``."""
    categories = {category.slug: category for category in edition.categories.all()}
    entries = []
    for spec in nominees:
        nominee, title = spec["nominee"], spec["title"]
        category = categories[spec["category"]]
        person = category.nominee_is_person
        entry = Entry(
            edition=edition,
            category=category,
            nominee_kind="person" if person else "organisation",
            nomination="third_party" if person else "self",
            organisation_name="" if person else nominee,
            person_name=nominee if person else "",
            legal_form="" if person else _legal_form(nominee),
            nip="" if person else spec["nip"],
            city=spec["city"],
            powiat=spec["powiat"],
            contact_name="Demo Zgłaszający",
            email="zgloszenia-demo@example.org",
            title=title,
            summary=f"{title}: przykładowe zgłoszenie wersji demonstracyjnej.",
            video_url="https://www.youtube.com/watch?v=demo",
            image_publication_allowed=True,
            language="pl",
        )
        entry.number, entry.reference = next_reference(edition)
        # Sent within the submission window, the later ones nearer its end.
        entry.submitted_at = edition.submissions_close_at - timedelta(
            days=len(nominees) - len(entries), hours=3
        )
        entry.save()
        for criterion in category.criteria.all():
            EntryAnswer.objects.create(
                entry=entry,
                criterion=criterion,
                text=f"{title} – odpowiedź na pytanie „{criterion.name}”.",
            )
        workflow.transition(entry, Status.SUBMITTED, APPLICANT)
        entries.append(entry)
        if status_after_formal == Status.SUBMITTED:
            continue
        FormalCheck.objects.create(
            entry=entry,
            results={str(item.pk): True for item in edition.formal_criteria.all()},
            checked_at=timezone.now(),
        )
        workflow.transition(entry, status_after_formal, SECRETARIAT)
    return entries


def _assign(edition, entries, members):
    pairs = assignment.assign_all(
        [assignment.EntryRef(e.pk, e.category_id) for e in entries],
        [assignment.JurorRef(m.pk, None) for m in members],
        set(),
    )
    by_id = {m.pk: m for m in members}
    entry_by_id = {e.pk: e for e in entries}
    for entry_id, member_id in sorted(pairs):
        Assignment.objects.create(entry=entry_by_id[entry_id], member=by_id[member_id])
    for entry in entries:
        workflow.transition(entry, Status.IN_REVIEW, SECRETARIAT)


def _review(entry, member, quality, submitted=True):
    review = Review.objects.create(
        entry=entry,
        member=member,
        status=Review.Status.SUBMITTED if submitted else Review.Status.DRAFT,
        version=1,
        submitted_at=timezone.now() if submitted else None,
    )
    ConflictDeclaration.objects.get_or_create(
        entry=entry, member=member, defaults={"has_conflict": False}
    )
    snapshot = []
    for criterion in entry.category.criteria.all():
        points = max(
            0, min(criterion.max_points, round(criterion.max_points * quality))
        )
        comment = "Mocna strona zgłoszenia." if quality > 0.7 else "Do rozwinięcia."
        Score.objects.create(
            review=review, criterion=criterion, points=points, comment=comment
        )
        snapshot.append(
            {"criterion": criterion.pk, "points": points, "comment": comment}
        )
    if submitted:
        ReviewVersion.objects.create(
            review=review,
            number=1,
            status=review.status,
            scores=snapshot,
            author=member.user,
        )
    return review


def seed_jury_phase(edition, log):
    """Entries in review, every juror assigned, one conflict, scoring half done."""
    if Entry.objects.filter(edition=edition).exists():
        return
    members = _members(edition)
    entries = _entries(edition)
    _assign(edition, entries, members)
    chair, second, third = members
    # juror3 knows the first nominee: a declared conflict removes the assignment.
    ConflictDeclaration.objects.create(
        entry=entries[0],
        member=third,
        has_conflict=True,
        kind=ConflictDeclaration.Kind.EMPLOYMENT,
        note="Współpracowałem z tą spółdzielnią w 2025 r.",
    )
    Assignment.objects.filter(entry=entries[0], member=third).delete()
    for index, entry in enumerate(entries):
        if index < 6:
            _review(entry, second, QUALITY[index])
        if index < 3:
            _review(entry, chair, QUALITY[index] - 0.05)
    _review(entries[6], second, QUALITY[6], submitted=False)  # a draft
    late = _entries(edition, Status.SUBMITTED, AWAITING_FORMAL_CHECK)
    log(
        f"Jury phase of {edition.code}: {len(entries)} entries, partial scores, "
        f"{len(late)} awaiting the formal check"
    )


def seed_published(edition, log):
    """Every entry scored by the three jurors, decisions taken and published."""
    if Entry.objects.filter(edition=edition).exists():
        return
    members = _members(edition)
    entries = _entries(edition)
    _assign(edition, entries, members)
    offsets = [0.0, 0.05, -0.05]
    for index, entry in enumerate(entries):
        for member, offset in zip(members, offsets, strict=True):
            _review(entry, member, QUALITY[index] + offset)
        workflow.transition(entry, Status.REVIEWED, SECRETARIAT)
    for category in edition.categories.all():
        in_category = [e for e in entries if e.category_id == category.pk]
        if not in_category:
            continue
        criteria = [
            scoring.CriterionSpec(c.pk, c.weight, c.max_points)
            for c in category.criteria.all()
        ]
        reviews = [
            scoring.ReviewInput(
                r.entry_id,
                r.member_id,
                {s.criterion_id: s.points for s in r.scores.all()},
                r.status == Review.Status.SUBMITTED,
            )
            for r in Review.objects.filter(entry__in=in_category).prefetch_related(
                "scores"
            )
        ]
        rules = scoring.ScoringRules()
        results = scoring.category_results(
            reviews, criteria, rules, [e.pk for e in in_category]
        )
        ranked = scoring.rank(results, reviews, criteria, rules)
        by_id = {e.pk: e for e in in_category}
        for position, row in enumerate(ranked):
            outcome = (
                Decision.Outcome.LAUREATE
                if position == 0
                else Decision.Outcome.DISTINCTION
                if position == 1
                else Decision.Outcome.NOT_AWARDED
            )
            entry = by_id[row.entry_id]
            Decision.objects.create(
                entry=entry,
                outcome=outcome,
                justification=f"Jury doceniło: {entry.title.lower()}.",
                decided_by=members[0].user,
            )
            workflow.transition(entry, Status(outcome), SECRETARIAT)
    edition.results_published_at = edition.results_at
    edition.save_revision().publish()
    log(f"Published results of {edition.code}")


def jury_phase_dates(now=None):
    """Submissions closed a month ago; the jury scores until three weeks from now."""
    today = timezone.localdate(now or timezone.now())
    from demo.competition import warsaw

    return {
        "submissions_open_at": warsaw(today - timedelta(days=75)),
        "submissions_close_at": warsaw(today - timedelta(days=30)),
        "jury_opens_at": warsaw(today - timedelta(days=14)),
        "jury_closes_at": warsaw(today + timedelta(days=21)),
        "results_at": warsaw(today + timedelta(days=45), 12),
    }
