/** A registration's check-in QR code: the address of its check-in page, which the host opens by scanning it. */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export const checkInUrl = (registrationId: string) => `${window.location.origin}/trainings/check-in/${registrationId}`;

export function QrCode({ registrationId, label }: { registrationId: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    QRCode.toDataURL(checkInUrl(registrationId), { margin: 1, width: 160 }).then(setSrc, () => setSrc(null));
  }, [registrationId]);
  return src ? (
    <img src={src} width={120} height={120} alt={label} data-checkin-url={checkInUrl(registrationId)} />
  ) : null;
}
