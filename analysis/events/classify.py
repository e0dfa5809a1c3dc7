"""Sentence → event types: trigger rules per type, hedges, and the statistics that are not events.

Each rule is a regular expression over one sentence (a verb and its object within a few words, in
either order) with a short label used in the summary. A sentence may yield one event per type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from analysis.events.dates import SINCE_ACT, find_dates
from analysis.events.text import (
    Alternatives,
    fold_exact,
    holds,
    minimal_needs,
    required_words,
    trie_regex,
    with_first_chars,
)

_GAP = r"(?:\W+[\w'’-]+){0,%d}?\W+"


def near(left: str, right: str, gap: int = 6) -> str:
    """`left` then `right` with at most `gap` words between them."""
    return rf"\b(?:{left})\w*{_GAP % gap}(?:{right})"


def either(a: str, b: str, gap: int = 6) -> str:
    return f"(?:{near(a, b, gap)}|{near(b, a, gap)})"


@dataclass(frozen=True)
class Rule:
    """A trigger: its type, summary label, pattern, strength, and the word stems (3–6 letters)
    of which one must start a word of the sentence before the pattern is tried (speed gate)."""

    event_type: str
    label: str
    pattern: re.Pattern[str]
    strength: float = 0.8
    gate: frozenset[str] = frozenset()
    #: False when a negation inside the match is part of what it reports ("ruled that the law
    #: does not authorize tariffs")
    negatable: bool = True
    #: True when the act is the verb the match ends with, after a long subject ("Tariffs of 25
    #: percent on steel ..., which ..., took effect"): its date phrase is near the end
    at_end: bool = False
    #: Strings a match must contain, one from each group (`required_words`): checked on the
    #: folded sentence before the regex is run (speed; the same matches)
    needs: tuple[tuple[str, ...], ...] = ()


def _r(
    event_type: str,
    label: str,
    regex: str,
    gate: str,
    strength: float = 0.8,
    *,
    negatable: bool = True,
    at_end: bool = False,
    needs: tuple[str, ...] = (),
) -> Rule:
    """A rule; `needs`: strings one of which every match holds, checked before the regex runs,
    beside those `required_words` finds."""
    stems = frozenset(gate.split())
    odd = sorted(s for s in stems if not 3 <= len(s) <= 6)
    if odd:  # `stems()` yields 3-6 letter prefixes only: a longer stem would never open the rule
        msg = f"rule {label!r}: gate stems must have 3-6 letters, not {odd}"
        raise ValueError(msg)
    return Rule(
        event_type,
        label,
        re.compile(with_first_chars(regex), re.IGNORECASE),
        strength,
        stems,
        negatable,
        at_end,
        minimal_needs(((needs,) if needs else ()) + required_words(regex)),
    )


def alt(*words: str) -> str:
    """Regex alternation of words or stems."""
    return "|".join(words)


_TARIFF = (
    r"tariffs?\b|duties\b|duty\b|levies\b|levy\b|import tax|reciprocal rate|tariff rate|"
    r"rate of [\d.]+\s*(?:%|percent)|"
    r"surcharges?\b|surtax(?:es)?\b|(?:port|docking|vessel|berthing) fees|"
    r"fees\b(?:\W+[\w-]+){0,6}?\W+(?:ships|vessels)\b|"
    r"(?:higher|additional|extra|retaliatory|punitive|lower|reduced|new|baseline|fentanyl|"
    r"fentanyl-related|emergency) rate\b|"
    r"(?:china|chinese|baseline|reciprocal|country-specific|headline) rates?\b|rate on\b|"
    r"lists? [1-4][ab]?\b|(?:additional|extra) [\d.]+ ?(?:%|percent|percentage points)|"
    r"(?:flat|per-item|specific) (?:charge|fee|duty|rate)s?\b|"
    r"(?:new|additional|special|extra) fees\b|"
    r"[\d.]+\s*(?:%|percent) baseline\b"  # "a 10 percent baseline on imports"
)
_UP = (
    r"impos|rais|hik|increas|doubl|tripl|quadrupl|slap|levied|levying|"
    r"levy (?=a |an |the |new |extra |higher )|"
    r"add|announc|reimpos|reinstat|set|put|applies (?=an? )|"
    r"expand|escalat|restor|retaliat(?:ed|es|e)\b|charging|appl(?:y|ied|ying)\b|unveil|"
    r"(?:began|begin|begins|started|starts?|will start|to start) (?:collecting|levying|imposing)|"
    r"propos|(?:have|has|had) to pay|must pay|will (?:have to )?pay|(?:began|start\w*) paying|"
    r"orders?\b|ordered\b|(?:answered|respond(?:ed|s)?|retaliated|matched(?! each| every| all))\b"
    r"(?:\W+\w+){0,8}?\W+with|"
    r"signed(?= (?:the |an? |two |three |his |new )?(?:tariff|duty) (?:orders?|proclamations?))|"
    r"(?:hit|struck|fired) back\b(?:\W+\w+){0,6}?\W+with|plac(?:e|es|ed|ing)\b|"
    r"answered\b|(?:was|were|been) (?:first |then |later |also |again )?hit with|"
    r"hit\b(?=(?:\W+[\w'’-]+){1,6}?\W+with\b)|"  # "to hit Canadian dairy with tariffs"
    r"(?:will|would) (?:instead |now |also |still )?face|(?:became|become|becomes) subject to"
)
_DOWN = (
    r"hold off|held off|holds off|postpon|defer|cut|lower|reduc|paus|suspend|delay|lift|"
    # "trimmed its own across-the-board tariff" (not "trimmed their forecasts")
    r"trimmed(?= (?:its|their|the|his|that)(?: own)? (?:[\w-]+ ){0,3}?(?:tariffs?|duty|duties|levy|"
    r"levies|rate)\b)|"
    r"put off|puts off|putting off|pushed back|call(?:ed|s|ing)? off|"
    r"remov|eliminat|slash|roll|halv|drop|exempt(?:s|ed|ing)?\b|waiv|end|terminat|revok|rescind|modif|"
    r"adjust|extend|stop(?!\w*\s+short\b)|ceas|expir|lapse|scrap|shelved\b"
)
_STRUCK = alt(
    "struck down",
    "strikes? down",
    "strike down",
    "invalidat",
    "ruled",
    "overturned",
    r"voids?\b|voiding|voided(?= (?:the|a|an|its|their|all|those|these|most|some)\b)",
    "vacat",
    "annul",
    r"block(?:ed|s)\b",
    "enjoin",
)
_TOOK_EFFECT = (
    r"(?:will|would|to|set to|due to) (?:start|begin|apply)|started|began|took effect|"
    r"takes? effect|went into effect|go(?:es)? into effect|came into force|come into force|"
    r"(?:entered|enters|entering) into (?:force|effect)|(?:has|have|had) been in (?:force|effect)|"
    r"kick(?:ed)? in|(?:was|were|is|are) now in (?:force|effect)|(?:has|have|had) taken effect|"
    r"went on(?= (?:roughly |about |some |nearly )?(?:\$|\d))|"
    r"(?:was|were|(?:has|have|had) (?:already |since |previously )?been|will be|would be) "
    r"(?:then |later |now |also )?(?:raised|imposed|increased|cut|"
    r"lowered|paused|suspended|lifted|reduced|removed|halved|doubled|slashed|extended|"
    r"reinstated|restored|voided|struck down|invalidated|scrapped|eliminated|terminated|"
    r"applied|levied|introduced|put off|postponed|delayed|deferred|pushed back|collected|charged|"
    r"trimmed|shelved)|"
    r"will (?:rise|increase|fall|drop|climb)|rose to|fell to|climbed to|"
    r"(?:falls|rises|drops|climbs|goes up|goes down) to|(?:dropped|cut|lowered|reduced|raised|"
    r"increased|lifted|halved|doubled) to [\d.]+|"
    r"(?:will|to|set to|scheduled to|due to|slated to) (?:double|triple|quadruple|rise|fall|"
    r"increase|drop|climb)|(?:doubling|tripling|quadrupling|rising|falling) to|"
    r"(?:is|are) (?:set|slated|scheduled|due) to (?:take|go|rise|fall|climb|double)|"
    r"expires?\b|expired\b|lapses?\b|lapsed\b|(?:will|would) (?:expire|lapse|end)|"
    r"(?:come|comes|came|coming) off\b|(?:will|would) be (?:lifted|removed|dropped)|"
    r"(?:stay|stays|remain|remains|kept|keep|keeps|held|hold|holds)\w* at [\d.]+ ?(?:%|percent) "
    r"(?:for (?:another|a further|an additional)|until|through)"
)
#: Effect phrases that rarely follow an unrelated tariff word: they may sit past an appositive
#: ("The third round of duties, covering 5,745 lines and $200 billion, took effect on ...").
_TOOK_EFFECT_FAR = (
    r"took effect|takes? effect|went into effect|came into force|"
    r"(?:is|are|was|were) due (?:on|to take effect)|due to take effect|"
    r"(?:is|are) (?:set|slated|scheduled) to (?:kick in|take effect|go into effect)|"
    r"(?:will|would) (?:now )?be (?:raised|increased|cut|lowered|reduced|halved|doubled)|"
    r"(?:will|would) now be [\d.]+ ?(?:%|percent)|(?:come|comes|came|coming) off\b"
)
_ENDS = (
    r"end|ended|ending|eliminat|clos|suspen|revok|terminat|abolish|repeal|scrap|strip|on hold|"
    r"paus|lost|loses|losing|lose|no longer qualif"
)
_DUTY_FREE = alt(
    "duty-free",
    "de minimis",
    r"low-value (?:shipments|parcels|packages)",
    r"(?:the )?exemptions?\b",
)
_EXPORT_VERBS = (
    r"impos|announc|tighten|expan|widen|broaden|add|restrict|ban|halt|lift|eas|unveil|slap|"
    r"barr(?:ed|ing)\b|"
    r"introduc|suspend|approv|plac|put|remov|delist"
)
_EXPORT = (
    r"(?:applications|permits|licen[cs]es) to export|export (?:applications|permits)|"
    r"export[ -]controls?|entity list|export restrictions|export ban|export[ -]licen[cs]|"
    r"export curbs|export rules|restrictions on (?:the )?exports?|(?:trade )?blacklist|"
    r"unverified list|"
    r"(?:curbs|controls|limits|restrictions) on (?:[\w-]+ ){0,3}exports?|"
    r"exports? (?:curbs|limits|licen[cs]ing)"
)
#: Controls named by the goods they cover ("controls on seven rare earth elements").
_EXPORT_GOODS = (
    r"(?:curbs|controls|limits|restrictions) on (?:[\w-]+ ){0,3}(?:rare[ -]earths?|minerals|metals|"
    r"elements|magnets|gallium|germanium|antimony|graphite|tungsten|chips|semiconductors)|"
    # "barring shipments of gallium, germanium and antimony", "its ban on shipping gallium"
    r"(?:shipments|ban on shipping|ban on exporting) (?:of )?(?:[\w,-]+ ){0,3}?"
    r"(?:rare[ -]earths?|gallium|germanium|antimony|graphite|tungsten|chips|semiconductors|"
    r"magnets)\b|"
    r"(?:rare[- ]earths?|mineral|critical minerals?|technology|chip) (?:measures|rules|controls|"
    r"restrictions|curbs|licensing)"
)
_DEAL_VERBS = (
    r"took effect|take effect|takes effect|went into effect|enters? into force|entered into force|"
    r"(?:comes?|came) into force"
)
_DEAL = (
    r"trade (?:deal|agreement|truce|pact|framework)|"
    r"(?:initial|interim|phase one) (?:deal|agreement)"
)
_LEGAL = (
    r"section 301|section 232|section 122|IEEPA|"
    r"International Emergency Economic Powers Act"
)
_SEIZE = (
    r"\b(?:seized|seizes)\b(?!\s+(?:on|upon)\b)|\b(?:confiscated|intercepted)\b|"
    r"\b(?:seizure|seizures) of\b|"
    r"\bmade (?:a |the )?(?:seizure|bust)|"
    r"\b(?:found|discovered|uncovered|recovered|caught|pulled)\s+"
    r"(?:more than |nearly |about |over |some |roughly |approximately |almost |at least |"
    r"an estimated )?"
    r"(?:\d[\d,.]*|hundreds|thousands|millions|dozens)\s+(?:[\w-]+\s+){0,3}?(?:of\s+)?"
    r"(?:fentanyl|pills|narcotics|drugs|methamphetamine|cocaine|heroin|precursors?)\b"
)
_ARREST = (
    r"arrested|captured|(?:taken|took|take|takes|taking) (?:[\w'’-]+ ){0,5}?into custody|"
    r"indicted|indictments?|charged|"
    r"extradited|convicted|convicting|sentenced|pleaded guilty|unsealed|prosecuted|apprehended|"
    r"(?:unveiled|filed|brought|announced|laid|lodged) (?:\w+ ){0,2}?charges|recaptured|"
    # "received a 15-year term", "charging four Chinese chemical companies"
    r"received an? [\w-]+ (?:prison )?(?:term|sentence)|ordered to serve|"
    r"charging (?=(?:[\w'’-]+ ){0,4}?(?:companies|firms|executives|people|men|women|"
    r"individuals|suspects|defendants|nationals)\b)"
)
_HANDOVER = (
    r"sent|handed|transferred|turned over|extradited|expelled|deported|flew|flown|"
    # "put 29 prisoners wanted in the United States on planes north"
    r"put(?=(?:\W+[\w-]+){1,10}?\W+on (?:planes?|flights?|a plane)\b)"
)
_SUSPECTS = (
    r"suspects|fugitives|people wanted|cartel (?:figures|members|leaders|bosses|operatives)|"
    r"defendants|prisoners"
)
_SANCTION = (
    r"sanctioned|sanctions? (?:on|against)|imposed sanctions|announced sanctions|"
    r"sanctioning(?=\s+(?:[\d,]+|more than|about|nearly|some|several|two|three|four|five|six|"
    r"seven|eight|nine|ten|a dozen|dozens)\b)|"
    r"new sanctions|(?:placed|put|hit|slapped) (?:\w+ )?(?:under|with) sanctions|"
    r"blocked (?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of) (?:[\w-]+ )?"
    r"(?:people|individuals|entities|companies|firms)|"
    r"sanctions (?:were|have been|had been) (?:imposed|announced|placed)|blacklisted|"
    r"designated(?=(?:\W+[\w-]+){0,8}?\W+(?:as|under)\b)"
    # "designated Wang Xiaohong ... as his point man": a person given a role
    r"(?!(?:\W+[\w-]+){0,8}?\W+as\W+(?:his|her|its|their|the|a)\W+(?:[\w-]+\W+)?"
    r"(?:point|envoy|representative|negotiator|lead|chief|successor|head|special))|"
    r"designation of|OFAC|"
    # "designated the Sinaloa cartel, the Jalisco New Generation Cartel and six other criminal
    # groups as foreign terrorist organizations": a long list before "as"
    r"designated(?=(?:\W+[\w-]+){9,24}?\W+as (?:a |an )?(?:foreign |specially designated "
    r"global )?terrorist)|"
    # "signed an order designating illicit fentanyl ... as a weapon of mass destruction"
    r"designating(?=(?:\W+[\w-]+){1,14}?\W+as (?:an? )?weapons? of mass destruction)|"
    # "listed seven criminal organizations, including the Sinaloa cartel, as terrorist entities"
    r"listed (?:[\w,'’-]+ ){0,16}?as (?:a |an )?(?:foreign )?terrorist "
    r"(?:organi[sz]ations?|entities|entity|groups?)|"
    r"added (?:[\w,'’-]+ ){0,16}?to (?:the |its |\w+'s )?(?:list of )?terrorist "
    r"(?:entities|organi[sz]ations|groups|list)|"
    # "designated 25 targets - 10 individuals and 15 entities"
    r"designated (?:more than |about |nearly |some |another |an additional )?"
    r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens of) (?:[\w-]+ )?"
    r"(?:targets|individuals|entities|companies|firms|people|persons|businesses)|"
    r"designat(?:es|ing)(?=(?:\W+[\w-]+){0,8}?\W+as\W+(?:\w+\W+){0,2}"
    r"(?:terrorist|foreign terrorist|weapons? of mass|kingpins?|transnational|narcotics))|"
    r"(?:designat|label|list|nam|classif)(?:ed|es|ies|ied|ying|ing)(?=(?:\W+[\w-]+){0,8}?\W+"
    r"(?:an?\W+|as\W+)?"
    r"(?:weapons? of mass destruction|"
    r"(?:foreign )?terrorist organi[sz]ations?))"
)
_SCHEDULE = (
    r"schedul|(?-i:control)|listed|listing|regulat|licens|registration|restrict|class-wide|placed|"
    r"bann(?:ed|ing)(?= (?:the|all|an?|its|\d))|"
    r"(?:place|put)(?=\s+(?:[\w,-]+\s+){0,12}?under\b)|"
    r"add(?:s|ed|ing)?\b|(?:stop|halt|curb)\w* (?:the )?(?:shipments?|exports?|sales|flow)|"
    r"(?:came|come|comes|coming) under|"
    r"(?:brought|bring|brings|bringing) (?:[\w,-]+ ){0,12}?under|"
    r"(?:extend|widen|expand|tighten)\w* (?:its |their |the )?(?:[\w-]+ )?controls"
)
_CHEMICALS = (
    r"precursors?|chemicals?|substances|fentanyl-related|analogues|nitazenes|xylazine|"
    r"pill presses|fentanyls|carfentanil|synthetic opioids|opioids|ingredients|"
    r"psychoactive substances|synthetic drugs|narcotic drugs|building blocks|"
    r"NPP|4-ANPP|ANPP|4-AP|1-boc-4-AP|norfentanyl|U-47700|MT-45|(?:fentanyl )?look-alikes|"
    r"fentanyl-like"
)
_RAID = (
    r"raided|raids? on|dismantled|took down|shut down|busted|launched a crackdown|"
    r"crackdown on|cracked down|disrupted|broke up|smashed|act(?:s|ed|ing)? against|"
    r"plac\w* under (?:special |strict |close )?"
    r"(?:supervision|investigation|scrutiny|surveillance)|"
    r"cracked (?:a |the |an )?(?:[\w-]+ ){0,2}(?:case|ring|network|gang|operation)|"
    r"executed (?:[\w-]+ ){0,2}?search warrants?"
)
_PUBLISHER = (
    r"(?:(?:CDC|Centers for Disease Control(?: and Prevention)?)['’]s\s+)?"
    r"(?:CDC|NCHS|Centers for Disease Control(?: and Prevention)?|"
    r"National Center for Health Statistics|[Aa]gency)"
)
_REPORTED = (
    r"(?:\w+\s+)?(?:reported|said|released|published|estimated|announced|issued|put out|posted)\b"
)
#: The publisher, or health officials, as the subject of a release.
_HEALTH_BODY = rf"(?:{_PUBLISHER}|(?:[Ff]ederal |U\.S\. |[Nn]ational )?health officials)"
_DEATH_COUNT = r"(?:\W+[\w.,$%-]+){0,14}?\W+(?:deaths|died|overdoses|fatalities|toll)\b"
_RELEASE = alt(
    "releas",
    "publish",
    "report",
    "issu",
    "post",
    "updat",
    "put out",
    "puts out",
    "schedul",
    "made public",
    r"(?:is|are) (?:expected|due)\b",
)
_DATA = (
    r"(?:provisional|new|newest|latest|most recent|preliminary|final|updated|next) (?:[\w-]+ ){0,2}"
    r"(?:data|figures|statistics|estimates?|numbers|counts?|tally|report|update)|"
    r"(?:monthly|weekly|quarterly|annual) (?:update|report|data|figures)"
)
#: A tariff named first and then acted on in a relative clause ("the tariff, which Trump doubled
#: in March"; "duties that Beijing imposed").
_TARIFF_ACTED = (
    r"(?:(?:which|that)\s+)?(?:the\s+|its\s+)?(?:[\w.'’-]+\s+){1,3}?(?:had\s+|has\s+|have\s+)?"
    r"(?:first\s+)?(?:began\s+|started\s+)?"
    r"(?:imposed|raised|doubled|tripled|hiked|increased|levied|slapped|announced|introduced|"
    r"cut|lowered|halved|reduced|suspended|lifted|removed|scrapped|extended|charged|"
    r"collected|applied)\b"
)
#: Approval or wider access of an overdose treatment (naloxone over the counter, ...).
_TREATMENT = (
    r"over-the-counter|naloxone|narcan|nalmefene|buprenorphine|methadone|"
    r"overdose-reversal|overdose reversal|opioid antidote"
)
_EMERGENCY = (
    r"public[ -]health emergency|health emergency|state of emergency|emerging threat|"
    # "a 90-day fentanyl emergency" (not "the synthetic-opioid emergency" tariffs rest on)
    r"(?<![\w-])(?<!synthetic )(?:fentanyl|opioid|overdose) emergency"
)
_CHANGE = (
    r"(?:reductions?|cuts?|increases?|hikes?|the new rates?|changes|reduction|increase|stages?|"
    r"tranches?|phases?)\b"
)
_LICENCE = (
    r"licen[cs](?:e|ing) requirements?|"
    r"requir(?:e|es|ed|ing) (?:a |an )?(?:export |government |state |special )?licen[cs]es?|"
    r"need (?:a |an )?(?:[\w-]+ )?licen[cs]es?|licen[cs]ing (?:rules|regime|system)|"
    r"(?:needs|needed|needing) (?:a |an )?(?:[\w-]+ )?licen[cs]es?|"
    r"(?:obtain|get|apply for) (?:a |an )?(?:[\w-]+ )?licen[cs]es?|"
    r"requirements? for (?:an? )?(?:export )?licen[cs]es?"
)
_SUSPEND = r"suspend|halt|cut off|cut|resum|restor|sever|froze|freez|end"
_COOPERATION = r"cooperation|communications|talks|dialogue|channels?|contacts|exchanges"
_MEET = (
    r"(?:held|opened|convened|hosted|attended|chaired|began) (?:a |an |the |their )?"
    r"(?:[\w-]+ ){0,3}(?:meeting|talks|dialogue|summit|calls?|session|round of talks)|"
    r"back-?channels?|meeting(?=\s+(?-i:[A-Z]))|(?:negotiations|talks) (?:in|over|at)|"
    r"(?:days?|rounds?) of (?:[\w-]+ )?(?:talks|negotiations|meetings|consultations)|"
    r"(?:a|the) (?:[\w'’-]+ ){0,2}meeting (?:of|between)|met|meeting with|"
    # not "goods that meet the USMCA's rules of origin"
    r"meets?(?! (?:the |its |their |those |these |all |any )?(?:[\w.'’-]+ ){0,3}?(?:rules|"
    r"requirements|criteria|standards|conditions|targets|deadlines?|thresholds?|terms|quotas?|"
    r"demands)\b)|"
    r"will meet|held talks|hold talks|holds talks|talks with|(?<!\bwe )spoke with|talked with|"
    r"talked by phone|sent (?:an? )?(?:\w+ )?envoy|speak with|spoke by phone|phone calls?|"
    r"call with|video call|virtual meeting|summit|convened|hosted|bilateral meeting|"
    r"sat down with|sat in on|sat down (?:together )?(?:in|at)\b|"
    r"wrapped up (?:[\w-]+ ){0,3}?(?:talks|negotiations|consultations|meetings)|"
    # "told the ambassador at a meeting on June 19 that ...": a meeting named by its day
    r"(?:at|during) (?:a|an|the|their) (?:[\w-]+ ){0,2}meeting (?=(?:on|last|this|earlier) "
    r"(?:(?-i:[A-Z])|\d|week|month))|"
    r"(?:took|takes|taking) part in (?:the |a |an |their )?(?:[\w'’-]+ ){0,3}"
    r"(?:talks|meeting|negotiations|sessions?|summit|dialogue|consultations)|"
    r"(?:joined|led|headed) (?:the |a |an |his |her |their )?(?:[\w-]+ ){0,2}"
    r"(?:delegation|talks|negotiations|meeting)|"
    r"(?:led|headed) (?:the |his |her |its )?(?:[\w-]+ )?(?:side|team) (?:at|in) (?:the )?"
    r"(?:talks|negotiations|meeting)"
)
#: Other wordings of a meeting or call, each behind its own gate words (speed): (regex, gate).
_MEET_MORE = (
    (
        r"(?<!\bon )(?:hold|holds|holding) (?:a |an |the |their )?(?:[\w-]+ ){0,3}"
        r"(?:meeting|talks|dialogue|"
        r"summit|call|session|round of talks)",
        "hold holds holdin",
    ),
    (
        r"(?:leads?|leading|heads?|heading) (?:the |a |an |his |her |their )?(?:[\w'’-]+ ){0,2}"
        r"(?:delegation|talks|negotiations)\s+(?:to|in|at|for)\b",
        "delega",
    ),
    (
        r"spoke (?:for|by|over|on the (?:tele)?phone|at length)|(?:tele)?phoned|"
        r"(?:phone|telephone) (?:conversation|talks?)",
        "spoke phoned teleph phone",
    ),
    (
        r"(?:will|to) sit down (?:with|in|at)\b|shook hands|shake hands",
        "down hands",
    ),
    (
        r"sat (?:down )?across|sat down",
        "sat",
    ),
    (
        r"readout|(?:call|talks|meeting|summit|conversation)\b(?=(?:\W+[\w-]+){0,12}?\W+lasted\b)",
        "readou lasted",
    ),
    (r"spent (?:[\w-]+ ){1,8}?(?:with|in talks|meeting|negotiating)\b", "spent"),
    (r"conven(?:e|es|ing)\b", "conven"),
    (
        r"(?:talks|negotiations|meeting|session|round)\b(?:\W+[\w.'’-]+){0,8}?\W+"
        r"(?:got under\s?way|followed|opened|were held|was held)\b",
        "talks negoti sessio round",
    ),
    (
        r"launch(?:ed|es|ing)? (?:a |an |the )?(?:new )?(?:[\w-]+ ){0,2}(?:framework|dialogue|"
        r"mechanism|working group)\b",
        "launch",
    ),
    (r"included (?:a |an )?(?:meetings?|talks) with", "meetin talks"),
    (
        r"(?:trip|visit|talks|meeting|summit|call|dinner)\b(?:\W+[\w,'’-]+){0,10}?\W+"
        r"(?:took|takes|will take|is to take) place\b",
        "place",
    ),
    (
        r"received (?:visiting )?(?:[\w.-]+ ){0,3}?(?:Secretary|President|Premier|Vice|Minister|"
        r"Ambassador|Senator|Prime|Foreign|Treasury|Trade|Commerce|Defense|State)",
        "receiv",
    ),
)
_VISIT = (
    r"visited|visit to|visits|visiting|will visit|to visit|travel(?:l?ed|l?ing|s)? to|"
    r"trip to|arrived in|(?:arrive|arrives|arriving|landed|touched down) in (?-i:[A-Z])|"
    # "ended a three-day state visit", "left Beijing on Friday at the end of a state visit"
    r"(?:ended|ending|wrapped up|wrapping up|concluded|concluding) (?:a |an |his |her |their |"
    r"the )(?:\w+-[\w-]+ )?(?:state |official )?visit\b|"
    r"(?:left|flew out of|departed) (?-i:[A-Z])[\w-]+(?: on \w+)? (?:at the end of|after|ending|"
    r"wrapping up)\b|"
    # "landed in Beijing to begin a three-day state visit"
    r"(?:begin|began|begins|beginning|start|started|starts|starting) (?:a |an |his |her |their )?"
    r"(?:[\w-]+ ){0,2}(?:state |official )?visit\b|"
    r"made (?:the|a|his|her|their) (?:[\w-]+ )?trip|sending \w+ (?:\w+ )?to|"
    r"visit (?:was|were|has been|had been|is) (?:confirmed|announced|scheduled|planned|set)|"
    r"(?:confirmed|announced) (?:the |a |an |his |her |its )?(?:[\w-]+ ){0,2}visit|"
    r"(?:send|sends|sent|sending|dispatch(?:ed|es|ing)?) (?:a |an |its |his |her |their )?"
    r"(?:[\w-]+ ){0,2}(?:team|delegation|envoy|negotiators|emissary|representatives?)\b"
)
_TALK_VERBS = (
    r"launch|resum|reopen|(?<!\bon )hold|held|open|begin|began|restart|convene|start|agree|"
    r"continu|"
    r"conclud|review|set up|establish|creat"
)
_TALKS = r"negotiations|dialogue|working group|trade talks|consultations|talks\b"
_OFFER = (
    r"invited|invitation|invites|offered|offers? to|proposed|proposal|overture|"
    r"olive branch|"
    r"(?:reached|reaches) out to (?:[\w'’-]+ ){0,4}?(?:administration|government|officials|"
    r"counterparts?|ministry|embassy|side|Washington|Beijing|White House)"
)
_STATEMENT = (
    r"opposed|opposes|file (?:a )?(?:case|complaint)|lodged (?:a )?(?:protest|complaint)|"
    r"warned|urged|urging|called on|condemned|protested|pledged|vowed|accused|demanded|rejected|"
    r"denounced|criticized|joint statement|issued a statement|said in a statement|"
    # "In a statement issued late Tuesday, China's Commerce Ministry said ..."
    r"in a (?!joint)(?:[\w-]+ )?statement (?:issued|released|posted|published)|"
    r"reaffirmed|welcomed|"
    r"(?:take|taking|took) [\"“]?(?:all )?"
    r"(?:necessary|resolute|firm|corresponding|countermeasures)"
)
#: Other statements and representations, each behind its own gate words (speed).
_STATEMENT_MORE = (
    (  # "China's foreign ministry announced eight countermeasures"
        r"(?:announced|unveiled|adopted|imposed|rolled out|took) (?:(?:a|an|its|\w+) )?"
        r"(?:(?:set|package|round|series|list) of )?countermeasures",
        "counte",
    ),
    (
        r"told(?!\s+(?:reporters|journalists|the\s+press|an?\s+(?:news|press)|an?\s+interview|"
        r"lawmakers|senators|congress|cnbc|fox|cnn|bloomberg|reuters|state media|a briefing))|"
        r"pressed|assured|briefed|conveyed|raised (?:concerns|the issue)|charg(?:ing|ed) that",
        "told presse assure briefe convey raised chargi charge",
    ),
    (
        r"wrote to|sent (?:a |an )?letter|lodged (?:[\w-]+ )?representations|summoned",
        "wrote letter repres summon",
    ),
    (r"(?:hit|hits|struck|fired|pushed) back", "hit hits struck fired pushed"),
    (
        r"(?:published|issued|released|put out) (?:a |an |its )?(?:[\w-]+ ){0,2}white paper|"
        r"fact sheet,? (?:published|issued|released)|(?:published|issued|released) (?:a |an |its )?"
        r"fact sheet",
        "paper sheet",
    ),
)
#: A government's promise to put forces somewhere ("Mexico would send 10,000 troops").
_COMMIT_DEPLOY = (
    r"\b(?:would|will|to|agreed to|pledged to|promised to|committed to)\s+(?:\w+\s+)?"
    r"(?:send|deploy|dispatch|station)(?:ing)?\s+(?:[\w,.-]+\s+){0,4}?"
    r"(?:troops|soldiers|guards(?:men)?|guard members|agents|officers|personnel)\b"
)
#: "signed what both sides called the phase one agreement": the deal named by a clause.
_WHAT_CALLED = (
    r"(?:what (?:[\w-]+ ){1,3}?(?:called|described as|termed|billed as|dubbed|hailed as) )"
)
_AGREE = (
    r"agreed (?:[\w.'’-]+ ){1,5}?to|agreed that|"
    # "agreed over dinner in Buenos Aires on Saturday to a 90-day truce"
    r"agreed (?:[\w.'’-]+ ){6,9}?to (?:a |an |the )?(?:[\w-]+ ){0,2}"
    r"(?:truce|ceasefire|pause|deal|agreement|framework)\b|"
    r"commitments? (?:from|by|made)|brokered|ceasefire|"
    r"(?:pledge|promise)s? (?:[\w-]+ ){1,3}made to|"
    r"made (?:a |the |its |his |her )?(?:pledge|promise) to|"
    r"secured the release|negotiating table|agreed to|agreed on|committed to|commitment to|"
    r"promised to|pledged to|agreeing (?:on|to)|"
    r"reached (?:an? |the )?(?:[\w-]+ ){0,2}(?:agreement|consensus|understanding)|"
    # "reached what both sides described as a preliminary consensus"
    r"reached what (?:[\w-]+ ){1,5}?(?:agreement|consensus|understanding|deal|truce)|"
    r"signed (?:an? )?(?:agreement|declaration)"
)
#: Other wordings of an agreement, behind the gate of the nouns they need (speed).
_AGREE_MORE = (
    (
        rf"signed {_WHAT_CALLED}?(?:an? |the )?(?:[\w-]+ ){{0,5}}?(?:agreement|"
        r"memorandum of understanding|"
        r"declaration|accord|trade deal|pact)\b",
        "signed",
    ),
    (
        r"(?:agreement|deal|accord|truce|framework|pact|outline|trip|visit)\b(?:\W+[\w-]+){0,3}?\W+"
        r"(?:was|were|has been|had been) (?:first |later |also )?(?:announced|reached|signed|"
        r"unveiled|struck|agreed)|"
        # "The Phase One agreement, signed at the White House in January 2020, ..."
        r"(?:agreement|deal|accord|truce|pact),\s+(?:first\s+)?(?:signed|reached|struck)\b",
        "agreem accord pact framew truce outlin trip visit",
    ),
    (
        r"(?:produced|yielded|hammered out|clinched|forged|reached|struck|agreed on|agreed to|"
        # "the two sides said they had agreed a framework"
        r"agreed(?= (?:a|an|the) )|"
        r"called(?= an? (?:[\w-]+ )?truce)|settled on|sealed|inked|brokered) "
        rf"(?:a |an |the |{_WHAT_CALLED}(?:a |an )?)?[\"“]?(?:[\w-]+ ){{0,2}}"
        r"(?:framework|consensus|understanding|truce|(?:trade|phase one|phase-one) deals?|pact|"
        r"accord|bargain)|(?:sealed|inked|brokered|clinched|struck) (?:the|their|a|an) "
        r"(?:outlines? of (?:the|a|their) )?(?:deal|bargain|agreement|accord|pact)\b|"
        # "sealed the first phase of a trade agreement"
        r"(?:sealed|inked|clinched) (?:the|their|a|an) (?:[\w-]+ ){1,5}?(?:deal|agreement|accord|"
        r"pact)\b",
        "produc yielde hammer clinch forged reache struck agreed settle sealed inked broker called",
    ),
    (
        # "a deal that Trump and Xi struck on Oct. 30", "the outlines of the deal were announced"
        r"(?:deal|agreement|truce|pact|accord|bargain) (?:that|which) (?:[\w.'’-]+ ){1,9}?"
        r"(?:struck|sealed|reached|signed|inked|brokered|hammered out)\b|"
        r"(?:announced|unveiled|released|published) (?:the )?(?:outlines?|framework|text|terms) "
        r"of (?:the |a |an )?(?:[\w-]+ ){0,2}(?:deal|agreement|accord|pact)\b",
        "deal agreem truce pact accord bargai outlin framew text terms",
    ),
    (
        r"(?:consensus|agreement|understanding|truce|framework|deal|pact|accord) (?:that )?"
        r"(?:was )?(?:reached|struck|agreed|hammered out|worked out|forged) by\b",
        "consen agreem unders truce framew deal pact accord",
    ),
    (
        r"(?:announced|unveiled|signed|concluded|launched) (?:on \w+ )?(?:a |an |the )?"
        r"(?:[\w\"'“”‘’-]+ ){0,3}(?:agreement|accord|pact|memorandum of understanding|partnership|"
        r"trade deal)|put (?:their|his|her|its) names? to (?:the |an? )?(?:[\w-]+ ){0,2}"
        r"(?:agreement|deal|accord|pact)",
        "agreem accord pact memora",
    ),
    (
        r"(?:gave|made|offered|provided) (?:a |an |that |the |this |his |her |its )?(?:[\w-]+ )?"
        r"(?:undertaking|pledge|promise|commitment|assurance)s?\b",
        "undert pledge promis commit assura",
    ),
    (
        r"(?:would|will|agreed to|pledged to|committed to|promised to) (?:buy|purchase|import) "
        r"(?:[\w,.-]+ ){0,4}?(?:tons|tonnes|soybeans|aircraft|jets|energy|worth)\b",
        "buy purcha",
    ),
)
_OVERTURE = (
    # "The Wall Street Journal reported that Wang Xiaohong had been asking what Washington
    # wanted": a paper's report of an overture (hedged: the report, not the act, is dated)
    r"\b(?:wall street journal|new york times|financial times|washington post|reuters|bloomberg|"
    r"south china morning post|nikkei|axios|politico|the journal)\b[^.;]{0,40}?\breported\b"
    r"(?:\s+on\s+\w+)?\s+that\b|"
    # "Xi Jinping has tapped Wang Xiaohong ... to take charge of the fentanyl file"
    r"\b(?:tapped|appointed|named|picked|chose|designated)\s+(?:[\w.,'’-]+\s+){1,10}?to\s+"
    r"(?:lead|head|take charge of|handle|run|oversee)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:side|work|file|talks|negotiations|delegation|team|issue|efforts?|cooperation)\b|"
    r"\b(?:is|are|was|were|has been|have been|has|have) "
    r"(?:(?:reportedly|recently|quietly|also|now|been|said to be|reported to be|actively) )*"
    r"[\"“‘']?(?:weighing|considering|exploring|mulling|contemplating|seeking clarity|seeking|"
    r"preparing to|planning to|evaluating|reviewing|assessing|studying|being planned|"
    r"being prepared|being considered|being arranged)\b"
    r"|\breportedly (?:exploring|weighing|considering|seeking|planning|preparing)\b"
)


def _w(words: str) -> str:
    return rf"\b(?:{words})\b"


_G_TARIFF = "tarif duti duty levie levy reci surcha surtax fees rate flat baseli"
RULES: tuple[Rule, ...] = (
    # trade policy
    _r(
        "trade_policy",
        "ended duty-free treatment",
        either(_ENDS, _DUTY_FREE, 14),
        "duty minimi exempt",
    ),
    _r("trade_policy", "tariffs struck down", either(_STRUCK, _TARIFF, 8), _G_TARIFF),
    _r(
        "trade_policy",
        "tariffs struck down",
        r"\b(?:ruled|held|found|decided|concluded|declared)\W+(?:[\w,-]+\W+){0,7}?that\W+"
        r"(?:[\w.,()-]+\W+){0,12}?"
        r"(?:does not|did not|doesn't|didn't|cannot|can't|lacks?|lacked|exceeded|"
        r"(?:gives?|gave) (?:the president |presidents |him )?no)\W+"
        r"(?:[\w-]+\W+){0,3}?(?:authori[sz]\w*|allow|permit|power|authority)\b(?=.{0,80}"
        r"\b(?:tariffs?|duties|levies)\b)",
        "ruled held found decide conclu declar",
        negatable=False,
    ),
    _r(
        "trade_policy",
        "cut, paused or adjusted tariffs",
        near(r"no longer (?:face|pay|be subject to|owe)", _TARIFF, 4),
        _G_TARIFF,
        negatable=False,
    ),
    _r("trade_policy", "raised or imposed tariffs", near(_UP, _TARIFF, 7), _G_TARIFF),
    _r(
        "trade_policy",
        "tariffs struck down",
        # "ruled 6-3 in Learning Resources v. Trump that the International Emergency Economic
        # Powers Act does not authorize tariffs": the negation is what the ruling says
        r"\bruled\b[^;]{0,120}?\b(?:does|did) not (?:authori[sz]e|allow|permit)\b[^;]{0,50}?"
        r"\b(?:tariffs?|duties|levies)\b",
        "ruled",
        negatable=False,
    ),
    _r(
        "trade_policy",
        "trade review concluded",
        # "USTR wrapped up its four-year review of the Section 301 tariffs on May 14"
        r"\b(?:wrapped up|concluded|completed|finished)\s+(?:its|their|the|a)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:review|investigation|probe)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:tariffs?|duties|trade|practices)\b",
        "wrappe conclu comple finish",
    ),
    _r(
        "trade_policy",
        "cut, paused or adjusted tariffs",
        # "had given the three big Detroit automakers a one-month exemption", "Mexico and Canada
        # each won a 30-day pause"
        r"\b(?:gave|given|granted|grants|gives)\s+(?:[\w.'’-]+\s+){0,6}?(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:exemption|reprieve|exclusion|waiver)\b|"
        r"\b(?:won|wins|secured|obtained)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:pause|reprieve)\b",
        "gave given grante grants gives won wins secure obtain",
    ),
    _r(
        "trade_policy",
        "trade notice published",
        r"\b(?:printed|published|posted|appeared|issued) in the Federal Register\b",
        "printe publis posted appear issued",
    ),
    _r(
        "trade_policy",
        "cut, paused or adjusted tariffs",
        # "a presidential memorandum exempted smartphones and computers"
        r"\b(?:memorandum|order|proclamation|notice)\s+(?:[\w-]+\s+){0,3}?exempt(?:ed|s|ing)\b|"
        # "exempted smartphones, computers and other electronics from its reciprocal tariffs"
        # "signed orders sparing goods that qualify under the U.S.-Mexico-Canada Agreement from
        # the tariffs" (a full stop inside an abbreviation does not end the clause)
        r"\b(?:exempt(?:ed|s|ing)|spar(?:es|ed|ing))\b(?:[^.;]|\.(?=[\w-])){0,100}?\bfrom\s+"
        r"(?:the\s+|its\s+|their\s+|his\s+)?(?:[\w%.-]+\s+){0,3}?(?:tariffs?|duties|levies|surcharges?)\b|"
        r"\b(?:be|been|were|was|are|is)\s+spared\s+(?:from\s+)?(?:the\s+|its\s+|their\s+|his\s+)?"
        r"(?:[\w%-]+\s+){0,3}?(?:tariffs?|duties|levies|surcharges?)\b",
        "exempt spared spares sparin",
    ),
    _r(
        "trade_policy",
        "raised or imposed tariffs",
        # "said it would add 15 percent to U.S. chicken": a duty named by its rate alone
        r"\badd(?:s|ed|ing)?\s+(?:an?\s+(?:extra|additional|further)\s+)?"
        r"(?:[\d.]+\s*(?:to|-|–)\s*)?[\d.]+\s*"
        r"(?:%|percent|percentage points?)\s+(?:to|on)\s+(?:the\s+)?"
        r"(?:U\.S\.|US|American|Chinese|China's|imports|goods|products)",
        "add adds added adding",
    ),
    _r("trade_policy", "cut, paused or adjusted tariffs", near(_DOWN, _TARIFF, 8), _G_TARIFF),
    _r(
        "trade_policy",
        "cut, paused or adjusted tariffs",
        # "formally postponed the increase until March 2": the tariff step named before
        r"\b(?:postpon\w*|defer(?:s|red|ring)?|delay(?:s|ed|ing)?|shelved|pushed back|put off|"
        r"call(?:ed|s|ing)? off|scrapped|abandoned|dropped) "
        r"(?:the |a |its |that |this )?(?:planned |scheduled |threatened |next )?"
        r"(?:tariff |rate )?(?:increase|hike|rise|escalation)\b|"
        # "signed another order putting that change on hold"
        r"\b(?:put|puts|putting)\s+(?:that|the|this|its)\s+(?:[\w-]+\s+)?"
        r"(?:change|increase|hike|step|order)\s+on hold\b",
        "postpo defer delay shelve pushed put puts puttin called calls callin scrapp abando droppe",
    ),
    _r("trade_policy", "tariffs took effect", near(_TARIFF, _TOOK_EFFECT, 8), _G_TARIFF),
    _r(
        "trade_policy",
        "tariffs took effect",
        # "China's own 84% on U.S. goods took effect the same day", "The 10% rate took effect"
        near(
            r"[\d.]+\s*(?:%|percent)\s+(?:rate|surcharge|on(?! (?:the |a )?(?:year|month|week)))\b",
            r"took effect|kicked in|went into effect|came into force|took hold|began on|"
            r"took (?:its|their) place",
            16,
        ),
        "effect kicked force hold began took",
    ),
    _r(
        "trade_policy",
        "tariffs changed",
        # "Tariffs of 25 percent on imported steel and 10 percent on aluminum, which ..., took
        # effect just after midnight on Friday": a long subject, then the change (anchored at
        # the verb in `classify`, where the change's own date phrase is)
        r"^\W*(?:[^,;]{1,40},\s+)?(?:[\w$%.'’-]+\s+){0,5}?(?:tariffs?|duties|duty|levies|levy)\b"
        r"[^;]{0,200}?\s(?:took effect|took hold|kicked in|went into effect|"
        r"came into force|entered into force|(?:was|were) (?:suspended|lifted|raised|cut|halved|"
        r"doubled|reduced)|(?:is|are) (?:set|due|scheduled) to (?:follow|take effect|kick in|begin|"
        r"start))\b",
        "effect hold kicked force suspen lifted raised halved double reduce cut follow",
        at_end=True,
    ),
    _r(
        "trade_policy",
        "raised or imposed tariffs",
        r"\b(?:hit|hits|struck|strikes|fired) back\b(?:\W+\w+){0,4}?\W+against\s+"
        r"(?:[\w$,.-]+\s+){0,3}?(?:American|U\.S\.|US|Chinese) (?:items|products|goods|imports|"
        r"exports)\b|"
        # "hit back within hours with 25 percent on a matching $34 billion of American products"
        r"\b(?:hit|hits|struck|strikes|fired) back\b(?:\W+\w+){0,4}?\W+with\s+[\d.]+\s*"
        r"(?:%|percent)\s+(?:on|against)\b|"
        r"\b(?:levy|levies|levied|levying|impose[sd]?|imposing|slap\w*|put|puts|putting)\s+"
        r"(?:an? |a new |an extra |an additional )?[\d.]+\s*(?:%|percent)\s+"
        r"(?:tariffs?\s+|duties\s+|duty\s+)?on\b",
        "hit hits struck strike fired levy levies levied levyin impose imposi slap put puts puttin",
    ),
    _r(
        "trade_policy",
        "tariff notice published",
        r"\b(?:published|issued|posted|filed)\s+(?:a |an |its )?(?:[\w-]+\s+){0,2}?notices?\s+"
        r"(?:in the Federal Register\s+)?(?:postponing|delaying|raising|imposing|extending|"
        r"modifying|suspending|setting|listing|lowering|increasing|removing|excluding|announcing)\b",
        "notice",
    ),
    _r(
        "trade_policy",
        "tariff rate changed",
        # the move only; the tariff named before it is checked in `classify` (speed)
        r"\b(?:rose|rises|rise|risen|climbed|jumped|fell|falls|dropped|increased|decreased|"
        r"drop|fall|climb|jump|doubles|triples|halves|came down|comes down|come down|went up|"
        r"went down|doubled|tripled|quadrupled|halved|drops|climbs|jumps)\s+(?:[\w-]+,?\s+){0,3}?"
        r"(?:from\s+[\d.]+\s*(?:%|percent)\s+)?to\s+(?:[\d.]+\s*(?:%|percent)|\$[\d.,]+)"
        r"|\b(?:tak|bring|lift|push|rais|cut|lower|reduc|doubl|tripl|halv)\w* (?:it|them|the rate|"
        r"the total|the tariff|the levy|the duty|the surcharge) to [\d.]+\s*(?:%|percent)"
        r"|\bimpos\w* (?:it|them) at [\d.]+\s*(?:%|percent)"
        r"|\b(?:it|they|the rate|the tariff|the levy|the duty) (?:was|were) (?:cut|raised|lowered|"
        r"reduced|doubled|halved|increased) (?:back |down |up )?"
        r"(?:from [\d.]+\s*(?:%|percent) )?to [\d.]+\s*(?:%|percent)"
        # "will bring its own retaliatory rate on American products down to 10 percent"
        r"|\b(?:bring|bringing|brings|brought)\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,6}?"
        r"(?:rate|tariffs?|duty|duties|levy|levies)\s+(?:[\w.'’-]+\s+){0,4}?down to\s+[\d.]+\s*"
        r"(?:%|percent)",
        "rose rises rise risen climbe jumped fell falls droppe increa decrea went taking "
        "drop fall climb jump double triple halves came comes come "
        "bringi bring brings brough liftin "
        "pushin raisin raise cut cuttin lower reduce double triple quadru halved halve impose "
        "imposi drops climbs jumps",
        needs=("%", "$", "percent"),
    ),
    _r("trade_policy", "tariffs took effect", near(_TARIFF, _TOOK_EFFECT_FAR, 16), _G_TARIFF),
    _r(
        "trade_policy",
        "tariff change took effect",
        near(_CHANGE, _TOOK_EFFECT, 3)
        # "The cut, to 10 percent from 20 percent, took effect on Nov. 10."
        + r"|\b(?:reduction|cut|increase|hike),?\s+(?:from|to)\s+[\d.]+\s*(?:%|percent)\s+"
        r"(?:to|from)\s+[\d.]+\s*(?:%|percent),\s+(?:took|takes|will take) effect"
        # "The U.S. increase on $200 billion of Chinese products, from 10% to 25%, took effect"
        r"|\b(?:reduction|cut|increase|hike)\s+(?:on|in|of)\s+(?:[\w$.,%-]+\s+){1,10}?"
        r"(?:took|takes|will take) effect\b",
        "effect force kick increa hikes reduct change stage tranch phase",
    ),
    _r(
        "trade_policy",
        "tariffs acted on",
        near(_TARIFF, _TARIFF_ACTED, 2),
        _G_TARIFF,
    ),
    _r(
        "trade_policy",
        "order on tariffs signed",
        r"\bsign\w*\s+(?:an?\s+|the\s+|its\s+|his\s+)?(?:[\w-]+\s+){0,2}?(?:executive order|order|"
        r"memorandum|proclamation)\b(?:\W+[\w,.-]+){0,14}?\W+(?:tariffs?|duties|levies|rates?)\b",
        "signed signin signs",
    ),
    _r(
        "trade_policy",
        "tariff rate kept",
        r"\b(?:keep|keeps|kept|maintain\w*|hold|holds|held|holding)\b(?:\W+[\w-]+){0,6}?\W+"
        r"(?:tariffs?|duties|rate)\b(?:\W+[\w-]+){0,4}?\W+at\s+[\d.]+\s*(?:%|percent)|"
        # "the tariff on $200 billion of Chinese goods would remain at 10 percent"
        r"\b(?:tariffs?|duties|rate)\b(?:\W+[\w$.,-]+){0,8}?\W+(?:would|will) (?:remain|stay) at\s+"
        r"[\d.]+\s*(?:%|percent)|"
        # "would keep its own 10 percent rate on American goods in place"
        r"\b(?:keep|keeps|kept|keeping)\s+(?:its|their|the)\s+(?:own\s+)?[\d.]+\s*(?:%|percent)\s+"
        r"(?:[\w-]+\s+)?(?:rate|tariffs?|duty|duties|levy)\s+(?:[\w.-]+\s+){0,4}?in place\b",
        _G_TARIFF,
    ),
    _r(
        "trade_policy",
        "tariff pause extended",
        # "A second order keeps the higher rate suspended for another year", "would keep 24
        # percentage points of its tariff suspended"
        r"\bkeep(?:s|ing)?\s+(?:[\w\"“”%.-]+\s+){0,10}?(?:rate|tariffs?|duty|duties|levy|levies)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:suspended|paused|on hold)\b",
        "keep keeps keepin",
    ),
    _r(
        "trade_policy",
        "tariff pause extended",
        r"\b(?:extend|prolong|renew|lengthen)\w*\s+(?:the|a|its|their|this|that)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:pause|suspension|reprieve|truce|exclusions?)\b|"
        r"\b(?:pause|suspension|reprieve|truce|exclusions?)\b(?:\W+[\w-]+){0,5}?\W+"
        r"(?:extend|prolong|renew|lengthen)(?:ed|s)\b|"
        r"\bextension of (?:its|the|their|a) (?:own )?(?:[\w%.-]+ ){0,3}?"
        r"(?:rate|tariffs?|pause|truce|suspension)\b|"
        r"\b(?:extension|suspension|pause)\b(?:\W+[\w-]+){0,4}?\W+(?:was|were|had been) "
        r"(?:signed|ordered|approved|granted|announced)\b",
        "pause suspen reprie truce exclus extens",
    ),
    _r(
        "trade_policy",
        "tariff pause agreed",
        # "Trump agreed Monday to hold off for 30 days on the tariffs", "agreed to give Mexico
        # another 90 days": one side's reprieve (a pause the two sides agree is diplomatic; see
        # `_agreed_pause`)
        r"\bagreed\b(?:\s+[\w.,'’-]+){0,3}?\s+to\s+(?:hold off\b|"
        r"put (?:them|it|(?:the|its|his|those|these) (?:[\w%-]+ ){0,3}?(?:tariffs?|duties|levies)) "
        r"on hold\b|keep (?:the |his |its )?(?:[\w%-]+ ){0,3}?(?:tariffs?|duties|levies)\b|"
        r"give (?:[\w.'’-]+ ){1,2}(?:another|a further|an additional|\w+ more)\b)",
        "agreed",
    ),
    _r(
        "trade_policy",
        "tariff pause extended",
        # "Trump said Mexico would get another 90 days at the existing 25% rate"
        r"\b(?:get|gets|got|getting|receives?|received|won|wins)\s+"
        r"(?:another|a further|an additional)\s+\d+\s+days\b"
        r"(?=[^.;]{0,80}?\b(?:tariffs?|duties|levies|rate)\b)",
        "get gets got gettin receiv won wins",
    ),
    _r(
        "trade_policy",
        "raised or imposed tariffs",
        # "Mexico's Senate voted 76 to 5 last Wednesday to approve tariffs of up to 50 percent"
        r"\bvot(?:ed|es)\b[^.;]{0,60}?\bto (?:approve|impose|raise|authori[sz]e)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:tariffs?|duties|levies)\b",
        "voted votes",
    ),
    _r(
        "trade_policy",
        "trade investigation opened",
        either(
            r"launch|open|initiat|start|began|begin",
            # "opened investigations into structural excess capacity"
            r"(?:probes?|investigations?|inquiry|inquiries|review) (?:(?:on|in|last) "
            r"(?:[\w.,]+ ){1,3}?)?(?:into|of)\b",
            16,
        ),
        "probe inquir sectio ustr shipbu dumpin subsid overca excess semico launch initia opened",
    ),
    _r(
        "trade_policy",
        "trade investigation opened",
        # "an investigation the trade office opened last August"
        r"\b(?:probe|investigation|inquiry) (?:that )?(?:the |its )?(?:[\w.'’-]+ ){0,5}?"
        r"(?:opened|launched|started|initiated)\b",
        "probe inquir opened launch initia",
    ),
    _r(
        "trade_policy",
        "court ruling on tariffs",
        r"\b(?:court|judges?|justices|panel)\b(?:\W+[\w-]+){0,6}?\W+(?:upheld|allowed|stayed|"
        r"reinstated|let stand|ruled|sided|granted (?:an? )?(?:[\w-]+ ){0,2}?stay)\b"
        r"(?:\W+[\w-]+){0,8}?\W+(?:tariffs?|duties|levies)\b",
        "court judge justic panel",
    ),
    _r(
        "trade_policy",
        "tariffs struck down",
        # "first held the tariffs unlawful on May 28"
        r"\b(?:held|found|declared|deemed|ruled)\s+(?:that\s+)?(?:the|his|its|those|these|"
        r"Trump's|Trump’s)\s+(?:[\w\"“”-]+\s+){0,3}?(?:tariffs?|duties|levies)\s+"
        r"(?:(?:were|was|are|is)\s+)?(?:unlawful|illegal|invalid|unconstitutional)\b",
        "held found declar deemed ruled",
    ),
    _r(
        "trade_policy",
        "export controls",
        near(
            r"restrict|ban|bann|halt|curb|limit|block|suspend|stop|prohibit|tighten",
            # goods, not drugs: curbs on chemical exports are precursor control (enforcement)
            r"exports? (?:of|to)\b(?![^.]{0,40}\b(?:fentanyl|precursors?|chemicals?|drugs?)\b)",
            3,
        ),
        "export",
    ),
    _r(
        "trade_policy",
        "export controls",
        either(_EXPORT_VERBS, _EXPORT, 6),
        "export entity blackl unveri",
    ),
    _r(
        "trade_policy",
        "export controls",
        either(_EXPORT_VERBS, _EXPORT_GOODS, 6),
        "rare minera techno chip chips galliu german antimo graphi tungst semico magnet metals "
        "elemen",
    ),
    _r(
        "trade_policy",
        "export controls",
        # "added holmium, erbium and thulium to the controlled list from Nov. 8"
        r"\b(?:added|adds|adding|placed|places|placing|put|puts)\b[^.;]{0,140}?\b(?:to|on)\s+"
        r"(?:the|its|China's|China’s|Beijing's|Beijing’s|a)\s+(?!unreliable\b)(?:[\w-]+\s+)?"
        r"(?:controlled|control|export[ -]control|entity|dual-use)\s+lists?\b",
        "added adds adding placed places placin put puts",
    ),
    _r(
        "trade_policy",
        "export controls",
        # "announced a sweeping expansion of its controls, including rules reaching magnets"
        r"\b(?:announced|unveiled|issued|published) (?:a |an |its )?(?:[\w-]+ ){0,2}expansion of "
        r"(?:its|the|China's|China’s|Beijing's|Beijing’s) (?:export )?controls\b",
        "expans",
    ),
    _r(
        "trade_policy",
        "export controls",
        # "placed seven medium and heavy rare earths, including samarium, under export licensing"
        r"\b(?:placed|places|placing|put|puts|putting|brought|brings|bringing)\b[^.;]{0,160}?"
        r"\bunder\s+(?:new\s+|an?\s+)?export[ -](?:licen[cs]ing|controls?|licen[cs]es?)\b",
        "placed places placin put puts puttin brough brings bringi",
    ),
    _r(
        "enforcement",
        "sanctions",
        # "placed PVH Corp, owner of Calvin Klein, and Illumina on its unreliable entity list": a
        # penalty on named firms (the gold set types it as enforcement, not export control)
        r"\b(?:added|adds|adding|placed|places|placing|put|puts)\b"
        r"(?:[^.;]|\.(?=\S|\s+[a-z\d])){0,140}?\b(?:to|on)\s+"
        r"(?:the|its|China's|China’s|Beijing's|Beijing’s|a)\s+unreliable entity lists?\b|"
        r"\b(?:was|were|been)\s+(?:added|placed|put)\s+(?:to|on)\s+(?:the|its|China's|China’s|"
        r"Beijing's|Beijing’s)\s+unreliable entity lists?\b",
        "unreli",
    ),
    _r("trade_policy", "trade deal", either(_DEAL_VERBS, _DEAL, 6), "effect force"),
    _r(
        "trade_policy",
        "trade deal",
        r"\b(?:agreement|deal|accord|pact)\b(?:\W+[\w-]+){0,3}?\W+(?:enters?|entered|entering|"
        r"comes?|came|goes|went|will go|will enter|will come) into (?:force|effect)\b",
        "force effect",
    ),
    _r(
        "trade_policy",
        "trade action (Section 301/232, IEEPA)",
        # "declaring the flow of fentanyl a national emergency", "a national emergency over
        # synthetic opioids that Trump declared on Feb. 1": the emergency the tariffs rest on
        r"(?<!\ba )(?<!\bthe )(?<!\ban )\bdeclar(?:ed|ing)\s+(?:[\w-]+\s+){0,6}?"
        r"(?:an?\s+)?national emergency\b|"
        r"\bnational emergency\s+(?:[\w-]+\s+){0,5}?(?:that|which)\s+(?:[\w.'’-]+\s+){1,4}?"
        r"declared\b",
        "emerge",
        0.7,
    ),
    _r(
        "trade_policy",
        "trade action (Section 301/232, IEEPA)",
        either(
            _UP + "|suspend|extend|order|invok|sign|open|launch|initiat|investigat|probe",
            _LEGAL,
            8,
        ),
        "sectio ieepa emerge",
        0.7,
    ),
    # enforcement
    _r(
        "enforcement",
        "seizure",
        _SEIZE,
        "seize seizu confis interc found discov uncove recove caught pulled",
    ),
    _r(
        "enforcement",
        "operation launched",
        # "launched Operation Blue Lotus on March 13", "Operation Apollo, an effort that CBP
        # launched in Southern California on Oct. 26, 2023"
        r"\b(?:launched|began|started|kicked off|unveiled)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?-i:Operation\s+[A-Z])|"
        r"(?-i:\bOperation\s+[A-Z]\w+(?:\s+[A-Z]\w+)?),[^.;]{0,80}?\b(?:that|which)\s+"
        r"(?:[\w.'’-]+\s+){1,6}?launched\b",
        "launch began starte kicked unveil operat",
    ),
    _r(
        "enforcement",
        "arrests or charges",
        _w(_ARREST),
        "arrest custod indict charg extrad convic senten guilty unseal prosec appreh captur "
        "recapt receiv serve",
    ),
    _r(
        "enforcement",
        "sanctions",
        _w(_SANCTION),
        "sancti design ofac blackl label listed named classi blocke added",
    ),
    _r(
        "enforcement",
        "transfer of suspects",
        either(_HANDOVER, _SUSPECTS, 6),
        "suspec fugiti wanted cartel defend prison",
    ),
    _r(
        "enforcement",
        "transfer of suspects",
        # "The first handover came on Feb. 27, when 29 people ... were sent across"
        r"\b(?:first|second|third|latest|last|largest|biggest|new)\s+(?:mass\s+)?"
        r"(?:handover|transfer|expulsion)\s+(?:came|took place|happened|was carried out)\b",
        "handov transf expuls",
    ),
    _r(
        "enforcement",
        "fentanyl czar named",
        # "Trudeau named Kevin Brosseau, a former RCMP deputy commissioner, as the country's
        # fentanyl czar" (a promise to appoint one is diplomatic: "would appoint" stays out)
        r"\b(?:named|appointed|tapped|installed)\b(?:\W+[\w.'’-]+){1,12}?\W+(?:as\s+)?"
        r"(?:(?:the|its|his|her|their|a|an)\s+)?(?:(?:first|new)\s+)?(?:fentanyl|border|drug)\s+czar\b",
        "czar",
    ),
    _r(
        "enforcement",
        "border bill tabled",
        # "tabled the Strong Borders Act, known as Bill C-2, in the House of Commons"
        r"\b(?:tabled|introduced)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,4}?"
        r"(?-i:Act\b|Bill\s+[A-Z]-\d+)|"
        r"\b(?:tabled|introduced)\s+(?:the\s+|a\s+)?(?:new\s+)?(?:border|fentanyl|drug)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:bill|legislation)\b",
        "tabled introd",
    ),
    _r(
        "enforcement",
        "sanctions",
        # "the Financial Crimes Enforcement Network on Wednesday named two Mexican banks and a
        # brokerage as primary money laundering concerns", "... barred U.S. banks from transfers"
        r"\b(?:Financial Crimes Enforcement Network|FinCEN)\b(?:\W+[\w.'’-]+){0,4}?\W+"
        r"(?:named|identified|designated|barred|cut off|moved to (?:cut off|bar|block)|"
        r"ordered|issued orders?)\b",
        "financ fincen",
    ),
    _r(
        "enforcement",
        "scheduling or licensing of chemicals",
        either(_SCHEDULE, _CHEMICALS, 8),
        "precur chemic substa analog nitaze xylazi presse fentan carfen opioid ingred psycho "
        "synthe narcot npp anpp norfen",
    ),
    _r("enforcement", "licensing of chemicals", either(_LICENCE, _CHEMICALS, 12), "licenc licens"),
    _r(
        "enforcement",
        "scheduling or licensing of chemicals",
        # "Controls on two key precursors, NPP and 4-ANPP, followed in February 2018."
        rf"\b(?:controls?|bans?|restrictions) on (?:[\w,()'’-]+ ){{0,8}}?(?:{_CHEMICALS})\b"
        r"[^.;]{0,60}?\b(?:followed|arrived)\b",
        "contro ban bans restri",
        at_end=True,
    ),
    _r(
        "enforcement",
        "scheduling or licensing of chemicals",
        # "brought two chemicals used to make fentanyl, NPP and 4-ANPP, under national control"
        rf"\b(?:brought|bring|brings|bringing|placed|place|places|placing)\s+"
        rf"(?:[\w,'’-]+\s+){{0,4}}?(?:{_CHEMICALS})\b(?:\W+[\w'’-]+){{0,8}}?\W+under\s+"
        r"(?:[\w-]+\s+)?(?:control|controls|scheduling|regulation)\b",
        "brough bring brings placed place places placin",
    ),
    _r(
        "enforcement",
        "scheduling or licensing of chemicals",
        # "unveiled the class-wide rule at a news conference"
        r"\b(?:announced|unveiled|adopted|issued|published|introduced|rolled out) (?:the |a |its )?"
        r"class-wide (?:rule|ban|control|listing|scheduling|regulation)s?\b",
        "announ unveil adopte issued publis introd rolled",
    ),
    _r(
        "enforcement",
        "chemical controls took effect",
        rf"\b(?:controls?|curbs|restrictions|scheduling|listing|ban)\s+(?:on|of)\s+"
        rf"(?:[\w,'’-]+\s+){{0,5}}?(?:{_CHEMICALS})\b(?:\W+[\w'’-]+){{0,20}}?\W+"
        r"(?:took|take|takes|went into|came into|entered into) (?:effect|force)\b",
        "effect force",
        at_end=True,
    ),
    _r(
        "enforcement",
        "entity list removal for drug control",
        either(
            r"took|taken|taking|remov|delist|strip|drop|delet|struck|strike",
            r"entity list|unverified list|(?:export |trade )?blacklist",
            16,
        ),
        "entity unveri blackl",
    ),
    _r(
        "enforcement",
        "reward offered",
        r"\b(?:offer\w*|announc\w*|post\w*)\s+(?:a |an )?"
        r"(?:\$[\d.,]+\s*(?:million\s+)?|\d+\s+)?rewards?\b|"
        r"\brewards? of (?:up to )?\$",
        "reward",
        0.7,
    ),
    _r(
        "enforcement",
        "raids and crackdowns",
        _w(_RAID),
        "raid raids disman shut busted crack disrup broke smashe placed place agains execut",
        0.7,
    ),
    # public health
    _r(
        "public_health",
        "overdose data release",
        either(_RELEASE, _DATA, 8),
        "data figure statis estima update count provis number report tally",
        needs=(
            "due",
            "issu",
            "post",
            "updat",
            "releas",
            "report",
            "expected",
            "publish",
            "put out",
            "schedul",
            "made public",
        ),
    ),
    _r(
        "public_health",
        "overdose data release",
        r"\b(?:data|figures?|statistics|estimates?|report|counts?|numbers|tally),?"
        r"(?:\s+[\w,.$%-]+){0,3}?\s+(?:(?:that|which)\s+)?(?:(?:the|an?)\s+)?(?:[\w-]+\s+){0,5}?"
        r"(?:released|published|issued|put out|made public)\b",
        "releas publis issued",
    ),
    *(
        _r("public_health", "overdose data release", rx, gate)
        for rx, gate in (
            (
                r"\b(?:CDC|NCHS|agency|centers?)['’]s (?:[\w.-]+ ){0,3}?"
                r"(?:release|report|update)\b|"
                r"\b(?:CDC|NCHS|agency|centers?)['’]s (?:first|initial|latest|newest|provisional|"
                r"final) (?:[\w-]+ )?(?:estimate|count|figures|data|numbers)\b|"
                r"\b(?:CDC|NCHS|agency|centers?)['’]s (?:[\w.-]+ ){0,3}?"
                r"(?:estimate|count|figures|data|numbers)\b(?:\W+[\w-]+){0,3}?\W+"
                r"(?:is|are|was|were) (?:expected|due|released|published)\b|"
                r"\b(?:CDC|NCHS) (?:[\w.-]+ ){0,2}?(?:release|report|update)\b",
                "cdc nchs agency center",
            ),
            (
                r"(?<!figures )(?<!estimates )"
                r"\b(?:put|puts|putting) (?:the )?(?:(?:provisional|final|preliminary|\d{4}) ){0,2}"
                r"(?:toll|count|number|figure|"
                r"total|calendar \d{4}|deaths|overdose deaths) (?:at|near|around)\b",
                "toll calend deaths figure",
            ),
            (r"\b(?:estimate|count|figure|tally)\b(?:\W+[\w-]+){0,4}?\W+came in at\b", "came"),
            # "The CDC reported in December that 52,404 Americans died", "On Feb. 26, the
            # agency reported ... deaths": the publisher as subject, the day of the report next
            # to it, a count of deaths as the object (without the day: figures restated)
            (
                rf"\b{_PUBLISHER}\s+{_REPORTED}\s+(?:on|in|last|this|earlier|early|late|"
                r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[^.;]{0,25}?"
                rf"{_DEATH_COUNT}|"
                # "The CDC on Wednesday estimated that 107,543 people died": the day between
                rf"\b{_HEALTH_BODY}\s+(?:on|in|last|earlier)\s[^,.;]{{2,20}}?\s+{_REPORTED}"
                rf"{_DEATH_COUNT}|"
                # "came in May, when the CDC reported 107,543 overdose deaths for 2023"
                r"\b(?i:on|in|last)\s[^,;]{2,25}(?:,\s*\d{4})?,\s+when\s+(?:the\s+)?"
                rf"{_PUBLISHER}\s+{_REPORTED}{_DEATH_COUNT}|"
                r"^\W*(?i:(?:and|but|so)\s+)?"
                r"(?i:(?:months|weeks|days|a year|a month) (?:earlier|later),\s+)?"
                r"(?i:on|in|last|earlier|late|early)\s[^,]{2,25}(?:,\s*\d{4})?,?\s+(?:the\s+)?"
                rf"(?:U\.?S\.?\s+)?{_PUBLISHER}\s+{_REPORTED}{_DEATH_COUNT}",
                "cdc nchs center agency health",
            ),
            (  # "the CDC posted an estimate of ...", "published the final tally on Thursday"
                rf"\b{_HEALTH_BODY}\s+(?:\w+\s+)?(?:posted|published|released|issued|"
                r"followed up(?: on [^,.;]{2,20}?)? with)\s+(?:an?|its|the|their)\s+"
                r"(?:[\w-]+\s+){0,2}?(?:estimates?|tally|count|figures)\b",
                "cdc nchs center agency health",
            ),
            (
                r"\b(?:published|released|issued|put out)\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?"
                r"(?:count|tally|estimates?|figures|data|numbers)\b",
                "publis releas issued put",
            ),
        )
    ),
    _r(
        "public_health",
        "overdose figures attributed",
        r"(?<=,\s)(?:the\s+)?(?:CDC|NCHS|Centers for Disease Control and Prevention|"
        r"Centers for Disease Control|National Center for Health Statistics|agency|"
        r"(?:federal |U\.S\. )?health officials|(?:federal )?government)\s+"
        r"(?:reported|said|estimated|announced|found|confirmed)\b",
        "cdc nchs center statis agency health govern",
    ),
    _r(
        "public_health",
        "overdose figures reported",
        r"\b(?:said|reported|reporting|announced|estimated|estimates|showed|shows)\W+"
        r"(?:[\w,-]+\W+){0,5}?"
        r"(?:that\W+)?(?:[\w-]+\W+){0,4}?(?:deaths|overdoses|fatalities|death toll)\W+"
        r"(?:[\w-]+\W+){0,2}?(?:(?:had|have|has) )?(?:fell|fallen|rose|risen|dropped|declined|"
        r"decreased|increased|climbed|plunged|plummeted|jumped|surged|slid|slipped|reached|topped|"
        r"hit)\b",
        "deaths overdo fatali toll",
    ),
    _r(
        "public_health",
        "health emergency",
        either(alt("declar", "renew", "extend", "end", "lift", "expir", "announc"), _EMERGENCY, 5)
        # "declared fentanyl mixed with xylazine, a sedative ..., an emerging threat"
        + r"|\bdeclar(?:ed|es|ing)\b[^.;]{0,120}?\ban emerging threat\b",
        "emerge emergi",
    ),
    _r(
        "public_health",
        "treatment approved",
        either(alt("approv", "authoriz", "cleared"), _TREATMENT, 6),
        "approv author cleare",
    ),
    # diplomatic
    _r(
        "diplomatic",
        "meeting or talks",
        _w(_MEET),
        "met meet meets meetin talks summit conven opened attend chaire began held hosted envoy "
        "sent joined led headed bilate backch channe part sat wrappe",
    ),
    # calls, behind the words they need (not the core's gate: "speak" and "call" are common)
    _r(
        "diplomatic",
        "meeting or talks",
        _w(
            r"speak with|(?<!\bwe )spoke with|spoke by phone|talked with|talked by phone|call with|"
            r"spoken (?:with|to|by phone)|"
            # "Trump and Xi spoke today for about an hour and a half"
            r"(?:spoke|talked) (?:by (?:tele)?phone )?on (?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
            r"oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
            r"(?:spoke|talked) (?:today|yesterday|this morning|last night|for (?:about |nearly |"
            r"more than |almost |over )?(?:an? |\d+ |\w+ )?(?:hour|hours|minutes))|"
            r"phone call|video call|telephone call"
        ),
        "speak spoke talked call phone video teleph",
    ),
    *(_r("diplomatic", "meeting or talks", _w(rx), gate) for rx, gate in _MEET_MORE),
    _r(
        "diplomatic",
        "joint statement",
        r"\b(?:issued|released|published|put out|signed|agreed)\s+(?:a |their |the )?joint "
        r"(?:statement|declaration|communiqu[eé])",
        "joint",
    ),
    _r(
        "diplomatic",
        "visit",
        _w(_VISIT),
        "visit visite visits travel trip arrive arrivi sendin send sends sent dispat landed touche "
        "ended ending wrappe conclu left flew depart",
    ),
    _r(
        "diplomatic",
        "negotiations",
        either(_TALK_VERBS, _TALKS, 5),
        "negoti dialog group talks consul",
    ),
    _r(
        "diplomatic",
        "invitation or offer",
        _w(_OFFER),
        "invite invita offer offere offers propos overtu olive reach",
    ),
    _r(
        "diplomatic",
        "suspended or resumed cooperation",
        either(_SUSPEND, _COOPERATION, 4),
        "cooper commun talks dialog channe contac exchan",
    ),
    _r(
        "diplomatic",
        "point man named",
        # "Xi has named Minister of Public Security Wang Xiaohong as his point man on fentanyl",
        # "Xi has put Wang in charge of Beijing's side of the issue"
        r"\b(?:named|appointed|tapped|designated|picked|chose|made|put|placed)\b"
        r"(?:\W+[\w.'’-]+){1,8}?\W+(?:as\s+)?(?:his|her|its|their|the|beijing['’]s|china['’]s|"
        r"washington['’]s)\s+(?:[\w-]+\s+)?(?:point man|point person|pointman|envoy)\b|"
        r"\b(?:put|placed)\b(?:\W+[\w.'’-]+){1,8}?\W+in charge of\b",
        "point pointm envoy charge",
        0.6,
    ),
    _r(
        "diplomatic",
        "commitment to deploy forces",
        _COMMIT_DEPLOY,
        "send sendin deploy dispat statio",
        0.6,
    ),
    _r(
        "diplomatic",
        "statement or demand",
        _w(_STATEMENT),
        "warned urged urging condem protes pledge vowed accuse demand reject denoun critic "
        "joint statem reaffi welcom oppose lodged",
        0.6,
    ),
    _r(
        "diplomatic",
        "statement or demand",
        _w(
            r"called on|(?:take|taking|took) [\"“]?(?:all )?"
            r"(?:necessary|resolute|firm|corresponding|countermeasures)"
        ),
        "called take taking took",
        0.6,
    ),
    *(_r("diplomatic", "statement or demand", _w(rx), g, 0.6) for rx, g in _STATEMENT_MORE),
    _r(
        "diplomatic",
        "agreement to cooperate",
        _w(_AGREE),
        "agreed agreei commit broker ceasef secure negoti reache signed pledge promis",
    ),
    *(_r("diplomatic", "agreement to cooperate", _w(rx), g) for rx, g in _AGREE_MORE),
    _r(
        "diplomatic",
        "threatened tariffs",
        near(r"threaten|threats? of|warned of|floated|floating", _TARIFF, 6),
        "threat warned floate floati",
        0.6,
    ),
    _r(
        "diplomatic",
        "reported overture",
        _OVERTURE,
        "weighi consid explor mullin contem seekin prepar planni evalua review assess studyi being "
        "tapped appoin named picked chose design report",
        0.6,
    ),
)
#: Union of every rule's gate: a paragraph none of whose words starts with one holds no event.
GATE: frozenset[str] = frozenset().union(*(r.gate for r in RULES))


#: A gate stem after a character that is not a lower-case letter, searched in the folded text
#: (`fold_exact`: same length, so offsets hold) behind a space (a leading character class
#: instead of a lookbehind: speed)
_GATE_RE = re.compile(
    r"[^a-z](?=[" + "".join(sorted({g[0] for g in GATE})) + "])(" + trie_regex(GATE) + ")"
)


def stems(text: str) -> set[str]:
    """Gate stems found at the start of words of `text` (with their shorter prefixes)."""
    found = set(_GATE_RE.findall(" " + fold_exact(text)))
    return {f[:k] for f in found for k in (3, 4, 5, 6)} if found else found


def gate_matches(text: str) -> list[tuple[int, str]]:
    """(offset, stem) of every gate stem starting a word of `text` (empty: no rule can fire)."""
    return [(m.start(), m.group(1)) for m in _GATE_RE.finditer(" " + fold_exact(text))]


def sentence_stems(
    paragraph: str, sentences: list[str], found: list[tuple[int, str]] | None = None
) -> list[set[str]]:
    """The gate words of each sentence of `paragraph` (as `classify` takes them), from one scan
    of the paragraph (speed); `found`: its `gate_matches` when already computed."""
    found = gate_matches(paragraph) if found is None else found
    out: list[set[str]] = []
    pos = 0
    i = 0
    for sent in sentences:
        start = paragraph.find(sent, pos)
        if start < 0:  # not a verbatim slice (never expected): scan the sentence itself
            out.append(stems(sent))
            continue
        end = pos = start + len(sent)
        while i < len(found) and found[i][0] < start:
            i += 1
        words: set[str] = set()
        while i < len(found) and found[i][0] < end:
            words.add(found[i][1])
            i += 1
        out.append(words)
    return out


#: Gate stem → indexes of the rules it opens (so a sentence tries only those rules).
_BY_STEM: dict[str, tuple[int, ...]] = {
    stem: tuple(i for i, r in enumerate(RULES) if stem in r.gate) for stem in GATE
}


#: A report hedges the whole sentence it is attached to.
HEDGE = re.compile(  # behind a first-character test (speed)
    with_first_chars(
        r"\b(?:reportedly|is said to|are said to|according to (?:a|the) [\w ]{0,40}report|"
        r"sources (?:said|told|familiar)|people familiar)\b",
    ),
    re.IGNORECASE,
)
#: A modal or deliberation hedges the act next to it, not a later clause ("met on Thursday ...,
#: without saying how soon cooperation could begin").
HEDGE_NEAR = re.compile(  # behind a first-character test (speed)
    with_first_chars(
        r"\b(?:is weighing|are weighing|is considering|are considering|is exploring|"
        r"has recently been|have recently been|is mulling|could|(?<!in )may(?! \d)|might|"
        r"possibility of)\b",
    ),
    re.IGNORECASE,
)
_HEDGE_BEFORE, _HEDGE_AFTER = 60, 40
#: Sentences built around a count with no trigger of their own are statistics quoted in passing.
STATISTIC = re.compile(
    r"\b(?:\d[\d,.]*|hundreds|thousands|millions)\s+(?:(?:of|more|americans|people|overdose|drug|fentanyl|synthetic|opioid)\s+)*(?:deaths|died|lives|overdoses|people)\b",
    re.IGNORECASE,
)
#: Opinion, generic claims, questions and conditional speech: no event even if a trigger appears.
#: Three parts, tried in order of cost: openings (anchored), phrases anywhere, and commentary
#: (only when the sentence holds a speech verb).
NON_EVENT_START = re.compile(
    # what a meeting discussed (the meeting is the event); "Nothing in the order changes ..."
    r"\s*(?:the )?(?:delegations|two sides|sides|leaders|two leaders|officials|negotiators|"
    r"ministers) (?:also )?(?:discussed|touched on|reviewed|exchanged views)\b|\s*nothing in\b|"
    # "Had the talks failed, ...": a counterfactual; "Over the past year, ...": an aggregate
    r"\s*had (?:the|it|they|he|she|we|beijing|washington|china)\b|\s*none of\b|"
    # what a law lets an office do: "Section 122 lets a president impose duties"
    r"\s*(?:section \d+|the law|the statute|the act|ieepa)\s+(?:lets|allows|permits|enables|"
    r"authori[sz]es)\b|"
    # lawyers' readings: "Trade lawyers say the proposed list ..."
    r"\s*(?:some |many )?(?:trade )?lawyers (?:say|said|note|noted|expect)\b|"
    # a podcast's chapter marker: "[02:15] Pomp and protocol: ..."
    r"\s*\[\d{1,2}:\d{2}(?::\d{2})?\]|"
    # "Roughly 74,700 of those deaths involved synthetic opioids": a share of a count
    r"\s*(?:roughly |about |nearly |almost |some |more than )?[\d,.]+ of (?:those|these) "
    r"(?:deaths|overdoses|fatalities)\b|"
    r"\s*(?:over|in|during) the (?:past|last) (?:\w+ )?(?:years?|months|decades?)\b|"
    r"[\s\"“]*(?:if|whether|should|would|could|until now|without|absent|unless|welcome to|once|"
    r"added to|taken together|combined with|together with|in total|altogether|all told|"
    r"for (?:years|decades|months)|over the (?:years|decades)|"
    r"in practice|in theory|in general|typically|usually|since then|otherwise|"
    r"(?:during|between) (?:19|20)\d\d and (?:19|20)\d\d|"
    r"from (?:19|20)\d\d (?:to|through) (?:19|20)\d\d|"
    r"add|expect|imagine|remember|"
    r"(?!after\b)(?:\w+|\d+) (?:years|months|decades) of|"  # not "After months of talks, ..."
    r"(?:all|both) (?:\w+ )?of (?:the|this|these|those|its|their)|"
    r"(?:this|it|that) (?:is|was|marks|marked) the \w+ (?:time|round|meeting)|"
    r"\w+ing (?:a |an |the )?\w+ (?:is|are) (?:an?|the)\b|"
    # advice to the reader (a client alert's checklist)
    r"monitor|confirm|review|check|consider|ensure|prepare|watch|note|read|see|subscribe|"
    r"contact|click|keep|track|verify|assess|evaluate|plan|make sure|be aware)\b",
    re.IGNORECASE,
)
NON_EVENT = re.compile(  # behind a first-character test (speed)
    with_first_chars(
        r"\?\s*[\"”]?$|,\s*if\s[^,]{1,40},|"
        # a source in a reference list: "DEA statement on ... (2018)."
        r"\(\s*(?:19|20)\d\d\s*\)\.?$|"
        r"\b(?:the goal is|"
        r"is a tax|focused on ways to|the need to|the importance of|(?:has|have|had) until|"
        r"we hope|we recommend|recommend that|"
        r"would have been|would've been|unthinkable|"
        r"never (?:took effect|came into force|happened|materiali[sz]ed|went into effect)|"
        r"in (?:our|my) view|we (?:think|believe|expect)|(?:is|are|was|were) (?:un)?likely to|"
        r"(?:two|three|four|five|six|several|multiple|[0-9]+) "
        r"(?:rounds|meetings|calls|visits|sessions)(?= (?:of|since|over|in)\b)|"
        r"would like (?:\w+ )?to|wants? to know|waiting to see|remains to be seen|"
        r"had been expected to|did not say when|didn't say when|no date (?:has|had) been set|"
        # "a large share of the fentanyl seized at the southwest border": a seizure statistic
        r"(?:share|per ?cent|percent|most|much|half|bulk|majority|fraction) of (?:the |all )?"
        r"(?:fentanyl|drugs|narcotics|methamphetamine|cocaine) (?:seized|intercepted|caught)|"
        r"(?:is|are|was|were) hoping|(?:has|have) not been (?:scheduled|set|announced)|"
        r"\bunless\b|\bthat if\b|\b(?:would|could|might)\b[^.;,]{0,80}?\bif\b|"
        r"(?:had been|has been|have been|were|was) (?:very |highly |extremely )?"
        r"(?:productive|constructive|fruitful|candid|cordial|positive|useful|successful))\b",
    ),
    re.IGNORECASE,
)
#: Commentary: a quote or claim attributed to an analyst, not to a government.
_ROLE = (
    r"(?:lawyer|analyst|economist|expert|professor|consultant|researcher|strategist|scholar|"
    r"fellow|trader|investor|observer|commentator|senator|lawmaker|congressman|congresswoman|"
    r"legislator|lobbyist|farmer|executive|specialist|adviser|advisor|partner)s?\b|"
    r"former (?:[\w-]+ ){0,3}?official\b"
)
COMMENTARY = re.compile(  # behind a first-character test (speed)
    with_first_chars(
        # "..., said a trade lawyer", "..., said Mara Lindqvist, chief Asia economist at ..."
        r"\bsaid (?:(?:a|an|one) |(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2}),\s+(?:an? |the )?)"
        rf"(?:[\w-]+ ){{0,4}}?{_ROLE}|"
        # "..., said Victor Amaral, a former DEA attaché", "said Priya Natarajan, who follows ..."
        r"\bsaid (?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2}),\s+(?:an? former|who)\b|"
        r"\b(?:analysts|economists|experts|critics|observers|commentators|researchers|scholars)"
        r"(?:\s+who\s+[^,.;]{1,50}?)?(?:\s+(?:also|now|widely|generally))?\s+"
        r"(?:said|say|says|argue|argued|warned|noted|believe|"
        r"cautioned|expect|expected|predicted|think|counter|contend)\b|"
        # testimony at a hearing: "Whitcombe told the panel that ..."
        r"\btold (?:the |a )?(?:panel|committee|subcommittee|hearing|lawmakers|senators)\b|"
        r",\s*(?:\w+ ){0,2}(?:chemists|scientists|analysts|experts|economists|critics|observers|"
        r"researchers) (?:say|said|says|argue|believe)\s*,|"
        r"\b(?:commentators|pundits|state media)\b[^.]{0,20}\b(?:framed|described|called|hailed|"
        r"portrayed)\b",
    ),
    re.IGNORECASE,
)
#: Reactions of industry and legislators ("Retailers warned that ...", "Some lawmakers have
#: called for tougher steps"): views, not acts; tried only when a subject word is present.
_REACTION = re.compile(
    r"\b(?:retailers|importers|exporters|manufacturers|producers|farmers|growers|"
    r"business groups|industry groups|trade groups)(?:,\s+who\s+[^,.;]{1,70},)?\s+"
    r"(?:said|say|says|argue|argued|warned|noted|believe|welcomed|complained|cautioned)\b|"
    r"\b(?:some|several|many|other|a group of)\s+(?:[\w-]+\s+)?(?:lawmakers|senators|"
    r"legislators|members of congress|republicans|democrats)(?:\s+[\w-]+){0,3}?\s+"
    r"(?:have\s+|has\s+)?"
    r"(?:called|urged|demanded|pressed|criticized|argued|said|warned|cheered|welcomed|praised|"
    r"applauded|hailed)\b",
    re.IGNORECASE,
)
_APPOSITIVE_END = re.compile(r",\s+(?:a|an|which|what)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_REACTORS = (
    "retailers",
    "importers",
    "exporters",
    "manufacturers",
    "producers",
    "farmers",
    "growers",
    "groups",
    "lawmakers",
    "senators",
    "legislators",
    "congress",
    "republicans",
    "democrats",
)
#: "It was not immediately clear how many ...": uncertainty, not a report.
_UNCLEAR = re.compile(
    r"\b(?:it|that) (?:was|is|remains|remained) (?:not (?:yet |immediately )?clear|unclear)\b",
    re.IGNORECASE,
)
_CONCESSIVE_END = re.compile(r"[,;]\s*(?:though|although|but|and|while)\s+$", re.IGNORECASE)
_SPEECH_WORDS = (
    "said",
    "told",
    "counter",
    "contend",
    "caution",
    "expect",
    "predicted",
    "think",
    "official",
    "say",
    "argue",
    "warned",
    "noted",
    "believe",
    "framed",
    "described",
    "called",
    "hailed",
    "portrayed",
)


def is_non_event(sentence: str) -> bool:
    """Opinion, generic claim, question, conditional or commentary (see NON_EVENT_START,
    NON_EVENT and COMMENTARY)."""
    if NON_EVENT_START.match(sentence) or _NON_EVENT_IN(sentence):
        return True
    low = fold_exact(sentence)
    # "..., though it was unclear whether ...": a doubt after the act leaves the act alone
    if (
        "clear" in low
        and (unclear := _UNCLEAR.search(sentence))
        and not _CONCESSIVE_END.search(sentence, 0, unclear.start())
    ):
        return True
    # (not "..., a step several senators said would help": a view of the act just reported)
    if (
        any(w in low for w in _REACTORS)
        and (reaction := _REACTION.search(sentence))
        and not _APPOSITIVE_END.search(sentence, 0, reaction.start())
    ):
        return True
    return any(w in low for w in _SPEECH_WORDS) and _COMMENTARY_IN(sentence)


#: A measure said to stay as it is: no act, except one named in a relative clause ("The tariff,
#: which Trump doubled in March, still applies").
STATUS = re.compile(  # behind a first-character test (speed)
    with_first_chars(
        r"\b(?:leaves? in place|left in place|remains? in place|stays? in place|"
        r"remains? unchanged|remains? in (?:force|effect)|"
        r"still (?:applies|apply|stands|in force|in effect|in place|faces?|pays?)|"
        r"faces? (?:duties|tariffs|levies) averaging|"
        r"(?:were|was|are|is|remain|remained|remains) (?:untouched|unaffected|not affected))\b",
    ),
    re.IGNORECASE,
)
#: More status wordings, tried only when one of _STATUS_WORDS is in the sentence (speed).
_STATUS_MORE = re.compile(
    r"\b(?:already (?:in place|in force|in effect|controls|controlled|regulates|lists|bans)|"
    r"continues? to apply|(?:is|are) (?:generally |usually |typically )?applied in addition|"
    r"already (?:applied|imposed|collected|levied)|"
    r"now (?:charges|charge|carries|carry|stands at)|"
    r"(?:is|are|was|were|sits|sit|stands) (?:separate from|outside|apart from|distinct from|"
    r"not tied to|not covered by|not part of))\b",
    re.IGNORECASE,
)
_STATUS_WORDS = (
    "now ",
    "already",
    "continue",
    "in addition",
    "separate",
    "outside",
    "apart from",
    "distinct",
    "not tied",
    "not covered",
    "not part",
)
#: Habit, duration and purpose near a trigger make it no single act ("has long pressed",
#: "pressed for months", "in order to impose"); checked around each trigger, so that a clause
#: further on ("a step officials had urged for years") leaves the act it follows alone.
HABITUAL = re.compile(  # behind a first-character test (speed)
    with_first_chars(
        r"\b(?:for years|for decades|for (?:several |many )?(?:months|weeks)|repeatedly|has long|"
        r"for (?:more than|over|nearly|almost|the past|the last) (?:a |an |one |two |three |"
        r"several |many |\d+ )?(?:years?|months?|decades?)|"
        r"have long|had long|(?:has|have) always|the better part of (?:a|the) (?:decade|year)|"
        r"over the (?:past|last) (?:\w+ )?(?:years|months|decades)|"
        r"in order to|aims to|hoped|hopes? (?:that|to)|hoping|in the past|"
        r"(?:has|have|had) kept \w+ing|piecemeal|(?:several|many|multiple) times)\b",
    ),
    re.IGNORECASE,
)
_HABIT_BEFORE, _HABIT_AFTER = 50, 60
#: Figures put out on a schedule, or kept up ("are updated monthly", "to keep publishing"),
#: tried only when one of _SCHEDULE_WORDS is in the sentence (speed).
_SCHEDULE_HABIT = re.compile(
    r"\b(?:(?:updated|published|released|issued|revised) (?:monthly|weekly|quarterly|annually)|"
    r"keeps? (?:publishing|releasing|issuing|updating|reporting))\b",
    re.IGNORECASE,
)
_SCHEDULE_WORDS = ("monthly", "weekly", "quarterly", "annually", "keep")
_PERIODIC = re.compile(r"\b(?:every|each) (?:month|week|quarter)\b", re.IGNORECASE)


HEALTH_PUBLISHER = re.compile(
    r"\b(?:CDC|NCHS|HHS|Centers for Disease|National Center for Health|SAMHSA|"
    r"[Hh]ealth (?:ministry|department|agency|officials|authorities|statisticians))\b"
)


@dataclass(frozen=True)
class Hit:
    event_type: str
    label: str
    start: int
    strength: float


#: Aggregates over a period ("more seizures in the last two years than ...") are not events.
AGGREGATE = re.compile(  # behind a first-character test (speed)
    with_first_chars(
        r"\b(?:(?:in|over|during) the (?:last|past) (?:\w+ )?(?:years?|months|decade)|to date|"
        r"(?:track )?record of|"
        r"than the previous|"
        r"than in the last|combined|so far this year|"
        r"since (?:early |late |mid-?)?(?:january|february|march|april|may|june|july|august|"
        r"september|october|november|december|the start|the beginning|taking office|\d{4}))\b"
        # "since May 1, 2019" is the day a standing act began, not a period summed over
        r"(?!\s+\d)",
    ),
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"(?:\b(?:not|never|no longer|neither|nor|without|nothing|no|yet to|stopped short of|"
    r"stops short of|declined to|refused to)|n't)\W+(?:\w+\W+){0,2}$|"
    # "did not announce any new Chinese controls"
    r"\b(?:not|never|no)\s+(?:\w+\s+)?(?:any|new|further|additional|fresh)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
#: A comparison right after a trigger makes it a claim ("controls more ... than any other").
_COMPARED = re.compile(r"\bthan any other\b", re.IGNORECASE)
#: "to seize more drugs" is a purpose; "is to act", "pledged to crack down" are commitments.
_PURPOSE = re.compile(
    r"(?<!voted )(?<!decided )(?<!decision )(?<!\bis )(?<!\bare )(?<!pledged )(?<!promised )"
    r"(?<!vowed )(?<!\bplans )\b(?:to|help|helps)\s+$",
    re.IGNORECASE,
)
#: "decided last April to control ...": the decision, with a date phrase between, is the act;
#: "began requiring exporters to obtain licences": the requirement is.
_DECIDED_TO = re.compile(
    r"\b(?:(?:voted|decided|decision|pledged|promised|vowed)\s+(?:[\w.]+\s+){1,3}?|"
    r"requir\w*\s+(?:[\w.]+\s+){1,3}?)to\s+$",
    re.IGNORECASE,
)
#: A negation inside a matched span ("cooperation, which Beijing has not restored").
_NEGATED_IN = re.compile(r"\b(?:not|never|no longer)\b|n't\b", re.IGNORECASE)
#: A threat governs the tariff trigger right after it: a diplomatic move, not a trade action.
_THREAT = re.compile(
    r"\b(?:threaten(?:s|ed|ing)?|threats? of|warned of|floated|floating)\b(?:\W+\w+){0,4}\W*$",
    re.IGNORECASE,
)
#: A measure named with the participle of its making, as background: "both imposed under
#: emergency powers", "first imposed during Trump's first term", ", which was imposed on ...".
_BACKGROUND = re.compile(
    r"(?:,\s*which\s+(?:was|were|had been|has been)|,\s*both|"
    r"\b(?:tariffs?|duties|duty|levies|levy|rates?)\s+(?:first|originally|initially))"
    r"\s+(?:imposed|introduced|levied|adopted|announced|put in place)\b",
    re.IGNORECASE,
)
_ONGOING = re.compile(r"\b(?:while|as)\s+(?:the\s+)?$", re.IGNORECASE)
#: A count cited as a source, not released: "fell to 107,500, according to the CDC's count".
_CITED = re.compile(r"\b(?:according to|by|in|from|under)\s+(?:the\s+)?$", re.IGNORECASE)
#: ... unless the sentence says when it was put out ("the CDC's count, released on Wednesday").
_PUT_OUT = re.compile(
    r"\b(?:released|published|posted|put out|made public|issued|reported)\b", re.IGNORECASE
)
#: A threat inside the match: "answered the next day with a threat of an additional 100% tariff".
_THREAT_IN = re.compile(r"\bthreat(?:s|en(?:s|ed|ing)?)?\b", re.IGNORECASE)
#: A trigger word used as a noun for an act named before ("Even after the cut, ...").
_REFERRED_NOUN = re.compile(
    r"\b(?:after|since|before|following|despite|until)\s+the\s+$", re.IGNORECASE
)
#: A present-tense negation right after the trigger: a standing state, not an act ("The summit
#: does not change the separate 10% tariff").
_STATE_NEGATED = re.compile(r"\w*\s+(?:does|do)(?:\s+not\b|n't\b)", re.IGNORECASE)
#: An act named as the object of a reaction ("condemned the indictments") is not itself reported.
_REACTED_TO = re.compile(
    r"\b(?:welcomed|condemned|denounced|criticized|criticised|protested|rejected|opposed|"
    r"slammed|decried)\s+(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+){0,2}$|"
    # a topic of argument, not an act: "the arguments over class-wide scheduling"
    r"\b(?:arguments?|debates?|disputes?|talk|questions?|fights?)\s+(?:over|about|on)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
#: A delisted body or a delisting about drugs: an entity-list removal made for counternarcotics
#: cooperation (the forensic institute of China's police ministry, 2023); additions to the list
#: stay export controls, as in the curated timeline.
_DRUG_BODY = re.compile(
    r"\b(?:forensics?|public security|police|narcotics?|counternarcotics|counter-narcotics|"
    r"fentanyl|drugs?)\b",
    re.IGNORECASE,
)
#: What a government "did not say" ("Neither side said when the group would next convene"): the
#: act after it is unknown, not reported.
_UNSAID = re.compile(
    r"(?:\bnot|n't|neither \w+|nor \w+|declined to) (?:say|said|specify|specified|disclose|"
    r"disclosed|announce|announced|confirm|confirmed) (?:\w+ ){0,2}?(?:when|whether|if|how|what|"
    r"which|why)\b"
    r"[^;.]*$|\bno date (?:has been|was|had been)\b[^;.]*$|"
    # a plan that did not happen: "tariffs that had been due to begin over the weekend"
    r"\bhad been (?:due|scheduled|set|slated) to\b[^;.]*$|"
    r"\b(?:maintains?|argue|argues|argued|believes?|believed|contends?) that\b[^;.]*$",
    re.IGNORECASE,
)
_REBUTTAL_AT = re.compile(r"(?:hit|hits|struck|fired|pushed) back\b", re.IGNORECASE)
#: What a trade investigation is about.
_TRADE_SUBJECT = re.compile(
    r"\b(?:tariffs?|trade|imports?|exports?|section \d+|USTR|Trade Representative|dumping|"
    r"subsidies|overcapacity|excess capacity|national security|shipbuilding|semiconductors|"
    r"technology transfer|intellectual property|trade practices|"
    r"critical minerals)\b",
    re.IGNORECASE,
)
#: Words one of which a sentence must hold for _UNSAID and _AVERAGE to be tried (speed).
_UNSAID_WORDS = (
    "say",
    "said",
    "specif",
    "disclos",
    "announc",
    "confirm",
    "argue",
    "believ",
    "maintain",
    "contend",
    "had been",
)
_AVERAGE_WORDS = ("average", "overall", "weighted", "combined", "cumulative", "mean", "total")
#: An act inside a "whether" clause is a question, not a report.
_WHETHER = re.compile(r"\bwhether\b[^;.]*$", re.IGNORECASE)
_UNDER = re.compile(
    r"\b(?:under|in|per|by) (?:the|this|that|a|an|its|their) (?:[\w-]+ ){0,2}$", re.IGNORECASE
)
#: An act named as an aim ("an excuse to raise tariffs", "trying to curb exports").
_AIMED = re.compile(
    r"\b(?:excuse|pretext|attempt|effort|bid|trying|tries|seeking|seeks)\s+to\s+$|"
    # "a clause that would allow the president to raise the tariff": a power, not its use
    r"\b(?:would|could|may|might) (?:allow|let|enable|permit)\b[^.;]{0,40}$|"
    r"\b(?:lets|allows|permits|enables)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
#: Rate moves whose own words name the tariff ("raised it to 15%"), no tariff needed before.
_MOVE_NAMES_TARIFF = (
    "tak", "bring", "lift", "push", "rais", "cut", "lower", "reduc", "doubl", "tripl", "halv",
    "impos", "it ", "they ", "the rate ", "the tariff ", "the levy ", "the duty ", "brought",
)  # fmt: skip
#: The tariff whose rate "rose to 25%" (named before the move).
_RATE_NAMED = re.compile(
    _TARIFF + r"|\brate on\b|\b(?:customs|import|levy) rate\b|\bper-item charges?\b|"
    r"\bflat (?:fee|charge)s?\b",
    re.I,
)
#: Money named just before "charged": a price or duty, not a criminal charge; nor is a
#: "politically charged" issue.
#: "will be charged a reciprocal rate of 34%": money after "charged", not a criminal charge.
_MONEY_AFTER = re.compile(
    r"\W+(?:[\w\"“”-]+\W+){0,4}?(?:rates?|tariffs?|duties|duty|fees?|levies|levy|"
    r"[\d.]+\s*(?:%|percent))",
    re.IGNORECASE,
)
_CHARGED_ADJ = re.compile(r"\b(?:politically|highly|emotionally|most|so)\s+$", re.I)
_MONEY_CHARGED = re.compile(
    r"\b(?:tariffs?|duties|duty|levies|levy|fees?|prices?|rates?|surcharges?)\b[^.;]{0,25}$", re.I
)
#: A rate summarised over goods or years is a statistic, not a tariff act.
#: A subject's relative clause saying when it took effect ("tariffs on farm goods, which took
#: effect March 10"): an act even when the main clause says the tariffs stay.
_TOOK_EFFECT_CLAUSE = re.compile(
    r"[^,;]{0,80}?,?\s+(?:which|that)\s+(?:first\s+)?(?:took effect|went into effect|"
    r"came into force|kicked in)\b",
    re.IGNORECASE,
)
#: Drugs put on a control list: scheduling (enforcement), not an export control.
_LISTED_DRUGS = re.compile(
    r"\b(?:fentanyl|precursors?|analogues?|drugs?|substances?|carfentanil|opioids?|narcotics?)\b"
    r"[^.;]{0,200}?\bcontrol(?:led)? lists?\b|"
    r"\bcontrol(?:led)? lists?\b[^.;]{0,60}?\b(?:fentanyl|precursors?|analogues?|drugs?|"
    r"substances?)\b",
    re.IGNORECASE,
)
#: A possessive just before an average word inside a trigger ("lowered its combined tariff").
_OWN = re.compile(r"\b(?:its|their|his|her)\s+$", re.IGNORECASE)
_AVERAGE = re.compile(
    r"\b(?:average|overall|weighted|combined|cumulative|mean|(?:will|would) total|totals?)\b", re.I
)
#: A report verb with the day it was made ("said on Wednesday", "reported Tuesday").
_SAID_ON = re.compile(
    r"\b(?:said|reported|announced|estimated|showed)\s+(?:on\s+|in\s+)?(?:(?:last|this)\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|week|month|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2})?)\b|"
    # "opened the year's run of good news on Feb. 26, reporting that deaths had fallen"
    r"\bon\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}),\s+"
    r"(?:reporting|saying|estimating)\b",
    re.IGNORECASE,
)
#: Data releases count with a health publisher or when about deaths (the count's subject).
_TRADE_PROBES = ("trade investigation opened", "trade review concluded")
_HEALTH_SUBJECT = re.compile(r"\b(?:deaths?|died|overdoses?|toll|fatalities|mortality)\b", re.I)


#: Whether these regexes match a sentence, asked one alternative at a time behind the words it
#: needs (speed: the same answers as their `search`).
_NON_EVENT_IN = Alternatives(NON_EVENT)
_COMMENTARY_IN = Alternatives(COMMENTARY)
_HABITUAL_IN = Alternatives(HABITUAL)
_STATUS_IN = Alternatives(STATUS)
_STATUS_MORE_IN = Alternatives(_STATUS_MORE)
_HEDGE_IN = Alternatives(HEDGE)
_AGGREGATE_IN = Alternatives(AGGREGATE)


#: The rules a set of gate words opens, in order (memo: sentences share word sets; bounded).
_CANDIDATES: dict[frozenset[str], tuple[int, ...]] = {}
_CANDIDATES_MAX = 100_000


def _rules_of(word: str) -> frozenset[int]:
    """The rules whose gate holds one of the 3-6 letter prefixes of `word` (as `stems` gives)."""
    out: set[int] = set()
    for k in (3, 4, 5, 6):
        out.update(_BY_STEM.get(word[:k], ()))
    return frozenset(out)


_PER_CENT = re.compile(r"\bper cent\b", re.IGNORECASE)


def classify(sentence: str, words: set[str] | None = None) -> list[Hit]:
    """Every trigger in the sentence, by type and position (earliest first); British "per cent"
    is read as "percent" (positions stay those of `sentence`). See `_classify`."""
    if "er cent" not in sentence:
        return _classify(sentence, words)
    spots = [m.start() - k for k, m in enumerate(_PER_CENT.finditer(sentence))]
    hits = _classify(_PER_CENT.sub("percent", sentence), words)
    return [replace(h, start=h.start + sum(1 for at in spots if at < h.start)) for h in hits]


def _classify(sentence: str, words: set[str] | None = None) -> list[Hit]:
    """Every trigger in the sentence, by type and position (earliest first).

    `words`: gate words or stems of the sentence or of its paragraph (see `stems` and
    `sentence_stems`), to skip rules early.

    Dropped: negated triggers ("did not impose"), enforcement verbs used as a purpose ("to seize
    more drugs") or inside period aggregates, and data "releases" without a health publisher.
    """
    words = stems(sentence) if words is None else words
    if not words:
        return []
    hits: list[Hit] = []
    aggregate: bool | None = None
    flags: tuple[bool, bool, bool, bool] | None = None
    key = frozenset(words)
    candidates = _CANDIDATES.get(key)
    if candidates is None:
        if len(_CANDIDATES) >= _CANDIDATES_MAX:
            _CANDIDATES.clear()
        candidates = _CANDIDATES[key] = tuple(sorted(set().union(*map(_rules_of, words))))
    folded = fold_exact(sentence)
    for i in candidates:
        rule = RULES[i]
        if not holds(rule.needs, folded):
            continue  # a string every match holds is missing: the regex cannot match
        for m in rule.pattern.finditer(sentence):
            if flags is None:  # substring tests that spare regexes, once a trigger is found
                flags = _flags(folded)
            compared, whether, unsaid, average = flags
            before = sentence[max(0, m.start() - 30) : m.start()]
            if _NEGATED.search(before) or (
                compared and _COMPARED.search(sentence, m.start(), m.start() + 70)
            ):
                continue
            if rule.negatable and m.end() - m.start() > 12 and _NEGATED_IN.search(m.group()):
                continue
            label, event_type = rule.label, rule.event_type
            if (
                average
                and event_type == "trade_policy"
                and (mean := _AVERAGE.search(sentence, max(0, m.start() - 25), m.end()))
                and not (
                    mean.start() > m.start() and _OWN.search(sentence, m.start(), mean.start())
                )
            ):
                continue  # "the average US duty had climbed to 12%": a statistic (not "lowered
                # its combined extra tariff from 145 percent to 30 percent": its own rate cut)
            if event_type == "trade_policy" and (
                _THREAT.search(before) or _THREAT_IN.search(m.group())
            ):
                label, event_type = "threatened tariffs", "diplomatic"
            if (whether and _WHETHER.search(sentence, max(0, m.start() - 200), m.start())) or (
                unsaid and _UNSAID.search(sentence, max(0, m.start() - 80), m.end())
            ):
                continue  # "has yet to rule on whether the law lets a president impose tariffs"
            if rule.label == "agreement to cooperate" and _UNDER.search(before):
                continue  # "Under the understanding reached at the summit": a deal referred to
            if _AIMED.search(before):
                continue  # "using fentanyl as an excuse to raise tariffs": an aim, not an act
            if (
                event_type == "trade_policy"
                and (bg := _BACKGROUND.search(sentence, max(0, m.start() - 30), m.end()))
                and not _names_a_date(sentence[bg.end() : bg.end() + 50])
            ):
                continue  # "a 10% duty, both imposed under emergency powers": named again
            if rule.label == "negotiations" and _ONGOING.search(before):
                continue  # "is on hold while talks continue": talks going on, not held on a day
            if _REFERRED_NOUN.search(before) or _STATE_NEGATED.match(sentence, m.end()):
                continue  # "Even after the cut, ...", "The summit does not change the tariff"
            if rule.label == "arrests or charges" and (
                _MONEY_CHARGED.search(before)
                or _CHARGED_ADJ.search(before)
                or _MONEY_AFTER.match(sentence, m.end())
            ):
                continue  # "the tariffs it has charged on farm products"
            if rule.event_type == "enforcement":
                if aggregate is None:
                    # "have needed licences since November": a standing act, not a period total
                    aggregate = _AGGREGATE_IN(sentence) and not SINCE_ACT.search(sentence)
                if (
                    aggregate
                    or (_PURPOSE.search(before) and not _DECIDED_TO.search(before))
                    or _REACTED_TO.search(before)
                ):
                    continue
            if rule.label == "overdose data release" and (
                (not HEALTH_PUBLISHER.search(sentence) and not _HEALTH_SUBJECT.search(sentence))
                or (_CITED.search(before) and not _PUT_OUT.search(sentence))
            ):
                # "according to public health data" cites data; a release needs a publisher.
                continue
            if rule.label == "entity list removal for drug control" and not _DRUG_BODY.search(
                sentence
            ):
                continue  # other listings are export controls (trade policy)
            if rule.label == "tariff rate changed":
                named = fold_exact(m.group()).startswith(_MOVE_NAMES_TARIFF) or _RATE_NAMED.search(
                    sentence, max(0, m.start() - 220), m.start()
                )
                if not named or (
                    average and _AVERAGE.search(sentence, max(0, m.start() - 220), m.start())
                ):
                    continue  # "deaths fell to 23.1 percent", "the average tariff fell to 12%"
            if rule.label == "export controls" and _LISTED_DRUGS.search(sentence):
                continue  # "added three precursors to its control list": drug scheduling
            if rule.label in _TRADE_PROBES and not _TRADE_SUBJECT.search(sentence):
                continue  # a school or a broadcaster investigated is no trade action
            start = m.start()
            if rule.at_end:
                start = m.end()  # the verb after a long subject, not the subject
            if rule.label == "overdose figures attributed":
                # "Overdose deaths fell 27% in 2024, the CDC reported in May": the release,
                # anchored at the reporting verb (its date phrase follows it)
                if not _HEALTH_SUBJECT.search(
                    sentence, max(0, m.start() - 120), m.start()
                ) or not _names_a_date(sentence):
                    continue  # "48,422 of those deaths, the agency said": figures restated
                label, start = "overdose data release", m.end()
            if rule.label == "overdose figures reported":
                # "X said ... deaths fell": a release when a health publisher says it, on a day
                if not HEALTH_PUBLISHER.search(sentence) or not _SAID_ON.search(sentence):
                    continue
                label = "overdose data release"
            hits.append(Hit(event_type, label, start, rule.strength))
    if not hits or is_non_event(sentence):
        return []
    if _has_status(sentence):
        # "The tariff, which Trump doubled in March, still applies": the dated act in the
        # relative clause stays; "The 20% duty Trump imposed sits outside the truce" does not
        dated = _names_a_date(sentence)
        hits = [
            h
            for h in hits
            if (h.label == "tariffs acted on" and dated)
            # "China's tariffs, which took effect March 10 and added ..., remain in force"
            or (dated and _TOOK_EFFECT_CLAUSE.match(sentence, h.start))
            or not _status_near(sentence, h)
        ]
    if _HABITUAL_IN(sentence):
        hits = [h for h in hits if not _habitual_near(sentence, h.start)]
    low = folded
    if any(w in low for w in _SCHEDULE_WORDS):
        for m in _SCHEDULE_HABIT.finditer(sentence):
            lo, hi = m.start() - _HABIT_AFTER, m.end() + _HABIT_BEFORE
            hits = [h for h in hits if not lo <= h.start <= hi]
    # "The CDC updates its provisional counts every month": a schedule, not one release
    hits = [
        h
        for h in hits
        if h.label != "overdose data release"
        or not _PERIODIC.search(sentence, h.start, h.start + 80)
    ]
    quoted = _quoted_part(sentence)
    if quoted is not None:  # a fragment of a longer quotation is speech, not a report
        hits = [h for h in hits if not quoted[0] <= h.start < quoted[1]]
    # "X is said to be considering new sanctions": the report hedges the act it names, which is
    # the event; a separate overture only when no act of another type is named.
    if len({h.event_type for h in hits}) > 1:  # "hit back, announcing tariffs": the act itself
        hits = [
            h
            for h in hits
            if h.event_type != "diplomatic" or not _REBUTTAL_AT.match(sentence, h.start)
        ]
    changed = [h.start for h in hits if h.label == "tariffs changed"]
    if changed:  # the change after a long subject: the subject's own clauses are no acts
        hits = [
            h
            for h in hits
            if h.event_type != "trade_policy"
            or h.label == "tariffs changed"
            or h.start > changed[0]
        ]
    if any(h.label == "entity list removal for drug control" for h in hits):
        hits = [h for h in hits if h.label != "export controls"]
    if any(h.label == "tariff pause agreed" for h in hits):
        hits = _agreed_pause(sentence, hits)
    if "fact sheet" in sentence and (sheet := _SHEET_SAYS.search(sentence)):
        hits = _sheet_says(sheet, hits)
    if any(h.label == "reward offered" for h in hits):  # a bounty, not a diplomatic offer
        hits = [h for h in hits if h.label != "invitation or offer"]
    if len(hits) > 1 and any(h.label == "reported overture" for h in hits):
        acts = [h for h in hits if h.event_type != "diplomatic"]
        if acts:
            hits = [h for h in hits if h.label != "reported overture"]
    hits.sort(key=lambda h: h.start)
    return hits


#: Two parties before "agreed" ("the two sides", "Trump and Sheinbaum ... agreed"): a pause
#: they agree is an agreement between governments, not one side's tariff step.
_JOINT_SUBJECT = re.compile(
    r"\b(?:two|both|sides|teams|delegations|negotiators|governments|leaders|countries|and)\b",
    re.IGNORECASE,
)
_TARIFF_NAMED = re.compile(r"\b(?:tariffs?|duties|levies|rate)\b", re.IGNORECASE)


def _agreed_pause(sentence: str, hits: list[Hit]) -> list[Hit]:
    """One side agreeing to hold off on its tariffs is a tariff step (the agreement hit at the same
    verb goes); two sides agreeing to it, or no tariff named, keep the agreement only."""
    pause = next(h for h in hits if h.label == "tariff pause agreed")
    clause = sentence[: pause.start]
    cut = max(clause.rfind(", "), clause.rfind("; "))
    joint = _JOINT_SUBJECT.search(clause, max(0, cut, pause.start - 60))
    if joint or not _TARIFF_NAMED.search(sentence):
        return [h for h in hits if h.label != "tariff pause agreed"]
    return [h for h in hits if h.label != "agreement to cooperate" or h.start != pause.start]


#: "a White House fact sheet said China would stop shipments of precursors": what one side
#: says the other will do is a statement between governments, not the other side's act.
_SHEET_SAYS = re.compile(
    r"\bfact sheet\b[^;]{0,60}?\b(?:said|saying|says|stated|stating)\s+(?:that\s+)?"
    r"(?:China|Beijing)\s+(?:would|will|had agreed to|agreed to)\b",
)


def _sheet_says(sheet: re.Match[str], hits: list[Hit]) -> list[Hit]:
    """The acts a fact sheet says China will take become one statement, at the fact sheet."""
    kept = [h for h in hits if h.start < sheet.start() or h.event_type == "diplomatic"]
    if not any(h.event_type == "diplomatic" for h in kept):
        kept.append(Hit("diplomatic", "statement or demand", sheet.start(), 0.8))
    return kept


#: A clause boundary that a status phrase does not reach across ("stopped collecting the duties,
#: though tariffs under Section 301 were unaffected").
_STATUS_BREAK = re.compile(
    r";|:|,\s+(?:and|but|while|whereas|though|although)\b|\s(?:while|whereas|though|although)\s",
    re.IGNORECASE,
)


_ANY_DAY = date(2000, 1, 1)  # only whether a sentence names a date is asked, not which


def _names_a_date(sentence: str) -> bool:
    return bool(find_dates(sentence, _ANY_DAY))


def _has_status(sentence: str) -> bool:
    if _STATUS_IN(sentence):
        return True
    low = fold_exact(sentence)
    return any(w in low for w in _STATUS_WORDS) and _STATUS_MORE_IN(sentence)


def _status_near(sentence: str, hit: Hit) -> bool:
    """Whether a status phrase ("remains in place") sits in the trigger's own clause."""
    near = [m for m in _STATUS_MORE.finditer(sentence) if abs(m.start() - hit.start) < 60]
    for m in (*STATUS.finditer(sentence), *near):
        lo, hi = sorted((hit.start, m.start()))
        if not _STATUS_BREAK.search(sentence, lo, hi):
            return True
    return False


def _flags(low: str) -> tuple[bool, bool, bool, bool]:
    """Whether `low` can hold a comparison, a "whether" clause, an unsaid act or an average."""
    return (
        "than any other" in low,
        "whether" in low,
        "no date" in low or any(w in low for w in _UNSAID_WORDS),
        any(w in low for w in _AVERAGE_WORDS),
    )


def is_hedged(sentence: str, anchor: int | None = None) -> bool:
    """A report hedges the whole sentence; a modal ("could", "is weighing") only the act at
    `anchor` when it is near it (anywhere in the sentence when no anchor is given)."""
    if _HEDGE_IN(sentence):
        return True
    if anchor is None:
        return bool(HEDGE_NEAR.search(sentence))
    lo = max(0, anchor - _HEDGE_BEFORE)
    return bool(HEDGE_NEAR.search(sentence, lo, anchor + _HEDGE_AFTER))


def _habitual_near(sentence: str, start: int) -> bool:
    """A habit cue near the trigger; not one in a phrase a comma closes before an act dated to
    its day or month ("In a step Washington had long sought, China brought ... on Sept. 1")."""
    lo = max(0, start - _HABIT_BEFORE)
    for m in HABITUAL.finditer(sentence, lo, start + _HABIT_AFTER):
        if m.end() <= start and "," in sentence[m.end() : start] and _dated_act(sentence[start:]):
            continue
        return True
    return False


def _dated_act(clause: str) -> bool:
    return any(r.precision in ("day", "month") for r in find_dates(clause, _ANY_DAY))


_OPEN_Q, _CLOSE_Q = "“", "”"


def _quoted_part(sentence: str) -> tuple[int, int] | None:
    """The span of an unbalanced quotation: the tail of one opened in an earlier sentence
    (`... for tariffs."` with no opening mark) or the head of one closed later; None if the
    quotation marks balance (a quote and its attribution in one sentence)."""
    curly_open, curly_close = sentence.count(_OPEN_Q), sentence.count(_CLOSE_Q)
    if curly_close > curly_open:
        return 0, sentence.index(_CLOSE_Q)
    if curly_open > curly_close:
        return sentence.rindex(_OPEN_Q), len(sentence)
    if sentence.count('"') % 2 == 1:
        at = sentence.index('"')
        # a lone straight mark at the start opens a quotation, elsewhere it closes one
        return (at, len(sentence)) if at <= 2 else (0, at)
    return None


def is_statistic(sentence: str) -> bool:
    return bool(STATISTIC.search(sentence))
