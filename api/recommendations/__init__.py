"""Recommendations made to a state under review, and its positions on them. Importing any part of
this package registers a review's recommendations with the cycle side (counted on each review,
deleted with a forced review delete), so the cycle side never imports recommendations."""

from api.recommendations import review_children

review_children.register()
