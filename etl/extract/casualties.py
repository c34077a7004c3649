"""Find casualty figures in one sentence: who was killed, wounded or hit, how many, and the words said so.

    >>> [(i.kind, i.count.best) for i in find_casualties("At least 26 people were killed and 25 wounded.")]
    [('killed', 26), ('wounded', 25)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from etl.extract.dates import MONTH_NAMES, WEEKDAYS
from etl.extract.numbers import Count, count_regex, parse_number, patterns, read_count
from etl.extract.text import ascii_twin, plain_ascii
from etl.extract.trie import words_regex
from etl.resources import load_yaml

KINDS = ("killed", "wounded", "hit")
# Words that name a time, not a person: "killed Tuesday, police said"
_WHEN = rf"(?:{'|'.join(w.capitalize() for w in (*WEEKDAYS, *MONTH_NAMES, 'today', 'yesterday', 'tonight'))})\b"
_YEAR = r"(?:19|20)\d\d"
_ORDINALS = {w: n for n, ws in enumerate((("second", "2nd"), ("third", "3rd"), ("fourth", "4th"), ("fifth", "5th"),
                                           ("sixth", "6th"), ("seventh", "7th"), ("eighth", "8th"), ("ninth", "9th"),
                                           ("tenth", "10th")), start=2) for w in ws}
# Capitalised prepositions that start a title-case headline's place or time, not a name ("Wounded In Chicago").
_TITLE_PREPOSITION = r"(?:In|At|On|Near|After|Outside|Inside|During|From|With|For|By|Of|Over|Into)\b"
# What may follow "N shot" in a headline, where no object does: a place or time ("4 Shot At Riverside Party",
# "Four shot outside bar", "5 shot, 1 killed").
# ("shot at the police" is not: a lower-case "at" after "shot" aims, "At" in a title-case headline places)
_HEADLINE_HIT_END = re.compile(r"\s*(?:$|[,;:.]|At\b|(?i:in|on|near|outside|inside|during|after|overnight|early|late|"
                               r"while|when|following)\b)")
# After a number in a list of victims: an age, not more people ("30 and 42", "a six year old", "a 5-year-old").
_AGE_AFTER = re.compile(r"(?:(?:\s+\w+)?\s*-?\s*(?:years?|yrs?)(?:\s*-?\s*old)?\b|\s*(?:,|and\b|$))", re.I)
# a gunshot wound tells someone was shot, not whether they lived (see casualties.yaml)
_GUNSHOT = r"(?:gunshot|gun\s+shot|gun-shot|bullet|stab)"
_GUNSHOT_WOUND = rf"{_GUNSHOT}\s+wounds?"
# After people shot, the same clause going on to their death (no new subject after "and").
_THEN_DIED = re.compile(r"[^.;,]{0,60}?\band\s+(?:(?:was|were)\s+)?(?:later\s+|then\s+|subsequently\s+|eventually\s+)?"
                        r"(?:(?:pronounced|declared)\s+dead|died|succumbed)\b", re.I)
_HAS_DIED = re.compile(r"[^.;,]{0,80}?\b(?:has|have|had)\s+(?:since\s+|now\s+)?died\b", re.I)
# nouns that name a toll, not people ("four fatalities", "three deaths"): read by the "noun" pattern
_TOLL_NOUN = re.compile(r"\b(?:fatalit(?:y|ies)|deaths|casualties|injuries)\b", re.I)
# after the people hurt, one of them who died: "including a boy who later died"
_DIED_AMONG = re.compile(r"[^.;]{0,60}?,?\s*(?:including|among\s+them)\s+(?P<who>(?:a|an|one)\b[^.;,]{0,50}?)\s+who\s+"
                         r"(?:later\s+|has\s+since\s+|has\s+|have\s+|had\s+)?(?:died|succumbed)\b", re.I)
# right before people shot with no auxiliary: what a shooting left ("the brawl ended with two men shot")
_LEFT_WITH = re.compile(r"\b(?:ended|ending|ends|left|leaving|leaves)\s+(?:\w+\s+)?with\s+$|\b(?:left|leaving|leaves)\s+$", re.I)
# a verb's -ing form right before a noun phrase, whose object the phrase then is ("after attacking an officer")
_ING_BEFORE = re.compile(r"\b(?:after|before|while|for|by)\s+[a-z]+ing\s+$", re.I)
_SOME_OF = re.compile(r"\w+\s+of\s+(?:the|those|them|these)\b(?:\s+(?P<whole>\d+|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b))?", re.I)
_SURVIVED = re.compile(r"[^.;,]{0,80}?(?:\b(?:non-?|not\s+)life[\s-]threatening|\b(?:minor|superficial|non-critical|"
                       r"non-fatal)\s+(?:\w+\s+)?(?:injur|wound)|\btreated\s+and\s+released|\bexpected\s+to\s+(?:survive|recover))", re.I)
# right before a figure: all of them ("all five of those shot should survive")
_ALL_BEFORE = re.compile(r"\ball\s+$", re.I)
_SUSPECT = re.compile(r"\bsuspects?\b", re.I)
_OWN_LIFE = re.compile(r"\b(?:himself|herself|own\s+life)\b", re.I)
_SHOT_DOWN = re.compile(r"\s+down\b", re.I)
_MAY_HAVE = re.compile(r"\b(?:might|could|would)\s+(?:not\s+)?have\s+been\b", re.I)
# "more" that adds no people: a hedge ("more than 20") or more of the shooting ("fired two more shots, killing him")
_MORE_THAN = re.compile(r"\bmore\s+(?:than|times|shots|rounds|bullets)\b", re.I)
_MORE_LINK = re.compile(r"\bMORE\s+(?:VIDEOS?|PHOTOS?|COVERAGE|STORIES|NEWS)\b|\b(?:READ|SEE|WATCH)\s+MORE\b")
# right before a figure: a party's claim of it ("its spokesman claimed 190 were dead", "claimed to have killed 15")
_CLAIMED = re.compile(r"\bclaim(?:ed|s|ing)?\s+(?:that\s+)?(?:(?:it|they|its\s+\w+)\s+)?(?:(?:to\s+)?(?:have|had)\s+)?"
                      r"(?:killed\s+|wounded\s+|injured\s+)?$", re.I)
# ... or a sentence told as a party's claim: "Rebels claim they shot down a helicopter, killing 40 soldiers" (not a
# claim of responsibility: "the group claims responsibility for the bombing, which killed 11")
_CLAIM_BEFORE = re.compile(r"\bclaim(?:s|ed)?\s+(?!(?:responsibility|credit)\b)[^;]*$", re.I)
# A video player's list: each title after its running time ("0:39 Man charged in killing Pause"), where a time of
# day goes on with a day or a meridiem ("12:30 Saturday morning", "10:24 PM")
_VIDEO_CAPTION = re.compile(r"\d{1,2}:\d\d\s+(?!(?i:[ap]\.?m\b|o'?clock|hours?\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                            r"morning|afternoon|evening|night|tonight|today|this|that|on|in|at)\b)[A-Z0-9'\"‘“]")
# Stems every casualty pattern contains (see casualties.yaml); a sentence without one has no casualty item.
# words that open a clause of its own inside a relative clause ("who were with him when he was killed")
_CLAUSE_STOP = (r"(?:when|while|after|before|because|as|if|since|until|he|she|they|it|we|i|you|who|that|which|and|but|or|"
                r"said|says|told)")
# a finite auxiliary: the main verb after a relative clause ("... who were involved in the raid were killed")
_FINITE = r"(?:were|was|are|is|have\s+been|has\s+been|had\s+been)"
# a relative clause inside the phrase of a figure: who the victims were, not when this incident was ("Commander Osei,
# who was behind the killing of five soldiers in 2009, has been killed"); one saying they were hurt before is of that
# past incident ("who was wounded in 2019, has died")
_RELATIVE_IN_PHRASE = re.compile(rf",\s*(?:who|which)\s+[^,;]*,|\s+(?:who|that)\s+[^,;]*(?=\s+{_FINITE}\b)", re.I)
# a long clause between commas saying who one victim was, before the verb of his fate: "Commander Osei, who planned the
# ambush that killed five police officers in the capital during the war, has been killed" (a shorter aside is read as
# any other)
_WHO_ASIDE = r",\s*who\s+[^,.;()]{1,200}?,"
_HURT_BEFORE = re.compile(r"^,?\s*(?:who|which|that)\s+(?:was|were|had\s+been|has\s+been|have\s+been|is|are)\s+(?:\w+ly\s+)?"
                          r"(?:shot|wounded|injured|hurt|stabbed|hit|struck|attacked)\b", re.I)
_MAYBE = re.compile(r"kill|kiled|dead|die|death|wound|injur|hurt|shot|shoot|stab|fatal|bod(?:y|ies)|corpse|remains|murder|manslaughter|slain"
                    r"|casualt|toll|assassin|lynch|hospital|suicide|condition|behead|execut|massacr|perish|succumb|lives|life"
                    r"|graze|gunned|gunfire|bullet|homicide|deceas|double|triple|quadruple|quintuple|striking|hitting|recovering"
                    r"|treated|victims|on himself|on herself|(?:return|returned|police) (?:gun)?fire", re.I)
# The same test on lower-cased ASCII text: the same answer, several times faster than matching with re.I.
_MAYBE_LOWER = re.compile(_MAYBE.pattern)
# Words one of which every match of a pattern contains (see _rx): where a lower-cased ASCII sentence has none,
# the pattern, which tries a count at every position, need not run.
_NEEDS = {
    "body": ("bod", "corpse", "remains"),
    "resulted": ("result",),
    "multiple": ("double", "triple", "quadruple", "quintuple"),
    "murder_suicide": ("suicide",),
    "bombers": ("bomber",),
    "noun": ("dead", "death", "fatalit", "bodies", "injur", "wounded", "deceased", "victim"),
    "fatally": ("fatally", "critically", "seriously"),
    "name_and": (" and ",),
    "victims_named": ("victims",),
    "bodies_named": ("bodies",),
    "all_named": ("all suffered", "both suffered", "all sustained", "both sustained"),
    "name_dead": ("dead",),
    "left_hurt": ("left", "leav"),
    "ordinal": tuple(_ORDINALS),
    "ordinal_dead": tuple(_ORDINALS),
    "attacker": ("being", "self", "life"),
    "self_hit": ("self",),
    "coded": ("fatali", "split"),
    "toll": ("toll", "number"),
    "another": ("another",),
    "to_hospital": ("hospital",),
    "them": ("them",),
    "nominal": ("fatal", "death", "killing", "murder", "homicide"),
    "homicide": ("homicide", "murder", "manslaughter"),
    "fatal_event": ("fatal",),
    "shooting_of": ("shooting", "stabbing"),
    "one_of": ("one of", "two of", "three of"),
    "in_addition": ("addition",),
}


@dataclass(frozen=True)
class Item:
    kind: str        # killed | wounded | hit
    count: Count
    start: int       # offsets of the whole phrase in the sentence
    end: int
    additive: bool   # "also", "more", attackers: adds to the figure already reported
    phrase: str
    final: bool = False  # the text states the incident's total outright ("fatalities coded as 10")
    other: bool = False  # "two other policemen", "another man": continues the figure just before, if of its kind
    implied: bool = False  # "a suicide bomber detonated": a death implied, counted unless the text reports it
    fallback: bool = False  # the figure only if none other: a party's claim ("the group claimed 190 were dead"), a
    #                         death told only as a homicide ("police are investigating a homicide")
    numbered: bool = False  # "a fourth victim was grazed", "the victims are A and B": victims numbered or named,
    #                         all of this incident
    whole: bool = False  # "all six people who were shot": every one of its kind the incident has
    claim: bool = False  # a party's claim (a fallback): beside another figure it widens that figure's range


@lru_cache(maxsize=1)
def _rx() -> dict:
    t = load_yaml("casualties.yaml")
    p = patterns()
    # "a 10-year-old who was killed", "the 2 year old who shot himself has died", "a 13-month-old"
    victim = words_regex(t["singular_victims"]) + r"|\d+[\s-](?:year|month)s?[\s-]old|\d+\s?y/o\b"  # "a 20 y/o"
    kin = rf"(?:ex-)?(?:{words_regex(t['kin'])})"
    # a person's name: capitalised words, none of them a day or a headline's preposition ("Hakim", "John Doe")
    name = rf"(?-i:(?!{_WHEN}|{_TITLE_PREPOSITION})[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)"
    count = (rf"(?:(?P<hedge>{p['hedge']})\s+)?"
             rf"(?P<num>(?!{_YEAR}\s*,)(?:{p['range']}|{p['vague']}|{p['number']}|the(?=\s+(?:[\w-]+\s+){{0,2}}?(?:{victim})\b(?!['’]s))))")
    word = r"(?:[A-Za-z]|\d+-|\d+(?:st|nd|rd|th)\b|\([A-Z]+\))[\w'’./–-]*\)?"  # "BH/IS fighters", "the 60th Division"
    one_victim = rf"(?:(?:a|an|the|his|her|their)\s+)?(?:[\w-]+\s+)?(?:{victim})\b"
    # in a headline's list: one victim or a counted group of them ("Child, Three Adults Injured")
    head_victims = (rf"(?:{_unnamed(count_regex().pattern)}\s+(?:[\w-]+\s+)?(?:people|persons|men|women|children|kids|adults|"
                    rf"teens|teenagers|boys|girls|others|(?:{victim})s)\b|{one_victim})")
    # a further count in a list of victims; "his wife" is one more person
    link_count = rf"(?:{_unnamed(count)}|(?:his|her|their)(?=\s+(?:{victim})\b))"
    np_word = rf"(?!(?:{words_regex(t['np_stop'])})(?![\w'’./–-])){word}"   # "IS–Somalia fighters": no stop word "is"
    # a word between an article and its victim noun: not one that starts a clause ("a gunman after one person")
    filler = rf"(?:\d+\s?y/o|(?!(?:{words_regex([w for w in t['np_stop'] if w not in ('and', 'the', 'his', 'her', 'their')])})\b)[\w-]+)"
    # who they were, after the noun: "fighters from two militias", "a correspondent for the daily X"
    # "and a clerk of the Ministry", "and two of his guards" (but "and one of the victims" is part of those counted)
    chain_np = (rf"(?:(?:\s+{np_word}|\s+of\s+(?:his|her|their)\s+{word})"
                rf"(?:\s+{np_word}|\s+of\s+(?:the\s+)?{word}){{0,4}}?)?")
    # ... and names joined before the noun: "60 Boko Haram and Islamic State insurgents"
    np = (rf"(?P<np>(?:\s+{np_word}|\s+of\s+(?:the\s+)?{word}|\s+(?:from|for)\s+(?:the\s+)?{np_word}"
          rf"|\s+and\s+(?-i:(?=[A-Z])){word}){{0,6}}?)")
    # after an active verb the victims run to the next stop word: "killing two soldiers and three civilians"
    obj_np = rf"(?P<np>(?:\s+{np_word}|\s+of\s+(?:the\s+)?{word}){{0,4}})"
    obj_chain = rf"(?P<chain>(?:,?\s+and\s+|,\s+)(?P<obj2>{_unnamed(count_regex().pattern)})(?:\s+{np_word}){{0,4}})?"
    aux = rf"(?:\s+(?:{words_regex(t['auxiliaries'])}|(?!only\b|early\b|family\b|fatally\b|mortally\b)[a-z]+ly))*"  # "was accidentally shot"
    condition = t["condition"]
    pas = {k: "|".join([words_regex(v), *t["passive_patterns"].get(k, []), *([condition] if k == "wounded" else [])])
           for k, v in t["passive"].items()}
    act = {k: "|".join([words_regex(v), *t["active_patterns"].get(k, [])]) for k, v in t["active"].items()}
    passive = "|".join(rf"(?P<p_{k}>{v})" for k, v in pas.items())
    # a relative clause saying who the victims were, between them and their verb: "Two men who were standing near the
    # gate were shot", "Three rebels who were involved in the raid in 2019 were killed" (not one whose own verb is the
    # outcome, "two men who were shot were taken ...", nor one with a subject of its own, "who were with him when he was
    # killed"; the verb after it has its auxiliary)
    relative = (rf"\s+(?:who|that)\s+(?!(?:were|was|are|is|had\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:{'|'.join(pas.values())})\b)"
                rf"(?:(?!{_CLAUSE_STOP}\b)[\w'’-]+\s+){{0,10}}?(?!{_CLAUSE_STOP}\b)[\w'’-]+(?=\s+{_FINITE}\s)")
    active = "|".join(rf"(?P<a_{k}>{v})" for k, v in act.items())
    return {
        # "At least 26 people were killed", "3 dead", "two civilians died"
        # "At least 21 attackers and 4 soldiers were killed": further counts chained to the first add up
        # "At least 83 people, including 23 soldiers, were killed": an aside between commas is skipped (an
        # "including" aside may list with commas, or go unclosed: "12 staff, including doctors, nurses and
        # paramedics, were killed", "Five officers including a commander were killed"), as may an "N of whom" aside
        # ("30 villagers, five of which were children are killed")
        # A name between commas may have its hometown after it: "the teen, John Doe, of Northeast D.C. died".
        # Where the victims sat may come between them and the verb: "Two men in the car were shot", "a boy and a woman
        # in the van with Lee were also hit by gunfire" (a vehicle only: with rooms and houses too, a page listing
        # many incidents read one of them with more dead and so told another incident's figures first).
        "subject": re.compile(rf"(?<![\w-]){count}{np}(?P<paren>\s*\([^()]{{1,80}}\)|,\s*(?:ages?|aged)\b[,:]?\s*\d+(?:\s*(?:,|and|&|to)\s*\d+)*(?=\s*,)|,?\s+(?:between\s+the\s+ages\s+of|aged\s+between|aged|ages)\s+\d+(?:\s*(?:,|and|&|to|-)\s*\d+)*,?)?(?P<chain>(?:(?:,\s+{link_count}{chain_np})*,?\s+(?:and|as\s+well\s+as)\s+{link_count}{chain_np})?)"
                              rf"(?P<aside>{relative}|\s+(?:in|inside)\s+the\s+(?:car|vehicle|van|truck|SUV)(?:\s+with\s+(?-i:[A-Z][\w'’-]+))?|,\s*[^,.;]{{1,80}}?,(?:\s+of\s+(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}}))?|\s+(?:--|[-—–])\s+[^.;—–]{{1,80}}?\s+(?:--|[-—–])(?=\s)|,?\s*(?:including|among\s+them|among\s+whom)\s+(?:(?!\b(?:that|which|who|when|while)\b)[^.;]){{1,100}}?,?|,\s*[\w-]+\s+of\s+(?:whom|which|them)\s+(?:(?:were|are|was|being)\s+[^.;,]{{1,40}}?|(?:[\w-]+\s+)?[\w-]+))?,?{aux}\s+(?:{passive})\b", re.I),
        "chain_count": re.compile(rf"(?:,?\s+(?:and|as\s+well\s+as)\s+|,\s+)(?P<c>{link_count})", re.I),
        # "In addition to the three assailants, 19 people were killed": GTD-style attacker deaths
        "in_addition": re.compile(rf"\bin\s+addition\s+to\s+(?:the\s+)?(?:(?P<c>{_unnamed(count_regex().pattern)})\s+)?"
                                  rf"(?:suicide\s+)?(?:assailants?|attackers?|bombers?|perpetrators?|gunm[ae]n|militants?|shooters?)\b", re.I),
        # "beheaded Gul Ahmad", "killed the village head": one named or singular victim after the verb
        # ("wounding her uncle" before "wounding her": the victim named, not a pronoun)
        # (a victim's thing is no victim: "shooting the gunman's car"; his kin is: "killing the officer's wife")
        "object_one": re.compile(rf"\b(?:{active})\s+(?:(?:a|an|the|one|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?(?:ex-)?(?:{victim})\b"
                                 rf"(?:['’]s\s+(?:{victim}|{kin})\b)?(?!['’]s)|(?:him|her|someone|somebody)\b"
                                 rf"|{kin}\b(?![\w-])"  # a headline's "kills wife"
                                 rf"|(?-i:(?!{_TITLE_PREPOSITION})[A-Z][a-z]+(?:\s+(?:[a-z]{{2,3}}-)?[A-Z][a-z]+)+)"  # "Salim al-Amin"
                                 # one name then a comma or the sentence's end: "shot and killed Wahid, a former
                                 # official", "Sahab-ul-Haq,", "the gun went off, killing Liam."
                                 rf"|(?-i:(?!{_WHEN}|{_TITLE_PREPOSITION})[A-Z][a-z]+(?:-[a-z]+)*(?:-[A-Z][a-z]+)*)(?=,|\.?\s*$))", re.I),
        # "killing 4 policemen", "also wounded 25 people", "shot and killed his two sons"
        "object": re.compile(rf"\b(?:{active})\s+(?:the\s+|all\s+|(?:his|her|their)\s+(?:own\s+)?)?(?P<obj>{count_regex().pattern}){obj_np}{obj_chain}", re.I),
        # after one victim, more counted: "killed his wife and four children", "the killing of his wife, 4 daughters"
        "more_victims": re.compile(rf"(?:\s*,\s*|\s+)(?:and\s+)?(?:(?:his|her|their|the)\s+)?(?P<c>{_unnamed(count_regex().pattern)})"
                                   rf"(?:\s+[\w-]+)?\s+(?:children|kids|sons|daughters|girls|boys|grandchildren|stepchildren|relatives|"
                                   rf"siblings|brothers|sisters|friends|people|men|women|others|family\s+members)\b", re.I),
        # ... or one more named: "killing Jane Doe, 18, and John Roe, 20", "the murders of Jane Doe and her daughter"
        "and_one": re.compile(rf"(?:\s*,\s*\d{{1,3}}\s*,)?\s*,?\s+and\s+(?:\d+-year-old\s+)?"
                              rf"(?:(?-i:(?!{_WHEN}|{_TITLE_PREPOSITION})[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+)+)"
                              rf"|(?:his|her|their|a|an|one)\s+(?:[\w-]+\s+){{0,2}}?(?:{victim})|{kin}"
                              # "the death of his son and the woman he calls his mother" (not "and the suspect's arrest", nor "and the
                              # officer who fired": the police, the suspect, the gunman are no more victims of it)
                              rf"|the\s+(?!(?:suspect|gunman|shooter|attacker|assailant|other|officer|deputy|trooper|police\w*)\b)(?:[\w-]+\s+){{0,2}}?(?:{victim})(?!['’]s))\b", re.I),
        # one person without a number: "He was pronounced dead", "the victim died", "a second student was shot"
        "singular": re.compile(rf"(?:\b(?:he|she)|\b(?:the|a|an)\s+(?:{filler}\s+){{0,3}}?(?:{victim})(?:\s+and\s+(?:{victim})\b)?"   # "an official and activist"
                               # "the girl shot in Chapel Hill on Dec. 25 has died"
                               rf"(?:\s+(?:of|from|with|in|shot|stabbed|wounded|injured)\s+[^,.;]{{1,80}}?)?"
                               # "A 20-year-old man, John Doe of Maple Heights, was shot ... and died"
                               # (a parenthesis inside: "The suspect, John Doe (w/m, 46), suffered ...")
                               # (or two: "A doctor in Quetta, Pakistan, a member of the Hazara community, is killed")
                               rf"(?:(?:,\s*(?:[^,.;()]|\([^().;]{{0,20}}\)){{1,60}}?){{1,2}},|{_WHO_ASIDE})?"
                               # "Jane Roe, 16, of Dover, died"; a name with a capital inside: "Sean McNally, 30, died"
                               rf"|(?-i:\b(?!Nobody|None|No\b)[A-Z][a-z]+(?:[A-Z][a-z]+)?)(?:(?:,\s*[^,.;]{{1,80}}?){{1,2}},|{_WHO_ASIDE})?)"
                               # "A robbery suspect who shot a police dog has been found dead": the clause's subject
                               rf"(?:,?\s+who(?:\s+(?!(?:was|had|has|is)\b)[^,.;]{{1,80}}?(?=\s+(?:was|had\s+been|has\s+been)\b))?)?\s+"
                               rf"(?:(?:was|is|had\s+been|has\s+been)\s+(?:(?:later|also|then|reportedly|allegedly|accidentally|critically|seriously|fatally)\s+)?"
                               rf"(?:(?P<s_killed>(?:pronounced|declared)\s+(?:dead|deceased)|found\s+dead|killed|shot\s+dead|shot\s+and\s+killed|shot\s+to\s+death|assassinated"
                               rf"|(?<=fatally\s)(?:shot|stabbed|wounded|injured))|(?P<s_wounded>wounded|injured|hurt|hospitali[sz]ed)"
                               rf"|(?P<s_hit>shot|stabbed|{pas['hit']})(?!\s+(?:and\s+killed|dead|to\s+death)|[^.;,]{{0,40}}?\s+and\s+(?:later\s+)?died))"
                               rf"|(?P<d_killed>(?:was\s+shot\b[^.;,]{{0,40}}?\s+and\s+(?:later\s+)?|later\s+|also\s+)?(?:has\s+|had\s+)?(?:died|dies|succumbed|succumbs))"
                               rf"|(?P<v_hit>(?:suffered|sustained|received)\s+(?:an?\s+)?(?:apparent\s+|multiple\s+|several\s+|single\s+)?{_GUNSHOT_WOUND}"
                               rf"|{t['came_with_wound']})"  # "Jane Doe, 30, had arrived at a clinic with a gunshot wound"
                               rf"|(?P<v_wounded>(?:suffered|sustained|received)\s+(?:an?\s+)?(?:[\w-]+\s+){{0,3}}?(?:wounds?|injury|injuries))"
                               # "Jones remains in serious but stable condition" (not a bare "One was in critical
                               # condition": one of those counted before)
                               rf"|(?P<c_wounded>(?<!\bone\s)(?:is|was|remains|remained)\s+(?:(?:still|listed)\s+)?{condition}))\b", re.I),
        # people taken, then killed: "kidnapped three soldiers and subsequently killed them", "lured a dozen
        # civilians from their homes and shot them dead" ("taken": the last people counted before)
        "them": re.compile(r"\b(?:(?:killed|killing|kills|kill|executed|executing|executes|execute)\s+them\b"
                           r"|(?:shot|shooting|shoots|shoot|gunned|gunning)\s+them\s+(?:dead|to\s+death|down)\b)", re.I),
        "taken": re.compile(rf"(?<![\w-])(?P<c>{_unnamed(count_regex().pattern)})\s+(?:[\w-]+\s+){{0,2}}?"
                            rf"(?:people|persons|men|women|children|civilians|villagers|(?:{victim})s)\b", re.I),
        # what a shooting sent to hospital was hurt: "a brawl that sent four people to the hospital", "sending a
        # teenager to hospital"
        "to_hospital": re.compile(rf"\b(?:sent|sending|sends)\s+(?:(?P<c>{_unnamed(count_regex().pattern)})\s+(?:[\w-]+\s+)?"
                                  rf"(?:people|persons|men|women|children|kids|adults|teens|teenagers|boys|girls|victims)"
                                  rf"|{one_victim})\s+to\s+(?:the\s+|an?\s+|area\s+|local\s+|nearby\s+)?hospitals?\b", re.I),
        # "Teenager fatally shot, another wounded", "another boy, also 16, was hurt": one more person, added to those
        # of the same outcome
        "another": re.compile(rf"\banother\s+(?:(?:[\w-]+\s+){{0,2}}?(?:{victim})(?:,[^,.;]{{1,30}},)?\s+)?(?:(?:was|is)\s+)?(?:\w+ly\s+)?"
                              rf"{_outcome('o')}\b", re.I),
        # victims named one by one: "Man, woman and boy wounded", "A man, his wife and their son were killed"
        "victim_list": re.compile(rf"(?<![\w-])(?P<list>{one_victim}(?:\s*,\s*{one_victim}){{0,4}}\s*,?\s+and\s+{one_victim})"
                                  rf"(?:\s+(?:were|are|have\s+been|had\s+been))?(?:\s+(?!fatally)\w+ly)?\s+{_outcome('l')}\b"
                                  # a headline's list needs no "and": "Mother, boy fatally shot in head", "Child, three
                                  # adults injured"
                                  rf"|^(?P<hlist>{head_victims}(?:\s*,\s*{head_victims}){{1,3}})(?:\s+(?!fatally)\w+ly)?\s+{_outcome('m')}\b", re.I),
        # a named person and his or her kin: "Hakim and his son were killed", "Shah and two of his relatives were killed"
        "name_and": re.compile(rf"\b{name}\s+and\s+"
                               rf"(?:(?:his|her|their)\s+(?:[\w-]+\s+)?(?:{victim})|(?P<c>{_unnamed(count_regex().pattern)})\s+of\s+(?:his|her|their)\s+[\w-]+)"
                               rf"\s+(?:were|have\s+been|had\s+been|are)\s+(?:also\s+)?{_outcome('n')}\b", re.I),
        # the victims named one by one: "The victims were identified as Ann Lee, 30, and Bo Ray, 41"; the names
        # run to the end of the sentence ("the other victims are" adds to those before: not read)
        "victims_named": re.compile(r"\b(?:[Tt]he|[Aa]ll)\s+(?!other\b)(?:[\w-]+\s+)?victims\s+(?:are|were|have\s+been|had\s+been)\s+"
                                    r"(?:(?:identified|named|listed)\s+as\s+)?(?P<names>[^.]*?(?:\.\s?[A-Z,][^.]*?)*)\s*(?:\.|$)"),
        # the dead found named one by one: "the bodies of Ann Lee, 30, and 41-year-old Bo Ray were found" (an age
        # is no count of bodies)
        "bodies_named": re.compile(r"\b(?:[Tt]he\s+)?bodies\s+of\s+(?P<names>[^.;]*?)\s+(?:were|have\s+been|had\s+been)\s+"
                                   r"(?:found|discovered|recovered|located)\b"),
        # people named one by one, all of them hurt: "Ann Lee, Bo Ray and Cy Moss all suffered gunshot wounds"
        "all_named": re.compile(r"(?P<names>(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*(?:\s*,\s*(?:and\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
                                r"|\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)+)\s+(?:all|both)\s+(?:suffered|sustained)\s+"
                                r"(?:[\w-]+\s+){0,2}?(?:injuries|wounds)\b"),
        # a headline's one victim, with no article or verb: "Teen killed in shooting", "5-year-old shot in hand",
        # "Girl Killed, 3 Adults Injured"
        # ("Father of 4 killed in shooting": one father)
        "headline": re.compile(rf"(?<![\w-])(?:{victim})(?:\s+of\s+(?:\d+|[a-z]+))?\s+(?:\w+ly\s+)?{_outcome('h')}"
                               rf"(?:\s+(?:in|by|at|after|during|when|while|on|near|outside|from)\b|,)", re.I),
        # one named person found or left dead: "found Ferreira dead on the street", "leaving 27-year-old John Doe dead"
        "name_dead": re.compile(rf"\b(?:found|finds|finding|left|leaves|leaving)\s+(?:\d+-year-old\s+)?"
                                rf"{name}\s+dead\b", re.I),
        # one person a shooting left hurt: "left Jim Roe with severe injuries to his face", "leaving a man with
        # gunshot wounds" (not "with fatal wounds")
        "left_hurt": re.compile(rf"\b(?:left|leaves|leaving)\s+(?:(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{victim})|him|her|{name})"
                                rf"\s+with\s+(?!(?:[\w-]+\s+)?(?:fatal|mortal|deadly)\b)(?P<what>(?:[\w-]+\s+){{0,2}}?)(?:injuries|injury|wounds?)\b", re.I),
        # a body found: "the body of a man was found", "the bodies of 3 women were found"
        "body": re.compile(rf"\b(?:the\s+)?(?:[\w-]+\s+)?(?:body|corpse|remains)\s+of\s+(?:a|an)\s+[^.;]{{0,60}}?\b(?:was|were|has\s+been)\s+(?:found|discovered|recovered)"
                           # "an old man's body was found"
                           rf"|\b(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?(?:{victim})['’]s\s+body\s+(?:was|has\s+been)\s+(?:found|discovered|recovered)"
                           rf"|\b(?:the\s+)?bodies\s+of\s+(?P<c>{_unnamed(count_regex().pattern)})\b(?!-)[^.;]{{0,60}}?\b(?:were|have\s+been)\s+(?:found|discovered|recovered)"
                           # "Five corpses of suspected militants were discovered"
                           rf"|(?P<n>{_unnamed(count_regex().pattern)})\s+(?:[\w-]+\s+)?(?:bodies|corpses)\b[^.;]{{0,60}}?\b(?:were|have\s+been)\s+(?:\w+\s+)?(?:found|discovered|recovered)", re.I),
        # ACLED-style coder notes state the figure outright: "Fatalities coded as 10", "1 fatality"
        "coded": re.compile(rf"\bfatali\w*\s+(?:are\s+|were\s+)?coded\s+(?:as|to)\s+(?P<c>\d+)"  # "fatalites" too
                            rf"|\bsplit\s+across\s+\d+\s+events\s*\((?P<s>\d+)\)"
                            # a note's closing tally: "... 3 fatalities." standing alone, "(total of 12 fatalities)"
                            rf"|^\s*(?P<t>\d+)\s+fatalit(?:y|ies)\s*\.?\s*$|\btotal\s+of\s+(?P<u>\d+)\s+fatalities\b", re.I),
        # "a quadruple shooting", "Saturday's triple homicide": as many people shot or killed
        "multiple": re.compile(r"\b(?P<n>double|triple|quadruple|quintuple)\s+(?:fatal\s+)?(?:(?P<k>homicides?|murders?|"
                               r"killings?)|shootings?|stabbings?)\b", re.I),
        # "a murder-suicide": the killer dead beside the one he killed; "a double murder-suicide": three dead
        "murder_suicide": re.compile(r"(?<!attempted\s)(?<!attempted-)\b(?:(?P<n>double|triple|quadruple|quintuple)[-\s]+)?(?:murder|homicide)[-\s]+suicide\b"
                                     r"(?!\s+(?:attempt|try|bid))", re.I),
        # "resulting in his death", "which resulted in the death of the local"
        "resulted": re.compile(r"\bresult(?:ed|ing|s)?\s+in\s+(?:his|her|the)\s+(?:[\w-]+\s+)?death\b(?!\s+toll)", re.I),
        # a death named by a noun: "the fatal shooting of a man", "the killing of 16-year-old Dante Hollis", "the death
        # investigation of a 19-year-old woman"
        "nominal": re.compile(rf"\b(?:fatal\s+(?:shooting|stabbing|beating|injury|wounding)|(?:shooting|stabbing)\s+deaths?|killings?|murders?|deaths?|homicides?|(?:death|homicide)\s+investigation)\s+of\s+"
                              rf"(?:(?:the\s+)?(?P<c>{_unnamed(count_regex().pattern)})\s+(?:[\w-]+\s+){{0,2}}?(?:people|persons|men|women|children|adults|teens|boys|girls|(?:{victim})s?)\b"
                              rf"|(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){{0,5}}?(?:{victim})\b"
                              rf"|(?:\d+-year-old\s+)?(?-i:[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+)+)|\d+-year-old\b)", re.I),
        # a death told only by its name: "police are investigating a homicide", "the death was ruled a homicide" (not
        # "homicide detectives were called")
        "homicide": re.compile(r"\b(?:investigat\w*|ruled|treat\w*|classif\w*)\s+(?:(?:it|the\s+(?:death|shooting|case))\s+as\s+)?"
                               r"(?:a|the)\s+(?:[\w-]+\s+){0,3}?homicide\b(?!\s+(?:detectives?|units?|division|investigators?|squad|of)\b)"
                               # ... or only by the charge: "his aunt has been charged with manslaughter" (not "attempted
                               # murder")
                               r"|\bcharged\s+with\s+(?:(?:first|second|third)[\s-]degree\s+|capital\s+|felony\s+|"
                               r"(?:involuntary|voluntary|reckless)\s+)?(?:murder|manslaughter|(?:criminal\s+)?homicide)\b", re.I),
        # a death told only by its event, in the news of an arrest or inquiry: "deputies arrest two men in fatal
        # apartment shooting", "police investigate fatal shooting" (not "the fatal shooting of a man", read by
        # "nominal", nor an earlier one: "the city's third fatal shooting")
        "fatal_event": re.compile(r"\b(?:arrest\w*|charged|investigat\w*|wanted)\s+(?:[\w-]+\s+){0,3}?(?:(?:in|into|for)\s+)?(?:a|the)?\s*"
                                  r"fatal\s+(?:[\w-]+\s+){0,3}?(?:shooting|stabbing)\b(?!\s+of\b)", re.I),
        # one of the people hit or killed, all of them counted: "Smith was one of five people shot at the bar" (but
        # "she was one of over a dozen people shot across the city overnight" is a city's night, not the incident)
        "one_of": re.compile(rf"\b(?P<some>one|two|three)\s+of\s+(?:the\s+)?(?P<c>{_unnamed(count_regex().pattern)})\s+"
                             rf"(?:[\w-]+\s+)?(?:people|persons|victims|men|women|teens|teenagers|children|kids|boys|girls|"
                             rf"officers|others)\s+(?:who\s+were\s+)?(?:\w+ly\s+)?(?:(?P<k>killed|slain|shot\s+dead|shot\s+to\s+death)"
                             rf"|shot|wounded|injured|hurt|hit|struck|stabbed)\b", re.I),
        # people shot, named by a noun: "the shooting of five teenagers", "charged in the shootings of 4 people"
        "shooting_of": re.compile(rf"\b(?:shootings?|stabbings?)\s+of\s+(?:the\s+)?(?P<c>{_unnamed(count_regex().pattern)})\s+"
                                  rf"(?:[\w-]+\s+)?(?:people|persons|men|women|children|kids|adults|teens|teenagers|boys|"
                                  rf"girls|(?:{victim})s)\b", re.I),
        # an attacker dying: "before being shot dead", "blew himself up"
        "attacker": re.compile(r"\b(?:before|after)\s+being\s+(?:shot\s+dead|killed|shot\s+and\s+killed|fatally\s+shot|gunned\s+down)"
                               r"|\b(?:killed|killing|kills)\s+(?:only\s+)?(?:himself|herself)"
                               r"|(?<=\w),\s+(?:then\s+)?self\b(?!-)|\bshot\s+(?:himself|herself)\s+(?:dead|to\s+death)|\bblew\s+(?:himself|herself)\s+up"
                               r"|\btook\s+(?:his|her)\s+own\s+life"
                               # "turned the gun on himself", "before turning the shotgun on herself"
                               r"|\bturn(?:ed|ing|s)\s+(?:the|his|her)\s+(?:gun|shotgun|rifle|handgun|pistol|weapon)\s+on\s+(?:himself|herself)", re.I),
        # suicide bombers who detonated died: "Two female suicide bombers detonated in Mora" (attackers, added)
        "bombers": re.compile(rf"(?P<c>{_unnamed(count_regex().pattern)})\s+(?:[\w-]+\s+){{0,2}}?suicide\s+bombers?\s+"
                              rf"(?:[\w-]+\s+){{0,5}}?(?:detonated|blew\s+(?:himself|herself|themselves)\s+up|self-detonated)", re.I),
        # "Boy accidentally shoots himself": hurt, outcome unstated
        "self_hit": re.compile(r"(?P<fatally>\bfatally\s+)?\b(?:shoots|shot|stabbed|stabs|(?<=fatally\s)(?:shooting|stabbing))\s+(?:himself|herself)\b"
                               r"(?!\s+(?:dead|to\s+death))(?P<died>[^.;,]{0,30}?\s+and\s+(?:later\s+)?died)?", re.I),
        # "the death toll rose to 30", "bringing the toll to 12"
        "toll": re.compile(rf"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|people\s+killed|fatalities))"
                           rf"(?:\s+\w+){{0,4}}?\s+(?:to|at|of|is|was|reached|hit|stands\s+at|stood\s+at)\s+"
                           rf"(?P<obj>{count_regex().pattern})", re.I),
        # "a fourth victim was found", "the fifth victim, a 34-year-old man": the victims numbered so far, so at
        # least that many people were hit
        # (not a school grade or a floor: "a 5th grade boy ... who was hit by a stray bullet" is one boy)
        "ordinal": re.compile(rf"\b(?:a|an|the)\s+(?P<o>{'|'.join(_ORDINALS)})\s+(?!(?:grade|grader|floor|story|storey|year|period)\b)(?:(?:[\w-]+\s+)?(?:shooting\s+|gunshot\s+)?victim\b"
                              # ("found a third man in the garage who had been shot")
                              rf"|(?:[\w-]+\s+)?(?:{victim}|person)(?:\s+(?:in|at|inside|outside)\s+(?:the\s+)?[\w-]+)?\s+(?:who\s+)?(?:was|had\s+been|is)\s+(?:also\s+|later\s+|apparently\s+)?(?:shot|wounded|injured|hit|struck|grazed|stabbed|hospitali[sz]ed)\b"
                              rf"|(?:was|had\s+been)\s+(?:also\s+|later\s+|apparently\s+)?(?:shot|wounded|injured|hit|struck|grazed|stabbed)\b)", re.I),
        # "a third person has died", "Third victim dies": the dead numbered so far, all of this incident
        # ("A third man, a 50-year-old cook, was also killed": the third of the dead, not one more)
        "ordinal_dead": re.compile(rf"(?:\b(?:a|an)\s+|^\s*)(?P<o>{'|'.join(_ORDINALS)})\s+(?:[\w-]+\s+)?(?:{victim}|person)"
                                   rf"(?:,[^,.;]{{1,40}},)?\s+(?:(?:has|had|was|had\s+been|has\s+been)\s+)?"
                                   rf"(?:also\s+|now\s+|since\s+|later\s+)?(?:died|dies|succumbed|killed|slain|shot\s+dead|found\s+dead)\b", re.I),
        # "3 deaths", "12 fatalities", "40 injuries"; a headline's "2 dead, 1 critical in shooting": one in critical condition
        "noun": re.compile(rf"(?<![\w-]){count}(?:\s+[\w-]+)?\s+(?:(?P<n_killed>deaths?|fatalit(?:y|ies)|dead\s+bodies|bodies|dead|deceased(?!\s+[a-z]))"
                           rf"|(?P<n_wounded>injuries|injured|wounded|critical(?=\s+(?:in|at|after|near)\b|\s*(?:[,;]|$)))|(?P<n_hit>(?:gunshot|gun\s+shot|shooting|stabbing)\s+victims?))\b", re.I),
        # ", one fatally" after "Two people were shot"
        "fatally": re.compile(rf",?\s+(?P<num>{p['number']})\s+(?:of\s+them\s+)?(?P<how>fatally|critically|seriously)\b", re.I),
        # "no one was killed", "there were no casualties"
        "none": re.compile(rf"\b(?:no\s+one|nobody|none|no\s+(?:people|person|one|civilians))"
                           rf"(?:\s+\w+){{0,3}}?\s+(?:{pas['killed']}|{pas['wounded']})\b"
                           rf"|\bno\s+(?:immediate\s+)?(?:reports?\s+of\s+)?(?:casualties|deaths|fatalities|injuries)\b", re.I),
        "not_people": re.compile(rf"^\s*(?:{words_regex(t['not_people'])})\b|^-|^\s*%", re.I),
        "street": re.compile(rf"^\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'’.-]*\s+){{1,4}}(?i:{words_regex(t['street_suffixes'])})\b"),
        "part_of": re.compile(rf"\b(?:{words_regex(t['part_of'])})\b", re.I),
        # an unborn child in the figure's phrase, or named right before it ("Unborn Baby Killed") or in its "including"
        # aside right after it
        "unborn": re.compile(rf"\b(?:{t['unborn']})\b", re.I),
        "unborn_before": re.compile(r"\bunborn\s+$", re.I),
        "unborn_after": re.compile(rf",?\s*including\s+(?:an?|her|his|their)\s+(?:{t['unborn']})\b", re.I),
        "aggregate": re.compile(rf"^[^.;:]*?\b(?:{'|'.join(t['aggregate'])})\b", re.I),
        "not_violent_after": re.compile(rf"[^.;]{{0,45}}?\b(?:{'|'.join(t['not_violent_after'])})\b", re.I),
        "past_before": re.compile(rf"\b(?:{'|'.join(t['past_before'])})\b", re.I),
        "aggregate_before": re.compile(rf"\b(?:{'|'.join(t['aggregate_before'])})\b[^.;]*$", re.I),
        "hypothetical": re.compile(rf"\b(?:{words_regex(t['hypothetical'])})\s+(?:have\s+)?(?:\w+\s+)?$", re.I),
        "attackers": re.compile(r"\b(?:assailants?|attackers?|gunm[ae]n|shooters?|(?:suicide\s+)?bombers?|perpetrators?|militants?|insurgents?)\b", re.I),
        "additive": re.compile(rf"\b(?:{words_regex(t['additive'])})\b", re.I),
        # one person named by "the" ("killing the girl", "the victim died"), not another ("the other man", "the
        # second victim") nor the victim's kin ("the victim's brother")
        "definite_one": re.compile(rf"^(?:[a-z]+\s+){{0,3}}?the\s+(?!(?:other|second|third|fourth|fifth|latter|former)\b)"
                                   rf"(?:[\w-]+\s+){{0,2}}?(?:{victim})\b(?!['’]s|\s+of\b)", re.I),
        "one_more": re.compile(rf"\b(?:{words_regex(t['one_more'])})\b", re.I),
        "one_person": re.compile(rf"\b(?:a|an)\s+(?:[\w-]+\s+)?(?:{victim})\b", re.I),
        "additive_after_number": re.compile(rf"^(?:(?:{p['hedge']})\s+)?(?:{p['number']})\s+(?:{words_regex(t['additive_after_number'])})\b", re.I),
        "thing_word": re.compile(rf"\b(?:{words_regex(t['thing_nouns'])})\b", re.I),
        "victim_word": re.compile(rf"\b(?:{victim}|people|persons|men|women|children|civilians)(?:s|es)?\b", re.I),
        "other_outcome": re.compile(r"\s*(?:,|and)\s+(?:\w+ly\s+)?(?:injur|wound|hurt|kill)", re.I),
        "after_active": re.compile(rf"\b(?:{active})\s+$", re.I),
        "object_start": re.compile(r"^\s+(?:his|her|their|its|a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+|at\s+least|dozens|several|scores|hundreds|many|\w+self|themselves)\b", re.I),
    }


@lru_cache(maxsize=1)
def _rx_ascii() -> dict:
    return {name: ascii_twin(pattern) for name, pattern in _rx().items()}


def _rx_for(text: str) -> dict:
    """The patterns to read `text` with: their ASCII twins where those find the same (text.plain_ascii)."""
    return _rx_ascii() if plain_ascii(text) else _rx()


@lru_cache(maxsize=1)
def _active_words() -> frozenset[str]:
    t = load_yaml("casualties.yaml")
    return frozenset(w for k in ("killed", "wounded") for w in t["active"][k])


def _outcome(prefix: str) -> str:
    """What befell one victim, as the named groups <prefix>_killed, <prefix>_wounded or <prefix>_hit."""
    return (rf"(?:(?P<{prefix}_killed>killed|dead|dies|died|shot\s+dead|shot\s+and\s+killed|fatally\s+(?:shot|stabbed))"
            rf"|(?P<{prefix}_wounded>wounded|injured|hurt|hospitali[sz]ed)"
            rf"|(?P<{prefix}_hit>shot|stabbed|(?:suffered|sustained)\s+(?:multiple\s+)?{_GUNSHOT_WOUND}))")


def _possessive_one(text: str) -> Count | None:
    """"his wife" in a list of victims is one more person."""
    return Count(1, 1, 1, text) if text.strip().lower() in ("his", "her", "their") else None


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


def _valid_count(sentence: str, num_start: int, num_text: str, np: str, single_needs_np: bool = True,
                 link: bool = False) -> bool:
    """Whether the number read at num_start counts people (link: a further count in a list of victims)."""
    rx = _rx_for(sentence)
    lead = len(num_text) - len(num_text.lstrip())
    num_start, num_text = num_start + lead, num_text.strip()
    if re.search(r"\bno\s*$", sentence[:num_start], re.I):
        return False  # "no one was injured" is a zero, read by find_zero
    if re.search(r"\bhow\s*$", sentence[:num_start], re.I):
        return False  # "could not say how many people were wounded": a question, no figure
    after = sentence[num_start + len(num_text):]
    if rx["not_people"].match(re.sub(r"^\s+(?:more|other|additional|further)(?=\s)", "", after)) or num_text.isdigit() and rx["street"].match(after):
        return False  # "60 lashes"; a house number: "2501 Quail Hollow Rd."
    if re.match(r":\d\d|\s*[ap]\.?\s?m\.?(?![a-z])", after, re.I):
        return False  # a time: "shot around 7:30 p.m.", "about 10 p.m. Trask ... was pronounced dead"
    if link and re.match(r"\s+of\s+(?:them|whom|those|these)\b", after, re.I):
        return False  # part of the people just counted: "shot two children, one of them fatally"
    if re.fullmatch(_YEAR, num_text.strip()) and not np.strip():
        return False  # a year, not a count
    if re.match(rf"\s*(?:{'|'.join(MONTH_NAMES)})\b", after, re.I) or re.search(r"\bon\s*$", sentence[:num_start], re.I) and num_text.strip().isdigit() and not np.strip():
        return False  # a date: "on 27 April", "killed on 3"
    if re.fullmatch(_YEAR, num_text) and re.search(rf"\b(?:{'|'.join(m[:3] for m in MONTH_NAMES)})[a-z]*\.?\s+\d{{1,2}},?\s*$",
                                                   sentence[:num_start], re.I):
        return False  # a date's year: "On July 30, 2016 Ms. Lindqvist died"
    if num_text.isdigit() and re.search(rf"\b(?:{'|'.join(m[:3] for m in MONTH_NAMES)})[a-z]*\.?\s*$",
                                        sentence[:num_start], re.I):
        return False  # a date: "the Nov. 29 death of", "the March 3 shooting"
    if single_needs_np and num_text.strip().lower() in {"a", "an", "one", "single", "lone"} and not np.strip():
        return False
    if re.match(r"\s*unknown\s+number|\s*unspecified\s+number|\s*number\s+of", after, re.I):
        return False  # "an unknown number of assailants": no figure
    if re.search(r"\b[A-Za-z.]+,\s*$|\b(?:both|all|also|ages?|aged)\s+$", sentence[:num_start], re.I) \
            and re.match(r"\s*,", after) and num_text.isdigit():
        return False  # "Boy, 15, dead", "Ryan Tate and Omar Seely, both 21, were killed", "his friend, also
        #               17, was hurt": an age in commas
    if re.match(r"\d+$|between\s+\d", num_text, re.I) and re.search(
            r"\b(?:ages?(?:\s+of)?|aged(?:\s+between)?)[,:]?\s+(?:\d+\s*(?:,|and|&)\s*)*$", sentence[:num_start], re.I):
        return False  # "Two men, ages, 20 and 31, suffered", "two boys, ages 7 and 10, and", "between the ages of 14 and 18"
    if num_text.isdigit() and re.search(r"\b(?:image|photo|slide|picture)s?\s+(?:\d+\s+of\s+)?$", sentence[:num_start], re.I):
        return False  # "Image 2 of 10 A girl has died": a photo gallery's counter
    if re.search(r"\b(?:father|mother|dad|mom|parent|grandfather|grandmother)\s+of\s+$", sentence[:num_start], re.I):
        return False  # "Father of 4 killed in shooting": his children, not the dead
    if num_text.isdigit() and re.search(r"\d:$", sentence[:num_start]):
        return False  # "0:51 Boy killed in ...": a video's running time
    if num_text.isdigit() and re.search(r"\d", np):
        return False  # "7 Action News 17-year-old ...": a number in a name, then an age
    return True


_WHO_WAS_HURT = re.compile(r"\bwho\s+(?:was|had\s+been|is)\s+(?:also\s+|later\s+|apparently\s+)?(?:wounded|injured)\b", re.I)


def _numbered_up_to(items: list[Item], kind: str, m: re.Match) -> list[Item]:
    """The items, the smaller figures of `kind` among them replaced by the ordinal `m` numbers ("a third"): n."""
    n = _ORDINALS[m.group("o").lower()]
    return [i for i in items if not (i.kind == kind and i.count.best < n)] + [
        Item(kind, Count(n, n, n, m.group(0)), m.start(), m.end(), False, m.group(0), numbered=True)]


def find_casualties(sentence: str) -> list[Item]:
    """All casualty items of one sentence, minus parts of totals, cumulative figures and hypotheticals."""
    items = [i for i in _candidates(sentence) if not _excluded(sentence, i)]
    items = [i for i in items if not _part_of_earlier(sentence, i, items)]
    items = [i for i in items if not _same_one(i, items)]
    items = [j for i in items if (j := _less_the_unborn(sentence, i)) is not None]
    # "Five people were hurt, including a man who later died": the five were hit, and he died (the death
    # told in the part is no part of a total of its kind)
    for i in list(items):
        died = _DIED_AMONG.match(sentence, i.end) if i.kind == "wounded" else None
        if died:
            items[items.index(i)] = replace(i, kind="hit")
            items.append(_item(sentence, "killed", Count(1, 1, 1, died.group("who")), died.start("who"), died.end()))
    # "A teen died in a shooting that also wounded two others": "also" joins the other outcome the sentence
    # reports before it, it adds to no figure reported earlier (an attacker's death still does)
    rx = _rx_for(sentence)
    items = [replace(i, additive=False) if i.additive and rx["additive"].search(sentence, max(0, i.start - 12), i.end)
             and not rx["attackers"].search(i.phrase) and any(o.kind != i.kind and o.end <= i.start for o in items)
             else i for i in items]
    # "A boy was held when another boy got hurt": "another" sets the one hurt apart from the person its own
    # sentence names before it, not from someone hurt before, so it continues no earlier figure
    items = [replace(i, other=False) if i.other and rx["one_more"].match(i.phrase) and rx["one_person"].search(
        sentence, 0, i.start) and not any(j.end <= i.start for j in items) else i for i in items]
    # "Two of the victims are in critical condition": some of the people hit, however many were hit in all; "Two of
    # the three victims died", "Five of the six injured attend school": the three, the six were hit
    out = []
    for i in items:
        m = _SOME_OF.match(i.phrase)
        whole = _parse(m.group("whole")) if m and m.group("whole") else None
        if whole and whole.best > i.count.best:
            out.append(Item("hit", whole, i.start, i.end, i.additive, i.phrase))
        if i.kind != "wounded" or not m:
            out.append(i)
        elif not whole:
            out.append(replace(i, kind="hit"))
    return out


def _less_the_unborn(sentence: str, item: Item) -> Item | None:
    """The item without an unborn child it counts ("her unborn baby was killed": no one; "a woman and her unborn baby
    were killed", "killing four people, including an unborn child": one less)."""
    rx = _rx_for(sentence)
    if not (rx["unborn"].search(item.phrase) or rx["unborn_before"].search(sentence, max(0, item.start - 20), item.start)
            or rx["unborn_after"].match(sentence, item.end)):
        return item
    c = item.count
    if c.best <= 1:
        return None
    less = Count(c.best - 1, None if c.low is None else max(c.low - 1, 0), None if c.high is None else c.high - 1,
                 c.phrase)
    return replace(item, count=less)


def is_tally(sentence: str) -> bool:
    """The sentence gives casualty figures, and those it gives are cumulative totals ("Since then, 300 people have
    died"): it reports no incident of its own."""
    return not find_casualties(sentence) and any(_cumulative(sentence, i) for i in _candidates(sentence))


def _candidates(sentence: str) -> list[Item]:
    """Every reading of a casualty figure in the sentence, before the exclusions of find_casualties."""
    rx = _rx_for(sentence)
    lower = sentence.lower() if sentence.isascii() else None  # (non-ASCII case folding is re.I's to judge)
    if not (_MAYBE_LOWER.search(lower) if lower is not None else _MAYBE.search(sentence)):
        return []  # most sentences name no casualty: one cheap search spares the full patterns
    if sentence[:1].isdigit() and _VIDEO_CAPTION.match(sentence):
        return []  # "0:39 Man charged with killing son Pause": another video of the page's player, by its running time

    def needed(name: str) -> bool:
        needs = _NEEDS.get(name)
        return not (needs and lower is not None and not any(w in lower for w in needs))

    def finditer(name: str):
        return rx[name].finditer(sentence) if needed(name) else ()

    items: list[Item] = []

    # "In addition to the three assailants, 19 people were killed": read the attackers apart from the victims
    masked = rx["in_addition"].sub(lambda m: " " * len(m.group(0)), sentence) if needed("in_addition") else sentence
    for m in rx["subject"].finditer(masked):
        if rx["after_active"].search(sentence[:m.start("num")]):
            continue  # "killed one and injured 3 others": "one" is the object of "killed", not a subject
        if _ING_BEFORE.search(sentence, 0, m.start("num")):
            continue  # "a dog shot after attacking an officer is dead": the officer is the object
        kind = _kind(m, "p")
        after = sentence[m.end():]
        # "A man killed 14 people": with no auxiliary the verb is active and its subject is the attacker.
        between = sentence[m.end("np"):m.start("p_" + kind)]
        if kind != "hit" and not re.search(r"\b(?:were|was|are|is|been|being|got)\b", between, re.I) \
                and re.sub(r"\s+", " ", m.group("p_" + kind).lower()) in _active_words() \
                and (rx["object_start"].match(after) or re.match(r"\s+(?-i:[A-Z])", after) and not (
                    re.match(rf"\s+{_WHEN}", after) and m.group("num").strip().lower() not in ("a", "an", "one", "the"))):
            # (a day after the verb tells when people were killed, not whom: "the five officers killed Thursday
            # were mourned"; one person so named is left out, as often the man recalled from an earlier report)
            continue
        if kind == "hit" and not re.search(r"\b(?:were|was|been|being|got)\b", between, re.I) and not (
                _HEADLINE_HIT_END.match(after) and len(m.group("np").split()) <= 2
                and not re.search(r"\b(?:a|an|the|\w+ing)\b|/", m.group("np"), re.I)
                and not re.search(r"\bof\s+$", sentence[:m.start("num")], re.I)) \
                and not _LEFT_WITH.search(sentence, 0, m.start("num")):
            # "two men shot a guard": active; "Four shot outside bar", "5 teens shot,": a headline; "ended with two
            # men shot", "leaving three people shot": what the shooting left
            continue
        if m.group("chain").strip() and re.search(r"\bwho\b", sentence[m.end("chain"):m.start("p_" + kind)], re.I):
            continue  # "three bodies and one victim who was suffering a gunshot wound": the clause is the last one's
        if m.group("num").strip().lower() in ("a", "an", "one", "the") and not m.group("chain").strip() \
                and (re.search(r"\b(?:were|are|have)\b|^\s*and\b", between, re.I) or rx["thing_word"].search(m.group("np"))):
            continue  # "Four men attending a party at a Wrenfield Street home were injured": not the home; "showed up
            # at a nearby hospital and was treated": the verb's subject is further back
        if not _valid_count(sentence, m.start("num"), m.group("num"), m.group("np")):
            continue
        if _TOLL_NOUN.search(m.group("np")):
            continue  # "two deaths and one injured": the toll's own noun is no subject of the verb after
        c = _parse(m.group(0)[: m.end("num") - m.start()])
        chain = m.group("chain") or ""
        matches = [link for link in rx["chain_count"].finditer(chain)
                   if (_parse(link.group("c")) or _possessive_one(link.group("c")))
                   and _valid_count(sentence, m.start("chain") + link.start("c"), link.group("c"), "x", link=True)]
        links = [_parse(link.group("c")) or _possessive_one(link.group("c")) for link in matches]
        # "Three victims, a 25-year-old, a 26-year-old and a 33-year-old, were ...": between commas, a list
        # naming the same people (without the closing comma, "Two soldiers, a policeman and a civilian" adds up,
        # unless the list gives only ages: "two males, 30 and 42 were injured", "a five year and a six year old")
        ages = bool(matches) and all(_AGE_AFTER.match(chain, link.end("c")) for link in matches)
        # (some of a group named by a list of as many is that list, closed or not: "Two of the guests, a man and a
        # critically hurt woman, were ...")
        some_of = bool(_SOME_OF.match(sentence, m.start("num")))
        apposition = (c and chain.startswith(",") and (ages or some_of or sentence[m.end("chain"):].lstrip().startswith(","))
                      and (ages or sum(x.best for x in links) == c.best))
        if links and re.match(r",\s*(?:and|as\s+well\s+as)\b", chain) and _inside_part(sentence, m.start("num")):
            # "nine people were killed, including the two attackers, and at least 30 others were injured": the aside
            # ends at its comma, and the figures after it are the verb's subject
            start = m.start("chain") + matches[0].start("c")
            c = _parse(sentence[start:m.start("chain") + matches[0].end("c")])
            for more in links[1:]:
                c = _add(c, more, m.group(0)) if c else c
            if c:
                items.append(_item(sentence, kind, c, start, m.end()))
            continue
        for more in links if not apposition else []:
            c = _add(c, more, m.group(0)) if c else c
        if c:
            items.append(_item(sentence, kind, c, m.start(), m.end()))

    for name in ("object", "toll"):
        for m in finditer(name):
            kind = "killed" if name == "toll" else _kind(m, "a")
            obj = m.group("obj")
            np = m.groupdict().get("np") or ""
            # "killed one and injured 3 others": a bare "one" before the other outcome is a person
            bare_one = bool(rx["other_outcome"].match(sentence[m.end():]))
            if not _valid_count(sentence, m.start("obj"), obj, np, single_needs_np=not bare_one):
                continue
            verb = re.sub(r"\s+", " ", (m.groupdict().get(f"a_{kind}") or "").lower())
            if obj.strip().lower() in ("a", "an") and verb in ("executed", "executing", "shot", "shooting", "striking", "hitting") \
                    and not rx["victim_word"].search(np):
                continue  # "executed a search warrant", "shot a video": verbs with other objects than people
            if name == "object" and obj.strip()[:1].isupper() and obj.strip().isalpha() \
                    and sentence[m.start():m.start() + 1].islower():
                continue  # "... Riverside shooting Seven people injured": a run-on headline, not an object
            if kind == "hit" and re.match(r"\s+to\s+death\b", sentence[m.end():], re.I):
                kind = "killed"  # "shot two men to death"
            if rx["hypothetical"].search(sentence[max(0, m.start() - 40):m.start()]):
                continue
            c = _parse(obj)
            if c and m.groupdict().get("obj2"):
                c2 = _parse(m.group("obj2"))
                if c2 and _valid_count(sentence, m.start("obj2"), m.group("obj2"), "x", link=True):
                    c = _add(c, c2, m.group(0))
            if c:
                # a toll counts the dead so far, all of this incident ("has died, bringing the toll to three")
                item = _item(sentence, kind, c, m.start(), m.end())
                # "killed two people and shot two others": others than those, as "two others were shot" is
                others = item.other or not item.additive and bool(rx["additive_after_number"].match(obj.strip() + np))
                items.append(replace(item, numbered=name == "toll", other=others))

    one = Count(best=1, low=1, high=1, phrase="")
    pronouns: list[Item] = []  # "shot him": someone the sentence may already have named
    for m in rx["object_one"].finditer(sentence):
        if rx["hypothetical"].search(sentence[max(0, m.start() - 40):m.start()]) \
                or re.search(r"\b(?:not|never)\s+$", sentence[:m.start()], re.I):
            continue  # "threatened to kill him", "she's not hurt somebody": no deed
        more, end = _more_victims(sentence, m.end())
        item = _item(sentence, _kind(m, "a"), _add(one, more, sentence[m.start():end]) if more else one, m.start(), end)
        (pronouns if re.search(r"\b(?:him|her)$", m.group(0), re.I) else items).append(item)
    for m in finditer("them"):
        taken = list(rx["taken"].finditer(sentence, 0, m.start()))
        c = _parse(taken[-1].group("c")) if taken else None
        if c and not rx["hypothetical"].search(sentence[max(0, m.start() - 40):m.start()]) \
                and not any(i.start < m.end() and taken[-1].start() < i.end for i in items):
            items.append(_item(sentence, "killed", c, taken[-1].start(), m.end()))
    for m in finditer("to_hospital"):
        c = _parse(m.group("c")) if m.group("c") else one
        if c:
            items.append(_item(sentence, "wounded", c, m.start(), m.end()))
    for m in finditer("nominal"):
        c = _parse(m.group("c")) if m.group("c") else one
        more, end = _more_victims(sentence, m.end()) if c else (None, m.end())
        if more:   # "the murders of Jane Doe and her daughter", "the killing of two gunmen and one officer"
            items.append(_item(sentence, "killed", _add(c, more, sentence[m.start():end]), m.start(), end))
        elif c:
            items.append(_item(sentence, "killed", c, m.start(), m.end()))
    for m in finditer("one_of"):
        c = _parse(m.group("c"))
        if c and c.best > 1:
            # (all the people hit, numbered: "one of five people shot ... has died" is one death, not five)
            items.append(replace(_item(sentence, "killed" if m.group("k") else "hit", c, m.start("c"), m.end()),
                                 numbered=True))
            died = not m.group("k") and _HAS_DIED.match(sentence, m.end())
            if died:  # "one of five people shot ... has died": one death
                n = parse_number(m.group("some"))
                items.append(_item(sentence, "killed", Count(n, n, n, m.group("some")), m.start(), died.end()))
    for m in finditer("shooting_of"):
        c = _parse(m.group("c"))
        if c and c.best > 1:  # ("the shooting of a man" is told again by what befell him)
            items.append(_item(sentence, "hit", c, m.start(), m.end()))
    for m in finditer("left_hurt"):
        shot = re.search(rf"\b{_GUNSHOT}\b", m.group("what"), re.I)
        items.append(_item(sentence, "hit" if shot else "wounded", one, m.start(), m.end()))
    for m in finditer("name_dead"):
        items.append(_item(sentence, "killed", one, m.start(), m.end()))
    for m in finditer("resulted"):
        items.append(_item(sentence, "killed", one, m.start(), m.end()))
    for name in ("homicide", "fatal_event"):
        for m in finditer(name):
            items.append(replace(_item(sentence, "killed", one, m.start(), m.end()), fallback=True))
    for m in finditer("body"):
        c = _parse(m.group("c") or m.group("n")) if m.group("c") or m.group("n") else one
        if c:
            items.append(_item(sentence, "killed", c, m.start(), m.end()))
    for m in finditer("coded"):
        n = int(m.group("c") or m.group("s") or m.group("t") or m.group("u"))
        items.append(Item("killed", Count(best=n, low=n, high=n, phrase=m.group(0)), m.start(), m.end(), False,
                          m.group(0), final=True))
    for m in finditer("bombers"):
        c = _parse(m.group("c"))
        if c:
            items.append(replace(_item(sentence, "killed", c, m.start(), m.end()), additive=True, other=False,
                                 implied=True))
    for m in finditer("in_addition"):
        c = _parse(m.group("c")) if m.group("c") else one
        if c:
            items.append(replace(_item(sentence, "killed", c, m.start(), m.end()), additive=True, other=False))
    for name in ("singular", "headline"):
        for m in rx[name].finditer(sentence):
            if name == "singular" and re.match(r"(?:a|an|the)\b", m.group(0), re.I) \
                    and (rx["after_active"].search(sentence[:m.start()]) or _ING_BEFORE.search(sentence, 0, m.start())):
                continue  # "the man who shot a woman was killed", "after attacking an officer is dead": an object
            if m.groupdict().get("c_wounded") and re.search(r"\bwhere\s+$", sentence[:m.start()], re.I):
                continue  # "taken to City Hospital, where he remains in critical condition": the hospital's clause
            kind = next((k for k in KINDS for g in ("s", "d", "h", "v", "c") if m.groupdict().get(f"{g}_{k}")), "killed")
            items.append(_item(sentence, kind, one, m.start(), m.end()))
    for m in finditer("victim_list"):
        kind = next(k for k in KINDS if m.group(f"l_{k}") or m.group(f"m_{k}"))
        named = m.group("list") or m.group("hlist")
        n = sum(_victims_in(part) for part in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", named))
        items.append(_item(sentence, kind, Count(n, n, n, named), m.start(), m.end()))
    for m in finditer("name_and"):
        c = _parse(m.group("c")) if m.group("c") else one
        if c:
            n = c.best + 1
            items.append(_item(sentence, _kind(m, "n"), Count(n, n, n, m.group(0)), m.start(), m.end()))
    # people named one by one: the victims (all of the incident's: numbered), the bodies found, those all hurt
    for name, kind in (("victims_named", "hit"), ("bodies_named", "killed"), ("all_named", "wounded")):
        for m in finditer(name):
            n = _names_in(m.group("names"))
            if n > 1:
                item = _item(sentence, kind, Count(n, n, n, m.group(0)), m.start(), m.end())
                items.append(replace(item, numbered=name == "victims_named"))
    for m in finditer("another"):
        kind = next(k for k in KINDS if m.group(f"o_{k}"))
        items.append(replace(_item(sentence, kind, one, m.start(), m.end()), additive=False, other=True))
    for m in finditer("self_hit"):  # "accidentally shot himself and died", "fatally shot herself"
        items.append(_item(sentence, "killed" if m.group("died") or m.group("fatally") else "hit", one,
                           m.start(), m.end()))
    for m in finditer("attacker"):
        # one who took his own life adds to the others' figure as their attacker where the sentence calls him one
        # ("the gunman then killed himself"); "a boy shot himself dead" is the one death
        attacker = not _OWN_LIFE.search(m.group(0)) or bool(rx["attackers"].search(sentence))
        items.append(replace(_item(sentence, "killed", one, m.start(), m.end()), additive=attacker, other=False))

    for m in finditer("noun"):
        if re.fullmatch(_YEAR, m.group("num").strip()):
            continue  # "the 2014 shooting death of": a year
        kind = next(k for k in KINDS if m.group(f"n_{k}"))  # "two other gunshot victims": hit
        if m.group("n_wounded") and rx["object_start"].match(sentence[m.end():]):
            continue  # "the gunman wounded two officers": a verb with its object, not "the wounded"
        if rx["hypothetical"].search(sentence[max(0, m.start() - 40):m.start()]):
            continue  # "God willing, we will not have a fatality"
        if _valid_count(sentence, m.start("num"), m.group("num"), "x", single_needs_np=False):
            c = _parse(m.group(0)[: m.end("num") - m.start()])
            if c:
                items.append(_item(sentence, kind, c, m.start(), m.end()))

    for m in finditer("ordinal"):
        if rx["attackers"].search(m.group(0)) or re.match(r"\s+of\b", sentence[m.end():]):
            continue  # "the third assailant was shot"; "the second victim of unrelated shootings in the city"
        # the people hit the sentence counts up to the numbered victim are among the n ("the first boy was shot
        # ..., and the second was shot", "Four were hit and a fifth was struck")
        # (one numbered among those a relative clause says were hurt is of the hurt: "one died and two more went to
        # a clinic ... A third woman who was injured walked in later" is the third hurt, whoever else was shot)
        items = _numbered_up_to(items, "wounded" if _WHO_WAS_HURT.search(m.group(0)) else "hit", m)

    for m in finditer("ordinal_dead"):
        # the deaths the sentence counts up to the numbered one are among the n ("Two died at the scene and a third
        # person died in hospital")
        items = _numbered_up_to(items, "killed", m)

    for m in finditer("murder_suicide"):
        # at least that many dead: a figure the sentence gives beside it is among them ("killed his wife and then
        # himself in a murder-suicide": two)
        n = 1 + {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}.get((m.group("n") or "").lower(), 1)
        if any(i.kind == "killed" and i.count.best >= n for i in items):
            continue  # "Four dead in a murder-suicide": the figure is told
        items.append(replace(_item(sentence, "killed", Count(n, n, n, m.group(0)), m.start(), m.end()), numbered=True))

    for m in finditer("multiple"):
        kind = "killed" if m.group("k") else "hit"
        if any(i.kind == kind for i in items):
            continue  # "A man and two children are dead in a double murder-suicide": the figure is told
        n = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}[m.group("n").lower()]
        items.append(_item(sentence, kind, Count(n, n, n, m.group(0)), m.start(), m.end()))

    # "The boy who sustained a gunshot wound ... told nurses that a cousin had shot him": one boy; "Jackson
    # died at the hospital, where he was pronounced dead": one man
    items.extend(p for p in pronouns if not any(i.count.best == 1 for i in items))
    # ... and one of a group the sentence counted before him: "identified two brothers shot Sunday; one remains in
    # critical condition after he was shot in the face" is two people hit (but the victims of an active verb are not
    # its subject: "killing two guards before he was fatally shot by officers")
    items = [i for i in items if not (re.match(r"(?:he|she)\b", i.phrase, re.I) and i.count.best == 1 and any(
        o is not i and o.kind == i.kind and not re.match(r"(?:he|she)\b", o.phrase, re.I) and (
            o.count.best == 1 or o.end <= i.start and not o.additive and not rx["object"].match(o.phrase))
        for o in items))]
    # "was found suffering from a gunshot wound and was pronounced dead": the same people, then dead
    # (unless another reading of the same words already has the death)
    # "the four year old who was hurt in an accidental shooting Friday has died": the subject's main verb
    died = [i for i in items if not i.numbered and (i.kind == "hit" and _THEN_DIED.match(sentence, i.end)
            or i.kind in ("hit", "wounded") and _has_died(sentence, i, items))]
    told = [i for i in died if any(o.kind == "killed" and o.start < i.end and i.start < o.end for o in items)]
    items = [replace(i, kind="killed") if i in died and i not in told else i for i in items if i not in told]
    # "were taken to a local hospital with non-life-threatening injuries", "was shot in the leg and treated and
    # released": hit, and said to live (a numbered victim is the one who lives: "a third man was hit in the leg
    # and is expected to recover" still numbers three hit)
    items = [x for i in items for x in (
        ([i, replace(i, kind="wounded", count=Count(1, 1, 1, i.phrase), numbered=False)] if i.numbered
         else [replace(i, kind="wounded")]) if i.kind == "hit" and _SURVIVED.match(sentence, i.end) else [i])]
    # the deaths the sentence reports beside a toll are among it ("A woman ... has died, bringing the toll to three")
    tolls = [i.count.best for i in items if i.kind == "killed" and i.numbered]
    items = [i for i in items if not (i.kind == "killed" and not i.numbered and i.count.best < max(tolls, default=0))]
    items = _dedupe(items, sentence)
    # a death told only by an inquiry or a charge is the death the sentence tells otherwise, if it does ("charged with
    # murder in the death of a teen": one)
    # (a party's claim stays, to widen the range of the figure told: see article._combine_tagged)
    items = [i for i in items if not (i.fallback and not i.claim and i.kind == "killed" and any(
        o.kind == "killed" and not o.fallback for o in items))]
    # "Two people were shot, one fatally": the fatal share of hits is a death, the rest are wounded.
    for m in finditer("fatally"):
        n = _parse(m.group("num"))
        if n and any(i.kind == "hit" and i.start < m.start() for i in items):
            kind = "killed" if m.group("how").lower() == "fatally" else "wounded"
            items.append(Item(kind, n, m.start(), m.end(), False, m.group(0).strip(" ,")))
    return items


def _victims_in(part: str) -> int:
    """People one item of a list of victims names: "three adults" 3, "a child" 1, "16 year old" 1."""
    m = count_regex().match(part)
    c = read_count(m) if m and m.end() < len(part) and part[m.end()].isspace() \
        and not _rx_for(part)["not_people"].match(part[m.end():]) else None
    return c.best if c and c.best > 1 else 1


# one item of a list of named victims: a name, its age before it or its own, a hometown ("of Dover"); "Jr." ends a name
_NAMED_VICTIM = re.compile(r"(?:\d+-year-old\s+)?(?P<name>[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?)*)"
                           r"|(?:age\s+)?\d+|of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*|(?:Jr|Sr)\.?")


def _names_in(names: str) -> int:
    """People a list of names counts: "Ann Lee, 30, and Bo Ray, 41" 2; 0 when a part is not a name, age or hometown."""
    n = 0
    for part in re.split(r"\s*[,;]\s*(?:and\s+)?|\s+and\s+", names.strip()):
        m = _NAMED_VICTIM.fullmatch(part)
        if not m:
            return 0
        n += bool(m.group("name"))
    return n


def _more_victims(sentence: str, end: int) -> tuple[Count | None, int]:
    """Victims listed after one already read, and where the list ends: "killed his wife and four children" (4),
    "killing Jane Doe, 18, and John Roe, 20" (1), "the murders of Jane Doe and her daughter" (1)."""
    rx = _rx_for(sentence)
    more = rx["more_victims"].match(sentence, end)
    c = _parse(more.group("c")) if more else None
    if c and c.best > 1 and _valid_count(sentence, more.start("c"), more.group("c"), "x", link=True):
        return c, more.end()
    more = rx["and_one"].match(sentence, end)
    if more:
        return Count(1, 1, 1, more.group(0)), more.end()
    return None, end


def _has_died(sentence: str, item: Item, items: list[Item]) -> bool:
    """The clause of the people hit goes on to "has died", with no other death reported in between ("shot his
    friend ... now that the victim has died" is another reading of the same death)."""
    m = _HAS_DIED.match(sentence, item.end)
    return bool(m) and not any(o.kind == "killed" and item.end <= o.start < m.end() for o in items)


def _part_of_earlier(sentence: str, item: Item, items: list[Item]) -> bool:
    """A smaller figure of the same kind that details one given earlier in the sentence: "Three others were
    hospitalized — two in critical condition", "five men were wounded ... the man arrested was one of those
    injured"."""
    if item.additive or item.final:
        return False
    # (the last of such details: "seven were hurt -- two in critical condition, one in serious condition and
    # four in good condition")
    detail = re.search(r"[,;:—–]\s*$|\s-\s*$|--\s*$|(?:--|[—–]|,)[^.;]*?\band\s+$", sentence[:item.start]) \
        or re.match(r"\w+\s+of\s+(?:those|them|these|the)\b", item.phrase, re.I)
    return bool(detail) and any(o.kind == item.kind and not o.additive and o.end <= item.start
                                and o.count.best > item.count.best for o in items)


def _one_named_by_the(item: Item) -> bool:
    """The item is one person named by "the" ("the teen", "the victim"; not "the other man": definite_one), not an
    attacker or a suspect, who are others than the victims."""
    return item.count.best == 1 and not item.additive and bool(_rx_for(item.phrase)["definite_one"].match(item.phrase)) \
        and not names_attacker(item.phrase)


def names_attacker(phrase: str) -> bool:
    """The phrase names attackers or suspects ("two gunmen", "the suspect"): others than their victims."""
    return bool(_rx_for(phrase)["attackers"].search(phrase) or _SUSPECT.search(phrase))


def names_some_of_those(item: Item) -> bool:
    """The item's people are some of those told before ("Two of the victims died", "three of them")."""
    return _SOME_OF.match(item.phrase) is not None


def names_one_known(item: Item) -> bool:
    """The item's one person, its subject, is named by "the", as someone the text has introduced already ("police
    said the teen died"); not an object ("after he wounded the officer" may bring in someone new)."""
    return re.match(r"the\s", item.phrase, re.I) is not None and _one_named_by_the(item)


def _same_one(item: Item, items: list[Item]) -> bool:
    """One person named by "the" after one of the same outcome told earlier in the sentence is that person again:
    "Ann Lee died after a man fired into the house, killing the girl", "A man was killed and police said the victim
    died" (but "the suspect", "the gunman" are others)."""
    return _one_named_by_the(item) and any(o.kind == item.kind and o.count.best == 1 and not o.additive
                                           and o.end <= item.start for o in items)


def find_zero(sentence: str) -> set[str]:
    """Kinds the sentence explicitly reports none of: 'no one was killed' -> {'killed'}."""
    out = set()
    for m in _rx_for(sentence)["none"].finditer(sentence):
        text = m.group(0).lower()
        if re.search(r"kill|dead|death|died|fatalit|slain|casualt", text):
            out.add("killed")
        if re.search(r"wound|injur|hurt|casualt", text):
            out.add("wounded")
    return out


_SUSPECT = re.compile(r"\bsuspects?\b", re.I)


def _item(sentence: str, kind: str, count: Count, start: int, end: int) -> Item:
    phrase = sentence[start:end].strip(" ,.;")
    # attackers' deaths are counted on top of the victims' (GTD and GVA both include them)
    rx = _rx_for(sentence)
    # (attackers named only in an "including" list are part of the figure: "18 people, including 12 assailants")
    own = re.split(r",?\s+(?:including|among\s+them|among\s+whom)\b", phrase, maxsplit=1)[0]
    # "more than 20": a hedge, not "20 more"; "MORE VIDEO 1 dead, 3 injured": a page's link label; "two more
    # shots, killing him": more shooting
    window = _MORE_THAN.sub(" ", _MORE_LINK.sub(" ", sentence[max(0, start - 12):end]))
    window = re.sub(r",[^,]{1,80},", ",", window)  # "two victims, one of them also a minor, suffered"
    # (a suspect hurt is one more person too, one killed often the one death, told again as "a man shot by police")
    attackers = bool(rx["attackers"].search(own) or kind != "killed" and _SUSPECT.search(own))
    # "three other adults had also been shot": others continue the figure before, "also" or not
    others = not attackers and bool(rx["additive_after_number"].match(phrase))
    additive = not others and (attackers or bool(rx["additive"].search(window)))
    one_more = not others and not additive and bool(rx["one_more"].search(window))  # "another man was shot"
    claim = bool(_CLAIMED.search(sentence, max(0, start - 60), start) or _CLAIM_BEFORE.search(sentence, 0, start))
    return Item(kind, count, start, end, additive, phrase, other=others or one_more, fallback=claim, claim=claim,
                whole=not additive and bool(_ALL_BEFORE.search(sentence, max(0, start - 8), start)))


def _dedupe(items: list[Item], sentence: str) -> list[Item]:
    """Drop items whose span lies inside or overlaps another reading of the same figure (the longer or earlier wins)."""
    items.sort(key=lambda i: (i.start, -(i.end - i.start)))
    out: list[Item] = []
    for i in items:
        # (a figure in the clause saying who one person was is its own: see _in_who_aside)
        if any(o.kind == i.kind and o.start <= i.start and i.end <= o.end and not _in_who_aside(sentence, o, i)
               for o in out):
            continue
        # overlapping readings of one figure: "The 3-year-old died" and "3-year-old died at"; of the same people:
        # "Man, woman and boy wounded" and "boy wounded in"
        if not i.final and any(o.start <= i.start < o.end and (o.count == i.count or o.kind == i.kind)
                               and not _in_who_aside(sentence, o, i) for o in out):
            continue
        out.append(i)
    return out


def _in_who_aside(sentence: str, outer: Item, inner: Item) -> bool:
    """The inner figure is told in the clause between commas that says who the outer item's one person was: "The
    gunman, who killed five people at the mall, was shot dead" is five dead and the gunman, not one reading."""
    aside = re.search(_WHO_ASIDE, sentence[outer.start:outer.end]) if outer.count.best == 1 else None
    return bool(aside) and inner.count != outer.count and outer.start + aside.start() <= inner.start \
        and inner.end <= outer.start + aside.end()


_CLAUSE_OF_ITS_OWN = re.compile(r"(?:killing|wounding|injuring|leaving|killed|wounded|injured)\b", re.I)


def _inside_part(sentence: str, pos: int) -> bool:
    """Whether pos lies in a part of a total named before it ("including four children", "Among the dead were")."""
    before = sentence[:pos]
    if _CLAUSE_OF_ITS_OWN.match(sentence, pos) and re.search(r"\band\s+$", before):
        return False  # "killing ten people, including two children and injuring ten": the list ends at the verb
    last_part = None
    for m in _rx_for(sentence)["part_of"].finditer(before):
        last_part = m
    return bool(last_part) and not re.search(r"[,;]|\b(?:killed|killing|wounded|injured|dead|died)\b",
                                             before[last_part.end():], re.I)


def _excluded(sentence: str, item: Item) -> bool:
    rx = _rx_for(sentence)
    before = sentence[:item.start]
    # "including four children", "Among the dead were eight children": a part of a total.
    if _inside_part(sentence, item.start):
        return True
    if rx["part_of"].match(sentence[item.start:].lstrip()):
        return True
    if item.kind == "hit" and _SHOT_DOWN.match(sentence, item.end):
        return True  # "a fighter jet is shot down": an aircraft, not a person shot
    if _MAY_HAVE.search(item.phrase):
        return True  # "the woman may have been struck by a stray round": a guess, not a report
    if rx["not_violent_after"].match(sentence, item.end):
        return True  # "died in a highway collision": not violence
    return _cumulative(sentence, item) or bool(rx["past_before"].search(before))


# One event said to have left the figure, before it: "after a shootout left a clerk dead and four people hurt"
_ONE_EVENT = (r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:shooting|gunfight|shootout|stabbing|attack|rampage|bombing|massacre)"
              r"\s+(?:that\s+)?(?:left|leaving|killed|killing|wounded|wounding|injured|injuring)\s+")
# (the figure right after its verb, or after the first figure and "and")
_ONE_EVENT_LEFT = re.compile(_ONE_EVENT + r"(?:[^.;,]{0,60}?\band\s+)?$", re.I)
_ONE_EVENT_START = re.compile(_ONE_EVENT, re.I)
# ... whose year after the figure dates that event, not a year's tally ("... at a mall in Springfield last year")
_ONLY_A_YEAR = re.compile(r"(?:(?:last|this)\s+year|in\s+(?:19|20)\d\d)$", re.I)


def _cumulative(sentence: str, item: Item) -> bool:
    """"at least 220 civilians since 2014": a cumulative figure, not one incident's (but "a shootout left a clerk dead
    and four people hurt ... last year": one event's, dated)."""
    rx = _rx_for(sentence)
    after = rx["aggregate"].search(sentence[item.end:item.end + 60])
    if after and _ONLY_A_YEAR.search(after.group(0)) and (
            _ONE_EVENT_LEFT.search(sentence, 0, item.start) or _ONE_EVENT_START.match(item.phrase)):
        after = None
    phrase = _RELATIVE_IN_PHRASE.sub(lambda m: m.group(0) if _HURT_BEFORE.match(m.group(0)) else " ", item.phrase)
    return bool(after or rx["aggregate"].search(phrase)
                or rx["aggregate_before"].search(sentence[:item.start][-100:]))
