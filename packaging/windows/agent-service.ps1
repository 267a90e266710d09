# Telltale agent service entry point on Windows (C:\Program Files\Telltale\bin\agent-service.ps1), run by
# WinSW as LocalSystem. Mirrors enroll-pending on Linux and macOS:
#   1. %ProgramData%\Telltale\agent.yml from the sample if absent (an administrator's edits survive upgrades)
#   2. enroll once, from what the MSI stored (HKLM\SOFTWARE\Telltale\Agent: CollectorAddress;
#      ...\Agent\Enrollment: Token, CAFile; that key is readable by SYSTEM and Administrators only)
#   3. run the agent; its exit code is the service's (non-zero: WinSW restarts it after 30 s; 0, as for a
#      device the collector revoked: the service stays stopped, see telltale-agent-service.xml)
$ErrorActionPreference = 'Stop'
$installDir = Split-Path -Parent $PSScriptRoot
$data = Join-Path $env:ProgramData 'Telltale'
$java = Join-Path $installDir 'runtime\bin\java.exe'
$agent = @("@$installDir\agent.jvmopts", '-jar', "$installDir\telltale-agent.jar")
$config = Join-Path $data 'agent.yml'

New-Item -ItemType Directory -Force -Path $data | Out-Null
if (-not (Test-Path $config)) { Copy-Item (Join-Path $installDir 'agent.yml.sample') $config }

$env:TELLTALE_STATE_DIR = $data
$settings = Get-ItemProperty -Path 'HKLM:\SOFTWARE\Telltale\Agent' -ErrorAction SilentlyContinue
if ($settings -and $settings.CollectorAddress) { $env:TELLTALE_COLLECTOR_ADDRESS = $settings.CollectorAddress }

# Mirrors AgentState.isEnrolled(): device-id, client.key and client.crt present. A revoked device is still
# enrolled here, so the stored token never re-enrolls it behind the collector's back; the agent says how.
$enrolled = @('device-id', 'client.key', 'client.crt') | ForEach-Object { Test-Path (Join-Path $data $_) }
if ($enrolled -contains $false) {
  $enrollment = Get-ItemProperty -Path 'HKLM:\SOFTWARE\Telltale\Agent\Enrollment' -ErrorAction SilentlyContinue
  if ($enrollment -and $enrollment.Token) {
    $ca = if ($enrollment.CAFile) { $enrollment.CAFile } else { Join-Path $data 'ca.crt' }
    if (-not $env:TELLTALE_COLLECTOR_ADDRESS) {
      [Console]::Error.WriteLine('agent-service: no collector address (expected: msiexec ... COLLECTOR=HOST:PORT)')
      exit 2
    }
    if (-not (Test-Path $ca)) {
      [Console]::Error.WriteLine("agent-service: CA_FILE: $ca is not a readable file (expected: the collector CA, PEM)")
      exit 2
    }
    [Console]::Error.WriteLine("agent-service: enrolling with $env:TELLTALE_COLLECTOR_ADDRESS")
    & $java @agent enroll --collector $env:TELLTALE_COLLECTOR_ADDRESS --token $enrollment.Token --ca $ca --state-dir $data
    if ($LASTEXITCODE -ne 0) {
      [Console]::Error.WriteLine('agent-service: enrollment failed; retrying in 30 s')
      exit 1
    }
  }
}

& $java @agent run --config $config
exit $LASTEXITCODE
