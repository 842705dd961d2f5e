const dateTimeFormat = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Berlin',
});

/** „24.11.2026, 10:15 Uhr“ */
export const formatDateTime = (value: string | number | Date): string =>
  `${dateTimeFormat.format(new Date(value))} Uhr`;
