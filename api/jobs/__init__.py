"""Background jobs: the task engine's (procrastinate's) set-up and the job definitions' registry."""
