"""The Textual app: screens, widgets, dialogs. Presents and dispatches; no business rules."""
