"""Round 27 (issue 16), policy 3 and 5.6: a young person's health stays private however the form or the
message is laid out. A need given under a form field shared by two labels ("Medical/other needs:"), the
reason for an absence given after a dash, a need told of a young person whose name carries an accent, and
a need in a sentence that names a school called after a titled person are each that young person's need.
An absence for a holiday or a trip, an accented name with no need, and one of the team named by role and
title stay quiet."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Participant: Noah Briggs\nMedical/other needs: mild eczema – uses a steroid cream", "mild eczema"),
        ("Register Tues: Orla is off sick – tonsillitis, back next week hopefully", "tonsillitis"),
        ("heads up Jamal's off today - a stomach bug, prob not in tonight", "stomach bug"),
        ("Siân has been having migraines during the long rehearsals", "migraines"),
        ("Just so you know Zoë was diagnosed with asthma over the summer", "asthma"),
        ("She has had panic attacks in class (Sir Thomas Rich's School) and says drumming helps.", "panic attacks"),
    ],
)
def test_a_need_in_a_shared_field_after_a_dash_by_an_accented_name_or_beside_a_titled_school_is_the_young_persons(
        found, text, need):
    assert any(need in finding for finding in found(text, "health"))


@pytest.mark.parametrize(
    "text",
    [
        "Marcus is off today - family holiday, back Monday",
        "Siân was brilliant at the showcase, the crowd loved her set",
        "Our trustee Sir Paul has a cold so won't make the AGM",
        "Participant: Ollie Grant\nMedical/other needs: none",
    ],
)
def test_a_holiday_an_accented_name_alone_a_titled_trustee_or_an_empty_field_is_no_young_persons_need(found, text):
    assert found(text, "health") == []
