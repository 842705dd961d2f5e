/** Today's date in the county's time zone (ISO `YYYY-MM-DD`): due dates, notice dates, bookings, file names. */
export function todayInVerden(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(now);
}
