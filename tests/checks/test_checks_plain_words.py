"""Round 5 (issue 16): personal details said in plain, loose words are still personal details,
and their harmless look-alikes stay clean.

Each pair below is a policy: the first list is what a person would want flagged, the second what
must pass. The cases are new wordings, not the labelled sets' (tests/checks/data/round5_checks5.jsonl
and after_rules_checks5.jsonl hold those).
"""

import pytest


@pytest.mark.parametrize(
    ("text", "school"),
    [
        # Any sentence that ties a named child to a school by at/from/to/left/into.
        ("Mia is a year 7 at Holmleigh Park Academy now", "Holmleigh Park Academy"),
        ("Josh boards at Westonbirt School in term time", "Westonbirt School"),
        ("Zac's form tutor from Heywood Community School rang", "Heywood Community School"),
        ("ever since he left Archway School he's been happier", "Archway School"),
        ("Lottie got into Pate's Grammar!", "Pate's Grammar"),
        # Picked up from school, starting a stage of school, trouble at school.
        ("can you collect Mia from Kingsholm Primary at 3.15?", "Kingsholm Primary"),
        ("Noah starts year 7 at Rednock School in September", "Rednock School"),
        ("Josh got a detention at Dene Magna School", "Dene Magna School"),
        # Form lines that say whose school, or ask which.
        ("Child's school: Hillview Primary", "Hillview Primary"),
        ("name - Mia / school - Saintbridge Academy / instrument - cello", "Saintbridge Academy"),
        ("Which school does your child go to? Farmor's School", "Farmor's School"),
    ],
)
def test_a_childs_school_in_plain_words_is_found(found, text, school):
    assert school in found(text, "school")


@pytest.mark.parametrize(
    "text",
    [
        "Mia is performing at Holmleigh Park Academy on Friday",  # an event there
        "Josh said it was loud at Westonbirt School last night",  # an evening event
        "I taught at Heywood Community School for ten years",  # the writer's own
        "Any kids from Kingsholm Primary who want a lift, shout",  # a group, nobody named
        "Can someone pick up the drums from Rednock School?",  # a delivery
        "Evie thinks we should ask Dene Magna School to join the festival",  # not tied by a link word
    ],
)
def test_a_school_that_is_not_a_childs_stays_clean(found, text):
    assert found(text, "school") == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Mia's thirteenth falls on 4 June", "4 June"),
        ("Date of birth (child): ninth of May 2013", "ninth of May 2013"),
        ("Born: 3rd Feb '13", "3rd Feb '13"),
        ("it's Josh's big day on 14 March, he'll be 12!", "14 March"),
    ],
)
def test_a_childs_birthday_in_words_is_found(found, text, date):
    assert date in found(text, "date_of_birth")


@pytest.mark.parametrize(
    "text",
    [
        "Our treasurer Linda's birthday is 2 June, card in the office",  # an adult's
        "It's Josh's big day on 14 March - his first gig!",  # a big day that is no birthday
    ],
)
def test_an_adults_or_a_non_birthday_date_stays_clean(found, text):
    assert found(text, "date_of_birth") == []


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("my little sister has cerebral palsy", "cerebral palsy"),
        ("Josh is being treated for anorexia", "anorexia"),
        ("Mia has glue ear", "glue ear"),
        ("Zac's on a waiting list for CAMHS", "CAMHS"),
    ],
)
def test_a_young_persons_condition_in_plain_words_is_found(found, text, condition):
    assert condition in found(text, "health")


@pytest.mark.parametrize(
    "text",
    [
        "Our trustee Paul is off having a knee op",  # an adult named by their role
        "Mia's nan is in hospital so she may be quiet",  # a grown-up relative's health
    ],
)
def test_an_adults_health_stays_clean(found, text):
    assert found(text, "health") == []


def test_diagnosed_with_a_condition_is_one_finding(found):
    assert found("Josh has just been diagnosed with dyspraxia", "health") == ["dyspraxia"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Mia's at number 7 on Larch Road", "number 7 on Larch Road"),
        ("Josh is on Hazel Close, no. 14", "Hazel Close, no. 14"),
        ("drop it round to zac's - 3 mill st", "3 mill st"),
        ("Mia - Flat 4, Severn House, Gloucester", "Flat 4, Severn House, Gloucester"),
    ],
)
def test_a_home_address_written_loosely_is_found(found, text, address):
    assert address in found(text, "postal_address")


@pytest.mark.parametrize(
    "text",
    [
        "The number 10 bus along Larch Road is every half hour",
        "Room 4, Severn House is where we meet",
        "Track 7 on Larch Road Sessions is my favourite",
    ],
)
def test_numbers_near_streets_that_are_no_home_stay_clean(found, text):
    assert found(text, "postal_address") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My son Alfie Brennan would love to join", "Alfie Brennan"),
        ("New starter: Mia Fenwick, she's 12, plays viola", "Mia Fenwick"),
        ("hi im Josh Petrov and im 15", "Josh Petrov"),
        ("Youth council member Tariq Osman opened the meeting", "Tariq Osman"),
    ],
)
def test_a_young_persons_full_name_is_found_from_context(found, text, name):
    assert name in found(text, "full_name")


@pytest.mark.parametrize(
    "text",
    [
        "Billie Eilish wrote her first album at 17",  # famous
        "Sarah Cole, parent of one of our juniors, is baking",  # an adult by role
    ],
)
def test_adults_and_famous_people_stay_clean(found, text):
    assert found(text, "full_name") == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Harry is at a different school, Cotswold Academy", "school", "Cotswold Academy"),
        ("Education: Year 8, Chipping Sodbury School", "school", "Chipping Sodbury School"),
        ("Mia turns twelve on the twenty-third", "date_of_birth", "twenty-third"),
        ("it was zac's 13th yesterday, 2 june", "date_of_birth", "2 june"),
        ("Address: The Old Mill, Station Road, Stroud", "postal_address", "The Old Mill, Station Road, Stroud"),
        ("Zac's family moved to Ivy Cottage, Church Lane, Bisley", "postal_address", "Ivy Cottage, Church Lane, Bisley"),
        ("Mia lives at number 5 Coopers Elm, Quedgeley", "postal_address", "number 5 Coopers Elm, Quedgeley"),
    ],
)
def test_more_loose_wordings_are_found(found, text, kind, value):
    assert value in found(text, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Zac's mum works at Brookfield Special School", "school"),
        ("Mia's band played a set at Tuffley Primary School's summer fair", "school"),
        ("Shakespeare was born on 23 April 1564", "date_of_birth"),
    ],
)
def test_more_look_alikes_stay_clean(found, text, kind):
    assert found(text, kind) == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Zac has been really low and said he's been cutting himself", "health", "cutting himself"),
        ("Form: Name: Mia Kowal, Age: 11", "full_name", "Mia Kowal"),
        ("Josh lives at 9 Severn Heights", "postal_address", "9 Severn Heights"),
        ("mia is at 4 orchard rise, hardwicke", "postal_address", "4 orchard rise, hardwicke"),
    ],
)
def test_the_last_round_5_wordings_are_found(found, text, kind, value):
    # Round 12: "really low" is a need too, so the finding may cover the whole statement.
    assert any(value in f for f in found(text, kind))


def test_harm_to_oneself_with_nobody_named_stays_clean(found):
    assert found("The training covers what to do if a young person is hurting themselves", "health") == []
