"""The window's features, one module each (issue 12): each owns the logic of its
widgets, runs its changes as operations and reloads its views on change events. The
main window only builds the widgets and hands them over. Vorta's one module per tab is
the model.
"""
