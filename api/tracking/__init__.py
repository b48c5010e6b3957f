"""Implementation tracking. Importing it registers what it needs from the cycle side (a delete guard:
a recommendation tracked here is never deleted), so the cycle side never imports tracking."""

from api.tracking import references

references.register()
