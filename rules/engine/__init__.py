"""gxlint.rules.engine"""
