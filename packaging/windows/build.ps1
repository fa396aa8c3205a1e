# Builds DutyDesk's Windows installer: target\packages\DutyDesk-<version>-setup-x64.exe.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Needs: the Rust toolchain (x86_64-pc-windows-msvc), Node.js' npm (to fetch TDLib's package),
# Inno Setup 6 (iscc.exe on PATH or in its default folder).
#
# TDLib: src\telegram\fetch.rs pins a sha512 for Linux x64 only, so here the package is
# fetched with npm, which checks it against the registry's integrity, and `dutydesk
# fetch-tdlib --archive` checks it again against the integrity npm reports (and against the
# pin, once there is one: a pin always wins) before unpacking tdjson.dll and loading it to
# prove it is TDLib 1.8.61. Compare that integrity with the one in packaging\README.md and
# pin it in fetch.rs (PACKAGES, "windows", "x86_64") so later builds need no npm.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

$version = (Select-String -Path Cargo.toml -Pattern '^version = "(.*)"' | Select-Object -First 1).Matches[0].Groups[1].Value
$package = "@prebuilt-tdlib/win32-x64@0.1008061.0"
$out = "target\packages\windows"

cargo build --release --locked
if ($LASTEXITCODE -ne 0) { throw "cargo build failed" }

New-Item -ItemType Directory -Force -Path $out | Out-Null
$integrity = (npm view $package dist.integrity).Trim()
if ($LASTEXITCODE -ne 0 -or -not $integrity.StartsWith("sha512-")) { throw "npm view $package failed" }
$tgz = (npm pack $package --pack-destination $out --silent | Select-Object -Last 1).Trim()
if ($LASTEXITCODE -ne 0) { throw "npm pack $package failed" }
$env:DUTYDESK_HOME = Join-Path $env:TEMP "dutydesk-package-build"
target\release\dutydesk.exe fetch-tdlib --archive (Join-Path $out $tgz) --sha512 $integrity --dest $out | Out-Host
if ($LASTEXITCODE -ne 0) { throw "fetch-tdlib refused $tgz" }
Remove-Item -Recurse -Force $env:DUTYDESK_HOME -ErrorAction SilentlyContinue

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" packaging\windows\dutydesk.iss
if ($LASTEXITCODE -ne 0) { throw "iscc failed" }
Get-ChildItem "target\packages\DutyDesk-$version-setup-x64.exe"
