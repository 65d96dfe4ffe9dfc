"""Rules that turn normalised text into records.

``quantities`` finds numbers with their units, ``periods`` finds years, months
and quarters, ``roles`` decides what each number is (a value, a change, a plan
attainment, a share), ``metric`` names what is measured and ``records``
assembles it all. Every rule family has an ``examples.toml`` beside it that a
generic test runs.
"""
