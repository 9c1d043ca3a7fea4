"""Who wrote it: people are authors; publishers, agencies and credentials are not.

Pages name their publisher as `<meta name="author">` ("Condé Nast", "Snopes", "Sky")
while JSON-LD or the byline names the reporter; bylines carry credentials ("Rachael
Link, MS, RD") and agencies ("Reuters"). A citation needs the person as author, the
agency as the outlet or the credit line, and no degree letters as co-authors.
"""

from __future__ import annotations

import re

# News agencies, lower-cased: they are credit lines or outlets, never persons.
AGENCIES = frozenset(
    """
reuters|thomson reuters|associated press|the associated press|ap|afp|agence france-presse
agence france presse|dpa|deutsche presse-agentur|anadolu|anadolu agency|aa|xinhua
xinhua news agency|efe|ansa|kyodo|kyodo news|upi|united press international|pa|pa media
press association|tass|ria novosti|interfax|irna|isna|tasnim|fars|mehr|ina|kuna|wam|spa
mena|sana|nna|qna|bernama|yonhap|antara|pti|ians|ani|apa|ats|bna|petra|aps|map|tap|ahram
rudaw|رويترز|فرانس برس|وكالة فرانس برس|ا ف ب|أ ف ب|أ.ف.ب|اسوشيتد برس|أسوشيتد برس
الأناضول|الاناضول|شينخوا|د ب أ|كونا|واع|واس|وام|سانا|إرنا|ارنا|قنا|بنا|رووداو
""".replace("\n", "|").split("|")
) - {""}

# Words that make a name an organisation rather than a person.
_ORG_WORDS = frozenset(
    """
staff team desk editors editor's editorial board newsroom news media inc inc. ltd ltd.
llc plc group nast press agency online magazine times journal network corporation
company services limited gmbh foundation institute association ministry office bureau
reporters correspondents contributors wire wires service digital publishing publications
tv television radio channel .com
""".split()
)

# Degrees and professional letters written after a name.
_CREDENTIALS = frozenset(
    """
ms ma msc bsc ba bs rd rdn ld ldn md do phd dphil rn np pa-c mph mba cde cdn cns cscs
cpt facp frcp frcpc mrcp mrcgp mbbs mbchb pharmd jd esq cfa cpa lmft lcsw psyd edd dds
dmd od dc ibclc acsm nasm ace ccn faap facc mpp mpa llm lld ma(oxon) cissp pmp ceo cfp
""".split()
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Job titles printed after a name in a byline ("Jane Roe, Middle East Correspondent").
_ROLE_WORDS = frozenset(
    """
correspondent correspondents reporter reporters writer writers editor editors contributor
contributors columnist producer photographer journalist journalists staff desk bureau
chief senior deputy special contributing political diplomatic defence defense security
""".split()
)
_KEY = re.compile(r"[\s.]+")


def _key(name: str) -> str:
    return _KEY.sub(" ", name.lower().replace("\u200f", "")).strip()


def is_agency(name: str) -> bool:
    return _key(name) in AGENCIES or _key(name).replace(" ", "") in AGENCIES


def is_credential(part: str) -> bool:
    """'MS', 'R.D.', 'PhD', 'MBBS': letters after a name, not a name."""
    key = part.lower().replace(".", "").replace(" ", "")
    return key in _CREDENTIALS


def is_role(part: str) -> bool:
    """'Staff Writer', 'Middle East Correspondent': a job title, not a co-author."""
    words = part.lower().replace(".", "").split()
    return bool(words) and words[-1] in _ROLE_WORDS


def is_suffix(part: str) -> bool:
    return part.lower().rstrip(".") in _SUFFIXES


def _site_key(name: str) -> str:
    key = _key(name)
    key = re.sub(r"^(?:www )?", "", key)
    return re.sub(r"\s?(?:com|net|org|co uk|news)$", "", key).strip()


def same_as_outlet(name: str, outlet: str) -> bool:
    if not outlet:
        return False
    a, b = _site_key(name), _site_key(outlet)
    return bool(a) and (a == b or a.replace(" ", "") == b.replace(" ", ""))


def is_organisation(name: str, outlet: str = "") -> bool:
    """True for publishers, agencies and desks named where a person belongs."""
    if is_agency(name) or same_as_outlet(name, outlet):
        return True
    words = name.lower().split()
    if any(w in _ORG_WORDS or w.endswith(".com") for w in words):
        return True
    # One word is a brand ("Snopes", "Sky"), not a person's byline.
    return len(words) == 1 and not re.match(r"^[\u0600-\u06ff]", name)


def choose_authors(
    candidates: list[tuple[str, str]], outlet: str = ""
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(authors, agencies) from candidate names, each with its kind: 'person', 'org' or ''.

    People win over organisations wherever each was found; agencies are returned apart
    for the outlet or the credit line; with no person, an organisation that is neither
    the outlet nor an agency stays the author (a report by a ministry, a think tank).
    """
    people: list[str] = []
    orgs: list[str] = []
    agencies: list[str] = []
    for name, kind in candidates:
        name = " ".join(name.split()).strip(" ,;|")
        if not name:
            continue
        if is_agency(name):
            agencies.append(name)
        elif kind == "org" or (kind != "person" and is_organisation(name, outlet)):
            orgs.append(name)
        else:
            people.append(name)

    def unique(names: list[str]) -> tuple[str, ...]:
        seen: dict[str, str] = {}
        for n in names:
            seen.setdefault(n.casefold(), n)
        return tuple(seen.values())

    if people:
        return unique(people), unique(agencies)
    rest = [o for o in orgs if not same_as_outlet(o, outlet)]
    kinds = dict(candidates)
    # A JSON-LD Organization or a brand is the publisher: no author rather than it.
    rest = [
        o
        for o in rest
        if kinds.get(o) != "org"
        and len(o.split()) > 1
        and not any(
            w in o.lower().split()
            for w in ("nast", "media", "group", "inc", "ltd", "llc", "plc", "digital")
        )
    ]
    return unique(rest), unique(agencies)
