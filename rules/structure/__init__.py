"""gxlint.rules.structure"""
