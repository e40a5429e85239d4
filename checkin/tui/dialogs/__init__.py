"""Modal dialogs: yes/no confirmation, export path prompt."""
