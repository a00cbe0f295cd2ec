"""Package list for the rules/ → gxlint.rules mapping (setuptools' auto-discovery does not follow package_dir)."""

from setuptools import find_packages, setup

packages = find_packages(include=["gxlint", "gxlint.*"])
packages += ["gxlint.rules"] + ["gxlint.rules." + p for p in find_packages("rules")]

setup(packages=packages, package_dir={"gxlint.rules": "rules"})
