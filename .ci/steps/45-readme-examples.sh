#!/usr/bin/env bash
# Runs the Swift examples of README.md exactly as a newcomer would paste them:
# a scratch package (in a temporary folder) depends on the SDK by path, each
# ```swift block of README.md is, verbatim, the main.swift of its own
# executable target, and each is built and run to its end (bounded in time).
# The "Depending on it" block (a Package.swift fragment) is checked against the
# real manifest: its package name and products must exist, and the scratch
# package uses that package name for its own dependencies.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../lib.sh
source .ci/lib.sh

root=$(pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/readme-examples.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# SwiftPM names a path dependency after its folder: link the SDK under its package name.
swift package dump-package > "$scratch/sdk.json"
sdk_name=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["name"])' "$scratch/sdk.json")
ln -s "$root" "$scratch/$sdk_name"

log "README.md: extracting the Swift blocks"
python3 - "$root/README.md" "$scratch" "$sdk_name" <<'PY'
import json, re, sys
readme, scratch, sdk_name = sys.argv[1], sys.argv[2], sys.argv[3]
manifest = json.load(open(f"{scratch}/sdk.json"))
products = {p["name"] for p in manifest["products"]}
libraries = {p["name"] for p in manifest["products"] if "library" in p["type"]}

blocks, heading, current = [], "", None
for number, line in enumerate(open(readme, encoding="utf-8").read().split("\n"), 1):
    if current is None:
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
        if line.strip() == "```swift":
            current = {"line": number, "heading": heading, "lines": []}
    elif line.strip() == "```":
        blocks.append(current)
        current = None
    else:
        current["lines"].append(line)
if current is not None:
    sys.exit(f"README.md:{current['line']}: a ```swift block is never closed")

package_name, targets = None, []
for block in blocks:
    text = "\n".join(block["lines"]) + "\n"
    where = f"README.md:{block['line']} ({block['heading']})"
    if text.lstrip().startswith(".package("):
        # A Package.swift fragment: its names must be the real ones.
        url = re.search(r'\.package\(url:\s*"([^"]+)"', text)
        names = re.findall(r'\.product\(name:\s*"([^"]+)",\s*package:\s*"([^"]+)"\)', text)
        if not url or not names:
            sys.exit(f"{where}: expected .package(url: …) and .product(name:package:)")
        identity = url.group(1).rstrip("/").split("/")[-1].removesuffix(".git")
        for product, package in names:
            if product not in products:
                sys.exit(f"{where}: product '{product}' is not declared in Package.swift ({sorted(products)})")
            if package != sdk_name:
                sys.exit(f"{where}: package: \"{package}\" but Package.swift names the package \"{sdk_name}\"")
            if identity.lower() != package.lower():
                sys.exit(f"{where}: SwiftPM knows {url.group(1)} as '{identity}', not '{package}'")
        package_name = names[0][1]
        continue
    slug = re.sub(r"[^A-Za-z0-9]", "", block["heading"].split(" ")[0]) or "Example"
    name = f"Readme{len(targets) + 1}{slug}"
    imports = re.findall(r"^import\s+(\w+)", text, flags=re.M)
    targets.append({"name": name, "where": where, "text": text,
                    "products": [m for m in imports if m in libraries]})

if package_name is None:
    sys.exit("README.md: no Package.swift fragment (.package(url:…)) found")
if not targets:
    sys.exit("README.md: no Swift example found")

import os
lines = []
for target in targets:
    os.makedirs(f"{scratch}/Sources/{target['name']}")
    with open(f"{scratch}/Sources/{target['name']}/main.swift", "w", encoding="utf-8") as out:
        out.write(target["text"])
    dependencies = ", ".join(f'.product(name: "{p}", package: "{package_name}")' for p in target["products"])
    lines.append(f'        .executableTarget(name: "{target["name"]}", dependencies: [{dependencies}]),')
with open(f"{scratch}/Package.swift", "w", encoding="utf-8") as out:
    out.write(f"""// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ReadmeExamples",
    platforms: [.macOS(.v15), .iOS(.v18)],
    dependencies: [.package(path: "{sdk_name}")],
    targets: [
{chr(10).join(lines)}
    ],
    swiftLanguageModes: [.v6]
)
""")
with open(f"{scratch}/targets.txt", "w") as out:
    for target in targets:
        out.write(f"{target['name']}\t{target['where']}\n")
PY

log "README.md: building every example as its own executable"
if ! swift build --package-path "$scratch" 2>&1 | tee "$scratch/build.log"; then
    echo "a README example does not compile as written (see above; targets map to README lines:)" >&2
    cat "$scratch/targets.txt" >&2
    exit 1
fi
bin=$(swift build --package-path "$scratch" --show-bin-path)

while IFS=$'\t' read -r target where; do
    log "README example $target ($where)"
    touch "$scratch/.before-run"
    status=0
    (cd "$scratch" && timeout 300 "$bin/$target") || status=$?
    if [ "$status" -eq 124 ]; then
        echo "$where: the example did not end within 300 s" >&2; exit 1
    elif [ "$status" -ne 0 ]; then
        echo "$where: the example exited with status $status" >&2; exit 1
    fi
    written=$(find "$scratch" -maxdepth 1 -newer "$scratch/.before-run" ! -path "$scratch")
    if [ -n "$written" ]; then
        printf '%s: the example wrote into the current folder:\n%s\n' "$where" "$written" >&2
        exit 1
    fi
done < "$scratch/targets.txt"
echo "README examples OK"
