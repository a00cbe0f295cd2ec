"""gxlint.rules.meta"""
