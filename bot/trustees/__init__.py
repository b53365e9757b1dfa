"""The trustees' period report: evidence for their yearly review of safeguarding (issue 18)."""
