"""Qt only: the window, item models, widgets and dialogs over briefer.core."""
