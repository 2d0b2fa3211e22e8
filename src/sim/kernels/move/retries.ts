/**
 * Repeated attempts at a smuggled crossing within the year (issue 18; Massey & Singer 1995,
 * Demography 32:2, and Cornelius 2001, PDR 27:4: migrants caught at the border mostly try again,
 * and most of them eventually get across). Each attempt ends in death with probability d, in
 * interception with probability i(1 − d), or across; an intercepted migrant tries again with
 * probability ρ (`retryProbability`), any number of times. With a = ρ·i·(1 − d), the chance of
 * another attempt after one:
 *
 *   across        = (1 − i)(1 − d) / (1 − a)
 *   died          = d / (1 − a)
 *   apprehensions = i(1 − d) / (1 − a)    (expected interceptions, repeats counted)
 *   turned back   = 1 − across − died     (gave up after an interception)
 *
 * The price is paid once (smugglers' fees cover several attempts: Spener 2009). With ρ = 0 it is the
 * single attempt of before.
 */

/** The outcome of a smuggled journey with retries, per migrant who sets out. */
export interface Journey {
  across: number;
  died: number;
  apprehensions: number;
}

export function journeyWithRetries(interception: number, death: number, retry: number): Journey {
  const i = Math.min(1, Math.max(0, interception));
  const d = Math.min(1, Math.max(0, death));
  const again = Math.min(1, Math.max(0, retry)) * i * (1 - d);
  const attempts = again < 1 ? 1 / (1 - again) : Infinity;
  if (!Number.isFinite(attempts)) return { across: 0, died: 0, apprehensions: Infinity };
  return { across: (1 - i) * (1 - d) * attempts, died: d * attempts, apprehensions: i * (1 - d) * attempts };
}
