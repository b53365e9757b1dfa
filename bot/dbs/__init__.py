"""DBS checks (section 5.1: moderators and administrators with unsupervised access to young people
through social networks are DBS checked)."""
