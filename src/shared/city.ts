// The city this instance serves, as letters, emails, exports and the `city` query name it: one accessor over
// the CITY_* settings (src/config.ts), so no module reads them piecemeal or writes a city's name in its code.
import type { Config } from '../config';

export interface CityAddress {
  /** Every line, in order, as printed on an envelope. */
  readonly lines: readonly string[];
  /** The 5-digit postcode of the last line. */
  readonly postcode: string;
  /** The town of the last line. */
  readonly town: string;
  /** The lines joined by ", ", for one-line uses. */
  readonly text: string;
}

export interface CityIdentity {
  /** As named in publications and letters, e.g. "Commune de Bellerive-sur-Lune". */
  readonly name: string;
  /** 14 digits (idAttribuant of the SCDL publication). */
  readonly siret: string;
  /** The commune's INSEE code, e.g. 45999 (2A004 in Corsica). */
  readonly insee: string;
  readonly address: CityAddress;
  /** The logo file for letters, or null when none is configured (checked to exist at boot). */
  readonly logoPath: string | null;
  /** Where people reach the application, without a trailing slash. */
  readonly publicUrl: string;
  /** The administrative court that hears appeals, e.g. "tribunal administratif d'Orléans". */
  readonly court: string;
}

export type CityConfig = Pick<Config, 'cityName' | 'citySiret' | 'cityInsee' | 'cityAddress' | 'cityLogoPath' | 'cityCourt' | 'publicUrl'>;

/** The city's identity from the validated configuration (ctx.config in a request, loadConfig() in a script). */
export function cityIdentity(config: CityConfig): CityIdentity {
  const lines = [...config.cityAddress];
  const last = lines.at(-1) ?? '';
  const match = /^(\d{5})\s+(.+)$/.exec(last);
  return Object.freeze({
    name: config.cityName,
    siret: config.citySiret,
    insee: config.cityInsee,
    address: Object.freeze({ lines: Object.freeze(lines), postcode: match?.[1] ?? '', town: match?.[2] ?? last, text: lines.join(', ') }),
    logoPath: config.cityLogoPath || null,
    publicUrl: config.publicUrl,
    court: config.cityCourt,
  });
}
