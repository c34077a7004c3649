"""Find casualty figures in one sentence: who was killed, wounded or hit, how many, and the words said so.

    >>> [(i.kind, i.count.best) for i in find_casualties("At least 26 people were killed and 25 wounded.")]
    [('killed', 26), ('wounded', 25)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from etl.extract.numbers import Count, count_regex, patterns, read_count
from etl.resources import load_yaml

KINDS = ("killed", "wounded", "hit")
# Stems every casualty pattern contains (see casualties.yaml); a sentence without one has no casualty item.
_MAYBE = re.compile(r"kill|dead|die|death|wound|injur|hurt|shot|shoot|stab|fatal|bod(?:y|ies)|corpse|remains|murder|slain"
                    r"|casualt|toll|assassin|lynch|hospitali|condition|behead|execut|massacr|perish|succumb|lives|life"
                    r"|graze|gunned|gunfire|bullet|homicide", re.I)
# The same test on lower-cased ASCII text: the same answer, several times faster than matching with re.I.
_MAYBE_LOWER = re.compile(_MAYBE.pattern)


@dataclass(frozen=True)
class Item:
    kind: str        # killed | wounded | hit
    count: Count
    start: int       # offsets of the whole phrase in the sentence
    end: int
    additive: bool   # "also", "another", "others": adds to a figure already reported
    phrase: str
    final: bool = False  # the text states the incident's total outright ("fatalities coded as 10")
    other: bool = False  # "two other policemen": adds only to an earlier figure of the same kind


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _rx() -> dict:
    t = load_yaml("casualties.yaml")
    p = patterns()
    victim = _alt(t["singular_victims"])
    count = (rf"(?:(?P<hedge>{p['hedge']})\s+)?"
             rf"(?P<num>{p['range']}|{p['vague']}|{p['number']}|the(?=\s+(?:[\w-]+\s+){{0,2}}?(?:{victim})\b(?!['’]s)))")
    word = r"(?:[A-Za-z]|\d+-|\([A-Z]+\))[\w'’.-]*\)?"
    # a further count in a list of victims; "his wife" is one more person
    link_count = rf"(?:{_unnamed(count)}|(?:his|her|their)(?=\s+(?:{victim})\b))"
    np_word = rf"(?!(?:{_alt(t['np_stop'])})\b){word}"
    np = rf"(?P<np>(?:\s+{np_word}|\s+of\s+(?:the\s+)?{word}){{0,5}}?)"
    # after an active verb the victims run to the next stop word: "killing two soldiers and three civilians"
    obj_np = rf"(?P<np>(?:\s+{np_word}|\s+of\s+(?:the\s+)?{word}){{0,4}})"
    obj_chain = rf"(?P<chain>(?:,?\s+and\s+|,\s+)(?P<obj2>{_unnamed(count_regex().pattern)})(?:\s+{np_word}){{0,4}})?"
    aux = rf"(?:\s+(?:{_alt(t['auxiliaries'])}|(?!only\b|early\b|family\b)[a-z]+ly))*"  # "was accidentally shot"
    pas = {k: _alt(v) for k, v in t["passive"].items()}
    act = {k: _alt(v) for k, v in t["active"].items()}
    passive = "|".join(rf"(?P<p_{k}>{v})" for k, v in pas.items())
    active = "|".join(rf"(?P<a_{k}>{v})" for k, v in act.items())
    return {
        # "At least 26 people were killed", "3 dead", "two civilians died"
        # "At least 32 assailants and 3 soldiers were killed": further counts chained to the first add up
        # "At least 83 people, including 23 soldiers, were killed": an aside between commas is skipped
        "subject": re.compile(rf"(?<![\w-]){count}{np}(?P<paren>\s*\([^()]{{1,80}}\))?(?P<chain>(?:(?:,\s+{link_count}(?:\s+{np_word}){{0,5}}?)*,?\s+(?:and|as\s+well\s+as)\s+{link_count}(?:\s+{np_word}){{0,5}}?)?)"
                              rf"(?P<aside>,\s*[^,.;]{{1,80}}?,)?,?{aux}\s+(?:{passive})\b", re.I),
        "chain_count": re.compile(rf"(?:,?\s+(?:and|as\s+well\s+as)\s+|,\s+)(?P<c>{link_count})", re.I),
        # "In addition to the two assailants, 34 people were killed": GTD-style attacker deaths
        "in_addition": re.compile(rf"\bin\s+addition\s+to\s+(?:the\s+)?(?:(?P<c>{_unnamed(count_regex().pattern)})\s+)?"
                                  rf"(?:suicide\s+)?(?:assailants?|attackers?|bombers?|perpetrators?|gunm[ae]n|militants?|shooters?)\b", re.I),
        # "beheaded Jan Mohammad", "killed the village head": one named or singular victim after the verb
        "object_one": re.compile(rf"\b(?:{active})\s+(?:him|her|(?:a|an|the|one)\s+(?:[\w-]+\s+){{0,2}}?(?:{victim})\b"
                                 rf"|(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+))", re.I),
        # "killing 4 policemen", "also wounded 25 people"
        "object": re.compile(rf"\b(?:{active})\s+(?P<obj>{count_regex().pattern}){obj_np}{obj_chain}", re.I),
        # one person without a number: "He was pronounced dead", "the victim died"
        "singular": re.compile(rf"(?:\b(?:he|she)|\b(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:{victim})(?:\s+(?:of|from|with)\s+[^,.;]{{1,50}}?)?"
                               rf"|(?-i:\b[A-Z][a-z]+)(?:,\s*[^,.;]{{1,80}}?,)?)\s+"
                               rf"(?:(?:was|had\s+been|has\s+been)\s+(?:later\s+|also\s+|then\s+)?(?:pronounced\s+dead|found\s+dead|killed|shot\s+dead"
                               rf"|shot\s+and\s+killed|shot\s+to\s+death|assassinated|fatally\s+(?:shot|stabbed|wounded|injured))|(?:was\s+shot\s+and\s+|later\s+|also\s+)?died)\b", re.I),
        # a body found: "the body of a man was found", "the bodies of 3 women were found"
        "body": re.compile(rf"\b(?:the\s+)?(?:[\w-]+\s+)?(?:body|corpse|remains)\s+of\s+(?:a|an)\s+[^.;]{{0,60}}?\b(?:was|were|has\s+been)\s+(?:found|discovered|recovered)"
                           rf"|\b(?:the\s+)?bodies\s+of\s+(?P<c>{_unnamed(count_regex().pattern)})\b[^.;]{{0,60}}?\b(?:were|have\s+been)\s+(?:found|discovered|recovered)", re.I),
        # ACLED-style coder notes state the figure outright: "Fatalities coded as 10", "1 fatality"
        "coded": re.compile(rf"\bfatalit(?:y|ies)\s+(?:are\s+|were\s+)?coded\s+(?:as|to)\s+(?P<c>\d+)"
                            rf"|\bsplit\s+across\s+\d+\s+events\s*\((?P<s>\d+)\)", re.I),
        # a death named by a noun: "the fatal shooting of a man", "the killing of 16-year-old Javon Reilly"
        "nominal": re.compile(rf"\b(?:fatal\s+(?:shooting|stabbing|beating)|(?:shooting|stabbing)\s+deaths?|killings?|murders?|deaths?|homicides?)\s+of\s+"
                              rf"(?:(?P<c>{_unnamed(count_regex().pattern)})\s+(?:[\w-]+\s+){{0,2}}?(?:people|persons|men|women|children|adults|teens|boys|girls|{victim}s?)\b"
                              rf"|(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){{0,3}}?(?:{victim})\b"
                              rf"|(?:\d+-year-old\s+)?(?-i:[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+)+))", re.I),
        # an attacker dying: "before being shot dead", "blew himself up"
        "attacker": re.compile(r"\b(?:before|after)\s+being\s+(?:shot\s+dead|killed|shot\s+and\s+killed|fatally\s+shot|gunned\s+down)"
                               r"|\bkilled\s+(?:himself|herself)|\bblew\s+(?:himself|herself)\s+up"
                               r"|\btook\s+(?:his|her)\s+own\s+life|\bturned\s+the\s+gun\s+on\s+(?:himself|herself)", re.I),
        # "the death toll rose to 30", "bringing the toll to 12"
        "toll": re.compile(rf"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|people\s+killed|fatalities))"
                           rf"(?:\s+\w+){{0,4}}?\s+(?:to|at|of|is|was|reached|hit|stands\s+at|stood\s+at)\s+"
                           rf"(?P<obj>{count_regex().pattern})", re.I),
        # "3 deaths", "12 fatalities", "40 injuries"
        "noun": re.compile(rf"(?<![\w-]){count}(?:\s+[\w-]+)?\s+(?:(?P<n_killed>deaths?|fatalit(?:y|ies)|dead\s+bodies|bodies|dead)"
                           rf"|(?P<n_wounded>injuries|injured|wounded))\b", re.I),
        # ", one fatally" after "Two people were shot"
        "fatally": re.compile(rf",?\s+(?P<num>{p['number']})\s+(?:of\s+them\s+)?(?P<how>fatally|critically|seriously)\b", re.I),
        # "no one was killed", "there were no casualties"
        "none": re.compile(rf"\b(?:no\s+one|nobody|none|no\s+(?:people|person|one|civilians))"
                           rf"(?:\s+\w+){{0,3}}?\s+(?:{pas['killed']}|{pas['wounded']})\b"
                           rf"|\bno\s+(?:immediate\s+)?(?:reports?\s+of\s+)?(?:casualties|deaths|fatalities|injuries)\b", re.I),
        "not_people": re.compile(rf"^\s*(?:{_alt(t['not_people'])})\b|^-|^\s*%", re.I),
        "part_of": re.compile(rf"\b(?:{_alt(t['part_of'])})\b", re.I),
        "aggregate": re.compile(rf"^[^.;:]*?\b(?:{'|'.join(t['aggregate'])})\b", re.I),
        "hypothetical": re.compile(rf"\b(?:{_alt(t['hypothetical'])})\s+(?:have\s+)?(?:\w+\s+)?$", re.I),
        "attackers": re.compile(r"\b(?:assailants?|attackers?|gunm[ae]n|shooters?|(?:suicide\s+)?bombers?|perpetrators?|militants?|insurgents?)\b", re.I),
        "additive": re.compile(rf"\b(?:{_alt(t['additive'])})\b", re.I),
        "additive_after_number": re.compile(rf"^(?:{p['hedge']}\s+)?(?:{p['number']})\s+(?:{_alt(t['additive_after_number'])})\b", re.I),
        "object_start": re.compile(r"^\s+(?:his|her|their|its|a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+|at\s+least|dozens|several|scores|hundreds|many|\w+self|themselves)\b", re.I),
    }


@lru_cache(maxsize=1)
def _active_words() -> frozenset[str]:
    t = load_yaml("casualties.yaml")
    return frozenset(w for k in ("killed", "wounded") for w in t["active"][k])


def _unnamed(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def _kind(m: re.Match, prefix: str) -> str:
    return next(k for k in KINDS if m.groupdict().get(f"{prefix}_{k}"))


def _parse(text: str) -> Count | None:
    """A count phrase -> Count; "the" before a singular victim noun is one person."""
    if re.fullmatch(r"(?i)\s*the\s*", text):
        return Count(best=1, low=1, high=1, phrase=text.strip())
    m = count_regex().match(text.strip())
    return read_count(m) if m else None


def _add(a: Count, b: Count, phrase: str) -> Count:
    low = a.low + b.low if a.low is not None and b.low is not None else None
    high = a.high + b.high if a.high is not None and b.high is not None else None
    return Count(best=a.best + b.best, low=low, high=high, phrase=phrase)


def _valid_count(sentence: str, num_start: int, num_text: str, np: str, single_needs_np: bool = True) -> bool:
    rx = _rx()
    lead = len(num_text) - len(num_text.lstrip())
    num_start, num_text = num_start + lead, num_text.strip()
    if re.search(r"\bno\s*$", sentence[:num_start], re.I):
        return False  # "no one was injured" is a zero, read by find_zero
    after = sentence[num_start + len(num_text):]
    if rx["not_people"].match(after):
        return False
    if re.fullmatch(r"(?:19|20)\d\d", num_text.strip()) and not np.strip():
        return False  # a year, not a count
    if re.match(r"\s*(?:january|february|march|april|may|june|july|august|september|october|november|december)\b",
                after, re.I) or re.search(r"\bon\s*$", sentence[:num_start], re.I) and num_text.strip().isdigit() and not np.strip():
        return False  # a date: "on 27 April", "killed on 3"
    if single_needs_np and num_text.strip().lower() in {"a", "an", "one", "single", "lone"} and not np.strip():
        return False
    if re.match(r"\s*unknown\s+number|\s*unspecified\s+number|\s*number\s+of", after, re.I):
        return False  # "an unknown number of assailants": no figure
    if re.search(r"\b[A-Za-z]+,\s*$", sentence[:num_start]) and re.match(r"\s*,", after) and num_text.isdigit():
        return False  # "Boy, 15, dead": an age in commas
    if num_text.isdigit() and re.search(r"\d", np):
        return False  # "7 Action News 17-year-old ...": a number in a name, then an age
    return True


def find_casualties(sentence: str) -> list[Item]:
    """All casualty items of one sentence, minus parts of totals, cumulative figures and hypotheticals."""
    rx = _rx()
    if not (_MAYBE_LOWER.search(sentence.lower()) if sentence.isascii() else _MAYBE.search(sentence)):
        return []  # most sentences name no casualty: one cheap search spares the full patterns
    items: list[Item] = []

    # "In addition to the two assailants, 34 people were killed": read the attackers apart from the victims
    masked = rx["in_addition"].sub(lambda m: " " * len(m.group(0)), sentence)
    for m in rx["subject"].finditer(masked):
        kind = _kind(m, "p")
        after = sentence[m.end():]
        # "A man killed 14 people": with no auxiliary the verb is active and its subject is the attacker.
        between = sentence[m.end("np"):m.start("p_" + kind)]
        if kind != "hit" and not re.search(r"\b(?:were|was|are|is|been|being|got)\b", between, re.I) \
                and re.sub(r"\s+", " ", m.group("p_" + kind).lower()) in _active_words() \
                and (rx["object_start"].match(after) or re.match(r"\s+(?-i:[A-Z])", after)):
            continue
        if kind == "hit" and not re.search(r"\b(?:were|was|been|being|got)\b", between, re.I):
            continue  # "two men shot a guard": active
        if not _valid_count(sentence, m.start("num"), m.group("num"), m.group("np")):
            continue
        c = _parse(m.group(0)[: m.end("num") - m.start()])
        for link in rx["chain_count"].finditer(m.group("chain") or ""):
            more = _parse(link.group("c"))
            if c and more and _valid_count(sentence, m.start("chain") + link.start("c"), link.group("c"), "x"):
                c = _add(c, more, m.group(0))
        if c:
            items.append(_item(sentence, kind, c, m.start(), m.end()))

    for name in ("object", "toll"):
        for m in rx[name].finditer(sentence):
            kind = "killed" if name == "toll" else _kind(m, "a")
            obj = m.group("obj")
            np = m.groupdict().get("np") or ""
            if not _valid_count(sentence, m.start("obj"), obj, np):
                continue
            if rx["hypothetical"].search(sentence[max(0, m.start() - 40):m.start()]):
                continue
            c = _parse(obj)
            if c and m.groupdict().get("obj2"):
                c2 = _parse(m.group("obj2"))
                if c2 and _valid_count(sentence, m.start("obj2"), m.group("obj2"), "x"):
                    c = _add(c, c2, m.group(0))
            if c:
                items.append(_item(sentence, kind, c, m.start(), m.end()))

    one = Count(best=1, low=1, high=1, phrase="")
    for m in rx["object_one"].finditer(sentence):
        if rx["hypothetical"].search(sentence[max(0, m.start() - 40):m.start()]):
            continue
        items.append(_item(sentence, _kind(m, "a"), one, m.start(), m.end()))
    for m in rx["nominal"].finditer(sentence):
        c = _parse(m.group("c")) if m.group("c") else one
        if c:
            items.append(_item(sentence, "killed", c, m.start(), m.end()))
    for m in rx["body"].finditer(sentence):
        c = _parse(m.group("c")) if m.group("c") else one
        if c:
            items.append(_item(sentence, "killed", c, m.start(), m.end()))
    for m in rx["coded"].finditer(sentence):
        n = int(m.group("c") or m.group("s"))
        items.append(Item("killed", Count(best=n, low=n, high=n, phrase=m.group(0)), m.start(), m.end(), False,
                          m.group(0), final=True))
    for m in rx["in_addition"].finditer(sentence):
        c = _parse(m.group("c")) if m.group("c") else one
        if c:
            i = _item(sentence, "killed", c, m.start(), m.end())
            items.append(Item(i.kind, i.count, i.start, i.end, True, i.phrase))
    for m in rx["singular"].finditer(sentence):
        items.append(_item(sentence, "killed", one, m.start(), m.end()))
    for m in rx["attacker"].finditer(sentence):
        i = _item(sentence, "killed", one, m.start(), m.end())
        items.append(Item(i.kind, i.count, i.start, i.end, True, i.phrase))

    for m in rx["noun"].finditer(sentence):
        kind = "killed" if m.group("n_killed") else "wounded"
        if _valid_count(sentence, m.start("num"), m.group("num"), "x", single_needs_np=False):
            c = _parse(m.group(0)[: m.end("num") - m.start()])
            if c:
                items.append(_item(sentence, kind, c, m.start(), m.end()))

    items = _dedupe(items)
    # "Two people were shot, one fatally": the fatal share of hits is a death, the rest are wounded.
    for m in rx["fatally"].finditer(sentence):
        n = _parse(m.group("num"))
        if n and any(i.kind == "hit" and i.end <= m.start() + 2 for i in items):
            kind = "killed" if m.group("how").lower() == "fatally" else "wounded"
            items.append(Item(kind, n, m.start(), m.end(), False, m.group(0).strip(" ,")))

    return [i for i in items if not _excluded(sentence, i)]


def find_zero(sentence: str) -> set[str]:
    """Kinds the sentence explicitly reports none of: 'no one was killed' -> {'killed'}."""
    out = set()
    for m in _rx()["none"].finditer(sentence):
        text = m.group(0).lower()
        if re.search(r"kill|dead|death|died|fatalit|slain|casualt", text):
            out.add("killed")
        if re.search(r"wound|injur|hurt|casualt", text):
            out.add("wounded")
    return out


def _item(sentence: str, kind: str, count: Count, start: int, end: int) -> Item:
    phrase = sentence[start:end].strip(" ,.;")
    # attackers' deaths are counted on top of the victims' (GTD and GVA both include them)
    rx = _rx()
    additive = bool(rx["additive"].search(sentence[max(0, start - 12):end]) or rx["attackers"].search(phrase))
    other = not additive and bool(rx["additive_after_number"].match(phrase))
    return Item(kind, count, start, end, additive, phrase, other=other)


def _dedupe(items: list[Item]) -> list[Item]:
    """Drop items whose span lies inside another of the same kind (the longer reading wins)."""
    items.sort(key=lambda i: (i.start, -(i.end - i.start)))
    out: list[Item] = []
    for i in items:
        if any(o.kind == i.kind and o.start <= i.start and i.end <= o.end for o in out):
            continue
        if any(o.start <= i.start < o.end and o.count == i.count for o in out):
            continue
        out.append(i)
    return out


def _excluded(sentence: str, item: Item) -> bool:
    rx = _rx()
    before = sentence[:item.start]
    # "including four children", "Among the dead were eight children": a part of a total.
    last_part = None
    for m in rx["part_of"].finditer(before):
        last_part = m
    if last_part and not re.search(r"[,;]|\b(?:killed|killing|wounded|injured|dead|died)\b",
                                   before[last_part.end():], re.I):
        return True
    if rx["part_of"].match(sentence[item.start:].lstrip()):
        return True
    # "at least 220 civilians since 2014": a cumulative figure, not one incident.
    if rx["aggregate"].search(sentence[item.end:item.end + 60]) or rx["aggregate"].search(item.phrase):
        return True
    return False
