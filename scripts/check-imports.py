#!/usr/bin/env python3
"""Compares what each target of Package.swift declares with what its files import.

Usage: scripts/check-imports.py [PACKAGE_DUMP.json]

Reads the package description from `swift package dump-package` (or from the JSON file given)
and every Swift file of each target's folder. A target passes when the modules its files import
are exactly the modules it declares (system and toolchain modules aside), and each test target
that runs executables declares them. Prints one line per mismatch and exits 1 when there is any.
"""

import json
import pathlib
import re
import subprocess
import sys

# Modules of the toolchain and the system, imported without a declaration.
TOOLCHAIN = {
    "Foundation", "FoundationEssentials", "Dispatch", "Glibc", "Darwin", "Synchronization", "Testing",
    "XCTest", "_Concurrency", "Swift", "os", "PackageDescription",
}
IMPORT = re.compile(r"^\s*(?:@testable\s+|@_implementationOnly\s+|(?:package|internal|public|private)\s+)?import\s+(?:(?:struct|enum|class|func|protocol|var|let)\s+)?([A-Za-z_][A-Za-z0-9_]*)", re.M)
CONDITIONAL = re.compile(r"^\s*#if\s+canImport\(([A-Za-z_][A-Za-z0-9_]*)\)", re.M)


def load_package(root: pathlib.Path, dump: str | None) -> dict:
    if dump:
        return json.loads(pathlib.Path(dump).read_text())
    output = subprocess.run(
        ["swift", "package", "--package-path", str(root), "dump-package"],
        check=True, capture_output=True, text=True).stdout
    return json.loads(output)


def declared(target: dict, products: dict[str, str]) -> set[str]:
    """Module names a target declares: its target dependencies and product dependencies."""
    names = set()
    for dependency in target.get("dependencies", []):
        for kind in ("byName", "target"):
            if kind in dependency:
                names.add(dependency[kind][0])
        if "product" in dependency:
            product = dependency["product"][0]
            names.add(products.get(product, product))
    return names


def imported(folder: pathlib.Path) -> set[str]:
    names = set()
    for file in sorted(folder.rglob("*.swift")):
        text = file.read_text(encoding="utf-8")
        # Multi-line string literals (scripts run by tests) and comments import nothing.
        text = re.sub(r'"""(?:.|\n)*?"""', "", text)
        text = re.sub(r"//[^\n]*", "", text)
        optional = set(CONDITIONAL.findall(text))
        names |= {name for name in IMPORT.findall(text) if name not in optional}
    return names


def main() -> int:
    root = pathlib.Path(__file__).resolve().parent.parent
    package = load_package(root, sys.argv[1] if len(sys.argv) > 1 else None)
    # Products of other packages whose module has another name.
    products = {"ArgumentParser": "ArgumentParser", "Yams": "Yams"}
    executables = {t["name"] for t in package["targets"] if t["type"] == "executable"}
    problems = []
    for target in package["targets"]:
        if target["type"] == "system":
            continue
        kind = "Tests" if target["type"] == "test" else "Sources"
        folder = root / (target.get("path") or f"{kind}/{target['name']}")
        declares = declared(target, products)
        imports = imported(folder) - TOOLCHAIN
        declared_modules = declares - executables
        missing = sorted(imports - declares)
        unused = sorted(declared_modules - imports)
        name = target["name"]
        if missing:
            problems.append(f"{name}: imports {', '.join(missing)} without declaring it")
        if unused:
            problems.append(f"{name}: declares {', '.join(unused)} but no file imports it")
        if target["type"] == "test":
            sources = "\n".join(f.read_text(encoding="utf-8") for f in folder.rglob("*.swift"))
            for executable in sorted(executables):
                runs = re.search(r'"' + re.escape(executable) + r'"', sources)
                if runs and executable not in declares:
                    problems.append(f"{name}: runs {executable} without depending on it")
        elif declares & executables:
            problems.append(f"{name}: depends on an executable")
    for problem in problems:
        print(f"check-imports: {problem}")
    count = sum(1 for t in package["targets"] if t["type"] != "system")
    print(f"check-imports: {count} targets, {len(problems)} mismatches")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
