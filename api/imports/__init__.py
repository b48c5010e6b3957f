"""Importers for the files UPR Info, DIHR and OHCHR publish: one reader per format, one pipeline.

A reader turns a file into a stream of `ImportRecord`s (one per recommendation, already normalised
to the cycle model) and `Reject`s (a row it cannot read, with line, column and reason). The
pipeline (`pipeline.py`) checks each record, rejecting those that break a rule (`policy.py`, and
the positions' rules of `api.recommendations.policy`), and `writer.py` writes the rest, all in one
transaction.
"""
