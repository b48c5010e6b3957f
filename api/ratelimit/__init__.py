"""Fixed-window request limits kept in the database, so every worker and machine counts together."""
