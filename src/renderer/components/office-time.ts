// Instants as the office reads them: Vietnam time (UTC+7) whatever the laptop's own zone.
const formatter = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** `HH:mm DD/MM/YYYY` at UTC+7. */
export const atOffice = (iso: string): string => formatter.format(new Date(iso));
