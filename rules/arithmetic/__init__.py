"""gxlint.rules.arithmetic"""
