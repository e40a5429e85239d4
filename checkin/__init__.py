"""checkin: run a recurring cross-functional check-in meeting from the keyboard."""

__version__ = "0.1.0"
