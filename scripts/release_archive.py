#!/usr/bin/env python3
"""Pack a release archive of copydesk for one target, with its checksum.

    scripts/release_archive.py TARGET BINARY OUTDIR [--version V]

Writes OUTDIR/copydesk-V-TARGET.tar.gz (.zip for Windows targets) holding
one folder, copydesk-V-TARGET/, with the binary (copydesk or copydesk.exe,
executable), README.md, LICENSE and docs/rules.md, and
OUTDIR/copydesk-V-TARGET.tar.gz.sha256 in `sha256sum` format ("HASH  NAME").
V defaults to the version in Cargo.toml. Entries are sorted, owned by
root:root and dated from SOURCE_DATE_EPOCH (or the Cargo.toml's commit time
when unset: 0), so the same inputs give the same archive.

Used by .github/workflows/release.yml on every platform (Python is on all
of GitHub's runners); tests/e2e/release.sh checks its output on a Linux
build. Prints the archive's path.
"""

import gzip
import hashlib
import io
import os
import re
import sys
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Files shipped beside the binary, from the repository root.
EXTRAS = [
    ("README.md", "README.md"),
    ("editors/vscode/LICENSE", "LICENSE"),
    ("docs/rules.md", "docs/rules.md"),
]


def cargo_version():
    with open(os.path.join(ROOT, "Cargo.toml"), encoding="utf-8") as f:
        match = re.search(r'^version = "([^"]+)"', f.read(), re.M)
    if not match:
        sys.exit("Cargo.toml: no version")
    return match.group(1)


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    version = cargo_version()
    if "--version" in argv:
        version = argv[argv.index("--version") + 1]
        args.remove(version)
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    target, binary, outdir = args
    windows = "windows" in target
    name = f"copydesk-{version}-{target}"
    exe = "copydesk.exe" if windows else "copydesk"
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))

    members = [(f"{name}/{exe}", open(binary, "rb").read(), 0o755)]
    for source, dest in EXTRAS:
        with open(os.path.join(ROOT, source), "rb") as f:
            members.append((f"{name}/{dest}", f.read(), 0o644))
    members.sort()

    os.makedirs(outdir, exist_ok=True)
    if windows:
        archive = os.path.join(outdir, f"{name}.zip")
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            for path, data, mode in members:
                info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
                info.external_attr = (0o100000 | mode) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, data)
    else:
        archive = os.path.join(outdir, f"{name}.tar.gz")
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for path, data, mode in members:
                info = tarfile.TarInfo(path)
                info.size, info.mode, info.mtime = len(data), mode, mtime
                info.uid = info.gid = 0
                info.uname = info.gname = "root"
                tar.addfile(info, io.BytesIO(data))
        with open(archive, "wb") as f:
            with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=mtime) as gz:
                gz.write(buffer.getvalue())

    with open(archive, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    with open(f"{archive}.sha256", "w", encoding="ascii", newline="\n") as f:
        f.write(f"{digest}  {os.path.basename(archive)}\n")
    print(archive)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
