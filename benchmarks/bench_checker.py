"""Benchmark the outgoing-message checker against scrubadub on a labelled set of realistic texts.

    .venv/bin/python benchmarks/bench_checker.py [--quick] [--show-misses] [--strict]

Prints, side by side for our checker (bot.checks.Checker) and scrubadub 2 (Scrubber, locale en_GB,
with its date-of-birth detector added):

* throughput in messages per second, both on the same texts, in the same run, pinned to one core;
* precision and recall on the benchmark's own labelled set, on the kinds scrubadub can detect
  (phone, email address, postcode/address, date of birth, credentials) and over all kinds;
* the wall time of starting the CLI in a fresh interpreter and checking one short text.

Matching. A label is a leak's kind and span. A label is recalled when some prediction's span
overlaps it; a prediction is correct when its span overlaps some label. In the per-kind rows the
kinds must agree too (scrubadub's kinds mapped to ours; see SCRUBADUB_KINDS), and only labels and
predictions of that kind count. In the "overall" row any kind matches any kind, and every
prediction counts: a URL or a "credit card" flagged in a harmless post is a false alarm, which is
exactly the crying wolf the issue warns about.

The labelled set is built below, from hand-written texts and from templates filled at random with a
fixed seed, so every run measures the same texts.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from bot.checks import CheckContext, Checker, RosterIndex, parse_roster_csv  # noqa: E402

# ---------------------------------------------------------------------------------------------
# The labelled set
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    kind: str
    start: int
    end: int


@dataclass
class Sample:
    text: str
    labels: list[Label] = field(default_factory=list)
    source: str = ""


def sample(text: str, *leaks: tuple[str, str], source: str = "hand") -> Sample:
    """A text and its leaks, each given as (kind, exact substring); the n-th repeat as 'snippet#n'."""
    labels = []
    for kind, snippet in leaks:
        occurrence = 0
        if "#" in snippet and snippet.rsplit("#", 1)[1].isdigit():
            snippet, n = snippet.rsplit("#", 1)
            occurrence = int(n)
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(snippet, start + 1)
        labels.append(Label(kind, start, start + len(snippet)))
    return Sample(text, labels, source)


ROSTER_CSV = """first_name,last_name,school,photo_consent
Amy,Smith,Ribston Hall High School,yes
Tom,Jones,Chosen Hill School,no
Priya,Patel,Pate's Grammar School,yes
Kai,Williams,Severn Vale School,yes
Maya,Brown,Denmark Road High School,no
Leo,Taylor,Balcarras School,yes
Isla,Evans,The Crypt School,yes
Noah,Thomas,Cleeve School,yes
Ruby,Roberts,Churchdown School Academy,yes
Finn,Walker,,yes
Ella,Hughes,,yes
Ella,Grant,,no
Zoë,Brontë,Sir Thomas Rich's School,yes
Mary-Jane,O'Neil,,yes
"""

CONSENTING = [("Amy", "Smith"), ("Priya", "Patel"), ("Kai", "Williams"), ("Leo", "Taylor"),
              ("Isla", "Evans"), ("Noah", "Thomas"), ("Ruby", "Roberts"), ("Finn", "Walker")]
OPTED_OUT = [("Tom", "Jones"), ("Maya", "Brown")]
FIRST_NAMES_FINE = ["Amy", "Priya", "Kai", "Leo", "Isla", "Noah", "Ruby", "Finn", "Ella", "Sam", "Jess", "Olly"]
SCHOOLS = ["Ribston Hall High School", "Chosen Hill School", "Pate's Grammar", "Severn Vale School",
           "Denmark Road High School", "Balcarras School", "The Crypt School", "Cleeve School"]
VENUES = ["the Guildhall", "Gloucester Cathedral", "the Roses Theatre", "Stroud Subscription Rooms",
          "Cheltenham Town Hall", "the Music Works studio", "Kings Square"]
PHONES = ["07700 900123", "07700 900 456", "+44 7700 900789", "(01452) 123456", "01242 987654",
          "07912-345-678", "0044 7700 900321", "+1 415 555 0100", "020 7946 0018"]
EMAILS = ["jo.bloggs@gmail.com", "amys.mum@hotmail.co.uk", "kai.w2009@yahoo.com", "dad.evans@outlook.com",
          "priya.p@icloud.com", "the.hughes.family@btinternet.com"]
STREETS = ["12 Station Road", "4 High St", "27b Beech Grove", "9 Kingsholm Rd", "31 Church Lane",
           "5 St Mark's Close", "118 London Road"]
POSTCODES = ["GL1 1AA", "GL2 8AA", "GL50 3PR", "GL5 1AB", "GL20 5NX", "gl3 4ht"]
TIMES = ["10:30", "7.30pm", "6pm", "19:45", "2-4pm", "11am"]
PRICES = ["£5", "£12.50", "£3 on the door", "free", "£8 (£6 concessions)"]
EVENT_DATES = ["3 March 2026", "Saturday 14th March", "12/03/2026", "Friday 20 Feb", "next Tuesday"]
SECRETS = ["hunter2", "Tr0ub4dor&3", "Summer2026!", "Gu1tar-Hero", "P@ssw0rd1", "BlueMonkey77"]
CONDITIONS = ["epilepsy", "ADHD", "autism", "asthma", "diabetes", "anxiety", "dyslexia"]


def hand_written() -> list[Sample]:
    return [
        # --- benign social posts, captions and chat ---
        sample("What a night! Huge thanks to everyone who came to the Guildhall for our winter showcase \U0001f3b8\U0001f3b6"),
        sample("Rehearsal moved to 10:30 on Saturday in Room 4. Bring water and a packed lunch!"),
        sample("Tickets for the spring concert are £5 (under-18s £3). Doors 7.30pm, starts 8pm."),
        sample("Amy and Kai absolutely nailed their duet tonight. So proud of you both!"),
        sample("Caption: Priya on keys, Leo on bass, Isla on vocals. #YouthMusic"),
        sample("Your booking reference is TMW-2026-0042. Please bring it on the day."),
        sample("Order #123456 for 3 t-shirts has shipped, should arrive by Friday 20 Feb."),
        sample("The 94 bus from Gloucester stops right outside, or it's a 10 minute walk from the station."),
        sample("Registered charity number 1106979. Registered office: Box Hedge Cottage, Horsley, GL6 0PP."),
        sample("Questions? Email info@themusicworks.org.uk or call us on 01452 300400."),
        sample("Mental health awareness week: we'll have a chill-out room at every session."),
        sample("Healthy snacks and squash provided. Let us know about any allergies when you book."),
        sample("Our sessions are autism-friendly and we have ear defenders to borrow."),
        sample("Workshop at Chosen Hill School on Friday, 2-4pm, in the main hall."),
        sample("Thanks to Pate's Grammar for lending us their hall for the weekend."),
        sample("In 2026 we ran 14 projects with 320 young people across Gloucestershire."),
        sample("See the photos at https://www.themusicworks.org.uk/gallery/2026-03-03 \U0001f4f8"),
        sample("<@U024BE7LH> can you post the set list in <#C0123ABC|social-drafts>? Ta!"),
        sample("All staff laptops are password protected; please change your password regularly."),
        sample("Happy birthday Finn! \U0001f382 Hope you have a brilliant day."),
        sample("Summer School runs 28 July to 1 August, 10am-3pm, £40 for the week."),
        sample("Room 101 is booked from 18:00-21:00, we're in Room 12 after that."),
        sample("Score from the band battle: 3-2 to the Tuesday group \U0001f389"),
        sample("Follow us @themusicworks on Instagram for behind-the-scenes clips."),
        sample("Next session: 03/03/2026 at 10:30, Kings Square stage."),
        sample("Live at the Roses Theatre, Sun Street, Tewkesbury GL20 5NX on 14th March!"),
        sample("We welcome young people with ADHD, autism and anxiety: tell us what helps."),
        sample("Please fill in the consent form before the photographer arrives at 11am."),
        sample("Top 10 tips for your first gig: 1. Tune up. 2. Breathe. 3. Smile!"),
        sample("To all parents: pick-up is 4pm sharp, thank you \U0001f64f"),
        sample("The password is on the whiteboard in the studio office."),
        sample("Busking on Kings Square Saturday 11am, bring a coat!"),
        sample("Привет! 歡迎 — everyone is welcome at Open Mic night, 7pm, £2."),
        sample("Studio B booking confirmed for 2 x 3hr slots, invoice ref 0123456789 to follow."),
        # --- leaks ---
        sample("Well done Amy Smith on your first solo! \U0001f31f", ("full_name", "Amy Smith")),
        sample("Congrats to TOM JONES for passing Grade 5 drums", ("photo_consent", "TOM JONES")),
        sample("Great photo of Maya on stage tonight", ("photo_consent", "Maya")),
        sample("Call Jo on 07700 900123 if you're running late", ("phone", "07700 900123")),
        sample("Kai's mum said text her on +44 7700 900 456 about pick-up", ("phone", "+44 7700 900 456")),
        sample("Email amys.mum@hotmail.co.uk with the photos please", ("email_address", "amys.mum@hotmail.co.uk")),
        sample("Leo lives at 12 Station Road, Stroud GL5 1AB so he can walk",
               ("postal_address", "12 Station Road"), ("postal_address", "GL5 1AB")),
        sample("Drop the guitar round to Flat 3, 4 High St please", ("postal_address", "Flat 3, 4 High St")),
        sample("Priya was born on 3 March 2012 so she can join the under-14s", ("date_of_birth", "3 March 2012")),
        sample("Her birthday is 5th May, she turns 14!", ("date_of_birth", "5th May")),
        sample("DOB: 03/03/2011, emergency contact on file", ("date_of_birth", "03/03/2011")),
        sample("Jake from Ribston Hall High School smashed the drum solo", ("school", "Ribston Hall High School")),
        sample("she goes to Pate's Grammar and plays cello", ("school", "Pate's Grammar")),
        sample("Year 9 at Chosen Hill School, loves metal", ("school", "Chosen Hill School")),
        sample("Noah has epilepsy so no strobe lighting please", ("health", "epilepsy")),
        sample("Tom (ADHD) needs a quiet corner and short breaks", ("photo_consent", "Tom"), ("health", "ADHD")),
        sample("Remember his autism when you plan the room layout", ("health", "autism")),
        sample("The Facebook password is Tr0ub4dor&3, don't share it", ("secret", "Tr0ub4dor&3")),
        sample("the login is admin / P@ssw0rd1", ("secret", "P@ssw0rd1")),
        sample("bot token: xoxb-2048-4096-AbCdEfGhIjKlMnOpQrStUvWx", ("secret", "xoxb-2048-4096-AbCdEfGhIjKlMnOpQrStUvWx")),
        sample("username: studio password: Gu1tar-Hero", ("secret", "Gu1tar-Hero")),
        sample("email <mailto:kai.w2009@yahoo.com|kai.w2009@yahoo.com> for the chords", ("email_address", "kai.w2009@yahoo.com")),
        sample("ring <tel:+447700900789|07700 900789> for lifts", ("phone", "+447700900789")),
        sample("To: dad.evans@outlook.com, priya.p@icloud.com, the.hughes.family@btinternet.com\n"
               "Subject: Concert lifts\n\nHi all, can anyone offer a lift on Saturday?",
               ("bcc", "To: dad.evans@outlook.com, priya.p@icloud.com, the.hughes.family@btinternet.com")),
        sample("To: info@themusicworks.org.uk\nBcc: dad.evans@outlook.com, priya.p@icloud.com\n"
               "Subject: Concert lifts\n\nHi all, lifts are sorted, see you at 6pm."),
        sample("From: info@themusicworks.org.uk\nTo: jo.bloggs@gmail.com\nSubject: Your place\n\n"
               "Hi Jo, your place is confirmed for 10:30 on Saturday."),
        sample("Amy Smith's mum (07700 900 456) says Amy has asthma and carries an inhaler",
               ("full_name", "Amy Smith"), ("phone", "07700 900 456"), ("health", "asthma"), ("health", "inhaler")),
        # Hard cases. Harmless texts we expect to flag: a famous namesake of a participant, a bus
        # stop named after its street.
        sample("Tom Jones covers night at the pub on Friday (the singer, not our Tom!)"),
        sample("Take bus 94 to the 12 Station Road stop, then walk"),
        sample("Zoom meeting ID 845 1234 5678, passcode: 482913", ("secret", "482913")),
        # Leaks we expect to miss: obfuscated and partial details.
        sample("email jo dot bloggs at gmail dot com", ("email_address", "jo dot bloggs at gmail dot com")),
        sample("Her number is 7700 900123, no zero", ("phone", "7700 900123")),
        sample("she lives just off Station Road near the Co-op in Hucclecote", ("postal_address", "Station Road")),
    ]


def templated(rng: random.Random, count: int) -> list[Sample]:
    """Realistic messages built from templates, half benign and half with one or two leaks."""

    def benign() -> Sample:
        first, second = rng.sample(FIRST_NAMES_FINE, 2)
        choices = [
            f"Great session today! {first} and {second} wrote a whole song in {rng.choice(['2 hours', '45 minutes', 'one afternoon'])} \U0001f3b5",
            f"Reminder: rehearsal {rng.choice(EVENT_DATES)} at {rng.choice(TIMES)}, {rng.choice(VENUES)}. Tickets {rng.choice(PRICES)}.",
            f"Photo caption: {first} on guitar at {rng.choice(VENUES)}, {rng.choice(EVENT_DATES)}.",
            f"Can someone cover the {rng.choice(TIMES)} slot in Room {rng.randint(1, 120)}? {first} is off sick.",
            f"Bus {rng.randint(1, 99)} leaves at {rng.choice(TIMES)}; ticket ref TMW-{rng.randint(2024, 2027)}-{rng.randint(1, 9999):04d}.",
            f"Huge thanks to {first} for organising the {rng.choice(['raffle', 'bake sale', 'open mic'])}, we raised £{rng.randint(50, 900)}!",
            f"Gig at {rng.choice(VENUES)} on {rng.choice(EVENT_DATES)}. Call us on 01452 300400 or email info@themusicworks.org.uk.",
            f"{first} asked if the studio password can be changed, it's been a while. Can someone sort it?",
            f"Setlist for {rng.choice(EVENT_DATES)}: 1. Warm-up 2. {first}'s song 3. Finale. Doors {rng.choice(TIMES)}.",
            f"Order #{rng.randint(100000, 999999)} for the new mics arrived, {rng.choice(PRICES)} postage.",
            f"<@U0{rng.randint(1000000, 9999999)}> can you check {first}'s consent form before {rng.choice(TIMES)}?",
            f"We're running a workshop at {rng.choice(SCHOOLS)} on {rng.choice(EVENT_DATES)} for Year {rng.randint(7, 11)}.",
        ]
        return sample(rng.choice(choices), source="template")

    def leaky() -> Sample:
        first, last = rng.choice(CONSENTING)
        opted_first, opted_last = rng.choice(OPTED_OUT)
        phone, email, street = rng.choice(PHONES), rng.choice(EMAILS), rng.choice(STREETS)
        postcode, school, secret = rng.choice(POSTCODES), rng.choice(SCHOOLS), rng.choice(SECRETS)
        condition, venue, when = rng.choice(CONDITIONS), rng.choice(VENUES), rng.choice(TIMES)
        born = f"{rng.randint(1, 28)} {rng.choice(['March', 'May', 'October'])} {rng.randint(2008, 2014)}"
        choices = [
            lambda: sample(f"Well done {first} {last} on your first gig at {venue}! \U0001f3a4", ("full_name", f"{first} {last}")),
            lambda: sample(f"Amazing set from {opted_first} {opted_last} tonight", ("photo_consent", f"{opted_first} {opted_last}")),
            lambda: sample(f"If you can't make {when}, text {first}'s dad on {phone}", ("phone", phone)),
            lambda: sample(f"Send the recording to {email} please, thanks!", ("email_address", email)),
            lambda: sample(f"Pick-up for {first} is from {street}, {postcode} at {when}",
                           ("postal_address", street), ("postal_address", postcode)),
            lambda: sample(f"{first} goes to {school} and is in Year {rng.randint(7, 11)}", ("school", school)),
            lambda: sample(f"Heads up: {first} has {condition}, please keep an eye out", ("health", condition)),
            lambda: sample(f"New wifi password for the studio is {secret}", ("secret", secret)),
            lambda: sample(f"pw: {secret} (for the Instagram account)", ("secret", secret)),
            lambda: sample(f"{first} {last} was born on {born}", ("full_name", f"{first} {last}"), ("date_of_birth", born)),
            lambda: sample(f"To: {EMAILS[0]}, {EMAILS[1]}\nCc: {EMAILS[2]}\nSubject: {venue} on {rng.choice(EVENT_DATES)}\n\n"
                           f"Hi all, please arrive by {when}. Thanks, Jo",
                           ("bcc", f"To: {EMAILS[0]}, {EMAILS[1]}\nCc: {EMAILS[2]}")),
            lambda: sample(f"Caption: {first} {last.upper()} and {rng.choice(FIRST_NAMES_FINE)} on stage at {venue}",
                           ("full_name", f"{first} {last.upper()}")),
        ]
        return rng.choice(choices)()

    made = [benign() if i % 2 == 0 else leaky() for i in range(count)]
    for item in made:
        item.source = "template"
    return made


def build_labelled_set(seed: int = 7, templated_count: int = 440) -> list[Sample]:
    return hand_written() + templated(random.Random(seed), templated_count)


# ---------------------------------------------------------------------------------------------
# The two tools
# ---------------------------------------------------------------------------------------------

Prediction = tuple[str, int, int]  # (kind, start, end)

# scrubadub's filth types, in our kinds. Types with no counterpart (url, twitter, credit_card,
# vehicle_licence_plate ...) keep their own names: they still count as predictions overall.
SCRUBADUB_KINDS = {
    "phone": "phone",
    "email": "email_address",
    "postalcode": "postal_address",
    "address": "postal_address",
    "date_of_birth": "date_of_birth",
    "credential": "secret",
    "name": "full_name",
}
COMPARABLE_KINDS = ("phone", "email_address", "postal_address", "date_of_birth", "secret")


def make_context() -> CheckContext:
    key = secrets.token_bytes(32)
    return CheckContext(
        org_email_domains=["themusicworks.org.uk"],
        org_phone_numbers=["01452 300400"],
        org_addresses=["Box Hedge Cottage, Horsley, GL6 0PP"],
        roster=RosterIndex.from_rows(key, parse_roster_csv(ROSTER_CSV)),
    )


def make_scrubber():
    import scrubadub
    from scrubadub.detectors import DateOfBirthDetector

    scrubber = scrubadub.Scrubber(locale="en_GB")  # en_GB brings its UK postcode detector
    scrubber.add_detector(DateOfBirthDetector(locale="en_GB"))
    return scrubber


def our_predictions(checker: Checker, text: str) -> list[Prediction]:
    return [(str(f.kind), f.start, f.end) for f in checker.check(text).findings]


def scrubadub_predictions(scrubber, text: str) -> list[Prediction]:
    found = []
    for filth in scrubber.iter_filth(text):
        # Merged overlapping filth carries its parts; score the parts so kinds stay meaningful.
        for part in getattr(filth, "filths", None) or [filth]:
            found.append((SCRUBADUB_KINDS.get(part.type, part.type), part.beg, part.end))
    return found


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


@dataclass
class Score:
    true_labels: int = 0
    labels: int = 0
    correct_predictions: int = 0
    predictions: int = 0

    @property
    def recall(self) -> float:
        return self.true_labels / self.labels if self.labels else float("nan")

    @property
    def precision(self) -> float:
        return self.correct_predictions / self.predictions if self.predictions else float("nan")


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score(samples: list[Sample], predictions: list[list[Prediction]], kinds: Iterable[str] | None) -> Score:
    """kinds=None: overall, any kind matches any kind. Otherwise only those kinds, and kinds must agree."""
    wanted = None if kinds is None else set(kinds)
    result = Score()
    for item, predicted in zip(samples, predictions, strict=True):
        labels = [label for label in item.labels if wanted is None or label.kind in wanted]
        guesses = [p for p in predicted if wanted is None or p[0] in wanted]

        def agree(label: Label, guess: Prediction) -> bool:
            same_kind = wanted is None or label.kind == guess[0]
            return same_kind and _overlaps(label.start, label.end, guess[1], guess[2])

        result.labels += len(labels)
        result.true_labels += sum(any(agree(label, guess) for guess in guesses) for label in labels)
        result.predictions += len(guesses)
        result.correct_predictions += sum(any(agree(label, guess) for label in labels) for guess in guesses)
    return result


# ---------------------------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------------------------


def pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to CPU {core}"
    return "not pinned (no sched_setaffinity on this platform)"


def messages_per_second(run_one: Callable[[str], object], texts: list[str], min_seconds: float) -> float:
    for text in texts[:20]:  # warm caches and lazy imports before the clock starts
        run_one(text)
    done = 0
    started = time.perf_counter()
    while True:
        for text in texts:
            run_one(text)
        done += len(texts)
        elapsed = time.perf_counter() - started
        if elapsed >= min_seconds:
            return done / elapsed


def cli_startup_seconds(runs: int) -> tuple[float, float, float]:
    """Wall time of a fresh interpreter importing the CLI and checking one short text (min, median)."""
    script = (
        "import sys\n"
        "from bot.checks.cli import run\n"
        "from bot.checks import CheckContext\n"
        "sys.exit(run(['--json'], sys.stdin, sys.stdout, sys.stderr, lambda use_roster: CheckContext()))\n"
    )
    text = "Call Jo on 07700 900123 about Saturday at 10:30\n"
    walls, bare = [], []
    for _ in range(runs):
        started = time.perf_counter()
        completed = subprocess.run([sys.executable, "-c", script], input=text, capture_output=True, text=True, cwd=PROJECT_ROOT)
        walls.append(time.perf_counter() - started)
        if completed.returncode != 1:
            raise RuntimeError(f"the CLI did not report the phone number: {completed.returncode} {completed.stderr}")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - started)
    return min(walls), statistics.median(walls), statistics.median(bare)


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------


def _pct(value: float) -> str:
    return "  n/a" if value != value else f"{value * 100:5.1f}%"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="shorter timings, for a smoke test")
    parser.add_argument("--show-misses", action="store_true", help="print our missed labels and false alarms")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    min_seconds = 0.5 if args.quick else 3.0

    pinned = pin_to_one_core()
    samples = build_labelled_set()
    texts = [s.text for s in samples]
    leaks = sum(len(s.labels) for s in samples)
    clean = sum(1 for s in samples if not s.labels)
    emails = sum(1 for s in samples if s.text.lstrip().lower().startswith(("to:", "from:")))
    hand = sum(1 for s in samples if s.source == "hand")
    print(f"Labelled set: {len(samples)} texts ({hand} hand-written, {len(samples) - hand} from templates; "
          f"{clean} benign, {len(samples) - clean} with leaks, {emails} email drafts), {leaks} labelled leaks, "
          f"mean {statistics.mean(len(t) for t in texts):.0f} characters. Timing {pinned}.")

    checker = Checker(make_context())
    started = time.perf_counter()
    scrubber = make_scrubber()
    scrubadub_setup = time.perf_counter() - started

    ours = [our_predictions(checker, t) for t in texts]
    theirs = [scrubadub_predictions(scrubber, t) for t in texts]

    our_rate = messages_per_second(checker.check, texts, min_seconds)
    their_rate = messages_per_second(scrubber.clean, texts, min_seconds)

    rows = [("overall (all kinds)", None), ("kinds scrubadub detects", COMPARABLE_KINDS)]
    rows += [(f"  {kind}", (kind,)) for kind in COMPARABLE_KINDS]
    overall_ours, overall_theirs = score(samples, ours, None), score(samples, theirs, None)
    comparable_ours, comparable_theirs = score(samples, ours, COMPARABLE_KINDS), score(samples, theirs, COMPARABLE_KINDS)
    print()
    print(f"{'':28} {'tmw-bot checker':>30} {'scrubadub 2.0':>30}")
    print(f"{'messages per second':28} {our_rate:>30,.0f} {their_rate:>30,.0f}")
    print(f"{'speed-up':28} {our_rate / their_rate:>29.1f}x {'1.0x':>30}")
    print()
    print(f"{'':28} {'precision':>10} {'recall':>8} {'labels':>10} {'precision':>10} {'recall':>8} {'labels':>10}")
    for title, kinds in rows:
        a, b = score(samples, ours, kinds), score(samples, theirs, kinds)
        print(f"{title:28} {_pct(a.precision):>10} {_pct(a.recall):>8} {a.true_labels:>4}/{a.labels:<5} "
              f"{_pct(b.precision):>10} {_pct(b.recall):>8} {b.true_labels:>4}/{b.labels:<5}")
    print(f"{'predictions right / all':28} {overall_ours.correct_predictions:>14}/{overall_ours.predictions:<15}"
          f"{overall_theirs.correct_predictions:>15}/{overall_theirs.predictions:<15}")

    best, median, bare = cli_startup_seconds(3 if args.quick else 7)
    print()
    print(f"CLI start-up, one short text (fresh interpreter, wall): best {best * 1000:.0f} ms, median {median * 1000:.0f} ms "
          f"(bare 'python -c pass': {bare * 1000:.0f} ms)")
    print(f"scrubadub Scrubber set-up (import + detectors, in process): {scrubadub_setup * 1000:.0f} ms")

    targets = [
        ("at least 3x scrubadub's throughput", our_rate >= 3 * their_rate),
        ("at least 2,000 messages per second", our_rate >= 2000),
        ("better recall (overall and comparable kinds)",
         overall_ours.recall > overall_theirs.recall and comparable_ours.recall > comparable_theirs.recall),
        ("better precision (overall and comparable kinds)",
         overall_ours.precision > overall_theirs.precision and comparable_ours.precision > comparable_theirs.precision),
        ("CLI checks one short text in well under a second", median < 0.5),
    ]
    print()
    for description, met in targets:
        print(f"  [{'met' if met else 'MISSED'}] {description}")

    if args.show_misses:
        _show_misses(samples, ours)
    # Timings depend on the machine's load, so by default a missed target is reported, not fatal.
    return 1 if args.strict and not all(met for _, met in targets) else 0


def _show_misses(samples: list[Sample], predictions: list[list[Prediction]]) -> None:
    print("\nOur misses and false alarms:")
    for item, predicted in zip(samples, predictions, strict=True):
        for label in item.labels:
            if not any(p[0] == label.kind and _overlaps(label.start, label.end, p[1], p[2]) for p in predicted):
                print(f"  missed {label.kind}: {item.text[label.start:label.end]!r} in {item.text!r}")
        for kind, start, end in predicted:
            if not any(label.kind == kind and _overlaps(label.start, label.end, start, end) for label in item.labels):
                print(f"  false alarm {kind}: {item.text[start:end]!r} in {item.text!r}")


if __name__ == "__main__":
    sys.exit(main())
