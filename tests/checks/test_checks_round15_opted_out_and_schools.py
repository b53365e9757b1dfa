"""Round 15: an opted-out child's name is one finding; a school is a leak only beside an identified child.

The test roster's Tom Jones, Ella Grant and Priya Patel opted out of photos and publicity; Amy
Smith did not.
"""

import pytest


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Tom Jones smashing the drum solo, video up tomorrow", "Tom Jones"),
        ("JONES, Tom – 02/02/2010", "JONES, Tom"),
        ("Credits: keys – Tom Jones, vocals – Amy Smith", "Tom Jones"),
        ("Caption: L-R Grant, Ella; Smith, Amy", "Grant, Ella"),
        ("The film crew loved Tom Jones's beatbox bit", "Tom Jones's"),
    ],
)
def test_an_opted_out_childs_name_is_one_photo_consent_finding_in_any_shape(check, text, named):
    result = check(text)
    opted_out = [f for f in result.findings if f.kind == "photo_consent"]
    assert [f.text.removesuffix("'s") for f in opted_out] == [named.removesuffix("'s")]
    assert not any(f.kind == "full_name" and f.start < opted_out[0].end and opted_out[0].start < f.end
                   for f in result.findings)
    # The whole name goes from the redacted copy, surname too.
    surname = named.split(",")[0].split()[-1].removesuffix("'s")
    assert surname not in result.redacted


def test_other_children_in_the_same_list_keep_their_full_name_findings(found):
    text = "Credits: keys – Tom Jones, vocals – Amy Smith"
    assert found(text, "full_name") == ["Amy Smith"]


@pytest.mark.parametrize(
    "text",
    [
        "Tom J and Ella G are no-photo, so crop or blur pls",
        "don't include Ella G in the reel, her family said no",
        "Heads up for the photographer: Tom J can't be in any shots tonight",
        "Can we make sure Ella G isn't tagged anywhere?",
    ],
)
def test_an_instruction_that_protects_an_opted_out_child_is_clean(check, text):
    assert check(text).clean


@pytest.mark.parametrize(
    "text",
    [
        "Year 9 pupils from Denmark Road High School joined us",
        "A Year 10 student from Cleeve School asked a brilliant question",
        "One pupil at Churchdown School Academy said it was the best workshop",
        "A sixth former from Pate's Grammar School helped run the sound desk",
    ],
)
def test_a_school_with_no_child_identified_is_fine(found, text):
    assert found(text, "school") == []


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("Sir Thomas Rich's School pupil Zoë Brontë has won", "Sir Thomas Rich's School"),
        ("Congrats to Pate's Grammar School sixth former Reuben", "Pate's Grammar School"),
        ("Kai (Beaufort Co-op) owning the mic", "Beaufort Co-op"),
        ("Destiny (EHCP, at Milestone School) needs a quiet room", "Milestone School"),
        ("Jess, a Year 10 student from Cleeve School, wrote the lyrics", "Cleeve School"),
        ("Harvey Lane, Y8, Bredon Hill C of E", "Bredon Hill C of E"),
    ],
)
def test_a_school_beside_an_identified_child_is_found(found, text, school):
    assert school in found(text, "school")


def test_a_child_at_a_place_named_school_after_moving_from_a_school(found):
    assert found("Mo's at Brockworth now, moved from Severn Vale in jan", "school") == ["Brockworth", "Severn Vale"]
    # A move between towns is not a school.
    assert found("Mo's at Brockworth now, moved from Gloucester in jan", "school") == []
