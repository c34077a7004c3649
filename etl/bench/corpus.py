"""Synthetic news corpus for benchmarks and scale tests: N realistic articles, deterministic from a seed.

Each article is ~600-900 words: a headline, a byline in front matter, two to four incident paragraphs
(varied places, dates, hedged figures, perpetrators) and background, quote and statistics paragraphs that
carry numbers which are not casualties. Article i depends only on (seed, i), so a corpus of 10,000 is the
corpus of 1,000 plus 9,000 more, and regenerating it gives the same bytes.

    python -m etl.bench.corpus OUT_DIR N [--seed 7] [--format txt|jsonl]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

# (place, admin1 or None, country): cities the offline gazetteer knows, in countries news of violence covers.
PLACES = [
    ("Mosul", "Nineveh", "Iraq"), ("Baghdad", None, "Iraq"), ("Kirkuk", None, "Iraq"), ("Tikrit", "Salahuddin", "Iraq"),
    ("Fallujah", "Anbar", "Iraq"), ("Ramadi", "Anbar", "Iraq"), ("Baquba", "Diyala", "Iraq"), ("Basra", None, "Iraq"),
    ("Aleppo", None, "Syria"), ("Idlib", None, "Syria"), ("Raqqa", None, "Syria"), ("Deir ez-Zor", None, "Syria"),
    ("Homs", None, "Syria"), ("Daraa", None, "Syria"), ("Kabul", None, "Afghanistan"), ("Kandahar", None, "Afghanistan"),
    ("Jalalabad", "Nangarhar", "Afghanistan"), ("Kunduz", None, "Afghanistan"), ("Herat", None, "Afghanistan"),
    ("Ghazni", None, "Afghanistan"), ("Peshawar", None, "Pakistan"), ("Quetta", "Balochistan", "Pakistan"),
    ("Karachi", None, "Pakistan"), ("Lahore", None, "Pakistan"), ("Maiduguri", "Borno", "Nigeria"),
    ("Kano", None, "Nigeria"), ("Zaria", "Kaduna", "Nigeria"), ("Jos", "Plateau", "Nigeria"),
    ("Mogadishu", None, "Somalia"), ("Kismayo", None, "Somalia"), ("Baidoa", None, "Somalia"),
    ("Aden", None, "Yemen"), ("Taiz", None, "Yemen"), ("Sanaa", None, "Yemen"), ("Hodeidah", None, "Yemen"),
    ("Gao", None, "Mali"), ("Timbuktu", None, "Mali"), ("Mopti", None, "Mali"), ("Ouagadougou", None, "Burkina Faso"),
    ("Djibo", None, "Burkina Faso"), ("Niamey", None, "Niger"), ("Diffa", None, "Niger"), ("Beni", "North Kivu",
    "Democratic Republic of the Congo"), ("Goma", None, "Democratic Republic of the Congo"), ("Bunia", "Ituri",
    "Democratic Republic of the Congo"), ("Srinagar", "Kashmir", "India"), ("Imphal", "Manipur", "India"),
    ("Marawi", None, "Philippines"), ("Cotabato", None, "Philippines"), ("Cali", None, "Colombia"),
    ("Culiacan", "Sinaloa", "Mexico"), ("Tijuana", None, "Mexico"), ("Benghazi", None, "Libya"),
    ("Tripoli", None, "Libya"), ("Arish", "North Sinai", "Egypt"), ("Maputo", None, "Mozambique"),
    ("Pemba", "Cabo Delgado", "Mozambique"), ("Bamenda", None, "Cameroon"), ("Juba", None, "South Sudan"),
    ("El Fasher", "North Darfur", "Sudan"), ("Khartoum", None, "Sudan"), ("Gaza City", None, "Palestine"),
    ("Kharkiv", None, "Ukraine"), ("Donetsk", None, "Ukraine"), ("Myitkyina", "Kachin", "Myanmar"),
]
GROUPS = {
    "Iraq": ["Islamic State", "Daesh"], "Syria": ["Islamic State", "Hayat Tahrir al-Sham"],
    "Afghanistan": ["the Taliban", "Islamic State Khorasan Province"], "Pakistan": ["Tehrik-i-Taliban Pakistan", "Lashkar-e-Jhangvi"],
    "Nigeria": ["Boko Haram", "Islamic State West Africa Province"], "Somalia": ["Al-Shabaab"], "Yemen": ["the Houthis", "al-Qaeda in the Arabian Peninsula"],
    "Mali": ["Jamaat Nusrat al-Islam wal Muslimin"], "Burkina Faso": ["Jamaat Nusrat al-Islam wal Muslimin", "Islamic State in the Greater Sahara"],
    "Niger": ["Boko Haram"], "Democratic Republic of the Congo": ["the Allied Democratic Forces", "M23"],
    "Philippines": ["Abu Sayyaf", "the New People's Army"], "Colombia": ["the ELN"], "Mozambique": ["Islamic State"],
}
EVENTS = [  # (noun, what happened, written before "<target> in <place>")
    ("suicide bombing", "a suicide bomber blew himself up at"), ("car bomb", "a car bomb exploded near"),
    ("air strike", "air strikes hit"), ("shelling", "shells landed on"), ("attack", "gunmen attacked"),
    ("roadside bomb", "a roadside bomb exploded near"), ("shooting", "gunmen opened fire on"),
    ("clash", "fighting broke out near"), ("ambush", "militants ambushed a patrol near"),
    ("raid", "attackers raided"),
]
TARGETS = ["a crowded market", "a checkpoint", "a mosque", "a police station", "a bus station", "a wedding party",
           "an army base", "a school", "a camp for displaced people", "a busy street", "a funeral", "a hotel"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "fifteen", "twenty"]
VICTIMS = ["people", "civilians", "soldiers", "police officers", "villagers", "worshippers", "fighters", "children"]
REPORTERS = ["officials said", "police said", "a local official told reporters", "hospital sources said",
             "a security source said", "the health ministry said", "witnesses said", "according to a monitor",
             "the Syrian Observatory for Human Rights said", "a military spokesman said"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PUBLISHERS = ["AFP", "Reuters", "Associated Press", "Al Jazeera", "BBC News", "The Guardian", "Anadolu Agency",
              "Xinhua", "Dawn", "Premium Times", "Garowe Online", "Kurdistan24", "The National", "France 24"]
SURNAMES = ["Ahmed", "Hassan", "Okafor", "Rahimi", "Khan", "Mohamed", "Ibrahim", "Traore", "Diallo", "Santos",
            "Haddad", "Yusuf", "Karimi", "Bello", "Mensah", "Nasser", "Qureshi", "Omar", "Kamara", "Reyes"]
ROLES = ["a provincial governor", "an army spokesman", "a district chief", "a police commander", "a resident",
         "a doctor at the main hospital", "an aid worker", "a local elder", "a senior security official"]
# Background paragraphs: politics, economy, history. Numbers here are years, money, percentages, distances
# and cumulative tolls, which an extractor must not read as one incident's casualties.
NOISE = [
    "The {country} government has struggled for years to restore order in the region, where {group} has exploited "
    "local grievances over land, jobs and public services. Analysts say the group still has several hundred fighters "
    "spread across remote areas, many of them recruited from villages that have seen little investment since {year}.",
    "Parliament is due to vote next month on a budget of about {money} billion dollars, of which {pct} percent is set "
    "aside for security. Opposition lawmakers have criticised the plan, saying it ignores schools and hospitals in "
    "the provinces worst affected by the conflict and does little to create jobs for young people.",
    "Aid agencies say more than {big} people have been displaced by the violence since {year}, and that many families "
    "now live in makeshift camps with limited access to clean water. The United Nations appealed this year for "
    "{money} million dollars in humanitarian assistance but has received less than half of that amount.",
    "The conflict has claimed thousands of lives over the past decade, according to estimates by rights groups, "
    "although independent verification is difficult because journalists have limited access to many of the areas "
    "concerned. Monitoring groups regularly revise their figures as new information becomes available.",
    "Talks between the government and community leaders resumed in {city2} last week after a pause of {small} "
    "months. Diplomats from neighbouring countries attended the opening session, and mediators said they hoped a "
    "ceasefire covering the {region} region could be agreed before the start of the rainy season.",
    "The road linking {city} to {city2}, about {km} kilometres long, has been closed to civilian traffic on several "
    "occasions this year. Traders say the closures have pushed up the price of flour and fuel by as much as {pct} "
    "percent, and that lorries now wait for days at checkpoints before they can continue.",
    "\"We are tired of living in fear,\" said {name}, {role}, who fled with his family in {year}. \"Every week we hear "
    "about another attack, and nobody tells us when it will end. Our children have not been to school for months.\"",
    "The president visited {city} in {month} and promised to send additional troops and to rebuild the main hospital, "
    "which was damaged during fighting in {year}. Residents say that work on the hospital has yet to begin and that "
    "the number of doctors in the city has fallen from {small2} to a handful.",
    "Security forces said they had arrested {small} suspects in connection with recent attacks and seized weapons, "
    "ammunition and explosives during raids on houses on the outskirts of {city}. Those detained are expected to "
    "appear before a military court in the coming weeks, officials added.",
    "Elections are scheduled for {year2}, and the electoral commission has warned that voting may not be possible in "
    "some districts if the security situation does not improve. About {pct} percent of polling stations in the "
    "{region} region could not open during the last vote, according to observers.",
    "The economy grew by {small}.{small} percent last year, the central bank said, but inflation remains high and the "
    "currency has lost nearly a third of its value against the dollar. Unemployment among young people is estimated "
    "at more than {pct} percent in the provinces most affected by the unrest.",
    "Rights groups have accused both the security forces and armed groups of abuses against civilians, including "
    "arbitrary detentions and the destruction of homes. The government has denied the allegations and said it would "
    "investigate any specific complaints brought to its attention.",
]
INCIDENT = [
    "{hedge} {n} {victims} were killed {when} when {verb} {target} in {place_phrase}, {reporter}. {wounded_sentence}",
    "{verb_cap} {target} in {place_phrase} {when}, killing {hedge_l} {n} {victims} and wounding {w}, {reporter}.",
    "{hedge} {n} {victims} died and {w} others were wounded {when} in a {event} in {place_phrase}, {reporter}.",
    "In {place_phrase}, {hedge_l} {n} {victims} were killed {when} in a {event} that also left {w} people injured, "
    "{reporter}.",
    "A {event} {when} in {place_phrase} killed {hedge_l} {n} {victims}, {reporter}. {wounded_sentence}",
]
CLAIMS = [
    "{group} claimed responsibility for the attack in a statement posted online.",
    "No group immediately claimed responsibility, but officials blamed {group}.",
    "Suspicion fell on {group}, which has carried out similar attacks in the area.",
    "There was no immediate claim of responsibility.",
    "The attack bore the hallmarks of {group}, a security analyst said.",
]
FOLLOW = [
    "The wounded were taken to hospitals in the city, and some were said to be in critical condition.",
    "Security forces sealed off the area and launched a search for the attackers.",
    "Photographs shared on social media showed burned-out vehicles and damaged shops.",
    "Local officials warned that the toll could rise as rescuers searched the rubble.",
    "Residents said they heard a loud explosion followed by gunfire that lasted for about an hour.",
]
SEPARATE = ["In a separate attack,", "Elsewhere,", "Separately,", "In other violence,", "Meanwhile,"]
REGIONS = ["northern", "southern", "eastern", "western", "central", "border"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
FIRST_DAY = dt.date(2012, 1, 1)
SHARED_SHARE = 0.3    # share of incident paragraphs about an incident other articles of the week also report
SHARED_PER_WEEK = 6   # such incidents per week
DAYS = 13 * 365  # publication dates spread over 2012-2024, as an archive of a decade of news would be


def article(seed: int, i: int) -> dict:
    """Article i of the corpus with this seed: {id, title, publication_date, source, text}."""
    r = random.Random(f"{seed}:{i}")
    published = FIRST_DAY + dt.timedelta(days=r.randrange(DAYS))
    home = r.choice(PLACES)
    paragraphs: list[str] = []
    n_incidents = r.choice((2, 2, 3, 3, 3, 4))
    title = None
    for k in range(n_incidents):
        shared = _shared_event(seed, published, r) if r.random() < SHARED_SHARE else None
        place = shared[0] if shared else home if k == 0 or r.random() < 0.3 else r.choice(PLACES)
        text, headline = _incident(r, place, published, separate=k > 0, shared=shared)
        title = title or headline
        paragraphs.append(text)
    noise = [_fill(r, t, home) for t in r.sample(NOISE, k=len(NOISE))]
    words = sum(len(p.split()) for p in paragraphs)
    target = r.randrange(600, 900)
    for p in noise:  # background paragraphs between and after the incidents, up to the target length
        if words >= target:
            break
        paragraphs.insert(r.randrange(1, len(paragraphs) + 1), p)
        words += len(p.split())
    return {
        "id": f"synthetic-{seed}-{i:07d}",
        "title": title,
        "publication_date": published.isoformat(),
        "source": r.choice(PUBLISHERS),
        "text": "\n\n".join(paragraphs),
    }


def _shared_event(seed: int, published: dt.date, r: random.Random) -> tuple:
    """One of the few incidents of the publication's week that several outlets report: same place, day and
    event, figures that may rise from one report to the next (what resolve merges across articles)."""
    monday = published - dt.timedelta(days=published.weekday())
    e = random.Random(f"{seed}:event:{monday.isoformat()}:{r.randrange(SHARED_PER_WEEK)}")
    place, event, n = e.choice(PLACES), e.choice(EVENTS), e.randrange(3, 40)
    return place, event, n + (r.randrange(0, 4) if r.random() < 0.4 else 0), monday


def _incident(r: random.Random, place: tuple, published: dt.date, separate: bool,
              shared: tuple | None = None) -> tuple[str, str]:
    city, admin1, country = place
    event, verb = shared[1] if shared else r.choice(EVENTS)
    n = shared[2] if shared else r.choice([r.randrange(2, 60), r.randrange(2, 15), r.choice(NUMBER_WORDS)])
    w = r.choice([str(r.randrange(1, 80)), r.choice(NUMBER_WORDS)])
    hedge = r.choice(["At least", "At least", "More than", "Nearly", "Up to", "Some", "About", ""])
    day = shared[3] if shared else published - dt.timedelta(days=r.randrange(0, 6))
    when = r.choice([
        f"on {WEEKDAYS[day.weekday()]}", f"late on {WEEKDAYS[day.weekday()]}", f"on {MONTHS[day.month - 1]} {day.day}",
        "on Sunday night" if day.weekday() == 6 else f"early on {WEEKDAYS[day.weekday()]}",
        "overnight", f"on {WEEKDAYS[day.weekday()]} morning"])
    place_phrase = r.choice([f"the city of {city}", city, f"{city}, {country}", f"a village near {city}",
                             f"the {r.choice(REGIONS)} town of {city}"] + ([f"{city} in {admin1} province"] if admin1 else []))
    group = r.choice(GROUPS.get(country, ["unidentified gunmen"]))
    fields = dict(hedge=hedge, hedge_l=hedge.lower() or "", n=n, victims=r.choice(VICTIMS), when=when, verb=verb,
                  verb_cap=verb[0].upper() + verb[1:], target=r.choice(TARGETS), place_phrase=place_phrase,
                  reporter=r.choice(REPORTERS), w=w, event=event,
                  wounded_sentence=f"{r.choice(['Another', 'At least', 'Some'])} {w} people were wounded.")
    sentence = r.choice(INCIDENT).format(**fields).replace("  ", " ").strip()
    sentence = sentence[0].upper() + sentence[1:]
    if separate:
        sentence = f"{r.choice(SEPARATE)} {sentence[0].lower()}{sentence[1:]}"
    claim = r.choice(CLAIMS).format(group=group)
    parts = [sentence, claim[0].upper() + claim[1:], r.choice(FOLLOW)]
    headline = f"{str(n).capitalize()} killed in {event} in {city}"
    return " ".join(parts), headline


def _fill(r: random.Random, template: str, home: tuple) -> str:
    other = r.choice(PLACES)
    return template.format(
        country=home[2], group=r.choice(GROUPS.get(home[2], ["armed groups"])), year=r.randrange(2003, 2020),
        year2=r.randrange(2025, 2030), money=r.randrange(2, 90), pct=r.randrange(5, 70), big=f"{r.randrange(20, 900)},000",
        city=home[0], city2=other[0], small=r.randrange(2, 9), small2=r.randrange(40, 300), km=r.randrange(40, 400),
        region=r.choice(REGIONS), name=f"{r.choice(['Ali', 'Fatima', 'John', 'Amina', 'Musa', 'Leila'])} {r.choice(SURNAMES)}",
        role=r.choice(ROLES), month=r.choice(MONTHS))


def as_text(a: dict) -> str:
    """The article as a text file with YAML front matter, the form `etl/ingest` reads."""
    return (f"---\ntitle: {json.dumps(a['title'])}\npublication_date: {a['publication_date']}\n"
            f"source: {json.dumps(a['source'])}\n---\n{a['title']}\n\n{a['text']}\n")


def write(out: Path | str, n: int, seed: int = 7, fmt: str = "txt", start: int = 0) -> list[Path]:
    """Write articles start..n-1 under `out`: one .txt per article in folders of 1,000, or one corpus.jsonl."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        path = out / "corpus.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for i in range(start, n):
                f.write(json.dumps(article(seed, i), ensure_ascii=False) + "\n")
        return [path]
    paths = []
    for i in range(start, n):
        path = out / f"{i // 1000:04d}" / f"article-{i:07d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(as_text(article(seed, i)), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m etl.bench.corpus", description=__doc__.splitlines()[0])
    p.add_argument("out")
    p.add_argument("n", type=int)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    args = p.parse_args(argv)
    written = write(args.out, args.n, args.seed, args.format)
    print(f"wrote {args.n} articles to {args.out} ({len(written)} files)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
