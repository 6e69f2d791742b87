#!/usr/bin/env python3
"""Check what a copydesk .vsix carries: the esbuild bundle and nothing of
node_modules or the TypeScript build, the manifest, README, LICENSE, the
screenshot and the schema, and, for a platform package (--binary), a
runnable bin/copydesk, stripped when --stripped is given (the `dist`
profile's build). Sizes are bounded so a regression (node_modules back in
the package, an unstripped binary) fails.

    tests/e2e/vsix_contents.py VSIX [--binary [--stripped]]

Prints the files and sizes; exits 1 with the reasons when a check fails.
Used by tests/e2e/vscode.sh and editors/vscode/package-linux-x64.sh.
"""

import os
import stat
import subprocess
import sys
import tempfile
import zipfile

# The package without the binary was 276 KB (8 files) when bundling came in;
# the stripped linux-x64 binary adds about 3.5 MB compressed.
MAX_FILES = 12
MAX_BYTES_PLAIN = 600 * 1024
MAX_BYTES_WITH_BINARY = 12 * 1024 * 1024
MAX_BUNDLE_BYTES = 1024 * 1024

REQUIRED = [
    "extension/package.json",
    "extension/readme.md",
    "extension/LICENSE.txt",
    "extension/copydesk.schema.json",
    "extension/images/findings.png",
    "extension/dist/extension.js",
]


def main(argv):
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    vsix, with_binary, stripped = argv[0], "--binary" in argv[1:], "--stripped" in argv[1:]
    problems = []
    size = os.path.getsize(vsix)
    with zipfile.ZipFile(vsix) as z:
        infos = {i.filename: i for i in z.infolist()}
        payload = sorted(n for n in infos if n.startswith("extension/"))
        for name in payload:
            print(f"{infos[name].file_size:>10} {infos[name].compress_size:>10}  {name}")
        print(f"{len(payload)} files, {size / 1024:.1f} KB")

        for name in REQUIRED:
            if name not in infos:
                problems.append(f"missing {name}")
        for name in payload:
            if "/node_modules/" in name or name.startswith("extension/out/") or name.startswith("extension/src/"):
                problems.append(f"not bundled: {name} (esbuild's dist/extension.js must carry it)")
            if name.endswith((".ts", ".map")):
                problems.append(f"build file shipped: {name}")
        if len(payload) > MAX_FILES:
            problems.append(f"{len(payload)} files, expected at most {MAX_FILES}")
        bundle = infos.get("extension/dist/extension.js")
        if bundle is not None:
            if bundle.file_size > MAX_BUNDLE_BYTES:
                problems.append(f"dist/extension.js is {bundle.file_size} bytes, more than {MAX_BUNDLE_BYTES}")
            text = z.read(bundle).decode("utf-8", "replace")
            # vscode-languageclient is inside the bundle; `vscode` is the host's.
            if "require(\"vscode-languageclient" in text or "require('vscode-languageclient" in text:
                problems.append("dist/extension.js requires vscode-languageclient instead of bundling it")
            if "require(\"vscode\")" not in text and "require('vscode')" not in text:
                problems.append("dist/extension.js does not load the vscode API")

        binary = infos.get("extension/bin/copydesk")
        if with_binary:
            # An unstripped build (the e2e test's release profile) is not bounded.
            limit = MAX_BYTES_WITH_BINARY if stripped else float("inf")
            if binary is None:
                problems.append("missing extension/bin/copydesk")
            else:
                mode = binary.external_attr >> 16
                if not mode & stat.S_IXUSR:
                    problems.append(f"bin/copydesk is not executable (mode {oct(mode)})")
                with tempfile.TemporaryDirectory() as tmp:
                    path = z.extract(binary, tmp)
                    os.chmod(path, 0o755)
                    if stripped and sections(path) & {".symtab", ".debug_info", ".debug_line"}:
                        problems.append("bin/copydesk is not stripped (symbols or debug info)")
                    run = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30)
                    if run.returncode != 0 or not run.stdout.startswith("copydesk "):
                        problems.append(f"bin/copydesk --version: {run.returncode} {run.stdout!r} {run.stderr!r}")
                    else:
                        print(f"bin/copydesk --version: {run.stdout.strip()}")
        else:
            limit = MAX_BYTES_PLAIN
            if binary is not None:
                problems.append("a plain package carries bin/copydesk")
        if size > limit:
            problems.append(f"the package is {size} bytes, more than {limit}")

    for problem in problems:
        print(f"FAIL: {vsix}: {problem}", file=sys.stderr)
    return 1 if problems else 0


def sections(path):
    """Names of an ELF file's sections (empty for other formats)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF" or data[4] != 2:  # 64-bit ELF only
        return set()
    little = data[5] == 1
    order = "little" if little else "big"
    u16 = lambda o: int.from_bytes(data[o:o + 2], order)
    u32 = lambda o: int.from_bytes(data[o:o + 4], order)
    u64 = lambda o: int.from_bytes(data[o:o + 8], order)
    shoff, shentsize, shnum, shstrndx = u64(0x28), u16(0x3A), u16(0x3C), u16(0x3E)
    names_at = u64(shoff + shstrndx * shentsize + 0x18)
    out = set()
    for i in range(shnum):
        name = u32(shoff + i * shentsize)
        end = data.index(b"\0", names_at + name)
        out.add(data[names_at + name:end].decode("ascii", "replace"))
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
