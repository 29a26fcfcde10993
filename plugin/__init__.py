"""The plugin entry: actions, menu, toolbar, docks and the Processing provider."""
