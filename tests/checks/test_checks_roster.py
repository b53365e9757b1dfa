"""The roster: parsed strictly from CSV and kept only as keyed hashes (policy 3: keep data safe)."""

import dataclasses
import json

import pytest

from bot.checks import RosterCsvError, RosterEntry, RosterIndex, entries_from_rows, hash_token, parse_roster_csv
from bot.checks.roster import hash_school, normalise_name, normalise_school

KEY = b"k" * 32
HEADER = "first_name,last_name,school,photo_consent\n"


def test_a_good_roster_parses():
    rows = parse_roster_csv(HEADER + "Amy,Smith,Ribston Hall High School,yes\nTom,Jones,,no\n")
    assert [(r.line, r.first_name, r.last_name, r.school, r.photo_consent) for r in rows] == [
        (2, "Amy", "Smith", "Ribston Hall High School", True),
        (3, "Tom", "Jones", None, False),
    ]


@pytest.mark.parametrize(
    ("answer", "consent"),
    [("yes", True), ("Yes", True), ("YES", True), ("y", True), ("TRUE", True), ("1", True),
     ("no", False), ("No", False), ("N", False), ("false", False), ("0", False), (" no ", False)],
)
def test_photo_consent_accepts_the_usual_yes_and_no_answers(answer, consent):
    [row] = parse_roster_csv(HEADER + f"Amy,Smith,,{answer}\n")
    assert row.photo_consent is consent


def test_a_byte_order_mark_windows_line_endings_blank_lines_and_any_column_order_are_fine():
    text = "\ufeffPhoto_Consent,Last_Name,First_Name,School,Notes\r\nno,Jones,Tom,,likes drums\r\n\r\nyes,Smith,Amy,\"Pate's Grammar School\",\r\n"
    rows = parse_roster_csv(text)
    assert [(r.line, r.first_name, r.last_name, r.school, r.photo_consent) for r in rows] == [
        (2, "Tom", "Jones", None, False),
        (4, "Amy", "Smith", "Pate's Grammar School", True),
    ]


def test_every_bad_row_is_listed_with_its_line_number_and_nothing_is_returned():
    text = HEADER + (
        "Amy,Smith,,yes\n"  # line 2: fine
        ",Jones,,no\n"  # line 3: blank first name
        "Tom,,,no\n"  # line 4: blank last name
        "Sam,Lee,,maybe\n"  # line 5: bad consent
        "Ella,Hughes,,\n"  # line 6: blank consent
        "Priya,Patel\n"  # line 7: too few columns
        "Leo,Ward,,yes,extra\n"  # line 8: too many columns
    )
    with pytest.raises(RosterCsvError) as caught:
        parse_roster_csv(text)
    errors = caught.value.errors
    assert [e.line for e in errors] == [3, 4, 5, 6, 7, 8]
    assert "first_name is blank" in errors[0].problem
    assert "last_name is blank" in errors[1].problem
    assert "maybe" in errors[2].problem
    assert "photo_consent is blank" in errors[3].problem
    assert str(errors[4]).startswith("line 7: ")
    assert "6 problems" in str(caught.value)


def test_errors_never_quote_names_back():
    with pytest.raises(RosterCsvError) as caught:
        parse_roster_csv(HEADER + "Amy,Smith,Secret School,perhaps\nTom,Jones\n")
    message = str(caught.value)
    for clear in ("Amy", "Smith", "Secret School", "Tom", "Jones"):
        assert clear not in message


def test_a_quoted_field_over_two_lines_keeps_later_line_numbers_right():
    text = HEADER + 'Amy,Smith,"Two\nLines School",yes\nTom,Jones,,bad\n'
    with pytest.raises(RosterCsvError) as caught:
        parse_roster_csv(text)
    assert [e.line for e in caught.value.errors] == [4]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty"),
        ("   \n", "empty"),
        ("first_name,last_name,photo_consent\nAmy,Smith,yes\n", "missing column(s): school"),
        ("name,consent\n", "missing column(s): first_name, last_name, school, photo_consent"),
    ],
)
def test_an_empty_file_or_missing_columns_is_an_error_on_line_one(text, problem):
    with pytest.raises(RosterCsvError) as caught:
        parse_roster_csv(text)
    [error] = caught.value.errors
    assert error.line == 1
    assert problem in error.problem


def test_a_header_only_file_is_an_empty_roster():
    assert parse_roster_csv(HEADER) == []


def test_roster_rows_do_not_show_names_in_their_repr():
    [row] = parse_roster_csv(HEADER + "Amy,Smith,Pate's Grammar School,yes\n")
    assert "Amy" not in repr(row) and "Smith" not in repr(row) and "Pate" not in repr(row)


def test_stored_entries_contain_no_clear_text():
    rows = parse_roster_csv(HEADER + "Amy,Smith,Ribston Hall High School,yes\nZoë,Brontë,,no\n")
    entries = entries_from_rows(KEY, rows)
    stored = json.dumps([dataclasses.asdict(e) for e in entries]).lower()
    for clear in ("amy", "smith", "ribston", "high school", "zo", "bront"):
        assert clear not in stored
    for entry in entries:
        for digest in (entry.first_hash, entry.last_hash, entry.school_hash):
            assert digest is None or (len(digest) == 64 and set(digest) <= set("0123456789abcdef"))
    assert entries[1].school_hash is None
    assert [e.photo_consent for e in entries] == [True, False]


def test_entries_round_trip_through_plain_dicts():
    [entry] = entries_from_rows(KEY, parse_roster_csv(HEADER + "Amy,Smith,,yes\n"))
    as_dict = dataclasses.asdict(entry)
    assert all(isinstance(v, (str, bool, type(None))) for v in as_dict.values())
    assert RosterEntry(**as_dict) == entry


@pytest.mark.parametrize(
    ("a", "b"),
    [("Smith", "SMITH"), ("Smith's", "smith"), ("Smith\u2019s", "smith"), ("Zoë", "zoe"),
     ("O'Neil", "oneil"), ("Mary-Jane", "mary jane"), ("  Amy  ", "amy"), ("Jones'", "jones")],
)
def test_hashing_normalises_case_accents_apostrophes_and_possessives(a, b):
    assert hash_token(KEY, a) == hash_token(KEY, b)


def test_hashes_depend_on_the_key_and_keep_names_and_schools_apart():
    assert hash_token(KEY, "Smith") != hash_token(b"other key", "Smith")
    assert hash_token(KEY, "Smith") != hash_token(KEY, "Smyth")
    assert hash_token(KEY, "Grammar") != hash_school(KEY, "Grammar")


def test_school_names_are_normalised_for_the_usual_variations():
    assert normalise_school("The Crypt School") == normalise_school("crypt")
    assert normalise_school("Pate's Grammar School") == normalise_school("Pates Grammar")
    assert normalise_name("Zoë Brontë-Smith") == "zoe bronte smith"


def test_a_roster_index_says_how_many_it_holds_but_not_who():
    index = RosterIndex.from_rows(KEY, parse_roster_csv(HEADER + "Amy,Smith,,yes\nTom,Jones,,no\n"))
    assert len(index) == 2
    assert "Amy" not in repr(index)


def test_an_empty_key_is_refused():
    with pytest.raises(ValueError):
        RosterIndex(b"", [])
