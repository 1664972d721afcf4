// Seals a secret for every account of this Windows computer: DPAPI with the machine's key
// (ProtectedData, DataProtectionScope.LocalMachine), through PowerShell, which every supported
// Windows has. The store of an install for all users is opened by whichever staff account is
// signed in, so its key cannot be sealed to one account's keychain (safeStorage) as a field
// laptop's is (ADR 0023). What it protects against: the key file copied off the disk, or read by
// an account outside the app's group (the folder's ACL) — not a thief with the whole disk and the
// tools to take the machine's DPAPI secrets from it; counter PCs keep BitLocker for that.
// The secret goes in and out on stdin/stdout, never on a command line.
import { execFileSync } from 'node:child_process';
import type { SecretSealer } from './core/db/store-key';

const PREAMBLE = 'Add-Type -AssemblyName System.Security; $in = [Console]::In.ReadToEnd().Trim();';
const PROTECT = `${PREAMBLE} $out = [Security.Cryptography.ProtectedData]::Protect([Text.Encoding]::UTF8.GetBytes($in), $null, 'LocalMachine'); [Console]::Out.Write([Convert]::ToBase64String($out))`;
const UNPROTECT = `${PREAMBLE} $out = [Security.Cryptography.ProtectedData]::Unprotect([Convert]::FromBase64String($in), $null, 'LocalMachine'); [Console]::Out.Write([Text.Encoding]::UTF8.GetString($out))`;

type Run = (script: string, input: string) => string;

const powershell: Run = (script, input) =>
  execFileSync('powershell.exe', ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', script], {
    input,
    encoding: 'utf8',
    windowsHide: true,
    timeout: 30_000,
  });

export function machineSealer(run: Run = powershell): SecretSealer {
  return {
    seal: (secret) => Buffer.from(run(PROTECT, secret).trim(), 'base64'),
    open: (sealed) => run(UNPROTECT, sealed.toString('base64')),
  };
}
