"""Repairs of damaged tables, each where the text allows one reading: :mod:`.pdf` (PDF text and converter
layouts), :mod:`.flatten` (cell separators lost, digits of neighbouring cells run together)."""
