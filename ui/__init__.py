"""Dock panels and dialogs (Qt widgets built in code, no compiled resources)."""
