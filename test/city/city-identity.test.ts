// The city's identity: read from the CITY_* settings, validated at boot, the same for every reader.
import { join } from 'node:path';
import { ConfigError, loadConfig, testConfig } from '../../src/config';
import { cityIdentity } from '../../src/shared/city';

describe('cityIdentity', () => {
  it('gives the name, SIRET, INSEE code, address lines, court and public URL of the configured city', () => {
    const city = cityIdentity(
      loadConfig({
        NODE_ENV: 'test',
        CITY_NAME: 'Commune de Prades-sur-Lune',
        CITY_SIRET: '21130001700012',
        CITY_INSEE: '2A004',
        CITY_ADDRESS: 'Mairie; 3, place du Marché; 20000 Prades-sur-Lune',
        CITY_COURT: 'tribunal administratif de Bastia',
        PUBLIC_URL: 'https://subventions.prades.example/',
      }),
    );
    expect(city).toEqual({
      name: 'Commune de Prades-sur-Lune',
      siret: '21130001700012',
      insee: '2A004',
      address: {
        lines: ['Mairie', '3, place du Marché', '20000 Prades-sur-Lune'],
        postcode: '20000',
        town: 'Prades-sur-Lune',
        text: 'Mairie, 3, place du Marché, 20000 Prades-sur-Lune',
      },
      logoPath: null,
      publicUrl: 'https://subventions.prades.example',
      court: 'tribunal administratif de Bastia',
    });
    expect(Object.isFrozen(city.address.lines)).toBe(true);
  });

  it('keeps a logo file that exists, and defaults to the court of the demo city', () => {
    const logo = join(__dirname, '..', 'fixtures', 'city-logo.svg');
    const city = cityIdentity(loadConfig({ NODE_ENV: 'test', CITY_LOGO: logo }));
    expect(city.logoPath).toBe(logo);
    expect(cityIdentity(testConfig()).court).toBe('tribunal administratif de Marseille');
  });

  it('stops the boot naming each bad city setting', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'test', CITY_INSEE: '1300', CITY_ADDRESS: 'Mairie; Aix', CITY_LOGO: 'missing-logo.png', CITY_BOUNDS: 'missing.geojson' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/CITY_INSEE must be an INSEE commune code/);
    expect(problems).toMatch(/CITY_ADDRESS must be 1 to 6 lines/);
    expect(problems).toMatch(/CITY_LOGO names a file that does not exist: "missing-logo.png"/);
    expect(problems).toMatch(/CITY_BOUNDS names a file that does not exist/);
    expect(() => loadConfig({ NODE_ENV: 'test', CITY_LOGO: 'logo.gif' })).toThrow(/CITY_LOGO must be a .png, .jpg or .svg file/);
  });
});
