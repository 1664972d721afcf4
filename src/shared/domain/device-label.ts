// How a device is named on paper: its name as the office's devices are listed ("Quầy 2") with the
// four characters that end its id — the same four that end its receipt series (HN0105-AC89) — so a
// printed report names the counter a supervisor knows, and still ties to its receipts; a device not
// yet enrolled (no name heard from the central) is named by those four alone.
export function deviceShortId(deviceId: string): string {
  return deviceId.replace(/-/g, '').slice(-4).toUpperCase();
}

export function deviceLabel(name: string | null | undefined, deviceId: string): string {
  return name ? `${name} (${deviceShortId(deviceId)})` : deviceShortId(deviceId);
}
