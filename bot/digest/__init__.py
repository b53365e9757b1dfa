"""The weekly digest for the CEO (policy 2 and 5.1): counts and roles only, each with last week's figure."""
