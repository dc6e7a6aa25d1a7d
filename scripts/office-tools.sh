#!/usr/bin/env bash
# Installs what the Word briefing's PDF test needs and Go does not bring:
# LibreOffice Writer without its GUI (soffice --headless --convert-to pdf)
# poppler-utils (pdftotext) and fonts-liberation (Times New Roman's metrics). Idempotent: does nothing when both are
# there. .ci/run calls it before `go test`, so TestBriefDOCXToPDF runs
# rather than skipping; run it by hand to run that test locally.
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# Liberation Serif has Times New Roman's metrics: the PDF lays out as Word would.
fc-list 2>/dev/null | grep -q "Liberation Serif" || need+=(fonts-liberation)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "== installing ${need[*]} for the .docx → PDF test"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
($sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}") >/dev/null
