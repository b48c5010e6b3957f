"""Importers for the files UPR Info, DIHR and OHCHR publish: one reader per format, one pipeline.

A reader turns a file into a stream of `ImportRecord`s (one per recommendation, already normalised
to the cycle model) and `Reject`s (a row it cannot read, with line, column and reason). The
pipeline (`pipeline.py`) writes records to the database in one transaction.
"""
