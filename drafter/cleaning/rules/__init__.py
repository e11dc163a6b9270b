"""Cleaning rules, one module each. The order they run in is
`drafter.cleaning.RULES`; every rule can also be called on its own:
`kept_lines, cuts = rule(lines)`."""
