/** Display names for the country codes used in the data. */
const countries: Record<string, string> = {
  IR: 'Iran',
  PK: 'Pakistan',
  IQ: 'Iraq',
  SY: 'Syria',
};

export function countryName(code: string): string {
  return countries[code] ?? code;
}
