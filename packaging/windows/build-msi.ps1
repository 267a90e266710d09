# Builds Telltale-Agent-<version>-x64.msi on Windows (WiX and the Windows JDK exist only there; this cannot
# run on the Linux build machine).
# Needs: a JDK 17 for Windows x64 (its jlink/jdeps make the runtime), the WiX v4 .NET tool
# (`dotnet tool install --global wix --version 4.0.5`, then `wix extension add -g WixToolset.Util.wixext/4.0.5`),
# the agent jar (`mvnw -B -pl agent -am -DskipTests package`), and WinSW 2.12.0 (WinSW-net461.exe from the
# project's GitHub release) whose SHA-256 you verified once and pass here.
#
#   powershell -File packaging\windows\build-msi.ps1 -WinSW C:\tools\WinSW-net461.exe -WinSWSha256 <hex>
param(
  [Parameter(Mandatory = $true)][string]$WinSW,
  [Parameter(Mandatory = $true)][string]$WinSWSha256,
  [string]$Version = ''
)
$ErrorActionPreference = 'Stop'
$windows = $PSScriptRoot
$packaging = Split-Path -Parent $windows
$repo = Split-Path -Parent $packaging
$out = Join-Path $packaging 'target\windows'
$stage = Join-Path $out 'stage'
$jar = Join-Path $repo 'agent\target\telltale-agent.jar'
if (-not (Test-Path $jar)) { throw "build-msi: $jar missing (expected: mvnw -B -pl agent -am -DskipTests package)" }
if (-not $Version) {
  $Version = ([xml](Get-Content (Join-Path $repo 'pom.xml'))).project.version -replace '-SNAPSHOT$', ''
}
$actual = (Get-FileHash -Algorithm SHA256 $WinSW).Hash
if ($actual -ne $WinSWSha256.ToUpperInvariant()) { throw "build-msi: WinSW SHA-256 $actual (expected: $WinSWSha256)" }

Remove-Item -Recurse -Force $out -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force (Join-Path $stage 'bin') | Out-Null

# The runtime: the same module choice as scripts/jlink-runtime.sh (jdeps, minus java.desktop and
# java.compiler, plus providers jdeps cannot see), plus jdk.charsets for the OEM code pages of localized
# Windows command output.
$found = (& jdeps --ignore-missing-deps --multi-release 17 --print-module-deps $jar | Select-Object -Last 1).Split(',')
$modules = @($found | Where-Object { $_ -notin @('java.desktop', 'java.compiler') }) +
  @('jdk.crypto.ec', 'jdk.unsupported', 'java.naming', 'java.management', 'jdk.charsets') | Select-Object -Unique
& jlink --add-modules ($modules -join ',') --strip-debug --no-header-files --no-man-pages --compress=0 `
  --output (Join-Path $stage 'runtime')
if ($LASTEXITCODE -ne 0) { throw 'build-msi: jlink failed' }

Copy-Item $jar $stage
Copy-Item (Join-Path $packaging 'jvm\agent.jvmopts') $stage
Copy-Item (Join-Path $packaging 'agent.yml') (Join-Path $stage 'agent.yml.sample')
Copy-Item (Join-Path $packaging 'README.md') $stage
Copy-Item (Join-Path $windows 'agent-service.ps1') (Join-Path $stage 'bin')
Copy-Item (Join-Path $windows 'telltale-agent-service.xml') $stage
Copy-Item $WinSW (Join-Path $stage 'telltale-agent-service.exe')

# Harvest the runtime into runtime-files.wxs: one component per file (WiX v4 has no directory globbing).
$runtime = Join-Path $stage 'runtime'
$sb = New-Object System.Text.StringBuilder
[void]$sb.AppendLine('<Wix xmlns="http://wixtoolset.org/schemas/v4/wxs"><Fragment>')
[void]$sb.AppendLine('<ComponentGroup Id="RuntimeFiles" Directory="RuntimeFolder">')
function Add-Dir([string]$dir, [string]$dirId) {
  Get-ChildItem -File $dir | ForEach-Object {
    [void]$sb.AppendLine("<Component Directory=`"$dirId`"><File Source=`"$($_.FullName)`" /></Component>")
  }
}
function Write-Dirs([string]$dir, [string]$parentId) {
  Get-ChildItem -Directory $dir | ForEach-Object {
    $id = 'rt_' + [BitConverter]::ToString(
      [Security.Cryptography.SHA1]::Create().ComputeHash([Text.Encoding]::UTF8.GetBytes($_.FullName))).Replace('-', '').Substring(0, 20)
    [void]$script:dirs.AppendLine("<DirectoryRef Id=`"$parentId`"><Directory Id=`"$id`" Name=`"$($_.Name)`" /></DirectoryRef>")
    Add-Dir $_.FullName $id
    Write-Dirs $_.FullName $id
  }
}
$script:dirs = New-Object System.Text.StringBuilder
Add-Dir $runtime 'RuntimeFolder'
Write-Dirs $runtime 'RuntimeFolder'
[void]$sb.AppendLine('</ComponentGroup>')
[void]$sb.Append($script:dirs.ToString())
[void]$sb.AppendLine('</Fragment></Wix>')
$fragment = Join-Path $out 'runtime-files.wxs'
Set-Content -Encoding UTF8 $fragment $sb.ToString()

$msi = Join-Path $packaging "target\Telltale-Agent-$Version-x64.msi"
& wix build -arch x64 -ext WixToolset.Util.wixext -d "Version=$Version" -d "StageDir=$stage" `
  (Join-Path $windows 'telltale-agent.wxs') $fragment -o $msi
if ($LASTEXITCODE -ne 0) { throw 'build-msi: wix build failed' }
Write-Host "build-msi: $msi ($([math]::Round((Get-Item $msi).Length / 1MB, 1)) MB)"
Write-Host 'build-msi: sign it before distributing: signtool sign /fd SHA256 /tr <timestamp-url> /td SHA256 /a' $msi
