// The QR code printed on a receipt or a refund voucher (ADR 0027): the verify page's address with
// the document's signed payload, drawn as one SVG path at render time (synchronously, so a print
// pressed at once has it), with a quiet zone of 4 modules and medium error correction — a phone
// camera reads it from a 26 mm square on paper.
import QRCode from 'qrcode';
import { useMemo } from 'react';

export function QrCode({ text, sizeMm = 26, testId }: { text: string; sizeMm?: number; testId?: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
    }
    return { size: modules.size + 8, path: d };
  }, [text]);
  return (
    <svg
      data-testid={testId}
      data-qr-text={text}
      viewBox={`0 0 ${size} ${size}`}
      width={`${sizeMm}mm`}
      height={`${sizeMm}mm`}
      shapeRendering="crispEdges"
      role="img"
      aria-label="QR"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
