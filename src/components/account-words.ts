/** Words shared by the strike card and the table for what the accounts say. */
import type { Account } from '../data/types.ts';
import { english, type Texts } from '../i18n/texts.ts';

const COUNTRY_CODES = ['IR', 'PK', 'IQ', 'SY', 'AF', 'TR'];

/** "2 killed, 3 injured" where the account gives numbers, else its words. */
export function casualtyFigure(a: Account, t: Texts): string {
  const parts = [a.killed !== undefined ? t.t('killed', { count: a.killed }) : '', a.injured !== undefined ? t.t('injured', { count: a.injured }) : ''].filter(Boolean);
  return parts.length ? t.list(parts) : a.text;
}

/** A country the data names in English ("Pakistan"), in the reader's language when it is one we know. */
export function countryNamed(name: string, t: Texts): string {
  const code = COUNTRY_CODES.find((c) => english.country(c) === name);
  return code ? t.country(code) : name;
}
