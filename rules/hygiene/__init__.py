"""gxlint.rules.hygiene"""
