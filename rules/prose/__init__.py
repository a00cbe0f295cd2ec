"""gxlint.rules.prose"""
