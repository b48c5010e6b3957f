"""The advocacy workspace. Importing it registers with the cycle side what advocacy hangs on reviews and
submissions (`guards`), so the cycle side never imports advocacy."""

from api.advocacy import guards

guards.register()
