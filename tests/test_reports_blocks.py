"""The confirmation a reporter sees is valid Block Kit, though built as plain JSON for speed."""

from __future__ import annotations

import pytest
from slack_sdk.models.views import View

from bot.reports.workflow import Filed
from handlers.slack.reports.blocks import filed_view


@pytest.mark.parametrize(
    "filed",
    [
        Filed(report_id=1, reference="TMW-2026-0042", went_to="the safeguarding lead", when_understood=None,
              urgent=False, immediate_risk=False),
        Filed(report_id=2, reference="TMW-2026-0043", went_to="the CEO and the Chair <!channel>",
              when_understood="Monday 23 November 2026, 4:00pm", urgent=True, immediate_risk=True),
    ],
)
def test_the_confirmation_is_what_slack_sdk_would_build(filed: Filed) -> None:
    view = filed_view(filed)

    assert View(**view).to_dict() == view  # parsed and checked by slack_sdk's models, unchanged
    text = view["blocks"][0]["text"]["text"]
    assert filed.reference in text and "<!channel>" not in text
    assert ("999" in str(view)) is (filed.urgent or filed.immediate_risk)
