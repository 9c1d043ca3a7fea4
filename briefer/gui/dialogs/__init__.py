"""Dialogs about the library file itself: locked, damaged, restoring a backup."""
