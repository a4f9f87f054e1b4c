"""The ranking as an XLSX workbook: every number on the ranking screen and the
points it comes from, so that anyone can recompute it.

Sheets: "Zasady" (the rules and each criterion's weight and maximum),
"Ranking" (the screen's table), "Sumy jurorów" (each juror's total per entry)
and "Punkty" (one row per juror, entry and criterion). A juror's total is
sum(weight·points) / sum(weight·maximum) · 100 over the "Punkty" rows of one
juror and entry; the entry's score aggregates the totals as "Zasady" says.
Numbers are written as numbers, unrounded (the screen rounds to two places);
every text cell goes through :func:`exports.neutralise_formula`.
"""

import io

from django.utils import timezone
from django.utils.translation import gettext as _g
from openpyxl import Workbook

from .dates import spreadsheet_time
from .exports import neutralise_formula
from .models import Aggregation, TieBreakOrder
from .ranking import TIE_BREAK_LABELS


def _num(value):
    return None if value is None else float(value)


def _row(sheet, values):
    sheet.append([neutralise_formula(v) for v in values])


def workbook(edition, rankings):
    """An openpyxl ``Workbook`` of ``rankings`` (from :func:`ranking.load`)."""
    book = Workbook()
    rules = book.active
    rules.title = _g("Zasady")
    _rules_sheet(rules, edition, rankings)
    table = book.create_sheet(_g("Ranking"))
    totals = book.create_sheet(_g("Sumy jurorów"))
    points = book.create_sheet(_g("Punkty"))
    _row(
        table,
        [
            _g("Kategoria"),
            _g("Miejsce"),
            _g("Numer zgłoszenia"),
            _g("Zgłaszany"),
            _g("Wynik"),
            _g("Liczba ocen"),
            _g("Średnia"),
            _g("Mediana"),
            _g("Odchylenie standardowe"),
            _g("Minimum"),
            _g("Maksimum"),
            _g("Wynik znormalizowany (średnia z-score)"),
            _g("Rozbieżność ocen"),
            _g("Rozstrzygnięcie remisu"),
            _g("Decyzja"),
            _g("Miejsce wskazane przez przewodniczącego"),
        ],
    )
    _row(
        totals,
        [
            _g("Kategoria"),
            _g("Numer zgłoszenia"),
            _g("Juror"),
            _g("Suma punktów (0–100)"),
        ],
    )
    _row(
        points,
        [
            _g("Kategoria"),
            _g("Numer zgłoszenia"),
            _g("Juror"),
            _g("Kryterium"),
            _g("Waga"),
            _g("Najwięcej punktów"),
            _g("Punkty"),
        ],
    )
    for ranking in rankings:
        category = ranking.category.name
        members = {m.pk: str(m) for m in ranking.jurors}
        criteria = ranking.criteria
        for row in ranking.rows:
            result, decision = row.result, row.decision
            reference = row.entry.reference or ""
            _row(
                table,
                [
                    category,
                    row.ranked.rank,
                    reference,
                    row.entry.nominee_name,
                    _num(result.score),
                    result.n,
                    _num(result.mean),
                    _num(result.median),
                    result.std if result.n else None,
                    _num(result.min),
                    _num(result.max),
                    result.normalised,
                    _g("Tak") if result.disagreement else _g("Nie"),
                    " ".join(row.explanation),
                    decision.get_outcome_display() if decision else "",
                    decision.chair_rank if decision else None,
                ],
            )
            for member_id, total in sorted(
                row.totals.items(), key=lambda item: members.get(item[0], "")
            ):
                juror = members.get(member_id, str(member_id))
                _row(totals, [category, reference, juror, _num(total)])
                marks = row.points[member_id]
                for criterion in criteria:
                    _row(
                        points,
                        [
                            category,
                            reference,
                            juror,
                            criterion.name,
                            float(criterion.weight),
                            criterion.max_points,
                            marks[criterion.pk],
                        ],
                    )
    return book


def _rules_sheet(sheet, edition, rankings):
    rules = rankings[0].rules if rankings else None
    order = (
        " → ".join(str(TIE_BREAK_LABELS[code]) for code in rules.tie_breaks)
        if rules
        else ""
    )
    facts = [
        (_g("Edycja"), f"{edition.title} ({edition.code})"),
        (_g("Wynik zgłoszenia"), str(Aggregation(edition.aggregation).label)),
        (_g("Obcięcie średniej (z każdej strony)"), float(edition.trim_fraction)),
        (
            _g("Rozstrzyganie remisów"),
            order or str(TieBreakOrder(edition.tie_breaks).label),
        ),
        (_g("Próg rozbieżności ocen"), float(edition.disagreement_threshold)),
        (_g("Wygenerowano (czas warszawski)"), spreadsheet_time(timezone.now())),
        (
            _g("Suma jurora"),
            _g("suma(waga × punkty) / suma(waga × najwięcej punktów) × 100"),
        ),
    ]
    for label, value in facts:
        _row(sheet, [label, value])
    sheet.append([])
    _row(sheet, [_g("Kategoria"), _g("Kryterium"), _g("Waga"), _g("Najwięcej punktów")])
    for ranking in rankings:
        for criterion in ranking.criteria:
            _row(
                sheet,
                [
                    ranking.category.name,
                    criterion.name,
                    float(criterion.weight),
                    criterion.max_points,
                ],
            )


def xlsx_bytes(edition, rankings):
    buffer = io.BytesIO()
    workbook(edition, rankings).save(buffer)
    return buffer.getvalue()
