import type { Diagnostics } from 'recheck';

/** How long the analysis of one regular expression may take before it counts as unsafe. */
export const PATTERN_ANALYSIS_TIMEOUT_MS = 3000;

/** The outcome of `analysePattern`: safe, or a German explanation why the pattern is refused. */
export type PatternVerdict = { safe: true } | { safe: false; message: string };

const CACHE_SIZE = 500;
const cache = new Map<string, Promise<PatternVerdict>>();

/**
 * Analyses a regular expression for catastrophic backtracking (ReDoS) with recheck: an automaton
 * analysis with a fuzzing fallback, not a heuristic, so bounded repeats such as `^([0-9]{5})?$`
 * pass while nested (`(a+)+$`, exponential) and overlapping (`^.*a.*b$`, polynomial) repeats are
 * refused. A pattern that cannot be analysed in time (or at all) is refused too. Server only: recheck
 * uses its native binary when installed, otherwise its JavaScript backend (`RECHECK_BACKEND`).
 * Verdicts are cached by source and flags (least recently used first out).
 * @param source the pattern as written in the schema
 * @param flags `u` as Ajv compiles `pattern`; JSONata regex literals bring their own
 * @param timeoutMs how long the analysis may take; a pattern not judged by then is refused
 */
export function analysePattern(
  source: string,
  flags = 'u',
  timeoutMs = PATTERN_ANALYSIS_TIMEOUT_MS,
): Promise<PatternVerdict> {
  const key = `${timeoutMs}/${flags}/${source}`;
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const verdict = runAnalysis(source, flags, timeoutMs, key);
  cache.set(key, verdict);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  // A failed analysis (not a verdict) is not remembered, so a later call tries again.
  verdict.catch(() => cache.delete(key));
  return verdict;
}

async function runAnalysis(
  source: string,
  flags: string,
  timeoutMs: number,
  key: string,
): Promise<PatternVerdict> {
  const { check } = await import('recheck');
  let diagnostics: Diagnostics;
  try {
    diagnostics = await check(source, supportedFlags(flags), { timeout: timeoutMs });
  } catch {
    cache.delete(key);
    return { safe: false, message: cannotAnalyse('die Prüfung ist fehlgeschlagen') };
  }
  return verdictOf(source, diagnostics);
}

/** recheck knows the flags of JavaScript regular expressions; the others do not change backtracking. */
function supportedFlags(flags: string): string {
  return [...new Set(flags)].filter((flag) => 'gimsuy'.includes(flag)).join('');
}

function verdictOf(source: string, diagnostics: Diagnostics): PatternVerdict {
  if (diagnostics.status === 'safe') return { safe: true };
  if (diagnostics.status === 'unknown') {
    const { error } = diagnostics;
    if (error.kind === 'timeout' || error.kind === 'cancel') {
      return { safe: false, message: cannotAnalyse('die Prüfung dauerte zu lange') };
    }
    return { safe: false, message: cannotAnalyse(`recheck: ${error.message}`) };
  }
  const places = diagnostics.hotspot.map((spot) => {
    const text = source.slice(spot.start, spot.end);
    const at = spot.end - spot.start > 1 ? `Zeichen ${spot.start + 1}–${spot.end}` : `Zeichen ${spot.end}`;
    return `„${text}“ (${at})`;
  });
  const where =
    places.length === 0
      ? 'Der Ausdruck'
      : places.length === 1
        ? `Die Stelle ${places[0]}`
        : `Die Stellen ${places.slice(0, -1).join(', ')} und ${places.at(-1)}`;
  const growth =
    diagnostics.complexity.type === 'exponential'
      ? 'exponentiell'
      : `polynomiell (Grad ${diagnostics.complexity.degree})`;
  return {
    safe: false,
    message:
      `Unsicherer regulärer Ausdruck: ${where} kann bei bestimmten Eingaben ${growth} lange ` +
      'rechnen (verschachtelte oder sich überlappende Wiederholungen). Bitte so umschreiben, dass ' +
      'jedes Zeichen der Eingabe nur zu einer Wiederholung passen kann.',
  };
}

function cannotAnalyse(reason: string): string {
  return (
    `Der reguläre Ausdruck konnte nicht rechtzeitig auf Sicherheit geprüft werden (${reason}); ` +
    'bitte vereinfachen.'
  );
}
