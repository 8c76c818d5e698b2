#!/usr/bin/env bash
# Installs the system tools kehoach uses beyond Python: Tesseract OCR with its Vietnamese
# model (scans), LibreOffice Writer and antiword (Word 97 .doc), poppler (PDF rendering),
# PostgreSQL (storage tests) and Chromium (browser tests).  Needs root (as on CI); when not
# root it only reports what is missing, and the features that need those tools say so.
set -euo pipefail

packages=(tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui antiword poppler-utils
          postgresql chromium fonts-dejavu-core)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "kehoach: system packages not installed: ${missing[*]}" >&2
  echo "kehoach: install them as root (apt-get install ${missing[*]}); OCR, .doc and some tests need them" >&2
  exit 0
fi

echo "kehoach: installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
