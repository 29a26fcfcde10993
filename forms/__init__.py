"""Docks and dialogs. No business rules here: a button calls the store and shows its answer."""
