/** How notices (Bescheide) are numbered and what their letter says around the figures (configuration). */
export interface NoticeSettings {
  /** `{YYYY}` the year of the notice date, `{N…}` the running number in that year, zero-padded to as many digits as N. */
  numberPattern: string;
  /** The letterhead, one line each. */
  letterhead: string[];
  /** The Rechtsbehelfsbelehrung printed at the end of the letter. */
  legalRemedy: string;
}

export const DEFAULT_NOTICE_NUMBER_PATTERN = 'SRB-{YYYY}-{NNNN}';

/** Lines separated by `|` (one environment variable). */
export const DEFAULT_NOTICE_LETTERHEAD =
  'Landkreis Verden|Der Landrat|Fachdienst Jugend und Familie – Wirtschaftliche Jugendhilfe|' +
  'Lindhooper Straße 67|27283 Verden (Aller)';

export const DEFAULT_NOTICE_LEGAL_REMEDY =
  'Rechtsbehelfsbelehrung: Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage ' +
  'beim Verwaltungsgericht Stade, Am Sande 4a, 21682 Stade, erhoben werden. Die Klage ist schriftlich, ' +
  'zur Niederschrift der Urkundsbeamtin oder des Urkundsbeamten der Geschäftsstelle des Gerichts oder ' +
  'elektronisch in einer für den Schriftformersatz zugelassenen Form zu erheben.';

const SEQUENCE_TOKEN = /\{(N+)\}/;

/** Why a number pattern cannot give numbers unique per year, or null when it can. */
export function noticeNumberPatternProblem(pattern: string): string | null {
  if (!pattern.includes('{YYYY}')) return 'erwartet {YYYY} (das Jahr des Bescheids)';
  const tokens = pattern.match(/\{N+\}/g) ?? [];
  if (tokens.length !== 1) return 'erwartet genau einmal {N…} (laufende Nummer, z. B. {NNNN})';
  if (pattern.length > 60) return 'erwartet höchstens 60 Zeichen';
  return null;
}

/** The notice number for the `sequence`-th notice of `year`. */
export function formatNoticeNumber(pattern: string, year: number, sequence: number): string {
  return pattern
    .replaceAll('{YYYY}', String(year))
    .replace(SEQUENCE_TOKEN, (_token, digits: string) => String(sequence).padStart(digits.length, '0'));
}

/** Splits the configured letterhead into lines. */
export function letterheadLines(value: string): string[] {
  return value
    .split('|')
    .map((line) => line.trim())
    .filter(Boolean);
}

export const DEFAULT_NOTICE_SETTINGS: NoticeSettings = {
  numberPattern: DEFAULT_NOTICE_NUMBER_PATTERN,
  letterhead: letterheadLines(DEFAULT_NOTICE_LETTERHEAD),
  legalRemedy: DEFAULT_NOTICE_LEGAL_REMEDY,
};

let current: NoticeSettings = DEFAULT_NOTICE_SETTINGS;

/** Sets the notice settings of this process (at start, from the configuration). */
export function configureNotices(settings: Partial<NoticeSettings> | undefined): void {
  current = { ...DEFAULT_NOTICE_SETTINGS, ...settings };
}

/** The notice settings in force. */
export function noticeSettings(): NoticeSettings {
  return current;
}
