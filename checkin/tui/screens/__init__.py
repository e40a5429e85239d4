"""The app's screens: home, meeting, minutes, help."""
