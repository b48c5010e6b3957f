"""`make bench`: the speed goals of issue 4, measured in one run on one machine (see README.md)."""
