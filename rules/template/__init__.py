"""gxlint.rules.template"""
