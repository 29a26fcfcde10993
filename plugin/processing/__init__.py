"""Processing provider 'landcase': every batch action of the docks as an algorithm."""
