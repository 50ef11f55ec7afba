"""Sociale Basis: map, strengthen and learn from the sociale basis of a municipality, wijk by wijk."""
