"""The sentences of the programme, in French and English: why each site is in, or out.

Why here and not in ``tr()``: like the scores' explanations, these sentences are data (the fields
``reason_fr`` and ``reason_en`` of the output, the PDF in the language chosen for it), written in both
languages whatever the language of QGIS.
"""

from __future__ import annotations

from typing import Optional, Sequence

from . import programme as pg
from .formatting import money

#: Codes of sites kept out before the solve (set by the caller).
NOT_CANDIDATE = "not_candidate"
NO_COST = "no_cost"
NO_USE = "no_use"

_TEXTS = {
    pg.SELECTED: ("Acquisition en {acq}, travaux en {works} ; coût {total} ; apporte {marginal}.",
                  "Acquired in {acq}, works in {works}; cost {total}; adds {marginal}."),
    pg.MANDATORY: ("Site imposé : acquisition en {acq}, travaux en {works} ; coût {total} ; apporte {marginal}.",
                   "Mandatory site: acquired in {acq}, works in {works}; cost {total}; adds {marginal}."),
    pg.EXCLUDED: ("Écarté par l'utilisateur.", "Excluded by the user."),
    NOT_CANDIDATE: ("Pas candidat pour l'usage {use} (score, fiabilité ou règle d'exclusion).",
                    "Not a candidate for the use {use} (score, reliability or exclusion rule)."),
    NO_USE: ("Aucun usage possible : tous exclus par les règles du profil de notation.",
             "No possible use: every use is excluded by the rules of the scoring profile."),
    NO_COST: ("Coût inconnu (pas d'estimation du prix d'achat) : il ne peut pas être programmé.",
              "Unknown cost (no purchase price estimate): it cannot be programmed."),
    pg.TOO_EXPENSIVE: ("Trop cher pour le budget : {total} (acquisition {acq_cost}, travaux {works_cost}) pour "
                       "{limit}.",
                       "Too expensive for the budget: {total} (acquisition {acq_cost}, works {works_cost}) for "
                       "{limit}."),
    pg.PHASING: ("Phasage impossible : l'acquisition ({acq_cost}) puis les travaux ({works_cost}) l'année suivante au "
                 "plus tôt ne tiennent dans aucune paire d'années de l'horizon.",
                 "Phasing impossible: the acquisition ({acq_cost}) then the works ({works_cost}) a year later at the "
                 "earliest fit no pair of years of the horizon."),
    pg.NO_GAIN: ("Son gain propre est nul : il n'apporte rien à l'objectif (0 {unit}).",
                 "Its own gain is nil: it adds nothing to the objective (0 {unit})."),
    pg.COVERED: ("Les habitants qu'il toucherait sont déjà couverts par les sites retenus.",
                 "The people it would reach are already reached by the sites of the programme."),
    pg.MANDATORY_FIRST: ("Tiendrait dans le budget sans les sites imposés, qui passent d'abord.",
                         "Would fit the budget without the mandatory sites, which come first."),
    pg.BUDGET: ("Le budget rapporte plus ailleurs : le forcer dans le programme ferait perdre {loss}{displaced}.",
                "The budget brings more elsewhere: forcing it in would lose {loss}{displaced}."),
    pg.TIE: ("Aussi bon que les sites retenus : écarté à égalité (les plus gros gains ouvrent d'abord).",
             "As good as the sites chosen: left out on a tie (the biggest gains open first)."),
    pg.NOT_EXAMINED: ("Écarté : le budget rapporte plus avec les sites retenus (non examiné un par un).",
                      "Left out: the budget brings more with the sites chosen (not examined one by one)."),
}


def reason_text(code: str, lang: str, *, acq: Optional[int] = None, works: Optional[int] = None,
                acq_cost: Optional[float] = None, works_cost: Optional[float] = None, total: Optional[float] = None,
                marginal: Optional[float] = None, loss: Optional[float] = None, exact: bool = True,
                displaced: Sequence[str] = (), unit: Sequence[str] = ("", ""), use: str = "",
                budget_max: Optional[float] = None, budget_total: Optional[float] = None,
                carry_over: bool = False) -> str:
    """The sentence of ``code`` in ``lang`` ("fr" or "en"); ``unit`` = (French, English) unit of the
    objective ("habitants", "people")."""
    fr = lang == "fr"
    template = _TEXTS.get(code, (code, code))[0 if fr else 1]
    unit_text = unit[0 if fr else 1]

    def amount(value):
        if value is None:
            return "–"
        text = f"{value:,.0f}" if abs(value) >= 10 else f"{value:,.2f}".rstrip("0").rstrip(".")
        if fr:
            text = text.replace(",", "\u202f").replace(".", ",")
        return f"{text} {unit_text}".strip()

    if carry_over:
        total_text = money(budget_total, lang)
        limit = f"un budget total de {total_text}" if fr else f"a total budget of {total_text}"
    else:
        limit = (f"un budget annuel de {money(budget_max, lang)} au plus" if fr else
                 f"a yearly budget of {money(budget_max, lang)} at most")
    names = ", ".join(displaced[:4]) + ("…" if len(displaced) > 4 else "")
    displaced_text = ""
    if names:
        displaced_text = f" et écarterait {names}" if fr else f" and remove {names}"
    loss_text = amount(loss)
    if not exact:
        loss_text = (f"environ {loss_text}" if fr else f"about {loss_text}")
    return template.format(acq=acq if acq is not None else "–", works=works if works is not None else "–",
                           acq_cost=money(acq_cost, lang), works_cost=money(works_cost, lang),
                           total=money(total, lang), marginal=amount(marginal), loss=loss_text,
                           displaced=displaced_text, use=use, limit=limit, unit=unit_text)


def status_text(status: str, gap: float, seconds: float, lang: str) -> str:
    """« Optimum prouvé en 3,2 s » / "Stopped by the time limit after 25 s: at most 0.04 % below the optimum"."""
    fr = lang == "fr"
    secs = f"{seconds:.1f}".replace(".", ",") if fr else f"{seconds:.1f}"
    if status == pg.OPTIMAL:
        return f"Optimum prouvé en {secs} s" if fr else f"Proven optimum in {secs} s"
    if status == pg.TIME_LIMIT:
        pct = f"{100 * gap:.3g}"
        pct = pct.replace(".", ",") if fr else pct
        return (f"Arrêt à la limite de temps après {secs} s : au plus {pct} % sous l'optimum" if fr else
                f"Stopped by the time limit after {secs} s: at most {pct} % below the optimum")
    if status == pg.INFEASIBLE:
        return "Aucun programme ne respecte les contraintes" if fr else "No programme meets the constraints"
    return "Aucun programme trouvé dans le temps imparti" if fr else "No programme found within the time limit"
