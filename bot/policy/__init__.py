"""Policy sign-off (section 2: "read and sign this section of the policy before using TMW computers")."""
