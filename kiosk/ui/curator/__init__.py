"""Curators' tools: the live preview, proof sheets and the layout checks they share with the tests."""
