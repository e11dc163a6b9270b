"""Outline rules, one concept per module. `drafter.outline.parser.RULES` gives their order."""
